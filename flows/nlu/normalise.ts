/**
 * The comparable form of a text: lower case, Cyrillic, with the nine Kazakh letters folded to their
 * Russian look-alikes (ә→а, ғ→г, қ→к, ң→н, ө→о, ұ/ү→у, һ→х, і→и), so that "жоғалды", "жогалды",
 * "jogaldy" and "joǵaldy" all read "жогалды". Phrases and citizen texts go through the same fold.
 */

/** The nine Kazakh letters (and ё, э) to the Russian letters people type instead. */
const KAZAKH_FOLD: Record<string, string> = { ә: 'а', ғ: 'г', қ: 'к', ң: 'н', ө: 'о', ұ: 'у', ү: 'у', һ: 'х', і: 'и', ё: 'е', э: 'е' };

/**
 * Latin letters that look like Cyrillic ones, typed inside a Cyrillic word ("Дiплом", "AТТЕСТАТ").
 * Capitals first: a capital H is Н, a small h is һ.
 */
const LOOK_ALIKES: Record<string, string> = {
  A: 'а',
  B: 'в',
  C: 'с',
  E: 'е',
  H: 'н',
  I: 'і',
  K: 'к',
  M: 'м',
  O: 'о',
  P: 'р',
  T: 'т',
  X: 'х',
  Y: 'у',
  a: 'а',
  c: 'с',
  e: 'е',
  h: 'һ',
  i: 'і',
  k: 'к',
  o: 'о',
  p: 'р',
  x: 'х',
  y: 'у',
  ə: 'ә',
  Ə: 'ә',
};

/**
 * Latin-script Kazakh and Russian to folded Cyrillic: the 2021 alphabet (ä ğ q ñ ö ū ü ş ç ı/i),
 * the 2018 one (á ǵ ń ó ú ý ı, sh/ch), the older apostrophes (a' g' n'…) and chat spellings
 * (zh, kh, sh, ch, j, q, w, "ya"/"ia"). Longest first; applied left to right. The dotless ı is read
 * as і/и, as people type it ("dıplom"), not as the 2021 alphabet's ы.
 */
const LATIN_SEQUENCES: [string, string][] = [
  ['shch', 'щ'],
  ['sch', 'щ'],
  ['zh', 'ж'],
  ['kh', 'х'],
  ['sh', 'ш'],
  ['ch', 'ч'],
  ['gh', 'г'],
  ["a'", 'а'],
  ["g'", 'г'],
  ["n'", 'н'],
  ["o'", 'о'],
  ["u'", 'у'],
  ["i'", 'ы'],
  ["c'", 'ч'],
  ["s'", 'ш'],
  ['ya', 'я'],
  ['ia', 'я'],
  ['yu', 'ю'],
  ['iu', 'ю'],
  ['yo', 'е'],
];

const LATIN_LETTERS: Record<string, string> = {
  a: 'а',
  á: 'а',
  ä: 'а',
  b: 'б',
  c: 'с',
  ç: 'ч',
  d: 'д',
  e: 'е',
  é: 'е',
  f: 'ф',
  g: 'г',
  ğ: 'г',
  ǵ: 'г',
  h: 'х',
  i: 'и',
  ı: 'и',
  j: 'ж',
  k: 'к',
  l: 'л',
  m: 'м',
  n: 'н',
  ñ: 'н',
  ń: 'н',
  o: 'о',
  ó: 'о',
  ö: 'о',
  p: 'п',
  q: 'к',
  r: 'р',
  s: 'с',
  ş: 'ш',
  t: 'т',
  u: 'у',
  ú: 'у',
  ü: 'у',
  ū: 'у',
  ý: 'у',
  v: 'в',
  w: 'у',
  x: 'х',
  y: 'ы',
  z: 'з',
};

const VOWELS = 'aeiouyáäéıóöúüūý';
const CYRILLIC = /[а-яёәғқңөұүһі]/i;
const LATIN = /[a-zäáçéğǵıñńóöşúüūýə]/i;

/** One Latin-script word to folded Cyrillic. */
export function transliterate(word: string): string {
  let out = '';
  for (let i = 0; i < word.length; ) {
    const rest = word.slice(i);
    const sequence = LATIN_SEQUENCES.find(([latin]) => rest.startsWith(latin));
    // "ya" after a consonant is still я ("ryadom"); but "ai", "oi", "ei", "ui" end in й ("kandai").
    if (sequence && !(sequence[0] === 'ia' && i > 0 && VOWELS.includes(word[i - 1]!))) {
      out += sequence[1];
      i += sequence[0].length;
      continue;
    }
    const ch = word[i]!;
    const previous = word[i - 1];
    const vowelBefore = previous !== undefined && VOWELS.includes(previous);
    const vowelAfter = VOWELS.includes(word[i + 1] ?? '-');
    if ((ch === 'i' || ch === 'y') && vowelBefore) out += 'й';
    else if (ch === 'y' && i === 0 && vowelAfter) out += 'й';
    else out += LATIN_LETTERS[ch] ?? ch;
    i += 1;
  }
  return out;
}

/** A word in capitals made only of letters that Cyrillic has too ("HOMEP") is a Cyrillic word. */
const CAPITAL_LOOK_ALIKES = /^[ABCEHKMOPTXY]{3,}$/;

/** Words already folded, as for stems (features.ts): emptied when it grows past the limit. */
const foldedWords = new Map<string, string>();
const FOLD_CACHE_LIMIT = 50_000;

function foldWord(word: string): string {
  const known = foldedWords.get(word);
  if (known !== undefined) return known;
  const folded = foldWordAfresh(word);
  if (foldedWords.size >= FOLD_CACHE_LIMIT) foldedWords.clear();
  foldedWords.set(word, folded);
  return folded;
}

function foldWordAfresh(word: string): string {
  let cyrillic: string;
  if (CYRILLIC.test(word) || CAPITAL_LOOK_ALIKES.test(word)) {
    // Look-alikes become the Cyrillic letter; any other Latin letters left are transliterated.
    cyrillic = word
      .replace(/[ABCEHIKMOPTXYacehikopxyəƏ]/g, (ch) => LOOK_ALIKES[ch] ?? ch)
      .toLowerCase()
      .replace(/[a-zäáçéğǵıñńóöşúüūý']+/g, transliterate);
  } else if (LATIN.test(word)) cyrillic = transliterate(word.toLowerCase().replace(/ə/g, 'ә'));
  else cyrillic = word.toLowerCase();
  return cyrillic.replace(/[әғқңөұүһіёэ]/g, (ch) => KAZAKH_FOLD[ch] ?? ch);
}

/**
 * A university's abbreviation ("ЕНУ", "КазНУ", "ЮКГУ", "КарГТУ-да", "SDU"): a word of two capitals or
 * more ending in a capital У, not the vocational "ПТУ" nor "ЦОНу". Only in a text not typed in capitals
 * throughout ("ХОЧУ", "ШКОЛУ" are words).
 */
const ENDS_IN_CAPITAL_U = /(?<!\p{L})\p{Lu}\p{L}{0,5}[УҰU](?!\p{L})/gu;
const NOT_A_UNIVERSITY = /^(Г?ПТУ|ЦОН)/;
const CAPITAL = /\p{Lu}/gu;
const SHOUTED = /^[^\p{Ll}]*$/u;

/** Each university abbreviation followed by the word it stands for, so that "диплом ЕНУ" names a university's diploma. */
function withUniversitiesSpelledOut(text: string): string {
  if (SHOUTED.test(text)) return text;
  return text.replace(ENDS_IN_CAPITAL_U, (word) => ((word.match(CAPITAL)?.length ?? 0) >= 2 && !NOT_A_UNIVERSITY.test(word) ? `${word} университет` : word));
}

/** The normalised comparable form of a text (also used to match typed button labels). */
export function fold(text: string): string {
  return foldLetters(withUniversitiesSpelledOut(text.normalize('NFC')));
}

/** `fold` without reading abbreviations: for a word on its own, whose letters are all that is wanted (the language's votes). */
export function foldLetters(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[’ʼ‘`´]/g, "'")
    .trim()
    .split(/\s+/)
    .map(foldWord)
    .join(' ')
    .replace(DRAWN_OUT, '$1$1');
}

/** A letter typed three times or more in a row draws a word out ("дубликаааат", "спасибооо"): kept twice, as in "общежитии", and read as a typo. */
const DRAWN_OUT = /([а-яa-z])\1{2,}/g;

/** The words of a folded text: letters and digits, apostrophes and hyphens dropped. */
export function tokens(folded: string): string[] {
  return folded.match(/[а-яa-z0-9]+/g) ?? [];
}
