import { createRequire } from 'node:module';
import type { Stemmer } from 'snowball-stemmers';

/**
 * Stems of folded words, so that "дубликата" meets "дубликат" and "аттестатымды" meets "аттестат".
 * Every word gets both stems: the language of one word is often unknown, and a Russian stem of a
 * Kazakh word (or the other way round) is only a feature that never matches anything.
 */

/** Loaded with the first typed message, not at start: the package takes a third of a second to load. */
const require = createRequire(import.meta.url);
let russian: Stemmer | undefined;

export function stemRussian(word: string): string {
  russian ??= (require('snowball-stemmers') as typeof import('snowball-stemmers')).newStemmer('russian');
  return russian.stem(word);
}

/**
 * Kazakh endings in folded form (ә→а, і→и, ұ/ү→у, ғ→г, қ→к, ң→н…), longest first within each slot.
 * A noun takes them in the order plural, possessive, case ("кужат-тар-ым-ды"), so they are stripped
 * the other way round, at most one per slot; that keeps a Russian word such as "документы" from
 * losing "ты" and then "мен". A word with none of them may be a verb ("жоғалттым", "аламын", "беру").
 */
const CASE = [
  'ынан',
  'инен',
  'нан',
  'нен',
  'дан',
  'ден',
  'тан',
  'тен',
  'нын',
  'нин',
  'дын',
  'дин',
  'тын',
  'тин',
  'ында',
  'инде',
  'нда',
  'нде',
  'да',
  'де',
  'та',
  'те',
  'ына',
  'ине',
  'на',
  'не',
  'га',
  'ге',
  'ка',
  'ке',
  'ымен',
  'имен',
  'мен',
  'бен',
  'пен',
  'ны',
  'ни',
  'ды',
  'ди',
  'ты',
  'ти',
];
const POSSESSIVE = ['ымыз', 'имиз', 'ыныз', 'иниз', 'мыз', 'миз', 'ныз', 'низ', 'сын', 'син', 'сы', 'си', 'ым', 'им', 'ын', 'ин'];
const PLURAL = ['лар', 'лер', 'дар', 'дер', 'тар', 'тер'];
const VERB = [
  'ймын',
  'ймин',
  'амын',
  'емин',
  'имын',
  'мын',
  'мин',
  'сыз',
  'сиз',
  'дым',
  'дим',
  'тым',
  'тим',
  'дык',
  'дик',
  'тык',
  'тик',
  'ган',
  'ген',
  'кан',
  'кен',
  'ады',
  'еди',
  'йды',
  'йди',
  'ып',
  'ип',
  'уга',
  'уге',
  'у',
];

const MIN_STEM = 3;

function strip(word: string, endings: readonly string[]): string {
  const ending = endings.find((e) => word.endsWith(e) && word.length - e.length >= MIN_STEM);
  return ending ? word.slice(0, -ending.length) : word;
}

/**
 * Roots that end like an ending, or change their last letter before one: "тегін" (free of charge) is
 * not "тег" (a surname) with a possessive, "телнұсқа" (a duplicate) is not "телнұс" with a dative, the
 * Russian "переводе" (in a transfer) is not "перево" with a locative, "сынып" (a school class) is no
 * verb in "-ып", "курсы" no "кур" with a possessive, "общага" no "обща" with a dative, and "мектебі", "сыныбы" are "мектеп", "сынып" with п voiced before a vowel. The
 * prefix a word starts with → its stem in either language.
 */
const ROOTS: readonly (readonly [prefix: string, root: string])[] = [
  ['тегин', 'тегин'],
  ['телнуск', 'телнуск'],
  ['перевод', 'перевод'],
  ['сынып', 'сынып'],
  ['сыныб', 'сынып'],
  ['мектеб', 'мектеп'],
  ['жатакхан', 'жатакхана'],
  ['общаг', 'общаг'],
  ['общяг', 'общаг'],
  ['студент', 'студент'],
  ['курс', 'курс'],
];

/** The stem of a word that starts with one of ROOTS, whatever its ending. */
export function rootOf(word: string): string | undefined {
  return ROOTS.find(([prefix]) => word.startsWith(prefix))?.[1];
}

/** Strips Kazakh endings from a folded word, keeping a stem of three letters or more. */
export function stemKazakh(word: string): string {
  const root = rootOf(word);
  if (root) return root;
  const noun = strip(strip(strip(word, CASE), POSSESSIVE), PLURAL);
  return noun !== word ? noun : strip(word, VERB);
}
