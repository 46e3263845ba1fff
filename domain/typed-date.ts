/**
 * A date as a citizen types it: "12.12", "12.12.2026", "12 декабря", "12 желтоқсан 2026 ж.", "17-го",
 * "2026 жылғы 12 желтоқсан", "дек 12". Without a year it is the next such day from today on. A day
 * named from today ("вчера", "завтра", "ертең", "послезавтра") is that day; a day of the week ("в
 * понедельник", "жұма күні") is the next one after today.
 */
import { isValidCalendarDate, type IsoDate } from './calendar';
import { plainLetters } from './letters';

export type TypedDate = { ok: true; date: IsoDate } | { ok: false; reason: 'format' | 'date' };

/**
 * How each month's name begins, in Russian (any case: "декабрь", "декабря") and in Kazakh (with
 * its endings: "желтоқсанда"), after `plainLetters`. "May" is matched whole: "ма" begins "маусым" too.
 */
const MONTHS: readonly (readonly string[])[] = [
  ['январ', 'кантар'],
  ['феврал', 'акпан'],
  ['март', 'наурыз'],
  ['апрел', 'сауир'],
  ['май', 'мая', 'мае', 'мамыр'],
  ['июн', 'маусым'],
  ['июл', 'шилде'],
  ['август', 'тамыз'],
  ['сентябр', 'кыркуйек'],
  ['октябр', 'казан'],
  ['ноябр', 'караша'],
  ['декабр', 'желтоксан'],
];

/** Words around a date that say nothing more: "г.", "года", "ж.", "жылғы", and the Kazakh ordinal ending of "12-сі". */
const FILLER = new Set(['г', 'год', 'года', 'гг', 'ж', 'жыл', 'жылы', 'жылгы', 'си', 'ши', 'и', 'ы', 'сы', 'шы']);

/** Days named from today, after `plainLetters`; the past ones too, so that a question for a day to come can say which days it takes. */
const DAYS_FROM_TODAY: Readonly<Record<string, number>> = {
  позавчера: -2,
  вчера: -1,
  кеше: -1,
  сегодня: 0,
  бугин: 0,
  завтра: 1,
  ертен: 1,
  послезавтра: 2,
  бурсигуни: 2,
  // "арғы күні", its "күні" dropped as in "жұма күні".
  аргы: 2,
};

/** How the days of the week begin (Monday first), in Russian with any ending ("в среду") and in Kazakh ("дүйсенбіде"), after `plainLetters`. */
const WEEKDAYS: readonly (readonly string[])[] = [
  ['понедельн', 'дуйсенб'],
  ['вторн', 'сейсенб'],
  ['сред', 'сарсенб'],
  ['четверг', 'бейсенб'],
  ['пятниц', 'жума'],
  ['суббот', 'сенб'],
  ['воскресен', 'жексенб'],
];

/** Words around a day of the week that say nothing more: "в понедельник", "на завтра", "жұма күні". */
const DAY_FILLER = new Set(['в', 'во', 'на', 'к', 'ко', 'куни']);

const NUMERIC = /^(\d{1,2})[./-](\d{1,2})(?:[./-](\d{2}|\d{4}))?$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The month (1–12) a typed word names: a whole name with any ending, or its first three letters or more ("дек", "желт"). */
export function monthOf(word: string): number | undefined {
  const typed = plainLetters(word).replace(/\.$/, '');
  const matches = MONTHS.flatMap((stems, index) => (stems.some((stem) => typed.startsWith(stem) || (typed.length >= 3 && stem.length > 3 && stem.startsWith(typed))) ? [index + 1] : []));
  return matches.length === 1 ? matches[0] : undefined;
}

/** Parses a typed date; `today` ('YYYY-MM-DD') decides the year when none is written. */
export function parseTypedDate(text: string, today: IsoDate): TypedDate {
  const compact = plainLetters(text.trim()).replace(/\s+/g, ' ').replace(/[.,]$/, '');
  const iso = ISO.exec(compact);
  if (iso) return dated(Number(iso[3]), Number(iso[2]), Number(iso[1]), today);
  const numeric = NUMERIC.exec(compact);
  if (numeric) return dated(Number(numeric[1]), Number(numeric[2]), numeric[3] === undefined ? undefined : fullYear(numeric[3]), today);
  const named = namedDay(compact, today) ?? dayOfMonth(compact, today);
  return named ? { ok: true, date: named } : inWords(compact, today);
}

/** A day of the month alone, with its case ending or "числа" ("17", "а на 17?", "17-го", "17 числа", "17-сі"), after `plainLetters`. */
const DAY_OF_MONTH = /^(?:а )?(?:на )?(\d{1,2})(?:-?(?:е|го|ое|ого|ши|шы|си|сы|и|ы|не|на))?(?: числа)?\??$/;

/** The next day of that number from today on: this month's while it is ahead, else the next month that has it. */
function dayOfMonth(compact: string, today: IsoDate): IsoDate | undefined {
  const typed = DAY_OF_MONTH.exec(compact);
  if (!typed) return undefined;
  const day = Number(typed[1]);
  let year = Number(today.slice(0, 4));
  let month = Number(today.slice(5, 7));
  const pad = (n: number) => String(n).padStart(2, '0');
  for (let tried = 0; tried < 3; tried++) {
    const date = `${year}-${pad(month)}-${pad(day)}`;
    if (isValidCalendarDate(year, month, day) && date >= today) return date;
    month = (month % 12) + 1;
    if (month === 1) year++;
  }
  return undefined;
}

/** Words before a day that say it is not the one wanted: moved from ("со среды"), or refused ("не в среду"). */
const NOT_THE_DAY_WANTED = new Set(['с', 'со', 'от', 'из', 'не', 'кроме']);
/** The Kazakh ablative, a day moved from: "сәрсенбіден", "15 желтоқсаннан". */
const ABLATIVE = /(дан|ден|тан|тен|нан|нен)$/;
/** The longest run of words tried as one date: "15 декабря 2026". */
const MOST_WORDS_OF_A_DATE = 3;

/**
 * The day a sentence asks for among its other words: "перенесите визит на среду", "келуді 15
 * желтоқсанға ауыстырыңыз", "можно на завтра?". The first run of one to three words that reads
 * as a date whole, longest first; a day it moves from ("со среды", "сәрсенбіден") or refuses ("не в
 * среду") is passed over. Undefined when it names none.
 *
 * @example
 * dayNamedIn('перенесите со среды на пятницу', '2026-12-04') // '2026-12-11'
 */
export function dayNamedIn(text: string, today: IsoDate): IsoDate | undefined {
  const words = plainLetters(text)
    .split(/[\s,;!?()«»"]+/)
    .map((word) => word.replace(/[.:]+$/, ''))
    .filter((word) => word !== '');
  for (let first = 0; first < words.length; first++) {
    if (DAY_FILLER.has(words[first]!)) continue;
    let before = first - 1;
    while (before >= 0 && DAY_FILLER.has(words[before]!)) before--;
    const unwanted = before >= 0 && NOT_THE_DAY_WANTED.has(words[before]!);
    for (let count = Math.min(MOST_WORDS_OF_A_DATE, words.length - first); count > 0; count--) {
      const run = words.slice(first, first + count);
      const phrase = run.join(' ');
      // A number alone is a day only asked for ("на 17"): "выезд номер 5" names none.
      if (DAY_OF_MONTH.test(phrase) && words[first - 1] !== 'на') continue;
      const parsed = parseTypedDate(phrase, today);
      if (!parsed.ok) continue;
      if (!unwanted && !ABLATIVE.test(run.at(-1)!)) return parsed.date;
      first += count - 1;
      break;
    }
  }
  return undefined;
}

/** "завтра", "в понедельник", "жұма күні": the day it names from `today`; a day of the week is the next one after today. */
function namedDay(compact: string, today: IsoDate): IsoDate | undefined {
  const words = compact.split(' ').filter((word) => !DAY_FILLER.has(word));
  const phrase = words.join(' ');
  const fromToday = DAYS_FROM_TODAY[phrase];
  if (fromToday !== undefined) return shifted(today, fromToday);
  if (words.length !== 1) return undefined;
  const weekday = WEEKDAYS.findIndex((stems) => stems.some((stem) => phrase.startsWith(stem))) + 1;
  if (weekday === 0) return undefined;
  // getUTCDay counts from Sunday (0); the list from Monday (1).
  const todays = new Date(`${today}T00:00:00Z`).getUTCDay() || 7;
  return shifted(today, (weekday - todays + 7) % 7 || 7);
}

/** The day `days` before (negative) or after `today`. */
function shifted(today: IsoDate, days: number): IsoDate {
  return new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** "12 декабря 2026", "2026 жылғы 12 желтоқсан", "желтоқсанның 12-сі". */
function inWords(compact: string, today: IsoDate): TypedDate {
  let day: number | undefined;
  let month: number | undefined;
  let year: number | undefined;
  for (const token of compact.split(/[\s,]+|(?<=\d)-(?=\p{L})/u).map((t) => t.replace(/\.$/, ''))) {
    if (token === '' || FILLER.has(token)) continue;
    if (/^\d{4}$/.test(token) && year === undefined) year = Number(token);
    else if (/^\d{1,2}$/.test(token) && day === undefined) day = Number(token);
    else {
      const named = month === undefined ? monthOf(token) : undefined;
      if (named === undefined) return { ok: false, reason: 'format' };
      month = named;
    }
  }
  if (day === undefined || month === undefined) return { ok: false, reason: 'format' };
  return dated(day, month, year, today);
}

function fullYear(digits: string): number {
  return digits.length === 2 ? 2000 + Number(digits) : Number(digits);
}

/** The date, with the year of `today` (or the next one, once this year's day has passed) when none was given. */
function dated(day: number, month: number, year: number | undefined, today: IsoDate): TypedDate {
  const pad = (n: number) => String(n).padStart(2, '0');
  if (year === undefined) {
    const thisYear = Number(today.slice(0, 4));
    const candidate = `${thisYear}-${pad(month)}-${pad(day)}`;
    year = candidate >= today ? thisYear : thisYear + 1;
  }
  if (year < 1000 || !isValidCalendarDate(year, month, day)) return { ok: false, reason: 'date' };
  return { ok: true, date: `${year}-${pad(month)}-${pad(day)}` };
}
