import type { Service } from '../schema';
import {
  applicantQuestion,
  applicationChannelQuestion,
  APPLIED_BY_OWNER,
  APPLIED_BY_PARENT,
  closesAt,
  collectionAtStateCorporation,
  duplicateReasonQuestion,
  eApplicationDocument,
  expiredDocumentsRefusal,
  freeForIndividuals,
  homeVisitVia1414,
  nextWorkingDayRegistration,
  noServiceRefusalGroundsNote,
  originalEducationDocument,
  originalInEitherCaseNote,
  OWNER_OR_PARENT_OPTIONS,
  ownerOrParentApplicants,
  PAPER_CHANNELS,
  parentDocumentsUnstatedNote,
  passagesIn,
  portalApplicationChannel,
  portalHours,
  resentToStateCorporationAfterAMonth,
  rulesOnDuplicatesComplaint,
  SCHOOL_COMPLAINTS,
  serviceAddressesPublished,
  stateCorporationHours,
  stateCorporationQueueWait,
  stateCorporationServiceTime,
  statusVia1414,
  studentIdentityDocument,
} from './shared';

/**
 * Duplicates of documents on basic secondary and general secondary education (school attestat or
 * certificate). Source: seed 000, Rules §1 (paragraphs 29–47), Appendix 1 (application form) and
 * Appendix 2 (service standard, rows 1–10).
 */

const at = passagesIn('000_89b8ef86f4446315.txt');

// The complaint procedure, Rules §4 (paragraphs 86–89).
const COMPLAINTS = {
  provider: at('Rules p. 86', 'L534-542'),
  stateCorporation: at('Rules p. 87', 'L544-558'),
  terms: at('Rules p. 88', 'L560-572'),
  extension: at('Rules p. 89', 'L574-600'),
  court: at('Rules p. 89, last paragraph', 'L602-606'),
};

// Passages cited more than once.
const ART_30 = at('Rules p. 30', 'L12-34');
const ROW_8_APPLICATION = at('App. 2, row 8(1)', 'L834-844');
const ROW_8_IDENTITY = at('App. 2, row 8(2) and the notes after the list', 'L846-872');
const ROW_8_ORIGINAL = at('App. 2, row 8(3)', 'L852-854');
const ROW_8_PORTAL = at('App. 2, row 8, portal', 'L874-886');
const ROW_10_CONTACT_CENTRE = at('App. 2, row 10 (status via 1414)', 'L950-954');
const ROW_7_SCHOOL = at('App. 2, row 7(1)', 'L790-800');
const ROW_7_STATE_CORPORATION = at('App. 2, row 7(2)', 'L802-806');
const ROW_7_PORTAL = at('App. 2, row 7(3)', 'L808-818');

export const duplicateSchool: Service = {
  id: 'duplicate-school',
  audience: 'citizen',
  title: {
    kk: 'Негізгі орта, жалпы орта білім туралы құжаттардың телнұсқаларын беру',
    ru: 'Выдача дубликатов документов об основном среднем, общем среднем образовании',
  },
  shortTitle: { kk: 'Мектеп аттестатының телнұсқасы', ru: 'Дубликат школьного аттестата' },

  levels: ['school'],
  provider: {
    text: {
      kk: 'Негізгі орта және жалпы орта білім беру ұйымдары (мектептер). Өтініш мектеп басшысының атына жазылады.',
      ru: 'Организации основного среднего и общего среднего образования (школы). Заявление пишется на имя руководителя школы.',
    },
    sources: [at('Rules p. 29', 'L6-10'), at('App. 2, row 1', 'L690-694'), ART_30],
  },

  applicants: ownerOrParentApplicants([ART_30, ROW_8_APPLICATION]),

  channels: [
    {
      id: 'provider_office',
      text: {
        kk: 'Қағаз өтініш пен құжаттарды мектептің кеңсесіне тапсырасыз. Құжаттардың қабылданғаны туралы қолхат (3-қосымша) беріледі.',
        ru: 'Заявление и документы на бумаге сдаются в канцелярию школы. Вам выдают расписку о приёме документов (приложение 3).',
      },
      sources: [at('App. 2, row 2', 'L696-711'), at('Rules p. 33', 'L54-60')],
    },
    {
      id: 'state_corporation',
      text: {
        kk: '«Азаматтарға арналған үкімет» мемлекеттік корпорациясына жүгінесіз. Қолхат (3-қосымша) беріледі, өтінішті мектепке Мемлекеттік корпорацияның өзі жібереді. Құжаттарды қабылдаған күн қызмет мерзіміне кірмейді.',
        ru: 'Обратитесь в Госкорпорацию «Правительство для граждан» (ЦОН). Вам выдадут расписку (приложение 3), заявление в школу ЦОН отправит сам. День приёма документов в срок услуги не входит.',
      },
      sources: [at('App. 2, row 2', 'L696-711'), at('Rules p. 33', 'L54-60'), at('Rules p. 37', 'L90-96'), at('Rules p. 39', 'L104-106')],
    },
    portalApplicationChannel(1, [ART_30, ROW_8_PORTAL, at('Rules p. 34', 'L62-66')]),
  ],

  term: {
    kind: 'total',
    workingDays: 15,
    text: {
      kk: 'Жалпы қарау мерзімі – 15 жұмыс күні: құжаттарды мектепке, Мемлекеттік корпорацияға немесе порталға тапсырған сәттен бастап. Мемлекеттік корпорацияда құжаттарды қабылдау күні мерзімге кірмейді.',
      ru: 'Общий срок рассмотрения — 15 рабочих дней с момента сдачи документов в школу, Госкорпорацию или на портал. При обращении в Госкорпорацию день приёма документов в срок не входит.',
    },
    sources: [at('Rules p. 46', 'L168-172'), at('App. 2, row 3(1)', 'L713-719'), at('Rules p. 39', 'L104-106')],
  },

  otherTerms: [
    {
      kind: 'provider_review',
      workingDays: 5,
      text: {
        kk: 'Мектеп құжаттарды 5 (бес) жұмыс күні ішінде қарап, телнұсқаны немесе бас тарту туралы дәлелді жауапты дайындайды.',
        ru: 'Школа рассматривает документы в течение 5 (пяти) рабочих дней и готовит дубликат или мотивированный ответ об отказе.',
      },
      sources: [at('Rules p. 41', 'L112-128')],
    },
    stateCorporationQueueWait([at('App. 2, row 3(2)', 'L721-723')]),
    stateCorporationServiceTime([at('App. 2, row 3(3)', 'L725-727')]),
    {
      kind: 'other',
      hours: 24,
      channels: ['state_corporation', 'egov_portal'],
      text: {
        kk: 'Мектеп дайын телнұсқаны немесе бас тарту туралы жауапты Мемлекеттік корпорацияға қызмет мерзімі аяқталғанға дейін бір тәуліктен кешіктірмей жібереді (порталдан өтініш берсеңіз – алу орны ретінде Мемлекеттік корпорацияны таңдаған жағдайда).',
        ru: 'Школа отправляет готовый дубликат или ответ об отказе в Госкорпорацию не позднее чем за сутки до окончания срока услуги (при подаче через портал — если местом получения выбрана Госкорпорация).',
      },
      sources: [at('Rules p. 41', 'L112-122'), at('Rules p. 42', 'L130-142')],
    },
    {
      kind: 'sc_storage',
      months: 1,
      channels: ['state_corporation', 'egov_portal'],
      text: {
        kk: 'Мемлекеттік корпорация дайын құжатты 1 (бір) ай сақтайды, содан кейін оны әрі қарай сақтау үшін мектепке тапсырады.',
        ru: 'Госкорпорация хранит готовый документ 1 (один) месяц, затем передаёт его на дальнейшее хранение в школу.',
      },
      sources: [at('Rules p. 45', 'L156-166'), at('App. 2, row 5', 'L752-754')],
    },
    resentToStateCorporationAfterAMonth([at('App. 2, row 5', 'L756-762'), at('Rules p. 45', 'L156-166')], ['state_corporation', 'egov_portal']),
  ],

  fee: freeForIndividuals([at('App. 2, row 6', 'L764-788')]),

  result: {
    text: {
      kk: 'Негізгі орта немесе жалпы орта білім туралы құжаттың (аттестаттың немесе куәліктің) телнұсқасы не қызмет көрсетуден бас тарту туралы дәлелді жауап. Нәтиже қағаз түрінде беріледі.',
      ru: 'Дубликат документа об основном среднем или общем среднем образовании (аттестата или свидетельства) либо мотивированный ответ об отказе в оказании услуги. Результат выдаётся в бумажном виде.',
    },
    sources: [at('Rules p. 43', 'L144-146'), at('App. 2, row 5', 'L731-740'), at('App. 1, request text', 'L662-666')],
  },

  resultDelivery: [
    {
      text: {
        kk: 'Нәтиже мектеп кеңсесі, Мемлекеттік корпорация немесе портал арқылы беріледі.',
        ru: 'Результат выдаётся через канцелярию школы, Госкорпорацию или портал.',
      },
      sources: [at('App. 2, row 2', 'L696-711')],
    },
    collectionAtStateCorporation([at('Rules p. 44', 'L150-154'), at('App. 2, row 5', 'L742-746'), at('Rules p. 33', 'L54-60')]),
    {
      text: {
        kk: 'Портал арқылы өтініш берсеңіз, мектеп телнұсқаның дайын екені және оны алатын орын туралы хабарлама не бас тарту туралы дәлелді жауап жібереді. Телнұсқаны сұрау салуда көрсетілген Мемлекеттік корпорацияның мекенжайы бойынша аласыз.',
        ru: 'При подаче через портал школа направляет уведомление о готовности дубликата с указанием места получения либо мотивированный ответ об отказе. Дубликат получают в Госкорпорации по адресу, указанному в запросе.',
      },
      sources: [at('Rules p. 41', 'L120-128'), at('Rules p. 42', 'L130-142'), at('App. 2, row 5', 'L748-750')],
    },
    {
      text: {
        kk: 'Мемлекеттік корпорация дайын құжатты бір ай сақтайды, содан кейін мектепке қайтарады. Кейінірек келсеңіз, Мемлекеттік корпорация құжатты мектептен сұратып алады.',
        ru: 'Госкорпорация хранит готовый документ один месяц, затем передаёт его в школу. Если вы пришли позже, Госкорпорация запрашивает документ у школы.',
      },
      sources: [at('Rules p. 45', 'L156-166')],
    },
    statusVia1414([ROW_10_CONTACT_CENTRE]),
  ],

  workingHours: [
    {
      text: {
        kk: 'Мектеп: дүйсенбі – жұма, 9.00-ден 18.00-ге дейін, түскі үзіліс 13.00-ден 14.00-ге дейін; демалыс және мереке күндерінен басқа.',
        ru: 'Школа: понедельник – пятница, с 9:00 до 18:00, перерыв на обед с 13:00 до 14:00; кроме выходных и праздничных дней.',
      },
      sources: [ROW_7_SCHOOL],
    },
    stateCorporationHours([ROW_7_STATE_CORPORATION]),
    portalHours([ROW_7_PORTAL]),
    serviceAddressesPublished([at('App. 2, row 7, addresses', 'L820-828')]),
  ],

  afterHours: nextWorkingDayRegistration(
    [at('Rules p. 36', 'L82-88'), ROW_7_PORTAL],
    [closesAt('18:00', ['provider_office'], [ROW_7_SCHOOL]), closesAt('20:00', ['state_corporation'], [ROW_7_STATE_CORPORATION]), closesAt('18:00', ['egov_portal'], [ROW_7_SCHOOL, ROW_7_PORTAL])],
  ),

  questions: [applicationChannelQuestion({ kk: 'Мектеп кеңсесінде', ru: 'В канцелярии школы' }), applicantQuestion(OWNER_OR_PARENT_OPTIONS, PAPER_CHANNELS), duplicateReasonQuestion(PAPER_CHANNELS)],

  documents: [
    {
      id: 'application',
      text: {
        kk: 'Мектеп басшысының атына өтініш (Қағидалардың 1-қосымшасындағы нысан бойынша)',
        ru: 'Заявление на имя руководителя школы (по форме приложения 1 к Правилам)',
      },
      explanation: {
        kk: 'Нысанға мектептің атауын, аты-жөніңізді және ЖСН-іңізді, оқуды аяқтаған жылды жазасыз; мектептің атауы мен мекенжайы өзгерген болса, оны да көрсетесіз. Телнұсқа не себепті керек екенін жазып, қажетті құжаттың – аттестаттың немесе куәліктің – астын сызасыз. Дербес деректерді пайдалануға келісім беріп, күнін қойып, қол қоясыз.',
        ru: 'В форме укажите название школы, своё ФИО и ИИН, год окончания; если название и адрес школы изменились — укажите и их. Напишите причину, по которой нужен дубликат, и подчеркните нужный документ — аттестат или свидетельство. Дайте согласие на использование персональных данных, поставьте дату и подпись.',
      },
      required: 'conditional',
      condition: APPLIED_BY_OWNER,
      channels: [...PAPER_CHANNELS],
      sources: [ROW_8_APPLICATION, at('App. 1, application form', 'L612-676')],
    },
    {
      id: 'application_by_parent',
      text: {
        kk: 'Ата-ананың (заңды өкілдің) мектеп басшысының атына өтініші (1-қосымшадағы нысан бойынша)',
        ru: 'Заявление родителя (законного представителя) на имя руководителя школы (по форме приложения 1)',
      },
      explanation: {
        kk: 'Кәмелетке толмаған бала үшін өтінішті ата-анасы немесе заңды өкілі береді. Нысан сол – 1-қосымша: мектептің атауы, аты-жөні мен ЖСН, оқуды аяқтаған жылы, телнұсқаның себебі; аттестаттың немесе куәліктің астын сызып, күнін қойып, қол қояды.',
        ru: 'За несовершеннолетнего заявление подаёт родитель или законный представитель. Форма та же — приложение 1: название школы, ФИО и ИИН, год окончания, причина; подчеркнуть аттестат или свидетельство, поставить дату и подпись.',
      },
      required: 'conditional',
      condition: APPLIED_BY_PARENT,
      channels: [...PAPER_CHANNELS],
      sources: [ROW_8_APPLICATION, at('App. 1, application form', 'L612-676')],
    },
    studentIdentityDocument(
      {
        kk: 'Жеке басты сәйкестендіру үшін керек: бұл телнұсқа берілетін адамның (баланың) құжаты.',
        ru: 'Нужно для идентификации личности: это документ того, кому выдаётся дубликат (ребёнка).',
      },
      [ROW_8_IDENTITY, at('Rules p. 32', 'L48-52'), at('App. 2, row 10, digital documents', 'L962-972')],
    ),
    originalEducationDocument(
      {
        kk: 'Құжат бүлінсе немесе тегіңіз (атыңыз, әкеңіздің аты) өзгерсе, қолыңыздағы аттестатты немесе куәлікті өтінішке қоса бересіз.',
        ru: 'Если документ испорчен или у вас изменились фамилия (имя, отчество), приложите к заявлению имеющийся у вас аттестат или свидетельство.',
      },
      [...PAPER_CHANNELS],
      [ROW_8_ORIGINAL],
    ),
    eApplicationDocument(
      1,
      {
        kk: 'Өтініш порталда мектеп басшысының атына толтырылады.',
        ru: 'Заявление заполняется на портале на имя руководителя школы.',
      },
      [ROW_8_PORTAL, at('App. 2, row 10', 'L946-948')],
    ),
  ],

  refusalGrounds: {
    intake: [
      {
        text: {
          kk: 'құжаттар толық болмаса. ХҚКО немесе мектеп қызметкері бас тарту туралы қолхат (4-қосымша) береді.',
          ru: 'документы принесли не все. Работник ЦОН или школы выдаст расписку об отказе в приёме (приложение 4).',
        },
        sources: [at('Rules p. 35', 'L68-80'), at('App. 2, row 9', 'L888-914')],
      },
      expiredDocumentsRefusal([at('Rules p. 35', 'L68-80'), at('App. 2, row 9', 'L888-914')]),
    ],
    service: [],
  },

  homeVisit: homeVisitVia1414([at('App. 2, row 10', 'L934-944')]),

  notes: [
    originalInEitherCaseNote([ROW_8_ORIGINAL, ROW_10_CONTACT_CENTRE]),
    {
      text: {
        kk: 'Порталда тек электрондық өтініш талап етіледі. Құжат бүлінген немесе тегіңіз өзгерген болса, түпнұсқаны қалай және қашан тапсыру керегін Қағидалар айтпайды – мұны 1414 операторынан немесе мектептен нақтылаңыз.',
        ru: 'На портале требуется только электронное заявление. Как и когда сдавать оригинал испорченного документа или документа со старой фамилией, Правила не говорят — уточните у оператора 1414 или в школе.',
      },
      sources: [ROW_8_PORTAL, ROW_8_ORIGINAL, ROW_10_CONTACT_CENTRE],
    },
    parentDocumentsUnstatedNote([at('App. 2, row 8(1)-(2)', 'L838-850'), ROW_10_CONTACT_CENTRE]),
    noServiceRefusalGroundsNote([at('App. 2, row 5', 'L731-738'), at('App. 2, row 9', 'L888-914'), ROW_10_CONTACT_CENTRE]),
  ],
  operatorNotes: [
    {
      text: {
        kk: 'Стандартта бір айдан кейін құжаттар сақтауға «көрсетілетін қызметті алушыға» берілетіні және оны «алушы» қайта жіберетіні жазылған, ал Қағидалардың 45-тармағында бұл – мектеп (көрсетілетін қызметті беруші). 45-тармақ бойынша бір ай өткен соң құжат мектепке қайтарылады, ал Мемлекеттік корпорацияға жүгінсеңіз, ол құжатты мектептен сұратады. Сұрақ болса, 1414-ке хабарласыңыз.',
        ru: 'В стандарте сказано, что через месяц документы передаются на хранение «услугополучателю» и он же отправляет их обратно, а в пункте 45 Правил это делает услугодатель, то есть школа. По пункту 45 через месяц документ возвращается в школу, а при вашем обращении Госкорпорация запрашивает его у школы. Вопросы можно задать по номеру 1414.',
      },
      sources: [at('App. 2, row 5', 'L752-762'), at('Rules p. 45', 'L156-166'), ROW_10_CONTACT_CENTRE],
    },
  ],

  form: 'seed000-app1',
  complaint: rulesOnDuplicatesComplaint(SCHOOL_COMPLAINTS, COMPLAINTS),
};
