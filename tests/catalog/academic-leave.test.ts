import { describe, it, expect } from 'vitest';
import { nextQuestion, termsFor } from '../../flows/catalog/personalise';
import { academicLeave as service } from '../../flows/catalog/services/academic-leave';
import { documentById, expectAfterHours, expectChecklist, expectCited, expectDocumentList, expectNoFeeHomeVisitRefusalsOrForm, expectTermWithoutDayCount, expectValidEntry } from './support';

describe('catalog: academic leave (seed 002)', () => {
  it('is a valid, cited, bilingual entry', () => {
    expectValidEntry(service);
  });

  it('states what the slide gives and no more', () => {
    expect(service.id).toBe('academic-leave');
    expect(service.audience).toBe('citizen');
    expect(service.channels.map((c) => c.id)).toEqual(['provider_office']);
    // The slide gives no service term: nothing to compute a deadline from.
    expectTermWithoutDayCount(service, 'total');
    expectNoFeeHomeVisitRefusalsOrForm(service);
    // The seed gives no after-hours rule for this service: it must not claim one.
    expectAfterHours(service, undefined);
    expectDocumentList(service, [
      ['medical_commission_conclusion', 'conditional'],
      ['tuberculosis_commission_decision', 'conditional'],
      ['military_call_up_notice', 'conditional'],
      ['civil_status_certificate', 'conditional'],
    ]);
    expect(service.questions.map((q) => q.id)).toEqual(['reason']);
    expect(service.questions[0]!.options.map((o) => o.id)).toEqual(['illness', 'tuberculosis', 'childcare', 'military', 'other']);
    expect(service.notes.length).toBeGreaterThanOrEqual(4);
  });

  it('asks the reason, then lists the one document for it', () => {
    expect(nextQuestion(service, {})?.id).toBe('reason');
    expect(nextQuestion(service, { reason: 'illness' })).toBeUndefined();
    expectChecklist(service, { reason: 'illness' }, ['medical_commission_conclusion']);
    expectChecklist(service, { reason: 'tuberculosis' }, ['tuberculosis_commission_decision']);
    expectChecklist(service, { reason: 'military' }, ['military_call_up_notice']);
    expectChecklist(service, { reason: 'childcare' }, ['civil_status_certificate']);
    expectChecklist(service, { reason: 'other' }, []);
    expect(termsFor(service, { reason: 'illness', channel: 'provider_office' })).toHaveLength(2);
  });

  it('cites seed lines that contain the facts', () => {
    const doc = (id: string) => documentById(service, id).sources;
    expectCited(service.provider.sources, 'білім беру ұйымдарында білім алушыларға');
    expectCited(service.result.sources, 'академиялық демалыс беру');
    expectCited(doc('medical_commission_conclusion'), '035-1/У нысанына');
    expectCited(doc('medical_commission_conclusion'), 'дәрігерлік-консультативтік комиссиясының (бұдан әрі – ДКК) қорытындылары');
    expectCited(doc('medical_commission_conclusion'), '6 айдан 12 айға дейін');
    expectCited(doc('tuberculosis_commission_decision'), 'ТБ 01/У нысанына');
    expectCited(doc('tuberculosis_commission_decision'), '36 айдан аспайтын');
    expectCited(doc('tuberculosis_commission_decision'), 'ОДКК) шешімі');
    expectCited(doc('military_call_up_notice'), 'әскери қызметке шақырту қағазы');
    expectCited(doc('military_call_up_notice'), '4-қосымшасына');
    expectCited(doc('civil_status_certificate'), '8 және 12-қосымшаларға');
    expectCited(doc('civil_status_certificate'), 'бала 3 жасқа толғанға дейін');
    expectCited(service.otherTerms[0]!.sources, 'ұзақтығы 36 айдан аспайтын');
  });
});

describe('catalog: academic leave for another reason', () => {
  it('lists no documents and says so, with the college and 1414 to ask', () => {
    expectChecklist(service, { reason: 'other' }, []);
    expect(service.noDocuments!.text.ru).toContain('документы названы только для четырёх причин');
    expect(service.noDocuments!.text.ru).toContain('учебной части колледжа');
    expect(service.noDocuments!.text.ru).toContain('1414');
    expect(service.noDocuments!.text.kk).toContain('1414');
    expectCited(service.noDocuments!.sources, 'Әскери қызметке');
  });
});
