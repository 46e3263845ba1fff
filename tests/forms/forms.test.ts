import { describe, expect, it } from 'vitest';
import { catalog } from '../../flows/catalog';
import { findForm } from '../../flows/forms';
import type { FormDefinition, FormValues } from '../../flows/forms/types';
import { expectCited, seedLines, type SeedFile } from '../catalog/support';

const KAZAKH_LETTER = /[әғқңөұүһі]/i;

/** A value for every field: the first option of a choice, a year, a valid IIN, or a short text. */
function everyFieldFilled(form: FormDefinition): FormValues {
  return Object.fromEntries(form.fields.map((f) => [f.id, f.kind === 'choice' ? f.options![0]!.id : f.kind === 'year' ? '2010' : f.kind === 'iin' ? '850520400003' : `мәтін ${f.id}`]));
}

const withForm = catalog.filter((service) => service.form);

describe('application forms of the catalog', () => {
  it('every service that offers a form finds it among the forms the product fills', () => {
    expect(withForm.map((s) => s.id)).toEqual(expect.arrayContaining(['duplicate-school', 'duplicate-tvet', 'duplicate-higher', 'correct-education-document']));
    for (const service of withForm) expect(findForm(service.form)?.id, service.id).toBe(service.form);
  });

  for (const service of withForm) {
    const form = findForm(service.form)!;

    describe(`${form.id} (${service.id})`, () => {
      it('prints the seed form’s own Kazakh captions, consent and fixed wording, from the lines it cites', () => {
        const file = form.source.seed as SeedFile;
        expect(() => seedLines(file, form.source.lines!)).not.toThrow();
        const layout = form.layout(everyFieldFilled(form), 'kk', '2026 жылғы 22 қараша');
        for (const { caption } of layout.header) expectCited([form.source], caption);
        expectCited([form.source], layout.title);
        expectCited([form.source], layout.signatureCaption);
        // The consent (and App. 7's note, whose full stop the seed lacks) are printed whole; the request around the typed reason in part.
        for (const paragraph of layout.body.filter((p) => /келісемін|Ескертпе/.test(p))) expectCited([form.source], paragraph.replace(/\.$/, ''));
        expectCited([form.source], 'сұраймын');
      });

      it('asks every field with a label in both languages and offers buttons for each choice', () => {
        const ids = form.fields.map((f) => f.id);
        expect(new Set(ids).size).toBe(ids.length);
        for (const field of form.fields) {
          expect(field.label.kk).not.toBe(field.label.ru);
          expect(field.label.ru).not.toMatch(KAZAKH_LETTER);
          if (field.kind === 'choice') expect(field.options!.length).toBeGreaterThanOrEqual(2);
        }
      });

      it('prints every typed value, and a blank line for a skipped optional field', () => {
        const values = everyFieldFilled(form);
        for (const lang of ['kk', 'ru'] as const) {
          const printed = JSON.stringify(form.layout(values, lang, 'today'));
          for (const field of form.fields.filter((f) => f.kind !== 'choice')) expect(printed, `${field.id} in ${lang}`).toContain(values[field.id]);
          const skipped = Object.fromEntries(form.fields.map((f) => [f.id, f.optional ? '' : values[f.id]!]));
          expect(() => form.layout(skipped, lang, 'today')).not.toThrow();
        }
      });
    });
  }

  it('takes the reason already answered in the checklist, and ignores an unknown one', () => {
    for (const id of ['seed000-app1', 'seed004-app5', 'seed000-app7']) {
      const form = findForm(id)!;
      expect(form.prefill!({ channel: 'state_corporation', reason: 'damaged' }, 'kk')).toEqual({ reason: 'damaged' });
      expect(form.prefill!({ reason: 'toString' }, 'ru')).toEqual({});
    }
  });
});
