import type { Service } from '../schema';
import { COLLEGE_COMPLAINTS, feeNotStated, noHomeVisitInSource, ownCollegeChannel, slideDeckComplaint, slideDeckComplaintSources, slidePassages } from './shared';

/**
 * A place in a dormitory for students of TVET organisations. Seed 002 gives the legal basis, a term
 * of 3 working days (read from the slide layout: the 15 working days printed beside it belong to
 * duplicates), the allocation rule (competition, special commission) and a document list that is
 * cut off in the middle of the social-assistance item.
 */

const SEED = '002_3ac65400ac0ed134.txt' as const;
const onSlide = slidePassages('Жатақхана беру');

const TITLE = onSlide('title', 'L614-616');
const BASIS = onSlide('legal basis (MES orders No. 66 and No. 215)', 'L656-672');
const TERM = onSlide('"Қызмет көрсету мерзімі"', 'L768-772');
const TERMS_SIDE_BY_SIDE = { seed: SEED, ref: 'slides "Телнұсқаларын беру" and "Жатақхана беру", terms printed side by side', lines: 'L759-772' };
const DUPLICATES_TERM = { seed: '004_c8775394d60dbad5.txt' as const, ref: 'duplicates of TVET documents, List of basic requirements, row 3', lines: 'L181-185' };
const ALLOCATION = onSlide('allocation of places', 'L774-776');
const DOCS = onSlide('document list (cut off in the source)', 'L675-699');
const DOCS_ID = onSlide('document list, item 1', 'L675-677');
const DOCS_FAMILY = onSlide('document list, item 2', 'L677-681');
const DOCS_ORPHAN = onSlide('document list, item 3', 'L681-685');
const DOCS_LARGE_FAMILY = onSlide('document list, item 4', 'L687-693');
const DOCS_DISABILITY = onSlide('document list, item 5', 'L693-697');
const DOCS_SOCIAL_ASSISTANCE = onSlide('document list, item 6 (cut off)', 'L697-699');

export const dormitory: Service = {
  id: 'dormitory',
  audience: 'citizen',
  title: {
    kk: 'Техникалық және кәсіптік білім беру ұйымдарындағы білім алушыларға жатақхана беру',
    ru: 'Предоставление общежития обучающимся в организациях технического и профессионального образования',
  },
  shortTitle: { kk: 'Жатақханадан орын', ru: 'Место в общежитии' },
  levels: ['college'],
  provider: {
    text: {
      kk: 'Сіз оқитын техникалық және кәсіптік білім беру ұйымы (колледж). Жатақханадағы орындарды арнайы құрылған комиссия бөледі. Колледж материалдары қызмет берушіні бөлек атамайды.',
      ru: 'Организация технического и профессионального образования (колледж), в которой вы учитесь. Места в общежитии распределяет специально созданная комиссия.',
    },
    sources: [TITLE, ALLOCATION],
  },
  applicants: {
    text: {
      kk: 'Техникалық және кәсіптік білім беру ұйымдарының білім алушылары.',
      ru: 'Обучающиеся организаций технического и профессионального образования.',
    },
    sources: [TITLE],
  },
  channels: [ownCollegeChannel([TITLE])],
  term: {
    kind: 'total',
    workingDays: 3,
    text: {
      kk: '3 жұмыс күні.',
      ru: '3 рабочих дня.',
    },
    sources: [TERM],
  },
  otherTerms: [],
  fee: feeNotStated([BASIS], {
    kk: 'Жатақханада тұру ақысы да онда көрсетілмеген.',
    ru: 'Плата за проживание в общежитии там тоже не указана.',
  }),
  result: {
    text: {
      kk: 'Жатақханадан орын. Орындарды арнайы құрылған комиссия конкурстық негізде бөледі.',
      ru: 'Место в общежитии. Места распределяются на конкурсной основе специально созданной комиссией.',
    },
    sources: [TITLE, ALLOCATION],
  },
  resultDelivery: [],
  workingHours: [],
  questions: [
    {
      id: 'family',
      text: {
        kk: 'Сіз некедесіз бе, әлде балаңыз бар ма?',
        ru: 'Вы состоите в браке или у вас есть дети?',
      },
      options: [
        { id: 'yes', label: { kk: 'Иә', ru: 'Да' } },
        { id: 'no', label: { kk: 'Жоқ', ru: 'Нет' } },
      ],
    },
    {
      id: 'category',
      text: {
        kk: 'Сіз мына санаттардың біріне жатасыз ба?',
        ru: 'Относитесь ли вы к одной из этих категорий?',
      },
      options: [
        { id: 'orphan', label: { kk: 'Жетім', ru: 'Сирота' } },
        { id: 'large_family', label: { kk: 'Көп балалы отбасыданмын', ru: 'Из многодетной семьи' } },
        { id: 'disability', label: { kk: 'Мүгедектігім бар', ru: 'Есть инвалидность' } },
        { id: 'social_assistance', label: { kk: 'Атаулы әлеуметтік көмек', ru: 'Адресная социальная помощь' } },
        { id: 'none', label: { kk: 'Жоқ, ешқайсысына', ru: 'Нет, ни к одной' } },
      ],
    },
  ],
  documents: [
    {
      id: 'identity_documents',
      text: { kk: 'Жеке басын куәландыратын құжаттар', ru: 'Документы, удостоверяющие личность' },
      required: 'always',
      sources: [DOCS_ID],
    },
    {
      id: 'family_composition_certificate',
      text: { kk: 'Отбасы құрамы туралы анықтама', ru: 'Справка о составе семьи' },
      explanation: {
        kk: 'Колледж материалдарында қысқа ғана «отбасы болған жағдайда» делінген. Анықтама сізге керек пе, күмәндансаңыз, колледжден нақтылаңыз.',
        ru: 'В материалах колледжа сказано коротко: «при наличии семьи». Если сомневаетесь, нужна ли справка вам, уточните в колледже.',
      },
      required: 'conditional',
      condition: {
        text: { kk: 'некеде болсаңыз немесе балаңыз болса', ru: 'вы состоите в браке или у вас есть дети' },
        when: { family: ['yes'] },
      },
      sources: [DOCS_FAMILY],
    },
    {
      id: 'parent_death_certificate',
      text: {
        kk: 'Ата-анасының (ата-аналарының) қайтыс болуы туралы куәлік',
        ru: 'Свидетельство о смерти родителя (родителей)',
      },
      required: 'conditional',
      condition: {
        text: { kk: 'жетім болсаңыз', ru: 'вы — сирота' },
        when: { category: ['orphan'] },
      },
      sources: [DOCS_ORPHAN],
    },
    {
      id: 'large_family_certificate',
      text: {
        kk: 'Отбасында 4 және одан көп баланың болуы туралы анықтама',
        ru: 'Справка о наличии в семье 4 и более детей',
      },
      required: 'conditional',
      condition: {
        text: { kk: 'көп балалы отбасынан болсаңыз', ru: 'вы из многодетной семьи' },
        when: { category: ['large_family'] },
      },
      sources: [DOCS_LARGE_FAMILY],
    },
    {
      id: 'disability_certificate',
      text: {
        kk: 'Бекітілген нысан бойынша мүгедектікті растау туралы анықтама',
        ru: 'Справка, подтверждающая инвалидность, по утверждённой форме',
      },
      required: 'conditional',
      condition: {
        text: { kk: 'мүгедектігіңіз болса', ru: 'он у вас есть инвалидности' },
        when: { category: ['disability'] },
      },
      sources: [DOCS_DISABILITY],
    },
    {
      id: 'social_assistance_document',
      text: {
        kk: 'Мемлекеттік атаулы әлеуметтік көмекке қатысты құжат (колледж материалдарында тармақтың мәтіні үзіліп қалған)',
        ru: 'Документ, связанный с государственной адресной социальной помощью (в материалах колледжа текст пункта оборван)',
      },
      explanation: {
        kk: 'Колледж материалдарындағы тізім «мемлекеттік атаулы әлеуметтік көмек алу үшін» деген сөздерде үзіледі: қандай құжат керек екені жазылмаған. Оны колледжден немесе 1414 операторынан сұраңыз.',
        ru: 'Перечень в материалах колледжа обрывается на словах «для получения государственной адресной социальной помощи»: какой документ нужен, не написано. Уточните в колледже или у оператора 1414.',
      },
      required: 'conditional',
      condition: {
        text: {
          kk: 'мемлекеттік атаулы әлеуметтік көмек алатын болсаңыз',
          ru: 'вы получаете государственную адресную социальную помощь',
        },
        when: { category: ['social_assistance'] },
      },
      sources: [DOCS_SOCIAL_ASSISTANCE],
    },
  ],
  refusalGrounds: { intake: [], service: [] },
  homeVisit: noHomeVisitInSource([TITLE]),
  notes: [
    {
      text: {
        kk: 'Колледж материалдарында тек растайтын құжаттар аталған: өтініш мәтіні де, оның нысаны да берілмеген. Өтініш қалай жазылатынын колледжден нақтылаңыз.',
        ru: 'В материалах колледжа названы только подтверждающие документы: текста или формы заявления там нет. Как написать заявление, уточните в колледже.',
      },
      sources: [DOCS],
    },
    {
      text: {
        kk: 'Колледж материалдарындағы құжаттар тізбесі атаулы әлеуметтік көмекке қатысты тармақта үзіліп қалған: одан кейінгі құжаттар болуы мүмкін, бірақ олар жазылмаған. Толық тізімді колледжден немесе Бірыңғай байланыс орталығы 1414 операторынан нақтылаңыз.',
        ru: 'Перечень документов в материалах колледжа оборван на пункте об адресной социальной помощи: за ним могут идти и другие документы, но они не приведены. Полный перечень уточните в колледже или у оператора Единого контакт-центра 1414.',
      },
      sources: [DOCS],
    },
    {
      text: {
        kk: 'Колледж материалдарында екі мерзім қатар басылған: 15 жұмыс күні және 3 жұмыс күні. 15 жұмыс күні құжаттардың телнұсқаларын беру қызметіне жатады, сондықтан жатақхана үшін 3 жұмыс күні деп алынды. Мерзім қай сәттен басталатыны жазылмаған; колледж немесе 1414 операторы нақтылай алады.',
        ru: 'В материалах колледжа рядом напечатаны два срока: 15 рабочих дней и 3 рабочих дня. 15 рабочих дней относятся к услуге по выдаче дубликатов документов, поэтому для общежития принят срок 3 рабочих дня. С какого момента считается срок, не написано; уточнить может колледж или оператор 1414.',
      },
      sources: [TERMS_SIDE_BY_SIDE, DUPLICATES_TERM],
    },
    {
      text: {
        kk: 'Колледж материалдарында өтініш беру тәсілі, конкурс өлшемдері, ақы, жұмыс кестесі және бас тарту негіздері көрсетілмеген. Оларды колледжден немесе 1414 операторынан нақтылауға болады.',
        ru: 'В материалах колледжа не указаны способ подачи, критерии конкурса, стоимость, график работы и основания для отказа. Их можно уточнить в колледже или у оператора 1414.',
      },
      sources: [TITLE, ALLOCATION],
    },
  ],
  complaint: slideDeckComplaint(COLLEGE_COMPLAINTS, slideDeckComplaintSources()),
};
