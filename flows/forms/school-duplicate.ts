import { applicationFrame, duplicateReasonField, duplicateReasonPhrase, fullNameField, iinField, lineIfGiven, personalDataConsent, prefillDuplicateReason } from './shared';
import type { FormDefinition } from './types';

const SEED = '000_89b8ef86f4446315.txt' as const;

const DOCUMENT = {
  attestat: { kk: 'аттестаттың', ru: 'аттестата' },
  certificate: { kk: 'куәліктің', ru: 'свидетельства' },
} as const;

/** Seed 000, Appendix 1: the application for a duplicate of a school attestat or certificate. */
export const schoolDuplicateForm: FormDefinition = {
  id: 'seed000-app1',
  title: { kk: 'Мектеп аттестатының (куәлігінің) телнұсқасын беру туралы өтініш', ru: 'Заявление о выдаче дубликата школьного аттестата (свидетельства)' },
  source: { seed: SEED, ref: 'Rules, App. 1 (form)', lines: 'L612-676' },
  fields: [
    { id: 'school', kind: 'text', names: 'thing', maxLength: 200, label: { kk: 'Мектептің (оқу орнының) атауы', ru: 'Название школы (учебного заведения)' } },
    fullNameField,
    iinField,
    { id: 'graduation_year', kind: 'year', label: { kk: 'Мектепті бітірген жылыңыз', ru: 'Год окончания школы' } },
    {
      id: 'school_changed',
      kind: 'text',
      names: 'thing',
      maxLength: 250,
      optional: true,
      label: { kk: 'Мектептің атауы мен мекенжайы өзгерсе — жаңа атауы мен мекенжайы', ru: 'Если название или адрес школы изменились — новые название и адрес' },
      short: { kk: 'Мектептің жаңа атауы мен мекенжайы', ru: 'Новые название и адрес школы' },
    },
    {
      id: 'document',
      kind: 'choice',
      label: { kk: 'Қандай құжаттың телнұсқасы керек?', ru: 'Дубликат какого документа нужен?' },
      short: { kk: 'Құжат', ru: 'Документ' },
      options: [
        { id: 'attestat', label: { kk: 'Аттестат', ru: 'Аттестат' } },
        { id: 'certificate', label: { kk: 'Куәлік', ru: 'Свидетельство' } },
      ],
    },
    duplicateReasonField,
  ],
  prefill: prefillDuplicateReason,
  layout(values, lang, today) {
    const reason = duplicateReasonPhrase(values, lang);
    const document = DOCUMENT[values.document as keyof typeof DOCUMENT]?.[lang] ?? '';
    if (lang === 'kk') {
      return {
        ...applicationFrame(lang, today),
        header: [
          { value: values.school ?? '', caption: 'оқу орнының атауы' },
          { value: `азамат(ша) ${values.full_name ?? ''}, ЖСН ${values.iin ?? ''}`, caption: 'Т.А.Ә. (бар болғанда) және жеке сәйкестендіру нөмері' },
          { value: values.graduation_year ?? '', caption: 'аяқталу жылы' },
          ...lineIfGiven(values.school_changed, 'оқу орнының атауы мен мекенжайы өзгерістер болған жағдайда'),
        ],
        body: [`Сізден ${reason} байланысты маған ${document} телнұсқасын беруіңізді сұраймын.`, personalDataConsent('dated', lang)],
      };
    }
    return {
      ...applicationFrame(lang, today),
      header: [
        { value: values.school ?? '', caption: 'наименование учебного заведения' },
        { value: `гражданин(ка) ${values.full_name ?? ''}, ИИН ${values.iin ?? ''}`, caption: 'Ф.И.О. (при наличии) и индивидуальный идентификационный номер' },
        { value: values.graduation_year ?? '', caption: 'год окончания' },
        ...lineIfGiven(values.school_changed, 'наименование и адрес учебного заведения в случае изменений'),
      ],
      body: [`Прошу Вас выдать мне дубликат ${document} в связи с ${reason}.`, personalDataConsent('dated', lang)],
    };
  },
};
