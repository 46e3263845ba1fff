import { distance } from 'fastest-levenshtein';
import type { Choice } from '../types';
import { fold } from './index';
import { isAgreeingEmoji } from './rules';

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
  const answer = yesOrNo(typed) ?? yesOrNo(text.trim().toLowerCase());
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

/** The one button a yes or a no means: its label's first word says so ("Да, перейти", "Иә"), or it is marked as the one a yes means. */
function meantBy(answer: 'yes' | 'no', choices: readonly Choice[], labels: readonly { id: string; label: string }[]): string | undefined {
  const meant = labels.filter((l, i) => yesOrNo(l.label.split(' ')[0]!) === answer || (answer === 'yes' && choices[i]!.yes));
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
 * A looser reading, for when the text is neither a button's label nor a question the bot can
 * answer: the one button with a word of the same root as a word of a short answer
 * ("жоғалып кетті" for "Жоғалды").
 */
export function matchChoiceByRoot(text: string, choices: readonly Choice[]): string | undefined {
  return sharingStem(
    comparable(text),
    choices.map((choice) => ({ id: choice.id, label: comparable(choice.label) })),
  );
}

/** Words of one root: "жоғалып" and "жоғалды", "потерял" and "потерян" share their first five letters. */
const STEM = 5;
/** Longer texts are more than an answer ("а если аттестат потерян, сколько стоит?"): they go to the understanding of questions. */
const MAX_ANSWER_WORDS = 3;

/** The one label with a word of the same root as a word of a short typed answer. */
function sharingStem(typed: string, labels: { id: string; label: string }[]): string | undefined {
  const words = typed.split(' ');
  if (words.length > MAX_ANSWER_WORDS) return undefined;
  const stems = words.filter((w) => w.length >= STEM).map((w) => w.slice(0, STEM));
  if (stems.length === 0) return undefined;
  const sharing = labels.filter((l) => l.label.split(' ').some((word) => word.length >= STEM && stems.includes(word.slice(0, STEM))));
  return sharing.length === 1 ? sharing[0]!.id : undefined;
}
