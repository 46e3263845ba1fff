import { describe, expect, it } from 'vitest';
import { catalog, findService, parseCatalog, SERVICE_IDS } from '../../flows/catalog';
import { ANSWER_WORDS } from '../../flows/catalog/answer-words';
import { services } from '../../flows/catalog/services';

describe('the service catalog', () => {
  it('serves all eleven services of DESIGN.md, validated', () => {
    expect(catalog.map((s) => s.id).sort()).toEqual([...SERVICE_IDS].sort());
  });

  it('is exactly its sources once validated, so the built bundle may take the sources as they are', () => {
    expect(parseCatalog(services)).toEqual(services);
  });

  it('gives words typed for an answer only to answers its questions offer, and never one word to two answers of a question', () => {
    const offered = new Set(catalog.flatMap((s) => s.questions.flatMap((q) => q.options.map((o) => `${q.id}:${o.id}`))));
    for (const key of Object.keys(ANSWER_WORDS)) expect(offered, key).toContain(key);
    const byQuestion = new Map<string, string[]>();
    for (const [key, words] of Object.entries(ANSWER_WORDS)) {
      const question = key.split(':')[0]!;
      const seen = byQuestion.get(question) ?? [];
      for (const word of [...words.ru, ...words.kk]) expect(seen, `${key}: ${word}`).not.toContain(word);
      byQuestion.set(question, [...seen, ...words.ru, ...words.kk]);
    }
  });

  it('finds a service by id and nothing for an unknown one', () => {
    expect(findService('duplicate-school')?.audience).toBe('citizen');
    expect(findService('state-order-competition')?.audience).toBe('organisation');
    expect(findService('passport')).toBeUndefined();
  });
});

describe('fees and the after-hours rule across the catalog', () => {
  it('marks as free only the fees a seed states; every other fee is "not stated", not a charge', () => {
    const fees = Object.fromEntries(catalog.map((s) => [s.id, [s.fee.stated, s.fee.free]]));
    expect(fees).toEqual({
      'duplicate-school': [true, true],
      'duplicate-tvet': [true, true],
      'duplicate-higher': [true, true],
      'correct-education-document': [true, true],
      'academic-leave': [false, false],
      'free-meals': [false, false],
      'tvet-admission': [false, false],
      dormitory: [false, false],
      'transfer-reinstatement': [false, false],
      'incomplete-education-certificate': [false, false],
      'state-order-competition': [false, false],
    });
  });

  it('gives the after-hours rule only to the services whose seed states it', () => {
    const rules = Object.fromEntries(catalog.filter((s) => s.afterHours).map((s) => [s.id, s.afterHours!.channels ?? 'all']));
    expect(rules).toEqual({
      'duplicate-school': 'all',
      'duplicate-tvet': 'all',
      'duplicate-higher': 'all',
      'correct-education-document': 'all',
      'transfer-reinstatement': ['egov_portal'],
    });
  });

  it('refuses a free fee that is not stated, and a closing time on a channel the rule does not cover', () => {
    const school = findService('duplicate-school')!;
    const transfer = findService('transfer-reinstatement')!;
    expect(() => parseCatalog([{ ...school, fee: { ...school.fee, stated: false } }])).toThrow(/cannot be free/);
    const { stated: _stated, ...withoutStated } = school.fee;
    expect(() => parseCatalog([{ ...school, fee: withoutStated }])).toThrow();
    const officeTime = { channels: ['provider_office' as const], closesAt: '18:00', sources: transfer.afterHours!.sources };
    expect(() => parseCatalog([{ ...transfer, afterHours: { ...transfer.afterHours!, closingTimes: [officeTime] } }])).toThrow(/does not cover/);
    const twice = school.afterHours!.closingTimes[0]!;
    expect(() => parseCatalog([{ ...school, afterHours: { ...school.afterHours!, closingTimes: [twice, twice] } }])).toThrow(/two closing times/);
    expect(() => parseCatalog([{ ...school, afterHours: { ...school.afterHours!, closingTimes: [{ ...twice, closesAt: '24:00' }] } }])).toThrow(/HH:MM/);
  });
});

describe('what citizens read of the catalog', () => {
  it("keeps copy errors of the law in the operators' notes, out of the notes shown to citizens", () => {
    const copyErrors = /ошибки копирования|«услугополучателю»|заслушивании перед отказом|в единственном числе|график работы вуза/;
    for (const service of catalog) for (const note of service.notes) expect(note.text.ru, service.id).not.toMatch(copyErrors);
    const kept = catalog.flatMap((s) => s.operatorNotes ?? []);
    expect(kept).toHaveLength(7);
  });

  it('has no tickable placeholder for a list the seed does not give', () => {
    for (const service of catalog) for (const d of service.documents) expect(d.text.ru, service.id).not.toMatch(/не приведён|не указан/);
  });
});
