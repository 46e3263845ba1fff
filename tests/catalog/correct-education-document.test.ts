import { describe, it, expect } from 'vitest';
import { parseCatalog } from '../../flows/catalog/schema';
import { nextQuestion } from '../../flows/catalog/personalise';
import { correctEducationDocument as service } from '../../flows/catalog/services/correct-education-document';
import { documentById, expectAfterHours, expectChecklist, expectCited, expectDocumentsPerChannel, expectInSeed, expectStatedFree, expectTerms, expectWellFormedEntry } from './support';

const SEED_001 = '001_058569bc204a025c.txt';
const SEED_003 = '003_b067d50d7d09009c.txt';

describe('catalog: correct-education-document', () => {
  it('is a valid catalog entry', () => {
    expect(() => parseCatalog([service])).not.toThrow();
    expect(service.audience).toBe('citizen');
    expect(service.form).toBe('seed001-annex1');
  });

  it('keeps the seed facts: portal only, 3 working days, free, no home visit, refusals', () => {
    expect(service.channels.map((c) => c.id)).toEqual(['egov_portal']);
    expect(service.term).toMatchObject({ kind: 'total', workingDays: 3 });
    expect(service.term.calendarDays).toBeUndefined();
    expect(service.otherTerms).toEqual([]);
    expectStatedFree(service, 'тегін');
    // Portal only, and the seed gives no working hours: only days off move the registration.
    expectAfterHours(service, ['all', []]);
    expect(service.homeVisit.available).toBe(false);
    expect(service.refusalGrounds.intake).toHaveLength(0);
    expect(service.refusalGrounds.service).toHaveLength(3);
    expect(service.workingHours).toHaveLength(1);
    expect(service.notes).toHaveLength(4);
    // Singular in the list, plural in point 6: a drafting slip, for operators only.
    expect(service.operatorNotes!.map((n) => n.text.ru.slice(0, 40))).toEqual(['В перечне названа «электронная копия док']);
  });

  it('lists the documents: the e-application and the copy of the education document', () => {
    expectDocumentsPerChannel(service, [
      ['e_application', 'always', undefined],
      ['education_document_copy', 'always', undefined],
    ]);
  });

  it('needs no question: the single channel is the portal', () => {
    expect(service.questions).toEqual([]);
    expect(nextQuestion(service, {})).toBeUndefined();
    expectChecklist(service, {}, ['e_application', 'education_document_copy']);
    expectChecklist(service, { channel: 'egov_portal' }, ['e_application', 'education_document_copy']);
    expectTerms(service, { channel: 'egov_portal' }, [['total', 3]], (t) => [t.kind, t.workingDays]);
  });

  it('cites seed lines that exist and contain the facts', () => {
    expectWellFormedEntry(service);
    expectCited(service.term.sources, '3 (үш) жұмыс күні');
    expect(service.term.sources.map((s) => s.seed)).toEqual([SEED_001, SEED_003, SEED_001, SEED_003]);
    expectCited(service.fee.sources, 'тегін');
    expectCited(service.channels[0]!.sources, 'www.egov.kz');
    expectCited(service.result.sources, '"Ұлттық білім беру деректер базасы"');
    expectCited(service.refusalGrounds.service[0]!.sources, 'дәйексіздігін анықтау');
    expectCited(service.refusalGrounds.service[1]!.sources, 'құжаттар топтамасын толық ұсынбаған');
    expectCited(service.refusalGrounds.service[2]!.sources, 'қолданылу мерзімі өткен');
    expectCited(documentById(service, 'e_application').sources, 'ЖСН және байланыс деректері');
    expectCited(documentById(service, 'e_application').sources, 'қателер түсіндірмесін');
    expectCited(documentById(service, 'education_document_copy').sources, 'білім туралы құжаттың электронды көшірмесі');
    expectCited(service.notes[0]!.sources, '1414, 8 800 080 7777');
    // Seed 003 is Annex 2 again: same term and documents.
    expectInSeed(SEED_003, 'L110-120', '- өтініш;');
    expectInSeed(SEED_001, 'L146', '- өтініш; - білім туралы құжаттың электронды көшірмесі.');
  });
});
