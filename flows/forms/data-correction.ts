import { applicationFrame, contactsField, fullNameField, headOfOrganisationField, iinField, personalDataConsent } from './shared';
import type { FormDefinition } from './types';

/**
 * Seed 001, Annex 1: the application for updating (correcting) data in education documents,
 * addressed to the head of a college (TVET organisation). The form itself asks the applicant's
 * name, IIN and contact details and "the reason" under the request; Rules p. 6 (L64) says what the
 * reason is: the data of the education document with an explanation of the errors to change. So the
 * reason is asked as the document, what it says, and what it should say.
 */
export const dataCorrectionForm: FormDefinition = {
  id: 'seed001-annex1',
  title: {
    kk: 'Білім туралы құжаттардағы мәліметтерді өзектендіру (түзету) туралы өтініш',
    ru: 'Заявление об актуализации (корректировке) сведений в документах об образовании',
  },
  source: { seed: '001_058569bc204a025c.txt', ref: 'Annex 1 (form); Rules p. 6 (what the reason explains)', lines: 'L98-132' },
  fields: [
    headOfOrganisationField({ kk: 'Колледж', ru: 'колледжа' }),
    fullNameField,
    iinField,
    contactsField,
    {
      id: 'document',
      kind: 'text',
      maxLength: 200,
      label: {
        kk: 'Қай білім туралы құжаттағы мәліметті түзету керек? (мысалы, колледж дипломы, берілген жылы)',
        ru: 'В каком документе об образовании нужно исправить сведения? (например, диплом колледжа, год выдачи)',
      },
      short: { kk: 'Құжат', ru: 'Документ' },
    },
    {
      id: 'wrong',
      kind: 'text',
      maxLength: 300,
      label: { kk: 'Құжатта не қате жазылған? Қалай жазылса, солай көшіріңіз.', ru: 'Что в документе написано с ошибкой? Перепишите, как там указано.' },
      short: { kk: 'Қате жазылғаны', ru: 'Написано с ошибкой' },
    },
    { id: 'correct', kind: 'text', maxLength: 300, label: { kk: 'Дұрысы қалай болуы керек?', ru: 'Как должно быть правильно?' }, short: { kk: 'Дұрысы', ru: 'Правильно' } },
  ],
  layout(values, lang, today) {
    const document = values.document ?? '';
    const wrong = values.wrong ?? '';
    const correct = values.correct ?? '';
    if (lang === 'kk') {
      return {
        ...applicationFrame(lang, today),
        header: [
          { value: values.head_name ?? '', caption: 'техникалық және кәсіптік, орта білімнен кейінгі білім беру ұйымы басшысының тегі, аты, әкесінің аты (бар болса) толық' },
          {
            value: `${values.full_name ?? ''}, ЖСН ${values.iin ?? ''}, ${values.contacts ?? ''}`,
            caption: 'көрсетілетін қызметті алушының тегі, аты, әкесінің аты (бар болса) толық, ЖСН және байланыс деректері',
          },
        ],
        body: [
          'Сізден білім туралы құжаттардағы мәліметтерді өзектендіруді (түзетуді) сұраймын.',
          `Себебі: ${document} – «${wrong}» деп қате жазылған, дұрысы: «${correct}».`,
          personalDataConsent('seed001', lang),
        ],
      };
    }
    return {
      ...applicationFrame(lang, today),
      header: [
        { value: values.head_name ?? '', caption: 'фамилия, имя, отчество (при наличии) руководителя организации технического и профессионального, послесреднего образования полностью' },
        {
          value: `${values.full_name ?? ''}, ИИН ${values.iin ?? ''}, ${values.contacts ?? ''}`,
          caption: 'фамилия, имя, отчество (при наличии) услугополучателя полностью, ИИН и контактные данные',
        },
      ],
      body: [
        'Прошу актуализировать (корректировать) сведения в документах об образовании.',
        `Причина: ${document} — ошибочно указано «${wrong}», правильно: «${correct}».`,
        personalDataConsent('seed001', lang),
      ],
    };
  },
};
