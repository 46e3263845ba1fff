import { type Intent, type Parsed, parseWith } from '../../flows/nlu';
import { restyle, STYLES, type Style, seeded } from '../../flows/nlu/augment';
import { trainModel } from '../../flows/nlu/model-training';
import { type Evaluation, isRight, score } from './evaluate';
import type { Labelled } from './labelled';

/*
 * The method measured on messages it has not seen, by training a model per fold (BENCH=nlu). Apart
 * from evaluate.ts, which the tests read: this loads the phrases, tens of megabytes of code.
 */

/**
 * The training messages measured k-fold: each fold parsed by a model trained without it (the phrase
 * files hold the training messages), so the figure says how the method does on messages it has not seen.
 */
export function crossValidate(rows: readonly Labelled[], folds = 5): Evaluation {
  const results: { label: Labelled; parsed: Parsed }[] = [];
  for (let fold = 0; fold < folds; fold++) {
    const part = rows.filter((_, i) => i % folds === fold);
    const model = trainModel(new Set(part.map((row) => row.text)));
    for (const label of part) results.push({ label, parsed: parseWith(model, label.text, label.lang, { context: label.context }) });
  }
  return score(results);
}

/** Intents a polite opening changes the meaning of (a bare "меню" or "спасибо" is no request after "здравствуйте, подскажите"). */
const NO_FILLER: ReadonlySet<Intent> = new Set(['greeting', 'thanks', 'menu']);

export interface StyleShift {
  /** Every shifted copy together. */
  overall: Evaluation;
  /** Top-1 per style. */
  perStyle: { style: Style; total: number; accuracy: number }[];
}

/**
 * A harder k-fold: each fold is parsed by a model trained without it, in every style of augment.ts
 * (no Kazakh letters, 2021 and chat Latin, 1-2 typos, two words swapped, a polite opening, a word of
 * the other language), so the figure says how the method does on wordings typed unlike its phrases.
 */
export function styleShiftValidate(rows: readonly Labelled[], folds = 5, seed = 2026): StyleShift {
  const random = seeded(seed);
  const results: { label: Labelled; parsed: Parsed; style: Style }[] = [];
  for (let fold = 0; fold < folds; fold++) {
    const part = rows.filter((_, i) => i % folds === fold);
    const model = trainModel(new Set(part.map((row) => row.text)));
    for (const label of part) {
      for (const style of STYLES) {
        if (style === 'filler' && NO_FILLER.has(label.intent)) continue;
        const text = restyle(label.text, label.lang, style, random);
        results.push({ label, style, parsed: parseWith(model, text, label.lang, { context: label.context }) });
      }
    }
  }
  const perStyle = STYLES.map((style) => {
    const of = results.filter((r) => r.style === style);
    return { style, total: of.length, accuracy: of.filter((r) => isRight(r.label, r.parsed)).length / of.length };
  });
  return { overall: score(results), perStyle };
}
