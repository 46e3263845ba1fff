import type { ComplaintAgainst } from '../../domain/complaint';
import { EDUCATION_LEVELS, type EducationLevel } from '../catalog/schema';
import { KAZAKH_NUMBER_PATTERN } from '../../domain/phone';
import { asksForPerson, COMPLAINT_CUES, ONLINE } from './cues';
import type { Votes } from './lang';
import { fold } from './normalise';

/**
 * The few things that are certain without a classifier: the menu and operator words, an application
 * number, and the words of a complaint. All patterns are on the folded form (see normalise.ts).
 */

/** The words (and /start) that bring the main menu back from any step. Latin "menu" folds to "мену". */
const MENU_WORDS = /^\/?(меню|мену|мазир|басты мазир|главное меню|\/старт(@\w+)?|\/start(@\w+)?)[.!]?$/;

export function isMenuWord(text: string): boolean {
  return MENU_WORDS.test(fold(text));
}

/** Emoji many people answer with: agreement, and thanks; a smile alone says neither. Skin tones and variation marks go with them. */
const AGREEMENT = '👍👌✅';
const GRATITUDE = '🙏❤🌹💐🤝';
const AGREEING_EMOJI = new RegExp(`^(\\p{Emoji_Modifier}|\\u{FE0F}|[${AGREEMENT}])+$`, 'u');
const THANKING_EMOJI = new RegExp(`^(\\p{Emoji_Modifier}|\\u{FE0F}|\\u{200D}|\\s|[${AGREEMENT}${GRATITUDE}])+$`, 'u');

/** A message of nothing but such emoji: thanks, or an acknowledgement the bot answers as one. */
export function isThanksEmoji(text: string): boolean {
  return THANKING_EMOJI.test(text.trim());
}

/** "👍" or "👌" alone: a yes to a yes-or-no question. */
export function isAgreeingEmoji(text: string): boolean {
  return AGREEING_EMOJI.test(text.replace(/\s/g, ''));
}

/** Someone asking for a person: the whole message, typos allowed in the words around "оператор". */
const OPERATOR_WORDS = new RegExp(
  [
    '^\\/(operator|оператор)(@\\w+)?$',
    '^(1414|позвонить в 1414|контакт центр|байланыс орталыгы)$',
    '^(оп+ер+ат+о+р|апиратор|аператор|опиратор|операто|оперетор)(а|у|ом|га|мен|ды)?( (керек|нужен|пожалуйста|шакырыныз|позовите|дайте))?$',
    '^(нужен|позовите|позови|дайте|соедините с|хочу|хочу поговорить с) (оператор|оператора|оператором|человек|человека|человеком|живого человека|живым человеком|специалист|специалиста)$',
    '^(живой |живого )?(человек|человека)( нужен| пожалуйста| позовите)?$',
    '^(адам|тири адам|адамга|адаммен)( керек| шакырыныз| косыныз| сойлеск[иы]м келеди| сойлесу)?$',
    '^(оператор|оператормен|операторга|адаммен|тири адаммен) (сойлеск[иы]м|сойлесу|косыныз|косу|хабарласу)( келеди| керек)?$',
    '^(оператор керек|керек оператор|адам керек|нужен оператор|оператор нужен|оператора позовите)$',
  ].join('|'),
);

export function isOperatorWord(text: string): boolean {
  const folded = fold(text)
    .replace(/[.!?,]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return OPERATOR_WORDS.test(folded);
}

/**
 * An application number as receipts print it: letters and digits joined by hyphens or slashes with
 * at least four digits ("SC-2026-0601", "KZ-000123"), or digits after "№"/"номер"/"нөмір" ("номер заявления 002345678901"). A bare
 * 12-digit number is an IIN, not an application.
 */
const NUMBER_WITH_LETTERS = /(?:^|[\s(«"№:])([A-Za-zА-Яа-я]{1,6}[-/]?\d[\d/-]{3,}(?:[-/][A-Za-z0-9]+)*)/;
/**
 * "№", "номер", "нөмір", "nomer" as typed: what marks an application's number; not a school's, a house's or a phone's
 * ("мектеп нөмірі 15", "үйдің нөмірі 12").
 */
const NUMBER_MARK = String.raw`(?:№|(?:^|[^\p{L}])(?<!(?:мектеп|школ|үй|уй|дом|пәтер|патер|квартир|кабинет|телефон)\p{L}*\s)(?:номер|нөмір|номир|nomer|nómir|nomir)\S*)`;
// …whole: "2025-ЖТ-0147" is none (receipts print Latin letters), not "2025-".
const NUMBER_AFTER_MARK = new RegExp(String.raw`${NUMBER_MARK}(?:\s+(?:заявлени|заявк|өтініш|отиниш|otinish)\S*)?\s*:?\s*([A-Za-z0-9/-]*\d[A-Za-z0-9/-]*)(?=$|[\s.,!?;:)»"])`, 'iu');
const NAMES_NUMBER = new RegExp(NUMBER_MARK, 'iu');
const BARE_NUMBER = /(?:^|\s)(\d{5,11}|\d{13,20})(?=$|[\s.,!?])/;

/** Whether a text says it names an application's number ("мой номер заявления …", "өтініш нөмірі", "№ 500123456789"). */
export function namesApplicationNumber(text: string): boolean {
  return NAMES_NUMBER.test(text);
}

export function applicationNumberIn(text: string): string | undefined {
  // A phone number is one to call back ("перезвоните 87011234567", "на домашний 8 7182 55 12 90"), not an application's.
  const unphoned = text.replace(KAZAKH_NUMBER_PATTERN, ' ');
  const match = NUMBER_WITH_LETTERS.exec(unphoned) ?? NUMBER_AFTER_MARK.exec(unphoned) ?? BARE_NUMBER.exec(unphoned);
  return match?.[1];
}

/** The Kazakh and the Russian language named, folded ("казакша", "на казахском"; "орысша", "по-русски"). */
const KAZAKH_WORDS = 'казакш|казахш|казаш|казахск|казакск';
const RUSSIAN_WORDS = 'орысш|орыш|орыс|русск|руск';
const KAZAKH_NAMED = new RegExp(KAZAKH_WORDS);
const RUSSIAN_NAMED = new RegExp(RUSSIAN_WORDS);

/**
 * Intents the classifier may only give when the text has one of their words: a home visit needs a
 * home or a reason not to come, a change of language needs a language; otherwise the next guess is taken.
 */
export const INTENT_GATES: Partial<Record<string, RegExp>> = {
  // …and asks nothing about applying online ("я не могу прийти, можно онлайн?" asks about channels)
  home_visit: new RegExp(
    `^(?![\\s\\S]*${ONLINE.source})[\\s\\S]*(дом|выезд|выез|приех|приход|прийти|прид|инвалид|мугедек|лежач|тосек|коляс|ходить|ходит|передвиг|уйге|уйден|уйде|бара алма|журе алма|козгал|пожил|карт |кариям|ауыр|болею|болен|больн|кел|инсульт|перелом|гипс|костыл|лежу)`,
  ),
  language: new RegExp(`(язык|тил|${KAZAKH_WORDS}|${RUSSIAN_WORDS})`),
  // a question about a service asks about one of its topics (the fee, the term, where, when open, which documents, what if one is missing, the result, a refusal)
  question: new RegExp(
    [
      'стоит|стоим|стойт|плат|бесплат|тегин|акы|акша|толе|пошлин|баж|деньг|скок|скол|канша|неше',
      'срок|дней|день|долго|ждать|когда|кашан|кун|мерзим|уакыт|рассматр|карай|быстро|тез|месяц|семестр|сентябр|каникул|середин',
      'егов|цон|хкко|портал|госуслуг|онлайн|интернет|куда|кайда|через|аркылы|подава|тапсыр|где|кто|ким',
      'работа|график|час|открыт|ашык|сенби|суббот|воскрес|жексенби|обед|узилис|сагат|выходн|праздн|мереке',
      'документ|справк|бумаг|собра|фото|сурет|копи|оригинал|удостоверен|куалик|транскрипт|взять|принес|нест|алып|кужат|нуж|керек|обязат|миндет|анык',
      'нет|жок|если|болса|просроч|утерян|жогал|только|(^|\\s)(без|тек)\\s',
      'результат|натиже|нотиже|выда|дадут|дают|на рук|колыма|бериле|бумаж|електрон|кагаз|итог|получ|аламын|оценк|расписк|бланк|бирдей|сакта|сохран|номер|номир',
      'отказ|тарт|кабылда|не прим|не да|бермей|бермед|почему|неге|основан|причин|себеп',
    ].join('|'),
  ),
};

/** Whom a complaint is against, when its words say it plainly. */
export function complaintAgainstCue(folded: string): ComplaintAgainst | undefined {
  if (/(цон|хкко|хко|госкорпорац|мемкорпорац|цоне|цона)/.test(folded)) return 'state_corporation';
  if (/(с ошибкой|неправильно выдал|не согласен с (результатом|решением|отказом)|натижемен келиспе|шешимимен келиспе|катемен бер)/.test(folded)) return 'result';
  if (/(школ|колледж|вуз|университет|директор|мектеп|техникум|жоо|ректор|декан|завуч|учител|преподават|мугалим|окытушы)/.test(folded)) return 'provider';
  return undefined;
}

/** Places of study by level, folded: a school and its staff, a college, a university and its staff. */
const LEVEL_PLACES: Readonly<Record<EducationLevel, RegExp>> = {
  school: /(школ|мектеп|гимнази|лицей|завуч|сынып|класс)/,
  college: /(колледж|колеж|коледж|калледж|калеж|техникум|училищ|технар|(^|[^а-яa-z])(птк|пту)(?![а-яa-z]))/,
  // "ректор" at a word's start: "директор" holds it.
  university: /(университет|универ|институт|магистр|(^|[^а-яa-z])(ректор|проректор|декан|академи|вуз|жоо))/,
};

/** The one level of study whose place a folded text names ("на директора колледжа", "ректорға", "мектеп"); undefined for none or several. */
export function levelNamedIn(folded: string): EducationLevel | undefined {
  const named = EDUCATION_LEVELS.filter((level) => LEVEL_PLACES[level].test(folded));
  return named.length === 1 ? named[0] : undefined;
}

/**
 * Asking for the whole list of documents: with a service named it is that service's checklist
 * ("какие документы нужны для общежития"), without one a question about the service being discussed.
 */
export const WHOLE_LIST =
  /(какие (еще )?(документы|справки|бумаги)|какие нужны документы|что (нужно|надо) (принести|взять|собрать)|что (нести|принести|взять)|кандай кужат|(?<![а-я])не (алып|акел|апар)|кужаттар тизим|список документов|(?<![а-я])не керек)/;

/**
 * How greetings and thanks begin, typed however freely ("саламатсызба", "спс"; "thank you" folds to
 * "тханк еу"); `alone`, the words that are one only as the whole message ("салют на новый год будет?").
 */
const COURTESIES: { intent: 'greeting' | 'thanks'; opening: string; alone?: string }[] = [
  {
    intent: 'greeting',
    opening: '(салам|салем|салеметс|саламатс|здравств|здраст|привет|добр(ый|ое) (день|вечер|утро)|кайырлы|ассал|армысы|амансыз|аманбы|хеллоу|хелло)\\S*( \\S*алейк\\S*)?',
    alone: 'салют\\S*',
  },
  { intent: 'thanks', opening: '(спс|спасиб|пасиб|благодар|рахмет|рахмат|ракмет|сау бол|саубол|мерси|тханк|сенк)\\S*( еу| ю)?' },
];

const WHOLE_COURTESY = COURTESIES.map(({ intent, opening, alone }) => ({ intent, pattern: new RegExp(`^(${[opening, alone].filter(Boolean).join('|')})[.!)]*$`) }));
const OPENING_COURTESY = COURTESIES.map(({ intent, opening }) => ({ intent, pattern: new RegExp(`^${opening}(?![а-яa-z])`) }));

/**
 * A greeting typed in a journey says hello again or says the citizen is back ("здравствуйте ещё раз", "мен қайта келдім",
 * "алло, вы тут?", "связь пропала"). Without such words it is no greeting: a place or a role typed there ("Шиеліденбіз",
 * "я опекун") answers the step's question, however much first messages that introduce the writer look like it.
 */
export const GREETS_IN_JOURNEY = new RegExp(
  `(^|[^а-яa-z])(${[
    COURTESIES.find((c) => c.intent === 'greeting')!.opening,
    'саем|драст|здрас|хай|добр\\S* (ден|вечер|утр|ноч)',
    'еще раз|снова|опят|вернул|кайта|тагы|продолж|жалгастыр|отош|отвлек',
    'алл?о|есть кто|кто[- ]нибудь|(тут|здесь)\\s*\\?|ау(?![а-яa-z])',
    'пропал|связь|интернет|заряд|жогалып|сори',
  ].join('|')})`,
);

/**
 * A greeting or thanks that is the whole message; with `opening`, also one the message begins with
 * ("добрый вечер, я из Оскемена"): index.ts takes that for the message's meaning only when nothing
 * else in it names a matter.
 */
export function courtesyOf(folded: string, { opening = false } = {}): 'greeting' | 'thanks' | undefined {
  const text = folded.trim();
  return (WHOLE_COURTESY.find((c) => c.pattern.test(text)) ?? (opening ? OPENING_COURTESY.find((c) => c.pattern.test(text)) : undefined))?.intent;
}

/**
 * Polite openings and asides that ask nothing ("здравствуйте, подскажите пожалуйста", "сәлеметсіз бе,
 * айтыңызшы"), as whole words of the folded text. What they wrap is what is asked.
 */
const FILLER = new RegExp(
  `(?<=^|[\\s,.!?])(${[
    'здравствуйте',
    'здраствуйте',
    'здрасте',
    'здрасьте',
    'добрый (день|вечер)',
    'доброе утро',
    'привет',
    'подскажите',
    'скажите',
    'извините',
    'пожалуйста',
    'у меня (такой )?вопрос',
    'хотел(а)? (спросить|уточнить)',
    'салеметсиз бе',
    'салеметсизбе',
    'салеметсиз',
    'салем',
    'саламатсыз ба',
    'кайырлы (кун|кеш|тан)',
    'айтынызшы',
    'айтыныз',
    'кешириниз',
    'комектесинизши',
    'сурайын деп едим',
    'сурагым бар',
    'бир сурак',
    'салеметсиздер ме',
    'салеметсиздерме',
    'армысыздар',
    'армысыз',
    'ассалаумагалейкум',
    'ассаламу алейкум',
    'агай',
    'апай',
    'ребята',
    // asking for help, not yet saying with what
    '(мне )?нужна (ваша )?помощь',
    'помогите',
    'комек керек( еди)?',
    'комектесиниз',
  ].join('|')})(?=$|[\\s,.!?])`,
  'g',
);

/** The text without its polite openings, when something is left of it (a bare "здравствуйте" is a greeting). */
export function withoutFiller(folded: string): string {
  const rest = folded
    .replace(FILLER, ' ')
    .replace(/^[\s,.!?]+/, '')
    .replace(/\s+/g, ' ')
    .trim();
  return /[а-яa-z0-9]{3,}/.test(rest) ? rest : folded;
}

/** A citizen in a journey correcting what the bot took them to want ("нет, у меня университет", "аттестат керек еді, диплом емес"). */
export const CORRECTION = /(^(а |ой,? )?(нет|жок|не то)(?=[\s,.!]|$)|\sемес(?=[\s,.!]|$)|(^|[\s,])а не\s)/;

/** Other state services and everyday matters the bot does not handle ("балабақшаға кезек", "штраф оплатить", "ҰБТ нәтижесі"). */
export const OFF_TOPIC =
  /(балабакш|детсад|детский сад|жер учаске|земельн|айыппул|штраф|алимент|прописк|кредит|ипотек|такси|кафе|погод|доллар|зейнетак|пенси[яюи]|(^|\s)(убт|ент)(?![а-я])|олимпиад|салык|налог|водительск|загранпаспорт|(^|\s)виза(?![а-я])|анекдот|фильм|футбол|рецепт|несудимост|апостил|нотариус|декретн|(телефон|смартфон)\S* (\S+ )?(жогал|потер|украл)|(жогалт|потерял)\S* (\S+ )?(телефон|смартфон)|с места жительства|жеке куалик\S* (ауыстыр|алмастыр))/;

/**
 * A question on one point (its fee, its term, where, when, what comes of it): asked even when the service is named,
 * it wants the answer, not the whole list ("дипломды қалпына келтіру ақылы ма?", "до какого числа приём?").
 */
export const POINTED_QUESTION =
  /(акылы ма|акысыз ба|тегин бе|тегин ме|платн\S* ли|бесплатн\S* ли|сколько стоит|канша турады|до какого числа|до какова числа|с какого числа|когда (начина|заканчива|откро|закро)|кашан (басталад|бита|аякта)|сколько дней|неше кун|что (в ней|в нем|там) (будет )?(написано|указано)|не (жазылад|корсетил)|где подать|куда подавать|кайда (откиз|тапсыр)|посреди (учебного )?года|можно ли (перевест|восстанов)|могут (ли )?(не |отказ|откз)|по какой причине|в каких случаях|кандай жагдайда|бермей кою мумкин)/;

/**
 * A bare question of how to apply, folded, the whole message: "как подать?", "а куда сдавать документы", "қалай тапсырамын?",
 * "өтінішті қайда беремін": where and how to apply for the journey's service, or, before one is chosen, for which service.
 * "как подать жалобу" names what it asks of, and is not one.
 */
export const ASKS_HOW_TO_APPLY =
  /^(а |и |ну |так )?(как|где|куда|каким образом|калай|кайда) (мне |нам |можно |ето |их |его )?(подать|подавать|сдать|сдавать|отправить|тапсыр\S*|бер(емин|емиз|ем|у керек)|откиз\S*)( (заявление|документы|заявку|отиништи|кужаттарды))?( (мне|нам))?[\s?!.]*$|^(отиништи|кужаттарды) (калай|кайда) (тапсыр\S*|бер(емин|емиз|ем)|откиз\S*)[\s?!.]*$/;

/** Words that make "can I get it?" a question of how, when or where: "через ЦОН", "без паспорта", "егов арқылы", "анықтамасыз". */
const BY_WHAT_MEANS = 'через|без|онлайн|егов|egov|портал|цон|госкорпорац|почт|аркылы|\\S+сыз(?=\\s|$)|сколько|когда|где|куда|канша|кашан|кайда|калай';

/**
 * A question of who may get a service, folded: "кто может получить?", "мне положено?", "имею ли я право", "подхожу ли я",
 * "можно ли восстановиться после отчисления", "кімге беріледі?", "құқығым бар ма", "маған тиесілі ме", "колледжге түсуге бола ма".
 * Not "могу ли я получить через ЦОН" or "егов арқылы алуға бола ма": that asks how.
 */
export const ASKS_WHO_MAY = new RegExp(
  [
    `^(?!.*(${BY_WHAT_MEANS})).*((можно|могу|можем|может|смогу|сможет|сможем) ли (я |мне |нам |он |она |сын |дочь )?(получить|оформить|взять|восстановиться|перевестись|поступить|заселиться)|(алуга|расимдеуге|калпына келтируге|ауысуга|тусуге|орналасуга) (бола ма|болама|бола ма екен))`,
    'кто (может|могут|сможет) (получить|подать|оформить|претендовать)',
    'кто (имеет|имеют) право',
    'кому (положено|положен|положена|полагается|полагаются|дают|дадут|выдают|предоставляют|предоставляется|разрешено)',
    '(^|\\s)(мне|нам|ему|ей|им|сыну|дочери|дочке|ребенку|внуку|внучке) (тоже |вообще )?(положено|положен|положена|полагается)',
    '(положено|положен|положена|полагается|разрешено) ли',
    '(имею|имеем|имеет|имеют) ли (я |мы |он |она |они )?право',
    '(есть|будет) ли (у (меня|нас|него|нее|сына|дочери|ребенка) )?право',
    'подхо(жу|дит|дим|дите|дят) ли',
    '(^|\\s)ким(дер)? (ала ала|алады|ала ма)',
    'кимге (бериле|берил|береди|тиесил|арнал|болады)',
    'кукыг(ым|ымыз|ы|ын) (бар ма|барма|бар ба)',
    'кукылы(мын|мыз)? (ба|ма)',
    'тиесили (ме|ма)',
    '(маган|бизге|оган|балама) (да )?(бериле ме|береди ме|бере ме)',
  ].join('|'),
);

/**
 * Goodbyes, folded, that close a text however long ("до свидания", "сау болыңыз"). "пока", which also means "yet" ("номер
 * пока не пришёл"), and the short "сау бол", "қош бол" are goodbyes only alone or after thanks ({@link SAYS_GOODBYE}).
 */
const PARTINGS = 'до свидания|до свиданья|досвидания|всего доброго|всего хорошего|до встречи|хорошего дня|сау болыныз(дар)?|сау турыныз|кош болыныз|корискенше';

/**
 * A goodbye, folded, alone or after thanks or a word that closes ("ладно", "понятно", "жарайды"): "до свидания", "пока",
 * "спасибо, всего доброго", "ладно, пока", "сау болыңыз", "түсінікті, рахмет, көріскенше". Said back, not taken for an answer or a matter.
 */
export const SAYS_GOODBYE = new RegExp(
  `^((спасибо|благодарю|большое|рахмет|ракмет|коп|ладно|хорошо|ок|окей|ну|все|понятно|ясно|жарайды|жаксы|тусиникти)[\\s,!.]*)*(${PARTINGS}|пока|сау бол|кош бол)[\\s!.)]*$`,
);

/** The language a text asks for by name, folded ("на казахском можно?", "орысша жазыңыз"); none when it names both or neither. */
export function languageNamed(folded: string): 'kk' | 'ru' | undefined {
  const kazakh = KAZAKH_NAMED.test(folded);
  const russian = RUSSIAN_NAMED.test(folded);
  return kazakh === russian ? undefined : kazakh ? 'kk' : 'ru';
}

/** A school pupil, folded: a class at school ("в 3 классе", "5-го класса", "3-сыныпта"), a school, a pupil ("оқушы", "школьник"). */
const SCHOOL_PUPIL = /(^|[^а-яa-z])(\d{1,2}\s*-?\s*(й|ый|ой|го|м|ом|н?ш[иы])?\s*(класс|сынып)|школ|мектеп|окушы|ученик|ученица)/;
/** …and a place or level past school ("9 класс бітірген, колледжде оқиды" is a college student). */
const PAST_SCHOOL = /(колледж|колеж|коледж|техникум|училищ|университет|универ|институт|вуз|жоо|студент|курс)/;

/**
 * Whether a text tells of a school pupil and of no one studying past school: "он в 3 классе", "мектепте балама тегін
 * тамақ керек"; not "9 класс бітірген, колледжде оқиды".
 */
export function tellsOfSchoolPupil(text: string): boolean {
  const folded = fold(text);
  return SCHOOL_PUPIL.test(folded) && !PAST_SCHOOL.test(folded);
}

/** A goodbye that closes a longer text, folded ("…, до свидания"). */
const GOODBYE_AT_END = new RegExp(`(^|[\\s,.!])(${PARTINGS})[\\s!.)]*$`);

/** Leaving for now, folded: "потом напишу", "завтра найду номер и напишу", "кейін жазамын", "ертең хабарласамын". */
const LEAVES_FOR_LATER =
  /(^|\s)(потом|позже|попозже|завтра|вечером|сосын|кейин|кейинирек|ертен)(\s+\S+){0,4}\s+(напишу|отпишусь|вернусь|зайду|позвоню|жазам|жазамын|хабарласам|хабарласамын|келем|келемин)(?![а-я])/;

/** Longer than this, a text that ends with a goodbye says more than goodbye. */
const MAX_LEAVING_WORDS = 10;

/**
 * Whether a folded text takes leave: a goodbye alone or after thanks ({@link SAYS_GOODBYE}), or a few words that ask for
 * nothing and end with a goodbye or say the citizen will come back ("хорошо, я потом напишу, до свидания", "понятно,
 * пойду в колледж тогда. до свидания", "хорошо, завтра найду номер и напишу"). Not a complaint or a wish for a person
 * said on the way out ("буду жаловаться, до свидания").
 */
export function saysGoodbye(folded: string): boolean {
  if (SAYS_GOODBYE.test(folded)) return true;
  if (!GOODBYE_AT_END.test(folded) && !LEAVES_FOR_LATER.test(folded)) return false;
  const asks = ASKS.test(folded) || QUESTION_WORD.test(folded);
  return !asks && folded.split(/\s+/).length <= MAX_LEAVING_WORDS && !COMPLAINT_CUES.test(folded) && !asksForPerson(folded);
}

/**
 * "What do I write or do now?", the whole text, folded: "а что писать?", "что тут написать", "не жазу керек?", "мұнда не
 * жазамын?", "что дальше?", "галочки поставил, что теперь", "енді не істеймін?". Answered with the step's question again,
 * which says what it wants.
 */
export const ASKS_WHAT_NOW = new RegExp(
  `^(${[
    '(а |и |ну )?(что|чего|как) (мне |же |нужно |надо )?(тут |здесь |сюда |теперь )?(писать|написать|пишу|вводить|ввести|указывать|указать|отвечать|ответить)',
    '(мунда |осында |енди )?(не|калай) (деп )?(жазу|жазам|жазамын|жазайын|жазамыз|енгизу|енгиземин|жауап беру|жауап беремин)( керек| кажет)?( пе| ма| бе)?',
    '([^\\s]+[\\s,]+){0,3}(а |и |ну )?(что|чо|че) (же )?(дальше|теперь|теперь делать|делать дальше|дальше делать|мне теперь делать|мне дальше делать)',
    '([^\\s]+[\\s,]+){0,3}(дальше что|а дальше)',
    '([^\\s]+[\\s,]+){0,3}(енди|ары карай|содан кейин|келеси) (не|не истеймин|не истеу керек|не истейин|не жасаймын|не жасау керек)( керек)?',
  ].join('|')})[\\s?!.]*$`,
);

/**
 * No place to be had, folded: "а если мест нет?", "орын жоқ болса", "места закончатся". A refusal's ground the rules may or
 * may not give, not a missing document: the words "если … нет" lean that way in the topics' phrases.
 */
export const NO_PLACES =
  /(^|\s)(мест[ао]?|орын|орны|орындар)(?![а-я])[^.?!]{0,20}(нет|не (будет|хватит|хватает|останется)|закончат\S*|кончат\S*|жок|болмаса|калмаса|жетпесе)(?![а-я])|(^|\s)(нет|жок) (мест|орын)(?![а-я])/;

/** "I don't know" (what to answer), folded: "не знаю", "не помню", "не понял", "білмеймін" (and "bilmeimin"), "есімде жоқ", "түсінбедім". */
export const SAYS_DONT_KNOW = /(^|\s)(не (знаю|помню|понял|понимаю|поняла|уверен|уверена)|хз|билмеймин|билмедим|есимде жок|тусинбедим|тусинбеймин)(?![а-яa-z])/;

/** A text that asks: a question mark at its end, a question particle ("ма", "ли"), "можно", "бола ма". */
export const ASKS = /(\?\s*$|(^|\s)(ма|ме|ба|бе|па|пе|ли|можно)(?=[\s?!.,]|$)|бола ?ма)/;

/** A Kazakh question particle on its verb: "аламба", "болмайма". */
const PARTICLE_ON_VERB = '[а-я]{3,}(ма|ме|ба|бе|па|пе|мы|ми)(?=[\\s,.!?]|$)';
const wondering = (words: string, particles: string) => new RegExp(`${ASKS.source}|\\?|(^|\\s)(${words})(?=[\\s,.!?]|$)${particles}`);
const WONDERING_WORDS = 'если|егер|вдруг|или|алде|может|мож|можн\\S*|нельзя|нкак|никак|что|неге';

/**
 * A text that wonders, with or without a question mark at its end: what ASKS reads, a question mark anywhere, a
 * question particle on its verb ("аламба", "болмайма"), "если"/"егер", "или"/"әлде", "можно"/"нельзя", "не", "что", "неге".
 */
export const WONDERS = wondering(`${WONDERING_WORDS}|не`, `|${PARTICLE_ON_VERB}`);

/** WONDERS where "не" is not the Kazakh "what": folded, it is the same word as the Russian "не", which only negates. */
const WONDERS_BUT_WHAT = wondering(WONDERING_WORDS, `|${PARTICLE_ON_VERB}`);
/** …and in a Russian text, where a word in "-ма" or "-ми" is no Kazakh particle ("с документами") and "не может" no "maybe". */
const WONDERS_IN_RUSSIAN = wondering(WONDERING_WORDS.replace('может', '(?<!не\\s)может'), '');

/**
 * Whether a folded text wonders, by what its words' votes (lang.ts) say of its language: "не" asks "what" only in a
 * text with Kazakh in it ("не болды", not "директор не подписывает"); a particle is read only where the words are
 * not mostly Russian ("аламба", not "проблемы с документами").
 */
export function wondersIn(folded: string, { kk, ru }: Votes): boolean {
  return (ru > kk ? WONDERS_IN_RUSSIAN : kk > 0 ? WONDERS : WONDERS_BUT_WHAT).test(folded);
}

/** A question word, folded ("какой", "сколько", "қанша", "қайда", "qashan"): a text with one asks, question mark or not. */
export const QUESTION_WORD = /(^|\s)(как\S*|сколько|скок\S*|почем|где|куда|когда|кто|кому|зачем|почему|калай|кандай\S*|канша\S*|кайда|кайд?ан|кашан|ким\S*|неше|нешеге)(?=[\s?!.,]|$)/;

/** Words that want something ("керек", "как оформить", "подскажите", "айтыңызшы"): a request, not an answer telling the citizen's case. */
export const WANTS = /(керек|нуже?н|надо|(^|\s)нада(?![а-я])|(^|\s)(как|калай)(\s|$)|айты|оформ|скаж|хочу|хочет)/;

/** What the citizen says they have ("справка есть", "у нас имеется", "анықтама бар"), folded: an answer telling the case. */
export const HAS = /(^|\s)(есть|имеется|имеются|бар)(?=[\s?!.,]|$)/;

/** A duplicate named, folded ("dublikat", "telnusqa" fold to these too). */
export const DUPLICATE = /(дубликат|телнуск)/;

/** "Also" in a journey ("общежитие тоже", "аттестатты да қосыңыз", "а ещё академку", "тағы жатақхана", not "тағы қандай"): another service wanted besides the journey's. */
export const ALSO = /(^|[\s,])(тоже|также|еще и|и (его|ее|их)|(а|и) еще|тагы(?! (кандай|не|кай))|^и)(?=[\s,.!?]|$)|[^\s\d]\s+(да|де|та|те)(?=[\s,.!?]|$)/;

/** A message opening with a bare "no" ("нет, инвалидности нет", "жоқ, патронатта"), folded. */
export const SAYS_NO = /^(а |ой,? )?(нет|жок)(?=[\s,.!]|$)/;

/** Words that turn to another matter in a journey ("а общагу", "енді колледжге қабылдау", "теперь академ", "аттестат ше"). */
export const TURNS = /(^(а|и|ал|ну а|так а)[\s,]|(^|\s)(енди|теперь|ше)(?=[\s,.!?]|$))/;

/** The words a correction sets aside: "а не колледж", "диплом емес", "не дубликат, а …". */
export const SET_ASIDE = /((^|,|\s)а не (в |во )?\S+|\S+ емес(?=[\s,.!]|$)|(^|\s)не \S+(?=\s*,\s*а\s))/g;
