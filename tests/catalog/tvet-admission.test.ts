import { describe, it, expect } from 'vitest';
import { nextQuestion } from '../../flows/catalog/personalise';
import { tvetAdmission as service } from '../../flows/catalog/services/tvet-admission';
import { docIds, documentById, expectAfterHours, expectChecklist, expectCited, expectDocumentList, expectNoFeeHomeVisitRefusalsOrForm, expectTermWithoutDayCount, expectValidEntry } from './support';

const ALWAYS = ['admission_application', 'education_document_original', 'photos_3x4', 'medical_certificate_086u', 'identity_document'];

describe('catalog: admission to TVET (seed 002)', () => {
  it('is a valid, cited, bilingual entry', () => {
    expectValidEntry(service);
  });

  it('states the slide facts', () => {
    expect(service.id).toBe('tvet-admission');
    expect(service.audience).toBe('citizen');
    expect(service.channels.map((c) => c.id)).toEqual(['provider_office']);
    // The slide gives acceptance periods, not a processing term: nothing to count days from.
    expectTermWithoutDayCount(service, 'other');
    expect(service.term.text.ru).toContain('с 20 июня по 20 августа');
    expect(service.term.text.ru).toContain('с 20 июня по 20 сентября');
    expect(service.term.text.kk).toContain('20 маусым мен 20 тамыз');
    expect(service.term.text.kk).toContain('20 маусым мен 20 қыркүйек');
    expectNoFeeHomeVisitRefusalsOrForm(service);
    // The seed gives no after-hours rule for this service: it must not claim one.
    expectAfterHours(service, undefined);
    expectDocumentList(service, [
      ['admission_application', 'always'],
      ['education_document_original', 'always'],
      ['photos_3x4', 'always'],
      ['medical_certificate_086u', 'always'],
      ['mse_conclusion', 'conditional'],
      ['unt_certificate', 'conditional'],
      ['identity_document', 'always'],
    ]);
  });

  it('adds the MSE conclusion for disability and the UNT certificate when there is one', () => {
    expect(nextQuestion(service, {})?.id).toBe('disability');
    expect(nextQuestion(service, { disability: 'no' })?.id).toBe('unt_certificate');
    expect(nextQuestion(service, { disability: 'no', unt_certificate: 'no' })).toBeUndefined();
    expectChecklist(service, { disability: 'no', unt_certificate: 'no' }, ALWAYS);
    expectChecklist(service, { disability: 'yes', unt_certificate: 'no' }, [
      'admission_application',
      'education_document_original',
      'photos_3x4',
      'medical_certificate_086u',
      'mse_conclusion',
      'identity_document',
    ]);
    expect(docIds(service, { disability: 'no', unt_certificate: 'yes' })).toContain('unt_certificate');
    expect(docIds(service, { disability: 'no', unt_certificate: 'yes' })).not.toContain('mse_conclusion');
  });

  it('cites seed lines that contain the facts', () => {
    const doc = (id: string) => documentById(service, id).sources;
    expectCited(service.provider.sources, 'білім беру ұйымдарында құжаттар қабылдау');
    expectCited(service.term.sources, 'күндізгі оқу нысанына – 20 маусым мен 20 тамыз аралығында');
    expectCited(service.term.sources, '(кешкі) оқу нысанына – 20 маусым мен 20 қыркүйек аралығында');
    expectCited(doc('admission_application'), 'қабылдау туралы еркін нысандағы өтініш');
    expectCited(doc('education_document_original'), 'білімі туралы құжаттың түпнұсқасы');
    expectCited(doc('photos_3x4'), '3x4 см көлеміндегі 4 дана фотосурет');
    expectCited(doc('medical_certificate_086u'), '086-У нысанындағы медициналық анықтама');
    expectCited(doc('medical_certificate_086u'), '№ 907 бұйрығымен');
    expectCited(doc('mse_conclusion'), 'бала жасынан мүгедектер үшін медициналық-әлеуметтік сараптаманың қорытындысы');
    expectCited(doc('unt_certificate'), 'кешенді тестілеудің сертификаты (бар болса)');
    expectCited(doc('identity_document'), 'жеке басын куәландыратын құжат');
  });
});
