import { describe, it, expect } from 'vitest';
import { parseCatalog } from '../../flows/catalog/schema';
import { nextQuestion } from '../../flows/catalog/personalise';
import { duplicateSchool as service } from '../../flows/catalog/services/duplicate-school';
import {
  documentById,
  expectAfterHours,
  expectChecklist,
  expectCited,
  expectDocumentsPerChannel,
  expectInSeed,
  expectOtherTerms,
  expectStandardDuplicateClausesCited,
  expectStatedFree,
  expectTerms,
  expectWellFormedEntry,
} from './support';

const SEED = '000_89b8ef86f4446315.txt';

describe('catalog: duplicate-school', () => {
  it('is a valid catalog entry', () => {
    expect(() => parseCatalog([service])).not.toThrow();
    expect(service.audience).toBe('citizen');
    expect(service.form).toBe('seed000-app1');
  });

  it('keeps the seed facts: channels, terms, fee, home visit, refusals', () => {
    expect(service.channels.map((c) => c.id)).toEqual(['provider_office', 'state_corporation', 'egov_portal']);
    expect(service.term).toMatchObject({ kind: 'total', workingDays: 15 });
    expect(service.term.calendarDays).toBeUndefined();
    expectOtherTerms(service, [
      ['provider_review', 5, 'all'],
      ['sc_wait', 15, ['state_corporation']],
      ['sc_service', 15, ['state_corporation']],
      ['other', 24, ['state_corporation', 'egov_portal']],
      ['sc_storage', 1, ['state_corporation', 'egov_portal']],
      ['other', 1, ['state_corporation', 'egov_portal']],
    ]);
    expect(service.otherTerms.find((t) => t.kind === 'sc_wait')?.minutes).toBe(15);
    expect(service.otherTerms.find((t) => t.kind === 'sc_storage')?.months).toBe(1);
    expectStatedFree(service);
    expectAfterHours(service, [
      'all',
      [
        [['provider_office'], '18:00'],
        [['state_corporation'], '20:00'],
        [['egov_portal'], '18:00'],
      ],
    ]);
    expect(service.homeVisit.available).toBe(true);
    expect(service.refusalGrounds.intake).toHaveLength(2);
    expect(service.refusalGrounds.service).toHaveLength(0);
    expect(service.notes).toHaveLength(4);
    // The standard's slip (the recipient storing the result) is for operators only.
    expect(service.operatorNotes!.map((n) => n.text.ru.slice(0, 40))).toEqual(['В стандарте сказано, что через месяц док']);
  });

  it('lists the documents per channel', () => {
    expectDocumentsPerChannel(service, [
      ['application', 'conditional', ['provider_office', 'state_corporation']],
      ['application_by_parent', 'conditional', ['provider_office', 'state_corporation']],
      ['student_identity_document', 'always', ['provider_office', 'state_corporation']],
      ['original_education_document', 'conditional', ['provider_office', 'state_corporation']],
      ['e_application', 'always', ['egov_portal']],
    ]);
  });

  it('asks the channel first, then who applies and why, but not on the portal', () => {
    expect(nextQuestion(service, {})?.id).toBe('channel');
    expect(service.questions[0]?.options.map((o) => o.id)).toEqual(service.channels.map((c) => c.id));
    expect(nextQuestion(service, { channel: 'state_corporation' })?.id).toBe('applicant');
    expect(nextQuestion(service, { channel: 'provider_office', applicant: 'self' })?.id).toBe('reason');
    expect(nextQuestion(service, { channel: 'provider_office', applicant: 'self', reason: 'lost' })).toBeUndefined();
    expect(nextQuestion(service, { channel: 'egov_portal' })).toBeUndefined();
  });

  it('personalises the checklist', () => {
    // A parent of a minor at the State Corporation, certificate lost.
    expectChecklist(service, { channel: 'state_corporation', applicant: 'parent', reason: 'lost' }, ['application_by_parent', 'student_identity_document']);
    // The graduate at the school office.
    expectChecklist(service, { channel: 'provider_office', applicant: 'self', reason: 'lost' }, ['application', 'student_identity_document']);
    // A damaged document or a changed name adds the original.
    for (const reason of ['damaged', 'name_changed'])
      expectChecklist(service, { channel: 'state_corporation', applicant: 'self', reason }, ['application', 'student_identity_document', 'original_education_document']);
    // The portal takes only the e-application.
    expectChecklist(service, { channel: 'egov_portal' }, ['e_application']);
    // The State Corporation queue limits are shown only to those who go there.
    expectTerms(service, { channel: 'provider_office' }, ['total', 'provider_review']);
  });

  it('cites seed lines that exist and contain the facts', () => {
    expectWellFormedEntry(service);
    expectStandardDuplicateClausesCited(service);
    expectCited(service.term.sources, '15 жұмыс күні');
    expectCited(service.term.sources, 'қабылдау күні мемлекеттік қызметтерді көрсету мерзіміне кірмейді');
    expectCited(service.otherTerms[4]!.sources, 'бір ай');
    expectCited(service.refusalGrounds.intake[1]!.sources, 'қолданылу мерзімі өтіп кеткен');
    expectCited(documentById(service, 'application_by_parent').sources, 'кәмелет жасқа толмаған баланың ата-анасының');
    expectCited(documentById(service, 'student_identity_document').sources, 'туу туралы куәлігі немесе жеке куәлігі');
    expectCited(documentById(service, 'e_application').sources, 'бір рет қолданылатын парольмен');
    expectCited(service.result.sources, 'қағаз түрінде');
    expectCited(service.resultDelivery[1]!.sources, 'нотариалды куәландырылған сенімхат');
    expectCited(service.workingHours[0]!.sources, '18.00-ге дейін');
    expectCited(service.workingHours[1]!.sources, 'түскі үзіліссіз сағат 9.00-ден 20.00-ге дейін');
    expectInSeed(SEED, 'L612-618', '1-қосымша');
    expectInSeed(SEED, 'L686-688', 'Негізгі орта, жалпы орта білім туралы құжаттардың телнұсқаларын беру');
  });
});
