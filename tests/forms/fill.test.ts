import { describe, expect, it } from 'vitest';
import { findForm } from '../../flows/forms';
import { contactsField, fullNameField } from '../../flows/forms/shared';
import { checkDefinition, questionnaire, type QuestionnaireDefinition } from '../../flows/questionnaire';
import type { FlowContext } from '../../flows/types';
import type { Conversation } from '../../store/types';
import { texts } from '../support/engine';

const ctx: FlowContext = {
  lang: 'ru',
  t: texts.translator('ru'),
  both: texts.both,
  now: new Date('2026-03-02T06:00:00Z'),
  conversation: { data: {} } as unknown as Conversation,
  availability: { open: true, operatorsOnline: 0, hours: [] },
};
const FORM_IDS = ['seed000-app1', 'seed004-app5', 'seed000-app7', 'seed001-annex1'];

/** The answer a form's field keeps for a typed text, or the error the citizen is told. */
function typedInto(field: QuestionnaireDefinition['fields'][number], text: string): string {
  const def: QuestionnaireDefinition = { title: { kk: 'Өтініш', ru: 'Заявление' }, fields: [field] };
  const step = questionnaire.handle(def, questionnaire.start(def, ctx).state, { type: 'text', text }, ctx);
  const value = step.state.values[field.id];
  return typeof value === 'string' ? value : `error: ${step.replies[0]!.text}`;
}

describe('the application forms, asked by the questionnaire', () => {
  it('every form is a questionnaire whose buttons fit Telegram, with a short name for each line of its summary', () => {
    for (const id of FORM_IDS) {
      const form = findForm(id)!;
      expect(() => checkDefinition(form), id).not.toThrow();
      for (const field of form.fields) expect((field.short ?? field.label).ru.length, `${id} ${field.id}`).toBeLessThanOrEqual(60);
    }
  });

  it('takes a bare Kazakhstan phone number as the contact details, in one spelling', () => {
    for (const typed of ['+7 701 234 56 78', '8 (701) 234-56-78', '87012345678', ' 7012345678 ', '+7 727 123 45 67']) {
      expect(typedInto(contactsField, typed), typed).toBe(typed.includes('727') ? '+7 727 123 45 67' : '+7 701 234 56 78');
    }
  });

  it('keeps contact details written as text as typed', () => {
    expect(typedInto(contactsField, 'тел. +7 701 234 56 78,  nurgul@mail.kz')).toBe('тел. +7 701 234 56 78, nurgul@mail.kz');
    expect(typedInto(contactsField, 'nurgul@mail.kz')).toBe('nurgul@mail.kz');
  });

  it('refuses contact details with no letter and no valid phone number, as a phone number', () => {
    for (const typed of ['12345', '+7 701 234', '8 800 080 7777', '—', '7']) {
      expect(typedInto(contactsField, typed), typed).toMatch(/^error: В номере телефона 10 цифр после \+7/);
    }
    expect(typedInto(contactsField, `тел. ${'1'.repeat(150)}`)).toBe('error: Ответ слишком длинный: не больше 150 символов. Напишите короче.');
  });

  it('still wants a letter in a plain text field: a phone number is not a name', () => {
    expect(typedInto(fullNameField, '+7 701 234 56 78')).toBe('error: В ответе нет букв. Напишите его словами.');
    expect(typedInto(fullNameField, 'Әлімжанова Гүлнұр')).toBe('Әлімжанова Гүлнұр');
  });
});
