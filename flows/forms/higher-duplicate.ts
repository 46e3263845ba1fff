import {
  applicationFrame,
  contactsField,
  diplomaDuplicateField,
  diplomaDuplicateRequest,
  duplicateReasonField,
  fullNameField,
  headOfOrganisationField,
  lineIfGiven,
  personalDataConsent,
  prefillDuplicateReason,
} from './shared';
import type { FormDefinition } from './types';

/**
 * Seed 000, Appendix 7: the application for a duplicate of a higher or postgraduate education
 * diploma or its supplement. Unlike the college form it asks the name in English, the name before
 * a change, the contact details, and ends with a note that the name is written in print letters as
 * in the identity document. It has no line for the IIN or for the university's own name (only for
 * its head, and for its name and address if they changed), so neither is asked.
 *
 * The seed writes some Kazakh words with a Latin "i" (Өтiнiш, бiтiрген, беруiңiздi); they are
 * printed with the Kazakh "і". The line "____ мамандығы (білім беру бағдарламасы) бойынша" follows
 * the specialty's name and is read as its continuation, not as a further field.
 */
export const higherDuplicateForm: FormDefinition = {
  id: 'seed000-app7',
  title: { kk: 'ЖОО дипломының (қосымшасының) телнұсқасын беру туралы өтініш', ru: 'Заявление о выдаче дубликата диплома вуза (приложения к нему)' },
  source: { seed: '000_89b8ef86f4446315.txt', ref: 'Rules, App. 7 (form)', lines: 'L1516-1625' },
  fields: [
    headOfOrganisationField({ kk: 'ЖОО', ru: 'вуза' }),
    {
      ...fullNameField,
      label: {
        kk: 'Тегіңіз, атыңыз, әкеңіздің аты (бар болса) — жеке басыңызды куәландыратын құжаттағыдай',
        ru: 'Ваши фамилия, имя, отчество (при наличии) — как в документе, удостоверяющем личность',
      },
    },
    {
      id: 'full_name_en',
      kind: 'text',
      names: 'person',
      maxLength: 150,
      script: 'latin',
      label: {
        kk: 'Тегіңіз, атыңыз, әкеңіздің аты (бар болса) латын әріптерімен, шетелдік төлқұжаттағыдай',
        ru: 'Ваши фамилия, имя, отчество (при наличии) латинскими буквами, как в заграничном паспорте',
      },
      short: { kk: 'Тегі, аты, әкесінің аты ағылшынша', ru: 'Фамилия, имя, отчество на английском' },
    },
    {
      id: 'former_name',
      kind: 'text',
      names: 'person',
      maxLength: 150,
      optional: true,
      label: { kk: 'Тегіңіз, атыңыз немесе әкеңіздің аты өзгерсе — бұрынғысы (дипломдағыдай)', ru: 'Если фамилия, имя или отчество менялись — прежние (как в дипломе)' },
      short: { kk: 'Бұрынғы тегі, аты, әкесінің аты', ru: 'Прежние фамилия, имя, отчество' },
    },
    { id: 'specialty', kind: 'text', names: 'thing', maxLength: 150, label: { kk: 'Мамандығыңыздың (білім беру бағдарламасының) атауы', ru: 'Название специальности (образовательной программы)' } },
    { id: 'graduation_year', kind: 'year', label: { kk: 'ЖОО-ны бітірген жылыңыз', ru: 'Год окончания вуза' } },
    contactsField,
    {
      id: 'institution_changed',
      kind: 'text',
      names: 'thing',
      maxLength: 250,
      optional: true,
      label: { kk: 'ЖОО-ның атауы мен мекенжайы өзгерсе — жаңа атауы мен мекенжайы', ru: 'Если название или адрес вуза изменились — новые название и адрес' },
      short: { kk: 'ЖОО-ның жаңа атауы мен мекенжайы', ru: 'Новые название и адрес вуза' },
    },
    diplomaDuplicateField,
    duplicateReasonField,
  ],
  prefill: prefillDuplicateReason,
  layout(values, lang, today) {
    if (lang === 'kk') {
      return {
        ...applicationFrame(lang, today),
        header: [
          {
            value: values.head_name ?? '',
            caption: 'жоғары және (немесе) жоғары оқу орнынан кейінгі білім беру ұйымдары (бұдан әрі - ЖЖОКБҰ) басшысының тегі, аты, әкесінің аты (болған жағдайда) толық',
          },
          { value: values.full_name ?? '', caption: 'тегі, аты, әкесінің аты (болған жағдайда) толық' },
          { value: values.full_name_en ?? '', caption: 'тегі, аты, әкесінің аты (бар болған жағдайда) ағылшын тілінде толық' },
          ...lineIfGiven(values.former_name, 'тегі, аты, әкесінің аты (болған жағдайда) өзгерген жағдайда'),
          { value: values.specialty ? `${values.specialty} мамандығы (білім беру бағдарламасы) бойынша` : '', caption: 'мамандығы (білім беру бағдарламасы) атауы' },
          { value: values.graduation_year ?? '', caption: 'ЖЖОКБҰ бітірген жылы' },
          { value: values.contacts ?? '', caption: 'көрсетілетін қызметті алушының байланыс деректері' },
          ...lineIfGiven(values.institution_changed, 'ЖЖОКБҰ атауы және мекенжайы, өзгерген жағдайда'),
        ],
        body: [
          diplomaDuplicateRequest(values, lang),
          personalDataConsent('dated', lang),
          'Ескертпе: мемлекеттік көрсетілетін қызмет алушының тегі, аты, әкесінің аты (болған жағдайда) жеке басын куәландыратын құжатқа сәйкес баспа әріптермен толтырылады.',
        ],
      };
    }
    return {
      ...applicationFrame(lang, today),
      header: [
        {
          value: values.head_name ?? '',
          caption: 'фамилия, имя, отчество (при наличии) руководителя организации высшего и (или) послевузовского образования (далее — ОВПО) полностью',
        },
        { value: values.full_name ?? '', caption: 'фамилия, имя, отчество (при наличии) полностью' },
        { value: values.full_name_en ?? '', caption: 'фамилия, имя, отчество (при наличии) полностью на английском языке' },
        ...lineIfGiven(values.former_name, 'фамилия, имя, отчество (при наличии) в случае изменения'),
        { value: values.specialty ? `по специальности (образовательной программе) ${values.specialty}` : '', caption: 'наименование специальности (образовательной программы)' },
        { value: values.graduation_year ?? '', caption: 'год окончания ОВПО' },
        { value: values.contacts ?? '', caption: 'контактные данные услугополучателя' },
        ...lineIfGiven(values.institution_changed, 'наименование и адрес ОВПО в случае изменения'),
      ],
      body: [
        diplomaDuplicateRequest(values, lang),
        personalDataConsent('dated', lang),
        'Примечание: фамилия, имя, отчество (при наличии) услугополучателя заполняются печатными буквами в соответствии с документом, удостоверяющим личность.',
      ],
    };
  },
};
