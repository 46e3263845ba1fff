import type { ComplaintAgainst } from '../../domain/complaint';
import type { Lang } from '../../store/types';
import type { ServiceId } from '../catalog/schema';

/**
 * A small keyword understanding of what citizens type, in Kazakh (with or without Kazakh letters)
 * and Russian. It only routes: every answer still comes from the flows and the catalog.
 */

export const INTENTS = ['checklist', 'home_visit', 'status', 'complaint', 'operator', 'language', 'greeting', 'menu', 'unknown', 'thanks', 'question'] as const;
export type Intent = (typeof INTENTS)[number];

export const QUESTION_TOPICS = ['fee', 'term', 'channels', 'hours', 'documents', 'missing_document', 'result', 'refusal'] as const;
export type QuestionTopic = (typeof QUESTION_TOPICS)[number];

export interface Guess {
  intent: Intent;
  serviceId: ServiceId | null;
  confidence: number;
}

export interface Parsed extends Guess {
  lang: Lang;
  /** True only when the text is clearly in `lang`: the bot offers to switch the reply language only then. */
  langCertain: boolean;
  /** The next best guesses, best first, none equal to the top one (at least two when unsure). */
  alternatives: Guess[];
  /** Two or more services fit equally: the bot asks which one. */
  ambiguous?: ServiceId[];
  /** status: the application number typed. */
  applicationNumber?: string;
  /** complaint: whom it is against, when the text tells. */
  against?: ComplaintAgainst;
  /** question: what is asked. */
  topic?: QuestionTopic;
}

/** Below it the bot says it is not sure and offers the two best guesses and the operator. */
export const LOW_CONFIDENCE = 0.5;

const KAZAKH_LETTERS = /[әғқңөұүһі]/i;
const KAZAKH_WORDS = /(^|\s)(сәлем|салем|рахмет|керек|қалай|калай|мектеп|адам|жоғал|жогал|бар ма|ма\?|ме\?|ба\?|бе\?)/i;

/** Kazakh letters to their Russian look-alikes, so that "диплом жогалды" matches "жоғалды". */
const KAZAKH_FOLD: Record<string, string> = { ә: 'а', ғ: 'г', қ: 'к', ң: 'н', ө: 'о', ұ: 'у', ү: 'у', һ: 'х', і: 'и', ё: 'е' };
/** Latin letters typed inside Cyrillic words (a Latin "i" for "і", "a" for "а"…). */
const LATIN_IN_CYRILLIC: Record<string, string> = { a: 'а', e: 'е', o: 'о', p: 'р', c: 'с', x: 'х', y: 'у', i: 'і', k: 'к', ə: 'ә' };

export function fold(text: string): string {
  return text
    .toLowerCase()
    .split(/\s+/)
    .map((word) => (/[а-яёәғқңөұүһі]/.test(word) ? word.replace(/[aeopcxyikə]/g, (ch) => LATIN_IN_CYRILLIC[ch] ?? ch) : word))
    .join(' ')
    .replace(/[әғқңөұүһіё]/g, (ch) => KAZAKH_FOLD[ch] ?? ch)
    .trim();
}

/** The words that bring the main menu back from any step (folded form). */
const MENU_WORDS = /^(меню|мазир|басты мазир|главное меню|menu)$/;

export function isMenuWord(text: string): boolean {
  return MENU_WORDS.test(fold(text));
}

/** The words (and Telegram's /operator) that ask for an operator from any step (folded form). */
const OPERATOR_WORDS = /^(\/operator(@\w+)?|оператор|operator|адам|человек|живой человек|оператор керек|нужен оператор|позовите оператора)[.!]?$/;

export function isOperatorWord(text: string): boolean {
  return OPERATOR_WORDS.test(fold(text));
}

/** Stems in folded form; a text matches a rule when it contains one of them. */
const INTENT_RULES: [Exclude<Intent, 'checklist' | 'unknown' | 'question'>, RegExp][] = [
  ['menu', new RegExp(`^\\/start$|${MENU_WORDS.source}`)],
  ['operator', /(оператор|operator|живой человек|с человеком|^человек$|^адам$|адаммен|адам керек|консультант|1414)/],
  ['complaint', /(жалоб|пожаловат|шагым|наразы|отказали|не приняли (документ|заявлени)|нагруб|хамил|грубо|долго не (выда|отвеча)|затягива|дорекi|дореки|бас тартты|кабылдамады)/],
  ['status', /(статус|мартебе|где (моя|мое|мои) (заявк|заявлени|документ|дубликат|справк)|готов(а|о|ы)? ли|когда (будет )?готов|отиниш\S* (кайда|дайын)|оттиниш кайда|дайын ба|кашан дайын)/],
  ['home_visit', /(на дом|выезд|уйге|инвалид|мугедек|не могу (прийти|ходить)|бара алмай|козгала алмай|лежач)/],
  ['language', /(язык|тил|казакша|по-русски|орысша|по-казахски)/],
  ['thanks', /(^|\s)(рахмет|спасибо|благодар|rahmet|rakhmet|spasibo)/],
  ['greeting', /^(салем|салеметсиз|привет|здравств[а-я]*|добрый (день|вечер)|hello|hi|salem)(\s|$|[!,.])/],
];

const SERVICE_RULES: [ServiceId, RegExp][] = [
  ['correct-education-document', /(ошибк|исправ|кате (бар|кетт)|туз(ету|ет)|опечат|неверн)/],
  ['academic-leave', /(академ)/],
  ['free-meals', /(питани|тамак|тегин тамак)/],
  ['dormitory', /(общежит|жатакхан)/],
  ['transfer-reinstatement', /(перевод|перевест|восстанов|ауыстыр|кайта кабылд)/],
  ['incomplete-education-certificate', /(неоконч|не (окончил|закончил|доучил)|аяктамаг|справк[аиу]? об обучени|аныктама)/],
  ['state-order-competition', /(госзаказ|государственн[а-я]* заказ|мемлекеттик тапсырыс)/],
  ['tvet-admission', /(поступ|поступлен|прием документов в колледж|туску|тусу|кабылдау)/],
  ['duplicate-higher', /(университет|вуз|жоо|бакалавр|магистр|высш)/],
  ['duplicate-tvet', /(колледж|техникум|училищ|тжкб)/],
  ['duplicate-school', /(аттестат|школ|мектеп|свидетельств)/],
];

const DOCUMENT_WORDS = /(документ|кужат|дубликат|телнуска|диплом|потерял|утерял|жогалт|жогалд|испорт|булин|справк|нужн|керек)/;

export function detectLang(text: string, fallback: Lang): Lang {
  if (KAZAKH_LETTERS.test(text) || KAZAKH_WORDS.test(text)) return 'kk';
  if (/[а-яё]/i.test(text)) return 'ru';
  return fallback;
}

export function parse(text: string, fallbackLang: Lang = 'ru'): Parsed {
  const lang = detectLang(text, fallbackLang);
  const top = guess(text);
  const alternatives: Guess[] = (['checklist', 'operator'] as const).filter((intent) => intent !== top.intent).map((intent) => ({ intent, serviceId: null, confidence: 0 }));
  return { ...top, lang, langCertain: /[әғқңөұүһі]/i.test(text), alternatives };
}

function guess(text: string): Guess {
  const folded = fold(text.slice(0, 2000));
  const service = SERVICE_RULES.find(([, rule]) => rule.test(folded))?.[0] ?? null;
  // A complaint about a service, or a question about an application for it, is that, not a request for its checklist.
  const about = INTENT_RULES.find(([intent, pattern]) => (intent === 'complaint' || intent === 'status') && pattern.test(folded));
  if (about) return { intent: about[0], serviceId: service, confidence: 0.9 };
  if (service) return { intent: 'checklist', serviceId: service, confidence: 0.9 };
  const rule = INTENT_RULES.find(([, pattern]) => pattern.test(folded));
  if (rule) return { intent: rule[0], serviceId: null, confidence: rule[0] === 'greeting' ? 0.8 : 0.9 };
  if (DOCUMENT_WORDS.test(folded)) return { intent: 'checklist', serviceId: null, confidence: 0.6 };
  return { intent: 'unknown', serviceId: null, confidence: 0 };
}
