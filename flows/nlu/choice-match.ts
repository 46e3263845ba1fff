import { distance } from 'fastest-levenshtein';
import type { Choice } from '../types';
import { fold } from './index';
import { asksForPerson, COMPLAINT_CUES } from './cues';
import { isAgreeingEmoji, QUESTION_WORD } from './rules';

/**
 * Which of the offered buttons a typed answer means: its label typed (with typos, without Kazakh
 * letters, with the tick marks left out), the label's own number ("3" for the third document of a
 * checklist), "да"/"иә"/"жоқ"/"👍" for a yes or no button (or the button marked `yes`), or a
 * position among the buttons.
 *
 * @example
 * matchChoice('ия', [{ id: 'ok', label: 'Иә' }, { id: 'no', label: 'Жоқ' }]); // 'ok'
 */
export function matchChoice(text: string, choices: readonly Choice[]): string | undefined {
  if (choices.length === 0) return undefined;
  const typed = comparable(text);
  const labels = choices.map((choice) => ({ id: choice.id, label: comparable(choice.label) }));
  // "👍" leaves nothing once folded: a yes.
  if (!typed) return isAgreeingEmoji(text) ? meantBy('yes', choices, labels) : undefined;

  const exact = labels.filter((l) => l.label === typed);
  if (exact.length === 1) return exact[0]!.id;

  // As typed too: folding reads the Latin "ia" (иә) as "я".
  const answer = yesOrNo(typed) ?? yesOrNo(text.trim().toLowerCase()) ?? saidFirst(typed, text);
  const meant = answer && meantBy(answer, choices, labels);
  if (meant) return meant;

  if (/^\d{1,2}$/.test(typed)) {
    const position = Number(typed);
    // A label numbered by itself (a checklist's "⬜ 3") wins over the button's place in the row.
    const numbered = labels.filter((l) => l.label === typed);
    if (numbered.length === 1) return numbered[0]!.id;
    const hasNumberedLabels = labels.some((l) => /^\d+$/.test(l.label));
    return !hasNumberedLabels && position >= 1 && position <= choices.length ? choices[position - 1]!.id : undefined;
  }

  return closest(typed, labels);
}

/**
 * The one button a yes or a no means: its label's first word says so ("Да, перейти", "Иә"), or it is
 * marked as the one a yes (or a no) means. A label's "не" negates its verb ("Не приняли документы"): no "нет" means it.
 */
function meantBy(answer: 'yes' | 'no', choices: readonly Choice[], labels: readonly { id: string; label: string }[]): string | undefined {
  const meant = labels.filter((l, i) => {
    const first = l.label.split(' ')[0]!;
    return (first !== 'не' && yesOrNo(first) === answer) || (answer === 'yes' && choices[i]!.yes) || (answer === 'no' && choices[i]!.no);
  });
  return meant.length === 1 ? meant[0]!.id : undefined;
}

/** Lower case, Kazakh letters folded, emoji, tick marks, numbering and punctuation left out. */
function comparable(text: string): string {
  return fold(text)
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const YES = new Set(['да', 'ия', 'иа', 'ие', 'ага', 'угу', 'конечно', 'yes', 'ok', 'ок', 'хорошо', 'жарайды', 'болады', 'давайте', 'iа', 'ia', 'iya', 'ooo', 'ооо']);
const NO = new Set(['нет', 'не', 'неа', 'жок', 'no', 'joq', 'zhok']);

function yesOrNo(text: string): 'yes' | 'no' | undefined {
  if (YES.has(text)) return 'yes';
  if (NO.has(text)) return 'no';
  return undefined;
}

/** Words of a yes that agree to something offered ("хорошо", "давайте"): alone they press the yes, but they answer no question first. */
const AGREES = new Set(['ok', 'ок', 'хорошо', 'жарайды', 'болады', 'давайте']);
/** The words that answer a question first and let the citizen go on ("угу, он лежачий"); "не" negates what follows instead. */
const ANSWERS_FIRST = new Set([...YES, ...NO].filter((word) => !AGREES.has(word) && word !== 'не'));
/** Words that take the answer back or ask besides it ("да, но…", "иә, бірақ…"). */
const BUT = new Set(['но', 'однако', 'бирак', 'алайда', 'или', 'немесе']);
const MAX_EXPLAINED_WORDS = 6;

/**
 * A yes or a no said first and then explained: "да, он лежачий", "иә, ол жүре алмайды", "нет, он ходит сам".
 * Not when the rest takes it back or asks ("да нет", "да не знаю", "да, а сколько стоит?", "да, но…"), wants a
 * person or complains ("да, позовите оператора"), or is long enough to be another matter.
 */
function saidFirst(typed: string, text: string): 'yes' | 'no' | undefined {
  const [first, ...rest] = typed.split(' ');
  if (!first || !ANSWERS_FIRST.has(first) || rest.length === 0 || rest.length > MAX_EXPLAINED_WORDS || text.includes('?')) return undefined;
  const answer = yesOrNo(first)!;
  // "не" right after the yes takes it back ("да не знаю"); further on it tells the case ("да, он не ходит").
  const takenBack = rest[0] === 'не' || rest.some((word) => (word !== 'не' && (yesOrNo(word) ?? answer) !== answer) || BUT.has(word) || QUESTION_WORD.test(word));
  const otherMatter = asksForPerson(rest.join(' ')) || COMPLAINT_CUES.test(rest.join(' '));
  return takenBack || otherMatter ? undefined : answer;
}

/**
 * The one label the typed text is closest to, allowing about one typo in five letters, or the one
 * label whose words all start the typed ones' ("назад" for "← Назад"). Two equally close labels
 * mean nothing is chosen: a guess between two buttons is worse than asking again.
 */
function closest(typed: string, labels: { id: string; label: string }[]): string | undefined {
  const allowed = Math.max(1, Math.floor(typed.length / 5));
  const scored = labels.map((l) => ({ id: l.id, cost: distance(typed, l.label) })).filter((s) => s.cost <= allowed);
  scored.sort((a, b) => a.cost - b.cost);
  if (scored.length === 1 || (scored.length > 1 && scored[0]!.cost < scored[1]!.cost)) return scored[0]!.id;
  if (typed.length < 4) return undefined;
  const containing = labels.filter((l) => l.label.length >= 4 && (l.label.startsWith(typed) || typed.split(' ').includes(l.label)));
  return containing.length === 1 ? containing[0]!.id : undefined;
}

/**
 * A short typed answer read word by word: the one button more of whose words (its label's and those
 * it is also called by, `Choice.also`) the answer says, a word matching its inflected forms ("цонға"
 * for "ЦОН", "потеряла" for "потерял"). A word said with a negation ("не терял", "жоғалған жоқ")
 * is not said. Longer texts are more than an answer ("а если аттестат потерян, сколько стоит?").
 *
 * @example
 * matchChoiceByWords('не терял, просто испорчен', [{ id: 'lost', label: 'Документ утерян', also: ['потерял'] }, { id: 'damaged', label: 'Документ испорчен' }]); // 'damaged'
 */
export function matchChoiceByWords(text: string, choices: readonly Choice[]): string | undefined {
  const best = choicesByWords(text, choices);
  return best.length === 1 ? best[0] : undefined;
}

/**
 * The buttons a short typed answer names by the most of its words, as {@link matchChoiceByWords} reads them: one when
 * its words tell a button, several when they fit those equally ("дубликат" of three duplicates), none when they name none.
 */
export function choicesByWords(text: string, choices: readonly Choice[]): string[] {
  const typed = comparable(text).split(' ');
  const said = contentWords(affirmed(typed));
  const saidNot = contentWords(negated(typed));
  if (said.length + saidNot.length === 0 || said.length + saidNot.length > MAX_ANSWER_WORDS) return [];
  let best: string[] = [];
  let bestScore = [0, 0];
  for (const choice of choices) {
    const phrases = [choice.label, ...(choice.also ?? [])].map((phrase) => comparable(phrase).split(' '));
    // "не согласна" is said of "Не согласен с результатом", and "согласна" is not: each side's negated words count against the other's.
    const words = contentWords(phrases.flatMap(affirmed));
    const notWords = contentWords(phrases.flatMap(negated));
    const matching = [...said.filter((s) => words.some((w) => sameRoot(s, w))), ...saidNot.filter((s) => notWords.some((w) => sameRoot(s, w)))];
    // Words of one root said both ways ("үйленгенмін", "үйленбегенмін": the Kazakh negation is inside the verb) go to the button that has the very word.
    const score = [matching.length, matching.filter((m) => words.includes(m) || notWords.includes(m)).length];
    const order = score[0]! - bestScore[0]! || score[1]! - bestScore[1]!;
    if (order > 0) [best, bestScore] = [[choice.id], score];
    else if (order === 0 && score[0]! > 0) best.push(choice.id);
  }
  return best;
}

/** The most words, function words aside, a typed text may have to be read as an answer. */
const MAX_ANSWER_WORDS = 4;

/**
 * The one button a longer message says in passing ("академ отпуск по болезни" of "Болезнь"): one of the words it is also
 * called by (`Choice.also`) said whole, each word of a phrase said and not negated, by a typed word of four letters or
 * more (or that very word: "асп"), words that say again one of `setAside` (the service the message names) not
 * counting. Buttons' labels do not count: they hold words any request says ("документ", "получает").
 *
 * @example
 * saidInPassing('академ отпуск по болезни', [{ id: 'illness', label: 'Болезнь', also: ['болезнь'] }], ['Академический отпуск']); // 'illness'
 */
export function saidInPassing(text: string, choices: readonly Choice[], setAside: readonly string[]): string | undefined {
  const named = setAside.flatMap((phrase) => contentWords(comparable(phrase).split(' ')));
  const typed = comparable(text).split(' ');
  // A phrase's every word counts ("сертификат бар" is not "сертификат керек пе"); a letter alone ("в браке") does not.
  const words = (said: readonly string[]) => said.filter((word) => word.length >= 2);
  const notNamed = (said: readonly string[]) => words(said).filter((word) => !named.some((w) => sameRoot(word, w)));
  const [said, saidNot] = [notNamed(affirmed(typed)), notNamed(negated(typed))];
  const saying = choices.filter((choice) =>
    (choice.also ?? []).some((phrase) => {
      const typedFor = comparable(phrase).split(' ');
      const [yes, no] = [words(affirmed(typedFor)), words(negated(typedFor))];
      return yes.length + no.length > 0 && yes.every((w) => said.some((t) => saysWord(t, w))) && no.every((w) => saidNot.some((t) => saysWord(t, w)));
    }),
  );
  return saying.length === 1 ? saying[0]!.id : undefined;
}

/**
 * Whether a typed word is `word` in some form, read more strictly than {@link sameRoot} (a longer text has more words to
 * match by chance): a short word with a short ending ("цонға", not "аспирант" for "асп"), a longer one by all its
 * letters but the last five at most, from a typed word of four letters or more ("ауыл" is not "ауыстырдым").
 */
function saysWord(typed: string, word: string): boolean {
  if (word.length <= 3) return typed.startsWith(word) && typed.length <= word.length + 3;
  const needed = Math.min(5, word.length - 1);
  return typed.length >= 4 && typed.slice(0, needed) === word.slice(0, needed);
}

/** Words that say nothing of which button ("для", "просто", "үшін"). */
const FUNCTION_WORDS = new Set(
  'для что как мне она они его ето так уже все или еще тот кто чем при без над под там тут вот просто очень только надо нужно можно пожалуйста пожалуста подать беру меня нас наш мой моя мен сен бул осы сол жане деп ушин бар гой еди керек мына ол'.split(
    ' ',
  ),
);

/** The words that tell a button, question words aside: "какое" in a question is not the "какой" of "в какой срок". */
function contentWords(words: readonly string[]): string[] {
  return words.filter((w) => w.length >= 3 && !FUNCTION_WORDS.has(w) && !QUESTION_WORD.test(w) && !/^\d+$/.test(w));
}

/** The words without those a negation takes back: the one after "не", the one before "емес" or "жоқ". */
function affirmed(words: readonly string[]): string[] {
  return words.filter((word, i) => word !== 'не' && words[i - 1] !== 'не' && !NEGATED_BEFORE.has(word) && !NEGATED_BEFORE.has(words[i + 1] ?? ''));
}

const NEGATED_BEFORE = new Set(['емес', 'жок']);

/** The words "не" takes back ("не согласна" → "согласна"). */
function negated(words: readonly string[]): string[] {
  return words.filter((word, i) => word !== 'не' && words[i - 1] === 'не');
}

/** One word in another form: a common beginning of three letters for a short word, up to five for longer ones ("школу", "школы"; "испорчен", "испортил"). */
function sameRoot(a: string, b: string): boolean {
  const shorter = Math.min(a.length, b.length);
  const needed = Math.max(3, Math.min(5, shorter - 1));
  if (shorter < needed) return false;
  for (let i = 0; i < needed; i++) if (a[i] !== b[i]) return false;
  return true;
}
