import type { FormDefinition } from './types';

const SEED = '000_89b8ef86f4446315.txt' as const;

const REASONS = {
  lost: { kk: 'құжаттың жоғалуына', ru: 'утерей документа' },
  damaged: { kk: 'құжаттың бүлінуіне', ru: 'порчей документа' },
  name_changed: { kk: 'тегімнің (атымның, әкемнің атының) өзгеруіне', ru: 'изменением фамилии (имени, отчества)' },
} as const;

const DOCUMENT = {
  attestat: { kk: 'аттестаттың', ru: 'аттестата' },
  certificate: { kk: 'куәліктің', ru: 'свидетельства' },
} as const;

/** Seed 000, Appendix 1: the application for a duplicate of a school attestat or certificate. */
export const schoolDuplicateForm: FormDefinition = {
  id: 'seed000-app1',
  title: { kk: 'Мектеп аттестатының (куәлігінің) телнұсқасын беру туралы өтініш', ru: 'Заявление о выдаче дубликата школьного аттестата (свидетельства)' },
  source: { seed: SEED, ref: 'Rules, App. 1 (form)', lines: 'L612-672' },
  fields: [
    { id: 'school', kind: 'text', maxLength: 200, label: { kk: 'Мектептің (оқу орнының) атауы', ru: 'Название школы (учебного заведения)' } },
    { id: 'full_name', kind: 'text', maxLength: 150, label: { kk: 'Тегіңіз, атыңыз, әкеңіздің аты (бар болса)', ru: 'Ваши фамилия, имя, отчество (при наличии)' } },
    { id: 'iin', kind: 'iin', label: { kk: 'ЖСН (12 цифр)', ru: 'ИИН (12 цифр)' } },
    { id: 'graduation_year', kind: 'year', label: { kk: 'Мектепті бітірген жылыңыз', ru: 'Год окончания школы' } },
    {
      id: 'school_changed',
      kind: 'text',
      maxLength: 250,
      optional: true,
      label: { kk: 'Мектептің атауы мен мекенжайы өзгерсе — жаңа атауы мен мекенжайы', ru: 'Если название или адрес школы изменились — новые название и адрес' },
    },
    {
      id: 'document',
      kind: 'choice',
      label: { kk: 'Қандай құжаттың телнұсқасы керек?', ru: 'Дубликат какого документа нужен?' },
      options: [
        { id: 'attestat', label: { kk: 'Аттестат', ru: 'Аттестат' } },
        { id: 'certificate', label: { kk: 'Куәлік', ru: 'Свидетельство' } },
      ],
    },
    {
      id: 'reason',
      kind: 'choice',
      label: { kk: 'Телнұсқа не себепті керек?', ru: 'Почему нужен дубликат?' },
      options: (Object.keys(REASONS) as (keyof typeof REASONS)[]).map((id) => ({
        id,
        label: { lost: { kk: 'Құжат жоғалды', ru: 'Документ утерян' }, damaged: { kk: 'Құжат бүлінді', ru: 'Документ испорчен' }, name_changed: { kk: 'Тегім (атым) өзгерді', ru: 'Сменил(а) ФИО' } }[id],
      })),
    },
  ],
  prefill: (answers): Record<string, string> => (answers.reason && answers.reason in REASONS ? { reason: answers.reason } : {}),
  layout(values, lang, today) {
    const reason = REASONS[values.reason as keyof typeof REASONS]?.[lang] ?? '';
    const document = DOCUMENT[values.document as keyof typeof DOCUMENT]?.[lang] ?? '';
    const changed = values.school_changed ? [{ value: values.school_changed, caption: lang === 'kk' ? 'оқу орнының атауы мен мекенжайы өзгерістер болған жағдайда' : 'наименование и адрес учебного заведения в случае изменений' }] : [];
    if (lang === 'kk') {
      return {
        header: [
          { value: values.school ?? '', caption: 'оқу орнының атауы' },
          { value: `азамат(ша) ${values.full_name ?? ''}, ЖСН ${values.iin ?? ''}`, caption: 'Т.А.Ә. (бар болғанда) және жеке сәйкестендіру нөмері' },
          { value: values.graduation_year ?? '', caption: 'аяқталу жылы' },
          ...changed,
        ],
        title: 'Өтініш',
        body: [
          `Сізден ${reason} байланысты маған ${document} телнұсқасын беруіңізді сұраймын.`,
          'Ақпараттық жүйелерде қамтылған "Дербес деректер және оларды қорғау туралы" 2013 жылғы 21 мамырдағы Қазақстан Республикасының Заңымен құпия қорғалатын мәліметтерді қолдануға келісемін.',
        ],
        dateLine: today,
        signatureCaption: 'қолы',
      };
    }
    return {
      header: [
        { value: values.school ?? '', caption: 'наименование учебного заведения' },
        { value: `гражданин(ка) ${values.full_name ?? ''}, ИИН ${values.iin ?? ''}`, caption: 'Ф.И.О. (при наличии) и индивидуальный идентификационный номер' },
        { value: values.graduation_year ?? '', caption: 'год окончания' },
        ...changed,
      ],
      title: 'Заявление',
      body: [
        `Прошу Вас выдать мне дубликат ${document} в связи с ${reason}.`,
        'Согласен(на) на использование сведений, составляющих охраняемую законом тайну, содержащихся в информационных системах, в соответствии с Законом Республики Казахстан от 21 мая 2013 года "О персональных данных и их защите".',
      ],
      dateLine: today,
      signatureCaption: 'подпись',
    };
  },
};
