import {
  applicationFrame,
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
 * Seed 004, the application form that p. 47 and row 8 call Appendix 5: the application for a
 * duplicate of a college (TVET) diploma or its supplement. Seed 000's Appendix 5 has the same six
 * header lines and the same request; seed 004 is the edition the catalog entry follows, so its
 * consent sentence (the law without its date) is the one printed.
 *
 * The form has no line for the IIN, an address or a phone, so none is asked. The line "____
 * мамандығы бойынша" follows the specialty's name and is read as its continuation ("by the
 * specialty …"), not as a further field.
 */
export const tvetDuplicateForm: FormDefinition = {
  id: 'seed004-app5',
  title: { kk: 'Колледж дипломының (қосымшасының) телнұсқасын беру туралы өтініш', ru: 'Заявление о выдаче дубликата диплома колледжа (приложения к нему)' },
  source: { seed: '004_c8775394d60dbad5.txt', ref: 'Application form (App. 5 per p. 47)', lines: 'L130-168' },
  fields: [
    headOfOrganisationField({ kk: 'Колледж', ru: 'колледжа' }),
    fullNameField,
    {
      id: 'institution',
      kind: 'text',
      names: 'thing',
      maxLength: 200,
      label: { kk: 'Бітірген оқу орныңыздың (колледждің) атауы', ru: 'Название учебного заведения (колледжа), которое вы окончили' },
      short: { kk: 'Оқу орны', ru: 'Учебное заведение' },
    },
    { id: 'graduation_year', kind: 'year', label: { kk: 'Оқу орнын бітірген жылыңыз', ru: 'Год окончания учебного заведения' } },
    { id: 'specialty', kind: 'text', names: 'thing', maxLength: 150, label: { kk: 'Мамандығыңыздың атауы', ru: 'Название вашей специальности' } },
    {
      id: 'institution_changed',
      kind: 'text',
      names: 'thing',
      maxLength: 250,
      optional: true,
      label: { kk: 'Оқу орнының атауы мен мекенжайы өзгерсе — жаңа атауы мен мекенжайы', ru: 'Если название или адрес учебного заведения изменились — новые название и адрес' },
      short: { kk: 'Оқу орнының жаңа атауы мен мекенжайы', ru: 'Новые название и адрес учебного заведения' },
    },
    diplomaDuplicateField,
    duplicateReasonField,
  ],
  prefill: prefillDuplicateReason,
  layout(values, lang, today) {
    const institution = [values.institution, values.graduation_year].filter(Boolean).join(', ');
    const body = [diplomaDuplicateRequest(values, lang), personalDataConsent('undated', lang)];
    if (lang === 'kk') {
      return {
        ...applicationFrame(lang, today),
        header: [
          { value: values.head_name ?? '', caption: 'ұйым басшысының тегі, аты, әкесінің аты (бар болған жағдайда) толық' },
          { value: values.full_name ?? '', caption: 'көрсетілетін қызметті алушының тегі, аты, әкесінің аты (бар болған жағдайда) толық' },
          { value: institution, caption: 'оқу орнының атауы, бітірген жылы' },
          { value: values.specialty ? `${values.specialty} мамандығы бойынша` : '', caption: 'мамандық атауы' },
          ...lineIfGiven(values.institution_changed, 'өзгерген жағдайда оқу орнының атауы және мекенжайы'),
        ],
        body,
      };
    }
    return {
      ...applicationFrame(lang, today),
      header: [
        { value: values.head_name ?? '', caption: 'фамилия, имя, отчество (при наличии) руководителя организации полностью' },
        { value: values.full_name ?? '', caption: 'фамилия, имя, отчество (при наличии) услугополучателя полностью' },
        { value: institution, caption: 'наименование учебного заведения, год окончания' },
        { value: values.specialty ? `по специальности ${values.specialty}` : '', caption: 'наименование специальности' },
        ...lineIfGiven(values.institution_changed, 'наименование и адрес учебного заведения в случае изменения'),
      ],
      body,
    };
  },
};
