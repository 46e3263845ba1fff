import { describe, it, expect } from 'vitest';
import { parseCatalog } from '../../flows/catalog/schema';
import { nextQuestion } from '../../flows/catalog/personalise';
import { duplicateTvet as service } from '../../flows/catalog/services/duplicate-tvet';
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

const SEED_000 = '000_89b8ef86f4446315.txt';
const SEED_004 = '004_c8775394d60dbad5.txt';

describe('catalog: duplicate-tvet', () => {
  it('is a valid catalog entry', () => {
    expect(() => parseCatalog([service])).not.toThrow();
    expect(service.audience).toBe('citizen');
    expect(service.form).toBe('seed004-app5');
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
      ['other', 3, 'all'], // hearing notice before the end of the term
      ['other', 2, 'all'], // hearing and objection
      ['sc_storage', 1, ['state_corporation', 'egov_portal']],
      ['other', 1, ['state_corporation', 'egov_portal']],
    ]);
    expect(service.otherTerms.find((t) => t.kind === 'sc_service')?.minutes).toBe(15);
    expect(service.otherTerms.find((t) => t.kind === 'sc_storage')?.months).toBe(1);
    expectStatedFree(service);
    // The college takes applications until 17:30 (App. 6, row 7(1)); the portal follows the college's day.
    expectAfterHours(service, [
      'all',
      [
        [['provider_office'], '17:30'],
        [['state_corporation'], '20:00'],
        [['egov_portal'], '17:30'],
      ],
    ]);
    expect(service.homeVisit.available).toBe(true);
    expect(service.refusalGrounds.intake).toHaveLength(2);
    expect(service.refusalGrounds.service).toHaveLength(3);
    expect(service.notes).toHaveLength(4);
    // Copy errors in the law are for operators only.
    expect(service.operatorNotes!.map((n) => n.text.ru.slice(0, 32))).toEqual(['В тексте есть ошибки копирования', 'В стандарте сказано, что через м', 'В тексте о заслушивании перед от']);
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
    expect(nextQuestion(service, { channel: 'provider_office' })?.id).toBe('applicant');
    expect(nextQuestion(service, { channel: 'state_corporation', applicant: 'parent' })?.id).toBe('reason');
    expect(nextQuestion(service, { channel: 'egov_portal' })).toBeUndefined();
  });

  it('personalises the checklist', () => {
    expectChecklist(service, { channel: 'state_corporation', applicant: 'parent', reason: 'lost' }, ['application_by_parent', 'student_identity_document']);
    expectChecklist(service, { channel: 'provider_office', applicant: 'self', reason: 'damaged' }, ['application', 'student_identity_document', 'original_education_document']);
    expectChecklist(service, { channel: 'state_corporation', applicant: 'self', reason: 'name_changed' }, ['application', 'student_identity_document', 'original_education_document']);
    expectChecklist(service, { channel: 'egov_portal' }, ['e_application']);
    // Hearing terms hold on every channel; the State Corporation queue only there.
    expectTerms(service, { channel: 'egov_portal' }, ['total', 'provider_review', 'other', 'other', 'other', 'sc_storage', 'other']);
  });

  it('cites seed lines that exist and contain the facts', () => {
    expectWellFormedEntry(service);
    expectStandardDuplicateClausesCited(service);
    expectCited(service.term.sources, '15 (он бес) жұмыс күні');
    expectCited(service.term.sources, 'порталға құжаттарды тапсырған сәттен бастап');
    expectCited(service.otherTerms[1]!.sources, '15 (он бес) минут');
    expectCited(service.otherTerms[4]!.sources, '3 (үш) жұмыс күнінен кешіктірілмей');
    expectCited(service.otherTerms[5]!.sources, '2 (екі) жұмыс күнінен кешіктірілмей');
    expectCited(service.otherTerms[6]!.sources, 'бір ай');
    expectCited(service.fee.sources, 'тегін');
    expectCited(service.result.sources, 'цифрлық диплом');
    expectCited(service.refusalGrounds.service[0]!.sources, 'дәйексіздігін анықтау');
    expectCited(service.refusalGrounds.service[2]!.sources, '8-бабына');
    expectCited(documentById(service, 'application_by_parent').sources, 'кәмелет жасқа толмаған баланың ата-анасының');
    expectCited(documentById(service, 'application').sources, 'мән-жайы баяндалған');
    expectCited(documentById(service, 'e_application').sources, '5-қосымшаға сәйкес');
    expectCited(service.resultDelivery[3]!.sources, '"eGovMobile"');
    expectCited(service.workingHours[0]!.sources, '17.30-ға дейін');
    // The defects the notes report are where they say.
    expectInSeed(SEED_004, 'L206', 'негізгі орта және жалпы орта білім беру ұйымы басшысының атына');
    expectInSeed(SEED_000, 'L1380', '5-тармағына');
    expectInSeed(SEED_004, 'L30', 'қарсылық білдіреді немесе білдіреді');
    expectInSeed(SEED_004, 'L31', 'жоғары және (немесе) жоғары оқу орнынан кейінгі');
    expectInSeed(SEED_000, 'L1282', 'көрсетілетін қызметті алушыға одан әрі сақтауға');
    expect(documentById(service, 'e_application').sources.map((s) => s.seed)).toContain(SEED_004);
  });
});
