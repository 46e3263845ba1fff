import { describe, it, expect } from 'vitest';
import { nextQuestion, termsFor } from '../../flows/catalog/personalise';
import { transferReinstatement as service } from '../../flows/catalog/services/transfer-reinstatement';
import { documentById, expectAfterHours, expectChecklist, expectCited, expectNoFeeHomeVisitRefusalsOrForm, expectTermWithoutDayCount, expectValidEntry } from './support';

/** The documents for each case, as seed 002 lists them (L912-1012). */
const BY_CASE: Record<string, string[]> = {
  reinstate_other_organisation: ['reinstatement_application', 'incomplete_education_certificate_copy'],
  reinstate_after_debt: ['reinstatement_application', 'debt_repayment_document'],
  within_organisation: ['transfer_application'],
  to_other_organisation: ['transfer_application', 'record_book_copy'],
  to_secondary_school: ['transfer_application', 'arrival_slip'],
  paid_to_state_order: ['transfer_application'],
  other_form_other_organisation: ['transfer_application', 'record_book_copy'],
  from_abroad: ['foreign_transcript', 'previous_education_document_nostrified', 'foreign_entrance_exam_results'],
};

describe('catalog: transfer and reinstatement (seed 002)', () => {
  it('is a valid, cited, bilingual entry', () => {
    expectValidEntry(service);
  });

  it('states the slide facts', () => {
    expect(service.id).toBe('transfer-reinstatement');
    expect(service.audience).toBe('citizen');
    expect(service.channels.map((c) => c.id)).toEqual(['provider_office', 'egov_portal']);
    // "On the day the application arrives" is when it is registered, not the service's term, which the slide does not state.
    expectTermWithoutDayCount(service, 'total');
    expect(service.term.text.ru).toBe('Срок оказания услуги в материалах колледжа не указан — уточните в колледже или по 1414.');
    expect(service.otherTerms[0]!.text.ru).toBe(
      'Заявление регистрируют в день поступления; поданное через портал после окончания рабочего времени, в выходной или праздничный день — на следующий рабочий день.',
    );
    expect(service.otherTerms.map((t) => [t.kind, t.months, t.channels])).toEqual([
      ['other', undefined, undefined],
      ['other', undefined, undefined],
      ['other', 1, undefined],
    ]);
    expectNoFeeHomeVisitRefusalsOrForm(service);
    // Seed 002 gives the after-hours rule for portal applications only, with no working hours.
    expectAfterHours(service, [['egov_portal'], []]);
    expect(service.documents.every((d) => d.required === 'conditional')).toBe(true);
    expect(service.documents.map((d) => d.id)).toEqual([
      'reinstatement_application',
      'incomplete_education_certificate_copy',
      'debt_repayment_document',
      'transfer_application',
      'record_book_copy',
      'arrival_slip',
      'foreign_transcript',
      'previous_education_document_nostrified',
      'foreign_entrance_exam_results',
    ]);
  });

  it('asks the channel, then the case', () => {
    expect(nextQuestion(service, {})?.id).toBe('channel');
    expect(service.questions[0]!.options.map((o) => o.id)).toEqual(['provider_office', 'egov_portal']);
    expect(nextQuestion(service, { channel: 'egov_portal' })?.id).toBe('case');
    expect(service.questions[1]!.options.map((o) => o.id)).toEqual(Object.keys(BY_CASE));
    expect(nextQuestion(service, { channel: 'egov_portal', case: 'from_abroad' })).toBeUndefined();
  });

  it('lists the documents of each case and no others', () => {
    for (const [kase, ids] of Object.entries(BY_CASE)) for (const channel of ['provider_office', 'egov_portal']) expectChecklist(service, { channel, case: kase }, ids);
  });

  it('shows the registration rule, with its portal clause, on either channel', () => {
    expect(termsFor(service, { channel: 'egov_portal' })).toHaveLength(4);
    expect(termsFor(service, { channel: 'provider_office' })).toHaveLength(4);
  });

  it('cites seed lines that contain the facts', () => {
    const doc = (id: string) => documentById(service, id).sources;
    expectCited(service.otherTerms[0]!.sources, 'өтінішті түскен күні');
    expectCited(service.otherTerms[0]!.sources, 'келесі жұмыс күнімен');
    expectCited(service.otherTerms[1]!.sources, 'жазғы және қысқы демалыс кезеңінде');
    expectCited(service.otherTerms[2]!.sources, 'бір ай ішінде төлемақы бойынша қарызын өтеген');
    expectCited(service.channels[0]!.sources, '"электрондық үкімет" шлюзі арқылы алады');
    expectCited(service.channels[1]!.sources, 'портал арқылы өтініш');
    expectCited(doc('reinstatement_application'), 'еркін нысандағы қайта қабылдау туралы өтініші');
    expectCited(doc('incomplete_education_certificate_copy'), 'білім алуды аяқтамаған адамдарға берілетін анықтаманың көшірмесі');
    expectCited(doc('incomplete_education_certificate_copy'), '№ 289 бұйрығымен');
    expectCited(doc('debt_repayment_document'), 'төлем бойынша қарызын өтегені туралы құжат');
    expectCited(doc('transfer_application'), 'ауыстыру туралы өтініш (немесе өзге де заңды өкілдері) еркін нысанда');
    expectCited(doc('record_book_copy'), 'сынақ кітапшасының (немесе үлгерім кітапшасының)');
    expectCited(doc('record_book_copy'), 'басшысының қолымен және');
    expectCited(doc('arrival_slip'), 'басқа білім беру ұйымына келгені туралы талон');
    expectCited(doc('foreign_transcript'), '(академиялық анықтама немесе транскрипт)');
    expectCited(doc('previous_education_document_nostrified'), 'нострификациялау рәсімінен өтетін');
    expectCited(doc('foreign_entrance_exam_results'), 'түсу сынақтарының нәтижелері');
    expectCited(service.notes[4]!.sources, '№ 289 бұйрығы');
    expectCited(service.notes[4]!.sources, 'күші жойылған');
  });
});
