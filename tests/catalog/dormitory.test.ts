import { describe, it, expect } from 'vitest';
import { nextQuestion } from '../../flows/catalog/personalise';
import { dormitory as service } from '../../flows/catalog/services/dormitory';
import { documentById, expectAfterHours, expectChecklist, expectCited, expectDocumentList, expectInSeed, expectNoFeeHomeVisitRefusalsOrForm, expectTerms, expectValidEntry } from './support';

describe('catalog: dormitory (seed 002)', () => {
  it('is a valid, cited, bilingual entry', () => {
    expectValidEntry(service);
  });

  it('states the slide facts', () => {
    expect(service.id).toBe('dormitory');
    expect(service.audience).toBe('citizen');
    expect(service.channels.map((c) => c.id)).toEqual(['provider_office']);
    expect(service.term).toMatchObject({ kind: 'total', workingDays: 3 });
    expect(service.term.calendarDays).toBeUndefined();
    expect(service.otherTerms).toEqual([]);
    expectNoFeeHomeVisitRefusalsOrForm(service);
    // The seed gives no after-hours rule for this service: it must not claim one.
    expectAfterHours(service, undefined);
    expectDocumentList(service, [
      ['identity_documents', 'always'],
      ['family_composition_certificate', 'conditional'],
      ['parent_death_certificate', 'conditional'],
      ['large_family_certificate', 'conditional'],
      ['disability_certificate', 'conditional'],
      ['social_assistance_document', 'conditional'],
    ]);
  });

  it('personalises by family and category', () => {
    expect(nextQuestion(service, {})?.id).toBe('family');
    expect(nextQuestion(service, { family: 'yes' })?.id).toBe('category');
    expect(nextQuestion(service, { family: 'yes', category: 'none' })).toBeUndefined();
    expectChecklist(service, { family: 'no', category: 'none' }, ['identity_documents']);
    expectChecklist(service, { family: 'yes', category: 'none' }, ['identity_documents', 'family_composition_certificate']);
    expectChecklist(service, { family: 'no', category: 'orphan' }, ['identity_documents', 'parent_death_certificate']);
    expectChecklist(service, { family: 'yes', category: 'large_family' }, ['identity_documents', 'family_composition_certificate', 'large_family_certificate']);
    expectChecklist(service, { family: 'no', category: 'disability' }, ['identity_documents', 'disability_certificate']);
    expectChecklist(service, { family: 'no', category: 'social_assistance' }, ['identity_documents', 'social_assistance_document']);
    expectTerms(service, {}, [3], (t) => t.workingDays);
  });

  it('cites seed lines that contain the facts', () => {
    const doc = (id: string) => documentById(service, id).sources;
    expectCited(service.term.sources, '3 жұмыс күн');
    expectCited(service.result.sources, 'конкурстық негізде');
    expectCited(service.provider.sources, 'арнайы құрылған комиссия бөледі');
    expectCited(doc('identity_documents'), 'жеке басын куәландыратын құжаттар');
    expectCited(doc('family_composition_certificate'), 'отбасы болған жағдайда отбасы құрамы туралы анықтаманы');
    expectCited(doc('parent_death_certificate'), 'қайтыс болуы туралы куәлікті (жетім балалар үшін)');
    expectCited(doc('large_family_certificate'), 'отбасында 4 және одан көп баланың болуы туралы анықтаманы');
    expectCited(doc('disability_certificate'), 'мүгедектікті растау туралы анықтаманы');
    expectCited(doc('social_assistance_document'), 'атаулы әлеуметтік көмек алу үшін');
    // The list stops there: the cut-off item is the last text line of the list.
    expectInSeed('002_3ac65400ac0ed134.txt', 'L699', 'атаулы әлеуметтік көмек алу үшін');
    // The 15 working days printed beside the dormitory term are the duplicates' term (seed 004).
    expectCited(service.notes[2]!.sources, '15 жұмыс күн');
    expectCited(service.notes[2]!.sources, '15 (он бес) жұмыс күні');
  });
});

describe('catalog: the dormitory question and what the slide leaves out', () => {
  it('asks about marriage or children, which a student answers at once; the answer contradicts none of the categories', () => {
    const family = service.questions.find((q) => q.id === 'family')!;
    expect(family.text.ru).toBe('Вы состоите в браке или у вас есть дети?');
    expect(family.text.kk).toBe('Сіз некедесіз бе, әлде балаңыз бар ма?');
    expect(family.options.map((o) => o.label.ru)).toEqual(['Да', 'Нет']);
    expect(documentById(service, 'family_composition_certificate').explanation!.ru).toContain('«при наличии семьи»');
  });

  it('says that the slide gives no application text, as for academic leave', () => {
    expect(service.notes[0]!.text.ru).toBe('В материалах колледжа названы только подтверждающие документы: текста или формы заявления там нет. Как написать заявление, уточните в колледже.');
    expectCited(service.notes[0]!.sources, 'жеке басын куәландыратын');
  });
});
