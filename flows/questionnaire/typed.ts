import { todayInAlmaty } from '../../domain/calendar';
import { IIN_PATTERN, validateIin } from '../../domain/iin';
import { plainLetters } from '../../domain/letters';
import { formatKzPhone, normalizeKzPhone, PHONE_PATTERN } from '../../domain/phone';
import { fold } from '../nlu/normalise';
import { asksForPerson } from '../nlu/cues';
import { applicationNumberIn, ASKS_WHAT_NOW, courtesyOf, saysGoodbye } from '../nlu/rules';
import type { FlowContext } from '../types';
import type { TextField } from './types';

/** Why an answer was not taken: a `questionnaire:` text saying what is wrong and how to write it. */
export interface Refusal {
  error: string;
  vars?: Record<string, unknown>;
  /**
   * True: typed where only buttons answer, or not an answer at all; the understanding of typed text
   * gets it first. False: understood and answered here ("не помню ИИН"); absent: not said.
   */
  notUnderstood?: boolean;
}

/** An answer checked: the value to keep, or why not. */
export type Checked<T = string> = { value: T } | Refusal;

const DEFAULT_MAX_LENGTH = 200;
const FIRST_YEAR = 1940;

/** Spaces as one, none at the ends: the spelling an answer is kept in. */
export const tidy = (typed: string): string => typed.trim().replace(/\s+/g, ' ');

/** What a free-text answer is checked against (a text field's own settings). */
export type TextRules = Pick<TextField, 'maxLength' | 'script' | 'names'>;

/** What a person's name may hold besides letters: "Әли-Ахмет", "O'Brien", "Иванова (Петрова)", "А. Б.". */
const NOT_IN_A_NAME = /[^\p{L}\p{M}\s.,'’ʼ`()-]/u;

/**
 * Words that ask or want, which no name has (after `plainLetters`): "сколько стоит" typed without its
 * question mark where a name is asked is a question. Not "ким" or "как": Ким is a surname.
 */
const ASKS_NOT_NAMES = /(^|\s)(сколько|скок\S*|почем\S*|где|куда|когда|зачем|почему|можно|нужно|надо|стоит|канша\S*|кайда|кашан|неге|керек|бола ма)(?=[\s?!.,]|$)/;

/**
 * A greeting as a name's first word ("сәлем Болат", "здравствуйте, Сапаров Болат"): a hello, not the name. Whole words only:
 * Саламатов is a surname.
 */
const GREETING_FIRST = /^(салем|салам|салеметсиз|саламатсыз|здравствуйте|здраствуйте|привет|добрый|доброе)(?![а-яa-z])/;

/** A greeting or thanks that is the whole text (the Kazakh question particle of "сәлеметсіз бе" aside), or a greeting it opens with. */
function isCourtesy(text: string): boolean {
  const folded = fold(text);
  return courtesyOf(folded.replace(/\s+(бе|бы|ме|ма|ба)\s*\??$/, '')) !== undefined || saysGoodbye(folded) || GREETING_FIRST.test(folded);
}

/**
 * Free text: a letter among at least two characters, no longer than the field allows; in Latin
 * letters only when the field asks for them (a name as in the passport), so Cyrillic is refused. A
 * person's name takes no digit or sign such as "?", and no word that asks or thanks or greets: those
 * are something else said ("сколько стоит?", "спасибо"), refused as not understood, so the
 * understanding of typed text gets them first.
 */
export function checkText(typed: string, { maxLength = DEFAULT_MAX_LENGTH, script, names }: TextRules = {}): Checked {
  if (names === 'application') return checkApplicationNumber(typed);
  const text = tidy(typed);
  if (text.length < 2) return { error: 'questionnaire:errors.too_short' };
  if (!/\p{L}/u.test(text)) return { error: 'questionnaire:errors.no_letters', ...(names ? { notUnderstood: true } : {}) };
  if (text.length > maxLength) return { error: 'questionnaire:errors.too_long', vars: { max: maxLength } };
  // "а что писать?" is no answer to any question: the understanding of typed text asks the question again.
  if (ASKS_WHAT_NOW.test(fold(text))) return { error: 'questionnaire:errors.not_an_answer', notUnderstood: true };
  if (script === 'latin' && /[^\p{Script=Latin}\s.'’-]/u.test(text)) return { error: 'questionnaire:errors.latin_only' };
  // "спасибо", "здравствуйте" where a name is asked: something else said, for the understanding of typed text; the question waits.
  if (names && isCourtesy(text)) return { error: 'questionnaire:errors.not_an_answer', notUnderstood: true };
  // "не знаю его ИИН", "не помню название" where a name is asked: no name, and the understanding offers a person to ask.
  if (names && saysNotKnown(text)) return { error: names === 'person' ? 'questionnaire:errors.not_a_name' : 'questionnaire:errors.not_an_answer', notUnderstood: true };
  if (names === 'person') {
    if (ASKS_NOT_NAMES.test(plainLetters(text))) return { error: 'questionnaire:errors.not_a_name', notUnderstood: true };
    // "Сапаров Болат 1985" and "Сапаров Болат?" are a name written wrong, and are told so.
    if (NOT_IN_A_NAME.test(text)) return { error: 'questionnaire:errors.person_name' };
  }
  if (names === 'thing' && text.includes('?')) return { error: 'questionnaire:errors.not_a_question', notUnderstood: true };
  return { value: text };
}

/** "I don't know it", "I forgot it" or "I have none" in a text (after `plainLetters`): "не помню ИИН", "ЖСН-ді білмеймін", "нет номера". */
const NOT_KNOWN = /(^|[\s,.!?-])(не (знаю|помню)|забыл[аи]?|нет|нету|жок|билмеймин|билмеймиз|есимде жок|умыттым|умытып)(?=$|[\s,.!?)])/;

/**
 * Whether a text without a digit says the citizen does not know, remember or have what is asked,
 * and asks for nothing else: "не знаю, соедините с оператором" is a wish for a person.
 */
export function saysNotKnown(typed: string): boolean {
  return !/\d/.test(typed) && NOT_KNOWN.test(plainLetters(typed)) && !asksForPerson(fold(typed));
}

/** The refusal of an IIN the citizen says they do not know or remember ("ЖСН-ді ұмыттым"). */
export const IIN_UNKNOWN = 'questionnaire:errors.iin_unknown';

/**
 * The IIN as 12 digits (spaces and dashes dropped); a refusal says what is wrong: something other
 * than digits, how many digits were typed when not 12, a business number (BIN), the birth date, the
 * century digit or the check digit.
 */
export function checkIin(typed: string): Checked {
  const text = tidy(typed);
  if (saysNotKnown(text)) return { error: IIN_UNKNOWN, notUnderstood: false };
  // "мой ИИН 850520 400003", "ИИН: 850520400003": the one run of 12 digits in a sentence is the IIN typed.
  const result = validateIin(oneNumberIn(text, IIN_PATTERN) ?? text);
  if (result.ok) return { value: result.iin };
  if (result.reason !== 'format') return { error: `questionnaire:errors.iin_${result.reason}` };
  const digits = text.replace(/[\s-]/g, '');
  if (/\D/.test(digits)) return { error: 'questionnaire:errors.iin_not_digits' };
  if (digits.length !== 12) return { error: 'questionnaire:errors.iin_count', vars: { typed: digits.length } };
  return { error: 'questionnaire:errors.iin_bin' };
}

/**
 * The one number of `pattern`'s shape in a text with words ("мой ИИН 850520 400003", "звоните на 8 701 123 45 67"):
 * the answer typed in a sentence. Undefined for a text of the number alone, or with two.
 */
function oneNumberIn(text: string, pattern: RegExp): string | undefined {
  if (!/\p{L}/u.test(text)) return undefined;
  const found = text.match(pattern);
  return found?.length === 1 ? found[0] : undefined;
}

/** An application number as receipts and egov.kz print it: letters and digits, with hyphens, slashes or underscores. */
const APPLICATION_NUMBER = /^[A-Za-z0-9][A-Za-z0-9/_-]{2,63}$/;

/** An application number typed on its own ("sc 2026 0417", "002345678") or in a sentence ("где заявление SC-2026-0601?"). */
export function checkApplicationNumber(typed: string): Checked {
  const whole = typed.trim().replace(/\s+/g, '');
  if (APPLICATION_NUMBER.test(whole)) return { value: whole };
  const inSentence = applicationNumberIn(typed);
  return inSentence && APPLICATION_NUMBER.test(inSentence) ? { value: inSentence } : { error: 'questionnaire:errors.application_number' };
}

/**
 * A refusal of an answer that is digits (an IIN, a phone, a date, an application number) typed
 * without any ("а сколько это стоит?", "спасибо"): something else said, marked not understood so
 * that the understanding of typed text gets it first.
 */
export function digitsExpected<T extends object>(checked: T | Refusal, typed: string): T | Refusal {
  return 'error' in checked && checked.notUnderstood === undefined && !/\d/.test(typed) ? { ...checked, notUnderstood: true } : checked;
}

/** A Kazakhstan number in E.164 (+77012345678), typed alone or in a sentence; a refusal says whether it is malformed or foreign. */
export function checkPhone(typed: string): Checked {
  const text = tidy(typed);
  return checkBarePhone(oneNumberIn(text, PHONE_PATTERN) ?? text);
}

/** {@link checkPhone} of a text that is the number alone. */
function checkBarePhone(typed: string): Checked {
  const result = normalizeKzPhone(tidy(typed));
  return result.ok ? { value: result.e164 } : { error: `questionnaire:errors.phone_${result.reason}` };
}

const EMAIL = /[^\s@]+@[^\s@]+\.\p{L}{2,}/u;
const DIGIT_RUN = /\+?\d[\d\s()-]{8,}\d/g;

/**
 * Contact details: a bare phone number is kept in one spelling (+7 701 234 56 78); text with an
 * e-mail address or a Kazakh phone number in it (a phone with a name) as typed. Digits that make no
 * Kazakh number are refused as a phone number, and words with neither ("нет") as no contact at all.
 */
export function checkContact(typed: string, maxLength = DEFAULT_MAX_LENGTH): Checked {
  const phone = checkBarePhone(typed);
  if ('value' in phone) return { value: formatKzPhone(phone.value) };
  if (!/\p{L}/u.test(typed)) return phone;
  const text = checkText(typed, { maxLength });
  const reachable = EMAIL.test(typed) || [...typed.matchAll(DIGIT_RUN)].some((m) => 'value' in checkBarePhone(m[0]));
  return 'error' in text || reachable ? text : { error: 'questionnaire:errors.contact' };
}

/** Four digits, from `min` to this year (in Almaty). */
export function checkYear(typed: string, ctx: FlowContext, min = FIRST_YEAR): Checked {
  const text = tidy(typed);
  const max = Number(todayInAlmaty(ctx.now).slice(0, 4));
  const year = Number(text);
  return /^\d{4}$/.test(text) && year >= min && year <= max ? { value: text } : { error: 'questionnaire:errors.year', vars: { min, max } };
}
