import type { AfterHoursRule, Channel, ChannelId, Complaint, ComplaintAddressee, DocumentItem, Fact, LocalizedText, Question, Service, SourceRef, Term } from '../schema';

/**
 * Standard clauses that the legal sources repeat word for word across services, and the helpers that
 * cite seed passages. Each clause builder takes the sources of the service that cites the clause, so
 * every entry keeps pointing at its own seed lines while the text stands in one place.
 */

type Sources = SourceRef[];
type Options = Question['options'];
type OptionLabel = Options[number]['label'];
type DocumentCondition = NonNullable<DocumentItem['condition']>;

// ——— Sources ———

/** Passages of one seed file: `(ref, lines)` → SourceRef. */
export function passagesIn(seed: SourceRef['seed']): (ref: string, lines: string) => SourceRef {
  return (ref, lines) => ({ seed, ref, lines });
}

/** Passages on one slide of seed 002, a college's slide deck: the ref names the slide, then the part. */
export function slidePassages(slide: string): (part: string, lines: string) => SourceRef {
  const inSlideDeck = passagesIn('002_3ac65400ac0ed134.txt');
  return (part, lines) => inSlideDeck(`slide "${slide}", ${part}`, lines);
}

// ——— Provider ———

export function tvetOrganisationsProvider(sources: Sources): Fact {
  return {
    text: {
      kk: 'Техникалық және кәсіптік, орта білімнен кейінгі білім беру ұйымдары (колледждер және т.б.). Өтініш осы ұйым басшысының атына жазылады.',
      ru: 'Организации технического и профессионального, послесреднего образования (колледжи и др.). Заявление пишется на имя руководителя этой организации.',
    },
    sources,
  };
}

// ——— Who applies ———

export function ownerOrParentApplicants(sources: Sources): Fact {
  return {
    text: {
      kk: 'Жеке тұлға: құжатын жоғалтқан немесе бүлдірген білім алушының өзі немесе кәмелетке толмаған баланың ата-анасы (заңды өкілі).',
      ru: 'Физическое лицо: сам обучающийся, который утерял или испортил документ, либо родитель (законный представитель) несовершеннолетнего ребёнка.',
    },
    sources,
  };
}

// ——— Channels ———

/** Where the school and college duplicates take a paper application. */
export const PAPER_CHANNELS = ['provider_office', 'state_corporation'] as const;

/** Applying on egov.kz with the form of the given appendix. */
export function portalApplicationChannel(appendix: number, sources: Sources): Channel {
  return {
    id: 'egov_portal',
    text: {
      kk: `www.egov.kz порталында ${appendix}-қосымша нысанындағы электрондық өтінішті толтырып, ЭЦҚ-мен немесе бір реттік парольмен куәландырасыз. Сұрау салудың қабылданғаны туралы мәртебе «жеке кабинетте» көрсетіледі.`,
      ru: `На портале www.egov.kz заполняется электронное заявление по форме приложения ${appendix} и удостоверяется ЭЦП или одноразовым паролем. Статус о принятии запроса отображается в «личном кабинете».`,
    },
    sources,
  };
}

/** The college where the student studies, for the slide-deck services that say no more about applying. */
export function ownCollegeChannel(sources: Sources): Channel {
  return {
    id: 'provider_office',
    text: {
      kk: 'Өзіңіз оқитын колледжге жүгінесіз. Өтінішті қалай және кімге беру керегі колледж материалдарында көрсетілмеген.',
      ru: 'Обращайтесь в колледж, в котором учитесь. Как и кому подавать заявление, в материалах колледжа не указано.',
    },
    sources,
  };
}

// ——— Terms at the State Corporation ———

export function stateCorporationQueueWait(sources: Sources): Term {
  return {
    kind: 'sc_wait',
    minutes: 15,
    channels: ['state_corporation'],
    text: {
      kk: 'Мемлекеттік корпорацияда құжат тапсыру үшін кезекте күтудің ең ұзақ уақыты – 15 минут.',
      ru: 'Максимальное время ожидания в очереди для сдачи документов в Госкорпорации — 15 минут.',
    },
    sources,
  };
}

export function stateCorporationServiceTime(sources: Sources): Term {
  return {
    kind: 'sc_service',
    minutes: 15,
    channels: ['state_corporation'],
    text: {
      kk: 'Мемлекеттік корпорацияда қызмет көрсетудің ең ұзақ уақыты – 15 минут.',
      ru: 'Максимальное время обслуживания в Госкорпорации — 15 минут.',
    },
    sources,
  };
}

/** After the month of storage the provider sends the result back to the State Corporation on request. */
export function resentToStateCorporationAfterAMonth(sources: Sources, channels?: ChannelId[]): Term {
  return {
    kind: 'other',
    workingDays: 1,
    ...(channels && { channels }),
    text: {
      kk: 'Бір ай өткен соң жүгінсеңіз, Мемлекеттік корпорацияның сұрауы бойынша дайын құжат оған 1 (бір) жұмыс күні ішінде қайта жіберіледі.',
      ru: 'Если вы обратились позже месяца, по запросу Госкорпорации готовый документ направляется ей в течение 1 (одного) рабочего дня.',
    },
    sources,
  };
}

// ——— Fee ———

export function freeForIndividuals(sources: Sources): Service['fee'] {
  return {
    free: true,
    stated: true,
    text: {
      kk: 'Тегін: мемлекеттік көрсетілетін қызмет жеке тұлғаларға ақысыз негізде көрсетіледі.',
      ru: 'Бесплатно: государственная услуга оказывается физическим лицам на бесплатной основе.',
    },
    sources,
  };
}

/**
 * The seed says nothing about a fee: `stated: false`, and `free: false` only because freeness is not
 * stated either. The text says so plainly and offers 1414; `note` adds what the service's own source
 * says around it. `sources` cite the passages that describe the service and name no fee.
 */
export function feeNotStated(sources: Sources, note?: LocalizedText): Service['fee'] {
  const text = {
    kk: 'Колледж материалдарында бұл қызметтің ақысы көрсетілмеген — колледжден немесе 1414 нөмірі арқылы нақтылаңыз.',
    ru: 'В материалах колледжа плата за эту услугу не указана — уточните в колледже или по 1414.',
  };
  return {
    free: false,
    stated: false,
    text: note ? { kk: `${text.kk} ${note.kk}`, ru: `${text.ru} ${note.ru}` } : text,
    sources,
  };
}

// ——— Collecting the result ———

export function collectionAtStateCorporation(sources: Sources): Fact {
  return {
    text: {
      kk: 'Мемлекеттік корпорацияда дайын құжат оның жұмыс кестесі бойынша, қолхат негізінде, жеке басты куәландыратын құжатты көрсеткенде беріледі. Оны нотариат куәландырған сенімхат бойынша өкіліңіз де ала алады. Тапсырған кезде берілген қолхатты сақтаңыз.',
      ru: 'В Госкорпорации готовый документ выдаётся по её графику работы на основании расписки при предъявлении документа, удостоверяющего личность. Его также может получить ваш представитель по нотариально удостоверенной доверенности. Сохраните расписку, выданную при сдаче документов.',
    },
    sources,
  };
}

export function statusVia1414(sources: Sources): Fact {
  return {
    text: {
      kk: 'Қызмет көрсету тәртібі мен мәртебесі туралы ақпаратты Бірыңғай байланыс орталығы 1414 береді (ұялы телефоннан тегін — 8 800 080 7777).',
      ru: 'Информацию о порядке и статусе оказания услуги можно получить в Едином контакт-центре 1414 (с мобильного бесплатно — 8 800 080 7777).',
    },
    sources,
  };
}

// ——— Working hours ———

export function stateCorporationHours(sources: Sources): Fact {
  return {
    text: {
      kk: 'Мемлекеттік корпорация: дүйсенбі – сенбі, 9.00-ден 20.00-ге дейін, түскі үзіліссіз; демалыс және мереке күндерінен басқа.',
      ru: 'Госкорпорация: понедельник – суббота, с 9:00 до 20:00 без перерыва на обед; кроме выходных и праздничных дней.',
    },
    sources,
  };
}

export function portalHours(sources: Sources): Fact {
  return {
    text: {
      kk: 'Портал: тәулік бойы, жөндеу жұмыстарына байланысты техникалық үзілістерден басқа.',
      ru: 'Портал: круглосуточно, кроме технических перерывов в связи с ремонтными работами.',
    },
    sources,
  };
}

// ——— After hours ———

type ClosingTime = AfterHoursRule['closingTimes'][number];

/** The end of the working day on these channels, for the after-hours rule. */
export function closesAt(time: string, channels: ChannelId[], sources: Sources): ClosingTime {
  return { channels, closesAt: time, sources };
}

/**
 * The after-hours clause of the Rules on duplicates (every channel), with the portal's own wording
 * from the list of requirements. On the portal, open round the clock, "after working hours" is read
 * as after the provider's working day: the provider registers the application.
 */
export function nextWorkingDayRegistration(sources: Sources, closingTimes: ClosingTime[]): AfterHoursRule {
  return {
    closingTimes,
    text: {
      kk: 'Жұмыс уақыты аяқталғаннан кейін, демалыс немесе мереке күні берілген өтініш келесі жұмыс күні тіркеледі; порталда бұл жағдайда өтінішті қабылдау және нәтижені беру келесі жұмыс күні жүзеге асырылады.',
      ru: 'Заявление, поданное после окончания рабочего времени, в выходной или праздничный день, регистрируется следующим рабочим днём; на портале в этом случае заявление принимается и результат выдаётся следующим рабочим днём.',
    },
    sources,
  };
}

export function serviceAddressesPublished(sources: Sources): Fact {
  return {
    text: {
      kk: 'Қызмет көрсету орындарының мекенжайлары www.edu.gov.kz, www.gov4c.kz сайттарында және www.egov.kz порталында жарияланған.',
      ru: 'Адреса мест оказания услуги размещены на сайтах www.edu.gov.kz, www.gov4c.kz и на портале www.egov.kz.',
    },
    sources,
  };
}

// ——— Home visit ———

export function homeVisitVia1414(sources: Sources): Service['homeVisit'] {
  return {
    available: true,
    text: {
      kk: 'Өз-өзіңізге қызмет көрсету, өздігіңізден қозғалу немесе бағдар жасау қабілетін толық немесе жартылай жоғалтқан болсаңыз, Бірыңғай байланыс орталығы 1414 немесе 8 800 080 7777 нөміріне хабарласыңыз — Мемлекеттік корпорацияның қызметкері құжаттарды тұратын жеріңізге келіп қабылдайды.',
      ru: 'Если вы полностью или частично утратили способность или возможность самообслуживания, самостоятельного передвижения или ориентации, позвоните в Единый контакт-центр 1414 или 8 800 080 7777 — работник Госкорпорации примет документы с выездом по месту жительства.',
    },
    sources,
  };
}

export function noHomeVisitInSource(sources: Sources): Service['homeVisit'] {
  return {
    available: false,
    text: {
      kk: 'Бұл қызмет бойынша ХҚКО қызметкерінің үйге келуі колледж материалдарында көзделмеген.',
      ru: 'Выезд сотрудника ЦОН на дом для этой услуги в материалах колледжа не предусмотрен.',
    },
    sources,
  };
}

// ——— Questions of the duplicate services ———

/** How the citizen applies; `officeLabel` adds the provider's own office where the service has one. */
export function applicationChannelQuestion(officeLabel?: OptionLabel): Question {
  return {
    id: 'channel',
    text: { kk: 'Өтінішті қалай бересіз?', ru: 'Как вы будете подавать заявление?' },
    options: [
      ...(officeLabel ? [{ id: 'provider_office', label: officeLabel }] : []),
      { id: 'state_corporation', label: { kk: 'ХҚКО-да', ru: 'В Госкорпорации (ЦОН)' } },
      { id: 'egov_portal', label: { kk: 'egov.kz порталында', ru: 'На портале egov.kz' } },
    ],
  };
}

export const OWNER_OR_PARENT_OPTIONS: Options = [
  { id: 'self', label: { kk: 'Құжат иесінің өзі', ru: 'Сам владелец документа' } },
  { id: 'parent', label: { kk: 'Баланың ата-анасы (заңды өкілі)', ru: 'Родитель несовершеннолетнего' } },
];

/** Who applies, asked only on the channels that take a paper application. */
export function applicantQuestion(options: Options, channels: readonly ChannelId[]): Question {
  return {
    id: 'applicant',
    text: { kk: 'Өтінішті кім береді?', ru: 'Кто подаёт заявление?' },
    options,
    appliesWhen: { channel: [...channels] },
  };
}

/** Why a duplicate is needed: a damaged document or a changed name adds the original to the list. */
export function duplicateReasonQuestion(channels: readonly ChannelId[]): Question {
  return {
    id: 'reason',
    text: { kk: 'Телнұсқа не себепті керек?', ru: 'Почему нужен дубликат?' },
    options: [
      { id: 'lost', label: { kk: 'Құжат жоғалды', ru: 'Документ утерян' } },
      { id: 'damaged', label: { kk: 'Құжат бүлінді', ru: 'Документ испорчен' } },
      { id: 'name_changed', label: { kk: 'Тегім (атым) өзгерді, құжат қолымда', ru: 'Сменил(а) ФИО, документ на руках' } },
    ],
    appliesWhen: { channel: [...channels] },
  };
}

// ——— Documents of the duplicate services ———

export const APPLIED_BY_OWNER: DocumentCondition = {
  text: { kk: 'өтінішті құжат иесінің өзі берсе', ru: 'заявление подаёт сам владелец документа' },
  when: { applicant: ['self'] },
};

export const APPLIED_BY_PARENT: DocumentCondition = {
  text: {
    kk: 'кәмелетке толмаған бала үшін өтінішті ата-анасы (заңды өкілі) берсе',
    ru: 'за несовершеннолетнего заявление подаёт родитель (законный представитель)',
  },
  when: { applicant: ['parent'] },
};

/**
 * The lead sentence, then the standard clause on identity: the State Corporation fetches the ID data
 * itself, and a digital document is shown from the eGov Mobile app with the owner's consent.
 */
export function identityCheckAndDigitalDocuments(lead: LocalizedText): LocalizedText {
  return {
    kk: `${lead.kk} Мемлекеттік корпорация қызметкері жеке куәлік туралы мәліметті «электрондық үкімет» шлюзі арқылы мемлекеттік ақпараттық жүйелерден өзі алады. Цифрлық құжатты пайдалану үшін мобильді қосымшаға ЭЦҚ немесе бір реттік парольмен кіріп, «Цифрлық құжаттар» бөлімінен қажетті құжатты таңдайсыз; құжат иесі келісімін бір реттік парольмен немесе порталдың хабарламасына SMS-жауаппен береді.`,
    ru: `${lead.ru} Сведения об удостоверении личности работник Госкорпорации сам получает из государственных информационных систем через шлюз «электронного правительства». Чтобы воспользоваться цифровым документом, войдите в мобильное приложение с ЭЦП или одноразовым паролем и выберите нужный документ в разделе «Цифровые документы»; владелец документа даёт согласие одноразовым паролем или ответным SMS на уведомление портала.`,
  };
}

/** The student's birth certificate or ID card; `lead` says whose document it is. */
export function studentIdentityDocument(lead: LocalizedText, sources: Sources): DocumentItem {
  return {
    id: 'student_identity_document',
    text: {
      kk: 'Білім алушының туу туралы куәлігі немесе жеке куәлігі (паспорты) және (немесе) цифрлық құжаттар сервисіндегі электрондық құжаты',
      ru: 'Свидетельство о рождении или удостоверение личности (паспорт) обучающегося и (или) электронный документ из сервиса цифровых документов',
    },
    explanation: identityCheckAndDigitalDocuments(lead),
    required: 'always',
    channels: [...PAPER_CHANNELS],
    sources,
  };
}

export const ORIGINAL_DIPLOMA_EXPLANATION: LocalizedText = {
  kk: 'Құжат бүлінсе немесе тегіңіз (атыңыз, әкеңіздің аты) өзгерсе, қолыңыздағы дипломды (қосымшасын) өтінішке қоса бересіз.',
  ru: 'Если документ испорчен или у вас изменились фамилия (имя, отчество), приложите к заявлению имеющийся у вас диплом (приложение к нему).',
};

/** The original, asked for a damaged document or a changed name (see `originalInEitherCaseNote`). */
export function originalEducationDocument(explanation: LocalizedText, channels: ChannelId[], sources: Sources): DocumentItem {
  return {
    id: 'original_education_document',
    text: { kk: 'Білім туралы құжаттың түпнұсқасы', ru: 'Оригинал документа об образовании' },
    explanation,
    required: 'conditional',
    condition: {
      text: {
        kk: 'құжат бүлінсе немесе тегі (аты, әкесінің аты) өзгерсе',
        ru: 'документ испорчен или изменились фамилия (имя, отчество)',
      },
      when: { reason: ['damaged', 'name_changed'] },
    },
    channels,
    sources,
  };
}

/** The e-application on the portal by the form of the given appendix; `lead` names its addressee. */
export function eApplicationDocument(appendix: number, lead: LocalizedText, sources: Sources): DocumentItem {
  return {
    id: 'e_application',
    text: {
      kk: `${appendix}-қосымша нысанындағы электрондық өтініш, ЭЦҚ-мен немесе бір реттік парольмен куәландырылған`,
      ru: `Электронное заявление по форме приложения ${appendix}, удостоверенное ЭЦП или одноразовым паролем`,
    },
    explanation: {
      kk: `${lead.kk} Бір реттік парольмен куәландыру үшін ұялы байланыс операторы берген нөміріңіз порталдағы есептік жазбаға қосылып, тіркелген болуы керек. Порталда басқа құжат тізбеде аталмаған.`,
      ru: `${lead.ru} Чтобы удостоверить его одноразовым паролем, ваш номер мобильного, выданный оператором связи, должен быть подключён и зарегистрирован в учётной записи портала. Других документов для портала перечень не называет.`,
    },
    required: 'always',
    channels: ['egov_portal'],
    sources,
  };
}

// ——— Refusals ———

export function unreliableDocumentsRefusal(sources: Sources): Fact {
  return {
    text: {
      kk: 'Қызметті алу үшін ұсынылған құжаттардың және (немесе) олардағы деректердің (мәліметтердің) дәйексіз екені анықталса.',
      ru: 'Установлена недостоверность документов, представленных для получения услуги, и (или) данных (сведений), содержащихся в них.',
    },
    sources,
  };
}

export function expiredDocumentsRefusal(sources: Sources): Fact {
  return {
    text: {
      kk: 'құжаттың қолданылу мерзімі өтіп кетсе. Бас тарту туралы қолхат (4-қосымша) беріледі.',
      ru: 'срок действия документа истёк. Выдадут расписку об отказе (приложение 4).',
    },
    sources,
  };
}

// ——— Notes on the duplicate Rules ———

/** The list says "a changed name and a damaged document"; the checklist asks for the original in either case. */
export function originalInEitherCaseNote(sources: Sources): Fact {
  return {
    text: {
      kk: 'Тізбеде түпнұсқа «тегі (аты, әкесінің аты) өзгерген және білім туралы құжат бүлінген жағдайда» қоса берілетіні жазылған. Бұл әр жағдайға жеке қатысты ма, әлде екеуі қатар болғанда ғана ма – мәтіннен анық емес. Сондықтан тізім түпнұсқаны екі жағдайдың кез келгенінде сұрайды. Нақтысын 1414 операторынан білуге болады.',
      ru: 'В перечне сказано, что оригинал прилагается «в случае изменения фамилии (имени, отчества) и порчи документа об образовании». Из текста неясно, нужен ли он в каждом из этих случаев или только когда они совпадают, поэтому чек-лист просит оригинал в любом из двух случаев. Уточнить можно у оператора 1414.',
    },
    sources,
  };
}

export function parentDocumentsUnstatedNote(sources: Sources): Fact {
  return {
    text: {
      kk: 'Ата-ана кәмелетке толмаған бала үшін өтініш бергенде, тізбеде тек баланың құжаты (туу туралы куәлігі немесе жеке куәлігі) аталады. Ата-ананың өз жеке куәлігі немесе туыстықты растайтын құжат керек пе – Қағидаларда жазылмаған; 1414 операторынан нақтылаңыз.',
      ru: 'Когда заявление за несовершеннолетнего подаёт родитель, перечень называет только документ ребёнка (свидетельство о рождении или удостоверение личности). Нужны ли удостоверение личности самого родителя или документ о родстве, Правила не говорят; уточните у оператора 1414.',
    },
    sources,
  };
}

export function noServiceRefusalGroundsNote(sources: Sources): Fact {
  return {
    text: {
      kk: 'Нәтиже қызмет көрсетуден бас тарту туралы дәлелді жауап болуы мүмкін, бірақ стандарт құжаттарды қабылдаудан бас тарту негіздерінен басқа негіз атамайды. Бас тарту себебі түсініксіз болса, 1414 операторына хабарласыңыз.',
      ru: 'Результатом может быть мотивированный ответ об отказе в оказании услуги, но стандарт не называет иных оснований, кроме оснований для отказа в приёме документов. Если причина отказа непонятна, обратитесь к оператору 1414.',
    },
    sources,
  };
}

// ——— Complaints ———

/**
 * How complaint texts name the organisation that provides the service: its head (`name`), the
 * organisation itself in the genitive (`of`: «на решение школы» / «мектептің шешіміне»), its head as
 * the addressee (`head`: ru dative, kk genitive before «атына») and where to hand a complaint
 * (`office`: «в школу» / «мектепке»).
 */
export interface ComplaintProvider {
  name: LocalizedText;
  of: LocalizedText;
  head: LocalizedText;
  office: LocalizedText;
}

export const SCHOOL_COMPLAINTS: ComplaintProvider = {
  name: { kk: 'Мектеп басшысы', ru: 'Руководитель школы' },
  of: { kk: 'мектептің', ru: 'школы' },
  head: { kk: 'мектеп басшысының', ru: 'руководителю школы' },
  office: { kk: 'мектепке', ru: 'в школу' },
};

export const COLLEGE_COMPLAINTS: ComplaintProvider = {
  name: { kk: 'Колледж басшысы', ru: 'Руководитель колледжа' },
  of: { kk: 'колледждің', ru: 'колледжа' },
  head: { kk: 'колледж басшысының', ru: 'руководителю колледжа' },
  office: { kk: 'колледжге', ru: 'в колледж' },
};

export const UNIVERSITY_COMPLAINTS: ComplaintProvider = {
  name: { kk: 'ЖОО басшысы', ru: 'Руководитель вуза' },
  of: { kk: 'ЖОО-ның', ru: 'вуза' },
  head: { kk: 'ЖОО басшысының', ru: 'руководителю вуза' },
  office: { kk: 'ЖОО-ға', ru: 'в вуз' },
};

/** For a service whose seed does not name the provider. */
export const ORGANISATION_COMPLAINTS: ComplaintProvider = {
  name: { kk: 'Қызметті көрсететін ұйымның басшысы', ru: 'Руководитель организации, которая оказывает услугу' },
  of: { kk: 'қызметті көрсететін ұйымның', ru: 'организации, которая оказывает услугу,' },
  head: { kk: 'сол ұйым басшысының', ru: 'руководителю этой организации' },
  office: { kk: 'сол ұйымға', ru: 'в эту организацию' },
};

const AUTHORISED_BODY: LocalizedText = {
  kk: 'Мемлекеттік қызметтер көрсету сапасын бағалау және бақылау жөніндегі уәкілетті орган',
  ru: 'Уполномоченный орган по оценке и контролю за качеством оказания государственных услуг',
};

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
const upperFirst = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function addressee(
  id: ComplaintAddressee['id'],
  against: ComplaintAddressee['against'],
  name: LocalizedText,
  reviewWorkingDays: number,
  sources: Sources,
  address?: LocalizedText,
): ComplaintAddressee {
  return { id, against, name, ...(address && { address }), reviewWorkingDays, sources };
}

/** The passages of seed 000 §4 (paragraphs 86–89), the complaint procedure of the Rules on duplicates. */
export interface RulesComplaintSources {
  provider: SourceRef; // p. 86: to the head of the provider, to the authorised body
  stateCorporation: SourceRef; // p. 87: against a State Corporation employee, to the head of its branch
  terms: SourceRef; // p. 88: 5 and 15 working days
  extension: SourceRef; // p. 89: by up to 10 working days, notice within 3
  court: SourceRef; // p. 89, last paragraph
}

/**
 * Seed 000 §4, common to the school, college and university duplicates. Paragraph 88 gives the term
 * for the provider (5 working days) and the authorised body (15); it does not name the State
 * Corporation, so its branch carries the first-level 5 days and a note says so. The seed says
 * nothing about forwarding.
 */
export function rulesOnDuplicatesComplaint(provider: ComplaintProvider, at: RulesComplaintSources): Complaint {
  return {
    addressees: [
      addressee('provider', ['provider', 'result'], provider.name, 5, [at.provider, at.terms]),
      addressee('authorised_body', ['provider', 'result'], AUTHORISED_BODY, 15, [at.provider, at.terms]),
      addressee(
        'state_corporation',
        ['state_corporation'],
        {
          kk: '«Азаматтарға арналған үкімет» мемлекеттік корпорациясы (ХҚКО) филиалының басшысы',
          ru: 'Руководитель филиала Госкорпорации «Правительство для граждан» (ЦОН)',
        },
        5,
        [at.stateCorporation, at.terms],
        { kk: 'Филиалдардың мекенжайлары мен телефондары www.gov4c.kz сайтында.', ru: 'Адреса и телефоны филиалов — на сайте www.gov4c.kz.' },
      ),
    ],
    extension: {
      maxWorkingDays: 10,
      noticeWorkingDays: 3,
      text: {
        kk: 'Шағымды қосымша тексеру, оның ішінде жергілікті жерге барып тексеру, немесе қосымша ақпарат алу қажет болса, қарау мерзімі 10 жұмыс күнінен аспайтын мерзімге ұзартылады. Ұзарту және оның себебі туралы 3 жұмыс күні ішінде хабарлайды: шағым қағазбен берілсе – жазбаша, электрондық түрде берілсе – электрондық түрде.',
        ru: 'Если жалобу нужно дополнительно проверить, в том числе на месте, или нужны дополнительные сведения, срок её рассмотрения продлевают не больше чем на 10 рабочих дней. О продлении и его причине сообщают в течение 3 рабочих дней: письменно, если жалоба подана на бумаге, или электронно, если она подана в электронном виде.',
      },
      sources: [at.extension],
    },
    court: {
      text: {
        kk: 'Қызмет нәтижесімен келіспесеңіз, заңнамада белгіленген тәртіппен сотқа жүгіне аласыз.',
        ru: 'Если вы не согласны с результатом услуги, вы можете обратиться в суд в порядке, установленном законом.',
      },
      sources: [at.court],
    },
    summary: {
      kk: `${upperFirst(provider.of.kk)} шешіміне немесе әрекетіне шағымды ${provider.head.kk} атына беріңіз – 5 жұмыс күні ішінде қаралады. Шағымды ${lowerFirst(AUTHORISED_BODY.kk)}ға да беруге болады – 15 жұмыс күні ішінде қаралады. «Азаматтарға арналған үкімет» мемлекеттік корпорациясының (ХҚКО) қызметкеріне шағымды ХҚКО филиалының басшысына жіберіңіз: мекенжайлары www.gov4c.kz сайтында. Қызмет нәтижесімен келіспесеңіз, сотқа жүгінуге болады.`,
      ru: `Жалобу на решение или действия ${provider.of.ru} подайте ${provider.head.ru} — ответ в течение 5 рабочих дней. Её можно подать и в ${lowerFirst(AUTHORISED_BODY.ru)} — ответ в течение 15 рабочих дней. Жалобу на работника Госкорпорации «Правительство для граждан» (ЦОН) направьте руководителю филиала ЦОН: адреса есть на сайте www.gov4c.kz. Если вы не согласны с результатом услуги, можно обратиться в суд.`,
    },
    notes: [
      {
        text: {
          kk: 'ХҚКО қызметкеріне берілген шағымның қарау мерзімін қағида бөлек атамайды: 5 жұмыс күні – қызметті көрсететін ұйымға берілген шағымның мерзімі. Шағымда не жазу керегін және оны қандай мерзімде беруге болатынын қағида айтпайды. Мұны 1414 арқылы нақтылаңыз.',
          ru: 'Срок ответа на жалобу на работника ЦОН правила отдельно не называют: 5 рабочих дней — срок для жалобы, поданной в организацию, которая оказывает услугу. Что написать в жалобе и до какого срока её подать, правила не говорят. Уточните это по 1414.',
        },
        sources: [at.stateCorporation, at.terms],
      },
    ],
  };
}

/** The passages of seed 001 chapter 3 (point 14), the complaint procedure of the Rules on correcting documents. */
export interface CorrectionComplaintSources {
  reviewers: SourceRef; // who reviews complaints
  filing: SourceRef; // filed with the provider or the official
  forwarding: SourceRef; // sent on within 3 working days
  exception: SourceRef; // not sent on when satisfied in full within 3 working days
  providerTerm: SourceRef; // 5 working days
  authorisedBodyTerm: SourceRef; // 15 working days
  court: SourceRef; // after the pre-trial complaint
}

/**
 * Seed 001 point 14: the complaint is filed with the provider, which sends it on within 3 working
 * days unless it satisfies it in full; 5 working days at the provider, 15 at the authorised body,
 * court after the pre-trial complaint. The seed gives no extension.
 */
export function correctionRulesComplaint(provider: ComplaintProvider, at: CorrectionComplaintSources): Complaint {
  return {
    addressees: [
      addressee('provider', ['provider', 'result'], provider.name, 5, [at.filing, at.providerTerm]),
      addressee('authorised_body', ['provider', 'result'], AUTHORISED_BODY, 15, [at.reviewers, at.authorisedBodyTerm]),
    ],
    forwarding: {
      workingDays: 3,
      text: {
        kk: 'Шағым қызметті көрсететін ұйымға беріледі. Ол шағымды әкімшілік іспен бірге шағымды қарайтын органға шағым келіп түскен күннен бастап 3 жұмыс күнінен кешіктірмей жолдайды. Егер осы 3 жұмыс күні ішінде шағымдағы талаптарды толық қанағаттандырса, шағымды жолдамауға құқылы.',
        ru: 'Жалоба подаётся в организацию, которая оказывает услугу. Не позднее 3 рабочих дней со дня поступления она направляет жалобу вместе с административным делом в орган, который рассматривает жалобы. Если за эти 3 рабочих дня она полностью выполнит требования жалобы, она вправе её не направлять.',
      },
      sources: [at.filing, at.forwarding, at.exception],
    },
    court: {
      text: {
        kk: 'Заңда өзгеше көзделмесе, алдымен сотқа дейінгі тәртіппен шағым беріледі, содан кейін ғана сотқа жүгінуге болады.',
        ru: 'Если закон не предусматривает иное, сначала подаётся жалоба в досудебном порядке, и только после неё можно обратиться в суд.',
      },
      sources: [at.court],
    },
    summary: {
      kk: `${upperFirst(provider.of.kk)} шешіміне немесе әрекетіне шағымды ${provider.office.kk} беріңіз – 5 жұмыс күні ішінде қаралады. Талаптарыңызды 3 жұмыс күні ішінде толық орындамаса, шағымды оны қарайтын органға жолдайды. ${AUTHORISED_BODY.kk} шағымды 15 жұмыс күні ішінде қарайды. Заңда өзгеше көзделмесе, осындай шағымнан кейін сотқа жүгінуге болады.`,
      ru: `Жалобу на решение или действия ${provider.of.ru} подайте ${provider.office.ru} — ответ в течение 5 рабочих дней. Если за 3 рабочих дня ваши требования не выполнят полностью, жалобу передадут в орган, который её рассматривает. ${AUTHORISED_BODY.ru} отвечает в течение 15 рабочих дней. После такой жалобы можно обратиться в суд, если закон не предусматривает иное.`,
    },
    notes: [
      {
        text: {
          kk: 'Қағида шағым 3 жұмыс күні ішінде әрі қарай жолданатынын да, ұйымның өзі оны 5 жұмыс күні ішінде қарайтынын да айтады; бұлар қалай үйлесетіні түсіндірілмеген. Қарау мерзімін ұзарту және шағымда не жазу керегі де айтылмаған. Мұны 1414 арқылы нақтылаңыз.',
          ru: 'Правила говорят и что жалобу передают дальше в течение 3 рабочих дней, и что сама организация рассматривает её 5 рабочих дней; как это сочетается, не объяснено. О продлении срока и о том, что написать в жалобе, правила тоже молчат. Уточните это по 1414.',
        },
        sources: [at.forwarding, at.providerTerm],
      },
    ],
  };
}

/** The passages of the two complaint slides of seed 002, the college's slide deck. */
export interface SlideDeckComplaintSources {
  ministry: SourceRef; // slide 1: the head of the Ministry, its address in Astana
  providerTerm: SourceRef; // slide 1: 5 working days at the provider
  ministryOrDeputy: SourceRef; // slide 2: the head of the Ministry or the person acting for them
  providerOrAkimat: SourceRef; // slide 2: the head of the provider, the head of the local executive body
  firstLevelTerm: SourceRef; // slide 2: 5 working days
  authorisedBody: SourceRef; // slide 2: disagreeing with the result, to the authorised body
  authorisedBodyTerm: SourceRef; // slide 2: 15 working days
  court: SourceRef; // court
}

/** The complaint slides of seed 002, as cited by every service the deck describes. */
export function slideDeckComplaintSources(): SlideDeckComplaintSources {
  const first = slidePassages('Шағымдану тәртібі (1)');
  const second = slidePassages('Шағымдану тәртібі (2)');
  return {
    ministry: first('to the head of the Ministry, address', 'L50-76'),
    providerTerm: first('5 working days', 'L88-100'),
    ministryOrDeputy: second('to the head of the Ministry or the person acting for them', 'L354-356'),
    providerOrAkimat: second('to the head of the provider and of the local executive body', 'L358-364'),
    firstLevelTerm: second('5 working days', 'L372-376'),
    authorisedBody: second('disagreeing with the result: the authorised body', 'L380-384'),
    authorisedBodyTerm: second('15 working days', 'L386-390'),
    court: second('court (printed apart from the slide, before the free-meals title)', 'L460-464'),
  };
}

/**
 * Seed 002's two slides: the head of the provider, the local akimat or the Ministry (5 working days),
 * then, for a result the citizen disagrees with, the authorised body (15), then court. The slides
 * give no extension and no forwarding, and their 5-day line names the provider and the Ministry only.
 */
export function slideDeckComplaint(provider: ComplaintProvider, at: SlideDeckComplaintSources): Complaint {
  return {
    addressees: [
      addressee('provider', ['provider', 'result'], provider.name, 5, [at.providerOrAkimat, at.providerTerm, at.firstLevelTerm]),
      addressee(
        'akimat',
        ['provider', 'result'],
        { kk: 'Қала немесе аудан әкімі (жергілікті атқарушы органның басшысы)', ru: 'Аким города или района (руководитель местного исполнительного органа)' },
        5,
        [at.providerOrAkimat, at.firstLevelTerm],
      ),
      addressee(
        'ministry',
        ['provider', 'result'],
        { kk: 'Министрлік басшысы немесе оны алмастыратын адам', ru: 'Руководитель министерства или лицо, которое его замещает' },
        5,
        [at.ministry, at.ministryOrDeputy, at.firstLevelTerm],
        { kk: '010000, Астана қаласы, Мәңгілік Ел даңғылы, 8 немесе Орынбор көшесі, 8', ru: '010000, г. Астана, проспект Мәңгілік Ел, 8 или улица Орынбор, 8' },
      ),
      addressee('authorised_body', ['result'], AUTHORISED_BODY, 15, [at.authorisedBody, at.authorisedBodyTerm]),
    ],
    court: {
      text: {
        kk: 'Қызмет нәтижесімен келіспесеңіз, заңнамада белгіленген тәртіппен сотқа жүгінуге құқығыңыз бар.',
        ru: 'Если вы не согласны с результатом услуги, вы вправе обратиться в суд в порядке, установленном законом.',
      },
      sources: [at.court],
    },
    summary: {
      kk: `${upperFirst(provider.of.kk)} шешіміне немесе әрекетіне шағымды ${provider.head.kk}, қала немесе аудан әкімінің не министрлік басшысының (Астана, Мәңгілік Ел даңғылы, 8) атына беріңіз – 5 жұмыс күні ішінде қаралады. Қызмет нәтижесімен келіспесеңіз, ${lowerFirst(AUTHORISED_BODY.kk)}ға шағым беруге болады – 15 жұмыс күні ішінде қаралады. Сотқа да жүгінуге болады.`,
      ru: `Жалобу на решение или действия ${provider.of.ru} подайте ${provider.head.ru}, акиму города или района либо руководителю министерства (Астана, проспект Мәңгілік Ел, 8) — ответ в течение 5 рабочих дней. Если вы не согласны с результатом услуги, жалобу можно подать в ${lowerFirst(AUTHORISED_BODY.ru)} — ответ в течение 15 рабочих дней. Можно обратиться и в суд.`,
    },
    notes: [
      {
        text: {
          kk: 'Қызмет стандарты министрліктің атауын атамайды, ал ұйымның және әкімдіктің мекенжайлары үшін өзінің 12-тармағына сілтейді – ол мәтінде жоқ. 5 жұмыс күні мерзімі ұйымға және министрлікке берілген шағымға айтылған, әкімдіктің мерзімі бөлек аталмаған. Мерзімді ұзарту және шағымда не жазу керегі де көрсетілмеген. Мұны 1414 арқылы нақтылаңыз.',
          ru: 'Стандарт услуги не называет министерство, а за адресами организации и акимата отсылает к своему пункту 12, которого в тексте нет. Срок 5 рабочих дней назван для жалобы в организацию и в министерство, срок для акимата отдельно не назван. О продлении срока и о том, что написать в жалобе, тоже не сказано. Уточните это по 1414.',
        },
        sources: [at.ministryOrDeputy, at.providerOrAkimat, at.firstLevelTerm],
      },
    ],
  };
}
