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
 * Kazakh endings in folded form (ә→а, і→и, ұ/ү→у, ғ→г, қ→к, ң→н…), longest first within each group.
 * Nouns: plural, possessive, case; verbs: the past, participles, the verbal noun and person endings,
 * as they occur in citizens' messages ("жоғалттым", "жоғалған", "аламын", "оқимын", "беру").
 */
const KAZAKH_ENDINGS = [
  // case
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
  // possessive
  'ымыз',
  'имиз',
  'ынызда',
  'ыныз',
  'иниз',
  'мыз',
  'миз',
  'ныз',
  'низ',
  'сын',
  'син',
  'сы',
  'си',
  'ым',
  'им',
  'ын',
  'ин',
  // plural
  'лар',
  'лер',
  'дар',
  'дер',
  'тар',
  'тер',
  // verbs
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

/** Strips Kazakh endings from a folded word, one after another (at most four), keeping a stem of three letters or more. */
export function stemKazakh(word: string): string {
  let stem = word;
  for (let round = 0; round < 4; round++) {
    const ending = KAZAKH_ENDINGS.find((e) => stem.endsWith(e) && stem.length - e.length >= MIN_STEM);
    if (!ending) break;
    stem = stem.slice(0, -ending.length);
  }
  return stem;
}
