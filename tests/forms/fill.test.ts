import { describe, expect, it } from 'vitest';
import { checkTyped } from '../../flows/forms/fill';
import { contactsField, fullNameField } from '../../flows/forms/shared';
import type { FlowContext } from '../../flows/types';

const ctx = { now: new Date('2026-03-02T06:00:00Z') } as FlowContext;

describe('typed answers in the form', () => {
  it('takes a bare Kazakhstan phone number as the contact details, in one spelling', () => {
    for (const typed of ['+7 701 234 56 78', '8 (701) 234-56-78', '87012345678', ' 7012345678 ', '+7 727 123 45 67']) {
      expect(checkTyped(contactsField, typed, ctx), typed).toEqual({ value: typed.includes('727') ? '+7 727 123 45 67' : '+7 701 234 56 78' });
    }
  });

  it('keeps contact details written as text as typed', () => {
    expect(checkTyped(contactsField, 'тел. +7 701 234 56 78,  nurgul@mail.kz', ctx)).toEqual({ value: 'тел. +7 701 234 56 78, nurgul@mail.kz' });
    expect(checkTyped(contactsField, 'nurgul@mail.kz', ctx)).toEqual({ value: 'nurgul@mail.kz' });
  });

  it('refuses contact details with no letter and no valid phone number, as too short', () => {
    for (const typed of ['12345', '+7 701 234', '8 800 080 7777', '—', '7']) {
      expect(checkTyped(contactsField, typed, ctx), typed).toEqual({ error: 'forms:errors.too_short' });
    }
    expect(checkTyped(contactsField, `тел. ${'1'.repeat(150)}`, ctx)).toEqual({ error: 'forms:errors.too_long', vars: { max: 150 } });
  });

  it('still wants a letter in a plain text field: a phone number is not a name', () => {
    expect(checkTyped(fullNameField, '+7 701 234 56 78', ctx)).toEqual({ error: 'forms:errors.too_short' });
    expect(checkTyped(fullNameField, 'Әлімжанова Гүлнұр', ctx)).toEqual({ value: 'Әлімжанова Гүлнұр' });
  });
});
