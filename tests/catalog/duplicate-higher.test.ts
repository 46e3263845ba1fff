import { describe, it, expect } from 'vitest';
import { parseCatalog } from '../../flows/catalog/schema';
import { nextQuestion } from '../../flows/catalog/personalise';
import { duplicateHigher as service } from '../../flows/catalog/services/duplicate-higher';
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

describe('catalog: duplicate-higher', () => {
  it('is a valid catalog entry', () => {
    expect(() => parseCatalog([service])).not.toThrow();
    expect(service.audience).toBe('citizen');
    expect(service.form).toBe('seed000-app7');
  });

  it('keeps the seed facts: only the State Corporation and the portal, terms, fee, home visit, refusals', () => {
    expect(service.channels.map((c) => c.id)).toEqual(['state_corporation', 'egov_portal']);
    expect(service.term).toMatchObject({ kind: 'total', workingDays: 15 });
    expect(service.term.calendarDays).toBeUndefined();
    expectOtherTerms(service, [
      ['provider_review', 5, 'all'],
      ['sc_wait', 15, ['state_corporation']],
      ['sc_service', 15, ['state_corporation']],
      ['other', 24, 'all'],
      ['sc_storage', 1, 'all'],
      ['other', 1, 'all'],
    ]);
    expect(service.otherTerms.find((t) => t.kind === 'sc_wait')?.minutes).toBe(15);
    expectStatedFree(service);
    // The university's own working day (18:30) decides "after hours" on the portal; it takes no applications itself.
    expectAfterHours(service, [
      'all',
      [
        [['state_corporation'], '20:00'],
        [['egov_portal'], '18:30'],
      ],
    ]);
    expect(service.homeVisit.available).toBe(true);
    expect(service.refusalGrounds.intake).toHaveLength(2);
    expect(service.refusalGrounds.service).toHaveLength(0);
    expect(service.notes).toHaveLength(5);
    // Copy errors in the standard (the university's hours, the recipient storing the result) are for operators only.
    expect(service.operatorNotes!.map((n) => n.text.ru.slice(0, 40))).toEqual(['По этой услуге заявление подаётся только', 'В стандарте сказано, что через месяц док']);
  });

  it('lists the documents per channel', () => {
    expectDocumentsPerChannel(service, [
      ['application', 'always', ['state_corporation']],
      ['notarised_power_of_attorney', 'conditional', ['state_corporation']],
      ['identity_document', 'always', ['state_corporation']],
      ['original_education_document', 'conditional', ['state_corporation']],
      ['e_application', 'always', ['egov_portal']],
    ]);
  });

  it('asks the channel first, then who applies and why, only at the State Corporation', () => {
    expect(nextQuestion(service, {})?.id).toBe('channel');
    expect(service.questions[0]?.options.map((o) => o.id)).toEqual(['state_corporation', 'egov_portal']);
    expect(nextQuestion(service, { channel: 'state_corporation' })?.id).toBe('applicant');
    expect(service.questions[1]?.options.map((o) => o.id)).toEqual(['self', 'representative']);
    expect(nextQuestion(service, { channel: 'state_corporation', applicant: 'self' })?.id).toBe('reason');
    expect(nextQuestion(service, { channel: 'egov_portal' })).toBeUndefined();
  });

  it('personalises the checklist', () => {
    expectChecklist(service, { channel: 'state_corporation', applicant: 'self', reason: 'lost' }, ['application', 'identity_document']);
    // A representative brings the notarised power of attorney.
    expectChecklist(service, { channel: 'state_corporation', applicant: 'representative', reason: 'lost' }, ['application', 'notarised_power_of_attorney', 'identity_document']);
    for (const reason of ['damaged', 'name_changed'])
      expectChecklist(service, { channel: 'state_corporation', applicant: 'representative', reason }, [
        'application',
        'notarised_power_of_attorney',
        'identity_document',
        'original_education_document',
      ]);
    expectChecklist(service, { channel: 'egov_portal' }, ['e_application']);
    expectTerms(service, { channel: 'egov_portal' }, ['total', 'provider_review', 'other', 'sc_storage', 'other']);
  });

  it('cites seed lines that exist and contain the facts', () => {
    expectWellFormedEntry(service);
    expectStandardDuplicateClausesCited(service);
    expectCited(service.term.sources, '15 жұмыс күні');
    expectCited(service.term.sources, 'Мемлекеттік корпорацияға немесе порталға');
    expectCited(service.result.sources, 'қағаз түрінде');
    expectCited(service.refusalGrounds.intake[0]!.sources, 'Мемлекеттік корпорацияның қызметкері өтінішті қабылдаудан');
    expectCited(documentById(service, 'notarised_power_of_attorney').sources, 'нотариалды куәландырылған сенімхат');
    expectCited(documentById(service, 'application').sources, 'ағылшын тілінде');
    expectCited(documentById(service, 'application').sources, 'баспа әріптермен');
    expectCited(documentById(service, 'e_application').sources, '7-қосымшаға сәйкес');
    expectCited(service.channels[0]!.sources, 'қабылдау күні мемлекеттік қызметтерді көрсету мерзіміне кірмейді');
    // Art. 68 names only the State Corporation and the portal; the university office is not a channel.
    expectInSeed(SEED, 'L366-376', 'Мемлекеттік корпорация) немесе "электрондық');
    expectInSeed(SEED, 'L1652-1660', 'порталы (бұдан әрі - портал) арқылы');
    expectInSeed(SEED, 'L1706-1708', 'көрсетілетін қызметті алушыға одан әрі сақтауға');
  });
});
