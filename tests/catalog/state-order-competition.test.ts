import { describe, it, expect } from 'vitest';
import { nextQuestion } from '../../flows/catalog/personalise';
import { stateOrderCompetition as service } from '../../flows/catalog/services/state-order-competition';
import { documentById, expectAfterHours, expectChecklist, expectCited, expectDocumentList, expectNoFeeHomeVisitRefusalsOrForm, expectTerms, expectValidEntry } from './support';

describe('catalog: documents for the state-order competition (seed 002)', () => {
  it('is a valid, cited, bilingual entry', () => {
    expectValidEntry(service);
  });

  it('is for organisations and states the slide facts', () => {
    expect(service.id).toBe('state-order-competition');
    expect(service.audience).toBe('organisation');
    expect(service.channels.map((c) => c.id)).toEqual(['state_corporation']);
    expect(service.term).toMatchObject({ kind: 'total', workingDays: 5, channels: ['state_corporation'] });
    expect(service.term.calendarDays).toBeUndefined();
    expect(service.otherTerms).toEqual([]);
    expectNoFeeHomeVisitRefusalsOrForm(service);
    // The seed gives no after-hours rule for this service: it must not claim one.
    expectAfterHours(service, undefined);
    expect(service.questions).toEqual([]);
    expectDocumentList(service, [
      ['application_to_commission_chairman', 'always'],
      ['graduate_employment_data', 'always'],
    ]);
  });

  it('needs no question: both documents, the 5-day term', () => {
    expect(nextQuestion(service, {})).toBeUndefined();
    expectChecklist(service, {}, ['application_to_commission_chairman', 'graduate_employment_data']);
    expectTerms(service, { channel: 'state_corporation' }, [5], (t) => t.workingDays);
  });

  it('cites seed lines that contain the facts', () => {
    expectCited(service.term.sources, 'мемлекеттік корпорацияға - 5 жұмыс күні');
    expectCited(service.applicants.sources, 'конкурсқа құжаттар дайындау');
    expectCited(service.provider.sources, '№ 122 бұйрығы');
    expectCited(service.provider.sources, '№ 136 бұйрығы');
    expectCited(documentById(service, 'application_to_commission_chairman').sources, 'комиссия төрағасының атына жазылған өтініш');
    expectCited(documentById(service, 'graduate_employment_data').sources, 'бітірушілердің жұмысқа орналасу көрсеткіштері туралы мәліметтер');
  });
});
