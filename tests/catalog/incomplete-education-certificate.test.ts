import { describe, it, expect } from 'vitest';
import { nextQuestion } from '../../flows/catalog/personalise';
import { incompleteEducationCertificate as service } from '../../flows/catalog/services/incomplete-education-certificate';
import { expectAfterHours, expectChecklist, expectCited, expectNoFeeHomeVisitRefusalsOrForm, expectTerms, expectValidEntry } from './support';

describe('catalog: certificate for persons who did not complete TVET (seeds 002, 000)', () => {
  it('is a valid, cited, bilingual entry', () => {
    expectValidEntry(service);
  });

  it('states the seed facts', () => {
    expect(service.id).toBe('incomplete-education-certificate');
    expect(service.audience).toBe('citizen');
    expect(service.channels.map((c) => c.id)).toEqual(['provider_office', 'state_corporation']);
    expect(service.term).toMatchObject({ kind: 'total', workingDays: 3 });
    expect(service.term.calendarDays).toBeUndefined();
    expect(service.term.channels).toBeUndefined();
    expect(service.term.when).toEqual([{ channel: ['provider_office'] }, { sc_office: ['same_town'] }]);
    expect(service.otherTerms.map((t) => [t.kind, t.workingDays, t.channels])).toEqual([
      ['total', 8, ['state_corporation']],
      ['other', undefined, ['state_corporation']],
    ]);
    expectNoFeeHomeVisitRefusalsOrForm(service);
    // The seed gives no after-hours rule for this service: it must not claim one.
    expectAfterHours(service, undefined);
    expect(service.resultDelivery).toHaveLength(1);
    // Seed 002 lists no documents for this service: no tickable placeholder, a note says so instead of guessing.
    expect(service.documents).toEqual([]);
    expect(service.noDocuments!.text.ru).toContain('перечень документов для этой справки не приведён');
    expect(service.notes.length).toBeGreaterThanOrEqual(3);
  });

  it('asks the channel, and at the State Corporation whether its office is where the college is: 3 working days there, 8 elsewhere', () => {
    expect(nextQuestion(service, {})?.id).toBe('channel');
    expect(service.questions[0]!.options.map((o) => o.id)).toEqual(['provider_office', 'state_corporation']);
    expect(nextQuestion(service, { channel: 'provider_office' })).toBeUndefined();
    expect(nextQuestion(service, { channel: 'state_corporation' })?.id).toBe('sc_office');
    expectChecklist(service, { channel: 'state_corporation', sc_office: 'elsewhere' }, []);
    expectTerms(service, { channel: 'provider_office' }, [3], (t) => t.workingDays);
    expectTerms(service, { channel: 'state_corporation', sc_office: 'same_town' }, [3, undefined], (t) => t.workingDays);
    expectTerms(service, { channel: 'state_corporation', sc_office: 'elsewhere' }, [8, undefined], (t) => t.workingDays);
    // Not yet asked: both terms are shown.
    expectTerms(service, { channel: 'state_corporation' }, [3, 8, undefined], (t) => t.workingDays);
  });

  it('cites seed lines that contain the facts', () => {
    expectCited(service.applicants.sources, 'білім алуды аяқтамаған адамдарға анықтама беру');
    expectCited(service.term.sources, '3 (үш) жұмыс күні');
    expectCited(service.term.sources, 'көрсетілетін қызметті беруші орналасқан жер бойынша мемлекеттік корпорацияға');
    expectCited(service.otherTerms[0]!.sources, '8 (сегіз) жұмыс күні');
    expectCited(service.otherTerms[0]!.sources, 'көрсетілетін қызметті беруші орналаспаған жер бойынша');
    expectCited(service.otherTerms[1]!.sources, 'қабылдау күні мемлекеттік қызмет көрсету мерзіміне кірмейді');
    expectCited(service.resultDelivery[0]!.sources, 'бір тәуліктен кешіктірмей жеткізуді');
    expectCited(service.result.sources, 'білім алуды аяқтамаған адамдарға берілетін анықтама');
    expectCited(service.result.sources, 'жылдық (қорытынды) бағалар алды');
    expectCited(service.provider.sources, 'білім беру ұйымының басшысы');
    expectCited(service.notes[2]!.sources, '№ 289 бұйрығы');
    expectCited(service.notes[2]!.sources, 'күші жойылған');
    expectCited(service.noDocuments!.sources, 'құжаттарды тапсырған күннен бастап');
  });
});
