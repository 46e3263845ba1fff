import type { Lang } from '../../store/types';

/**
 * Ways citizens type the same message differently: without the Kazakh letters, in the 2021 Latin
 * alphabet or in chat Latin, with a slip of the finger, in another word order, after a polite opening,
 * or with a word of the other language. The bench measures the model on messages it has not seen,
 * shifted these ways; the model knows each word of its phrases in the two Latin styles too.
 *
 * Every change is drawn from a seeded generator, so the same seed gives the same copies.
 */
export const STYLES = ['no_kazakh_letters', 'latin_2021', 'latin_chat', 'typos', 'reordered', 'filler', 'other_language_word'] as const;
export type Style = (typeof STYLES)[number];

/** A small, fast, seeded generator (mulberry32): numbers in [0, 1). */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;

const pick = <T>(items: readonly T[], random: Random): T => items[Math.floor(random() * items.length)]!;

const NO_KAZAKH_LETTERS: Record<string, string> = { ә: 'а', ғ: 'г', қ: 'к', ң: 'н', ө: 'о', ұ: 'у', ү: 'у', һ: 'х', і: 'и' };

const CYRILLIC_TO_LATIN_2021: Record<string, string> = {
  а: 'a',
  ә: 'ä',
  б: 'b',
  в: 'v',
  г: 'g',
  ғ: 'ğ',
  д: 'd',
  е: 'e',
  ё: 'io',
  ж: 'j',
  з: 'z',
  и: 'i',
  й: 'i',
  к: 'k',
  қ: 'q',
  л: 'l',
  м: 'm',
  н: 'n',
  ң: 'ñ',
  о: 'o',
  ө: 'ö',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ұ: 'ū',
  ү: 'ü',
  ф: 'f',
  х: 'h',
  һ: 'h',
  ц: 'ts',
  ч: 'ch',
  ш: 'ş',
  щ: 'şş',
  ъ: '',
  ы: 'y',
  і: 'ı',
  ь: '',
  э: 'e',
  ю: 'iu',
  я: 'ia',
};

const CYRILLIC_TO_CHAT_LATIN: Record<string, string> = {
  ...CYRILLIC_TO_LATIN_2021,
  ә: 'a',
  ғ: 'g',
  ё: 'yo',
  ж: 'zh',
  й: 'y',
  қ: 'k',
  ң: 'n',
  ө: 'o',
  ұ: 'u',
  ү: 'u',
  ш: 'sh',
  щ: 'sch',
  і: 'i',
  ю: 'yu',
  я: 'ya',
};

function mapLetters(text: string, table: Record<string, string>): string {
  let out = '';
  for (const ch of text) {
    const lower = ch.toLowerCase();
    const mapped = table[lower];
    out += mapped === undefined ? ch : lower === ch ? mapped : mapped.charAt(0).toUpperCase() + mapped.slice(1);
  }
  return out;
}

/** Words with digits (an application number, "1414") are typed the same in every style. */
const keepsDigits = (word: string) => /\d/.test(word);

function eachWord(text: string, change: (word: string) => string): string {
  return text
    .split(/(\s+)/)
    .map((part) => (/\s/.test(part) || keepsDigits(part) ? part : change(part)))
    .join('');
}

/** Letters a finger slips to: the neighbours on the Russian ЙЦУКЕН keyboard. */
const KEYBOARD_ROWS = ['йцукенгшщзхъ', 'фывапролджэ', 'ячсмитьбю'];
function neighbourOf(ch: string, random: Random): string {
  for (const row of KEYBOARD_ROWS) {
    const i = row.indexOf(ch);
    if (i < 0) continue;
    const options = [row[i - 1], row[i + 1]].filter((c): c is string => c !== undefined);
    return pick(options, random);
  }
  return ch;
}

/** One slip in a word: a letter left out, doubled, two swapped, or a neighbour's typed. */
function typo(word: string, random: Random): string {
  const i = 1 + Math.floor(random() * (word.length - 2));
  switch (Math.floor(random() * 4)) {
    case 0:
      return word.slice(0, i) + word.slice(i + 1);
    case 1:
      return word.slice(0, i) + word[i] + word.slice(i);
    case 2:
      return word.slice(0, i) + word[i + 1]! + word[i] + word.slice(i + 2);
    default:
      return word.slice(0, i) + neighbourOf(word[i]!.toLowerCase(), random) + word.slice(i + 1);
  }
}

function withTypos(text: string, random: Random): string {
  const words = text.split(' ');
  const long = words.map((w, i) => (w.length >= 4 && !keepsDigits(w) && /^[\p{L}]+$/u.test(w) ? i : -1)).filter((i) => i >= 0);
  const slips = 1 + Math.floor(random() * 2);
  for (let n = 0; n < slips && long.length > 0; n++) {
    const at = pick(long, random);
    words[at] = typo(words[at]!, random);
  }
  return words.join(' ');
}

/** Two words change places (Kazakh and Russian messages are both typed in free order). */
function reordered(text: string, random: Random): string {
  const words = text.split(' ');
  if (words.length < 2) return text;
  const a = Math.floor(random() * words.length);
  let b = Math.floor(random() * (words.length - 1));
  if (b >= a) b += 1;
  [words[a], words[b]] = [words[b]!, words[a]!];
  return words.join(' ');
}

/** Polite openings that ask nothing by themselves. */
export const FILLERS: Record<Lang, readonly string[]> = {
  ru: ['здравствуйте, подскажите', 'добрый день, скажите пожалуйста', 'извините, вопрос', 'подскажите пожалуйста'],
  kk: ['сәлеметсіз бе, айтыңызшы', 'сәлем, сұрайын деп едім', 'кешіріңіз, айтыңызшы', 'қайырлы күн, көмектесіңізші'],
};

/** Words citizens put in from the other language ("мне нужен құжат", "анықтама керек справка"). */
export const GLOSSARY: readonly [ru: string, kk: string][] = [
  ['документы', 'құжаттар'],
  ['документ', 'құжат'],
  ['справка', 'анықтама'],
  ['справку', 'анықтама'],
  ['заявление', 'өтініш'],
  ['нужно', 'керек'],
  ['надо', 'керек'],
  ['нужен', 'керек'],
  ['домой', 'үйге'],
  ['дома', 'үйде'],
  ['сколько', 'қанша'],
  ['когда', 'қашан'],
  ['где', 'қайда'],
  ['как', 'қалай'],
  ['мама', 'анам'],
  ['бабушка', 'әжем'],
  ['отец', 'әкем'],
  ['потерял', 'жоғалттым'],
  ['потеряла', 'жоғалттым'],
  ['жалоба', 'шағым'],
  ['оператор', 'маман'],
  ['человек', 'адам'],
  ['сотрудник', 'қызметкер'],
  ['можно', 'бола ма'],
  ['спасибо', 'рахмет'],
  ['здравствуйте', 'сәлеметсіз бе'],
  ['язык', 'тіл'],
  ['школа', 'мектеп'],
  ['общежитие', 'жатақхана'],
  ['ребенок', 'бала'],
  ['деньги', 'ақша'],
  ['бесплатно', 'тегін'],
];

function otherLanguageWord(text: string, random: Random): string {
  const words = text.split(' ');
  const swaps: { at: number; to: string }[] = [];
  words.forEach((word, at) => {
    const bare = word.toLowerCase().replace(/[.,!?]+$/, '');
    for (const [ru, kk] of GLOSSARY) {
      if (bare === ru) swaps.push({ at, to: kk });
      else if (bare === kk) swaps.push({ at, to: ru });
    }
  });
  if (swaps.length === 0) return text;
  const { at, to } = pick(swaps, random);
  words[at] = to + (words[at]!.match(/[.,!?]+$/)?.[0] ?? '');
  return words.join(' ');
}

/** The message typed in one style. */
export function restyle(text: string, lang: Lang, style: Style, random: Random): string {
  switch (style) {
    case 'no_kazakh_letters':
      return mapLetters(text, NO_KAZAKH_LETTERS);
    case 'latin_2021':
      return eachWord(text, (w) => mapLetters(w, CYRILLIC_TO_LATIN_2021));
    case 'latin_chat':
      return eachWord(text, (w) => mapLetters(w, CYRILLIC_TO_CHAT_LATIN));
    case 'typos':
      return withTypos(text, random);
    case 'reordered':
      return reordered(text, random);
    case 'filler':
      return `${pick(FILLERS[lang], random)}, ${text.charAt(0).toLowerCase()}${text.slice(1)}`;
    case 'other_language_word':
      return otherLanguageWord(text, random);
  }
}
