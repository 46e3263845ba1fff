import { type Intent, INTENTS, LOW_CONFIDENCE, type Parsed, parse, parseWith } from '../../flows/nlu';
import { restyle, STYLES, type Style, seeded } from '../../flows/nlu/augment';
import { trainModel } from '../../flows/nlu/model-training';
import { type Labelled, sameServices } from './labelled';

/** Top-1 is right when the intent is, and the service where the label gives one (null included), or the same ambiguous services. */
export function isRight(label: Labelled, parsed: Pick<Parsed, 'intent' | 'serviceId' | 'ambiguous'>): boolean {
  if (parsed.intent !== label.intent) return false;
  if (label.ambiguous) return parsed.serviceId === null && sameServices(label.ambiguous, parsed.ambiguous ?? []);
  if (label.serviceId !== undefined) return parsed.serviceId === label.serviceId;
  return true;
}

export interface IntentFigures {
  intent: Intent;
  count: number;
  precision: number;
  recall: number;
}

export interface Evaluation {
  total: number;
  right: number;
  accuracy: number;
  perIntent: IntentFigures[];
  /** Label service → parsed service (null: none), among messages whose intent was right. */
  confusedServices: { expected: string; got: string; count: number }[];
  lowConfidence: { count: number; rate: number; wrongAmongLow: number; rightAmongHigh: number; rescuedByAlternatives: number };
  misses: { label: Labelled; parsed: Parsed }[];
}

export function evaluate(rows: readonly Labelled[]): Evaluation {
  return score(rows.map((label) => ({ label, parsed: parse(label.text, label.lang, { context: label.context }) })));
}

/** The figures of parsed labelled messages. */
export function score(parsedRows: readonly { label: Labelled; parsed: Parsed }[]): Evaluation {
  const rows = parsedRows.map((r) => r.label);
  const results = parsedRows.map((r) => ({ ...r, right: isRight(r.label, r.parsed) }));
  const right = results.filter((r) => r.right).length;
  const perIntent = INTENTS.map((intent) => {
    const labelled = results.filter((r) => r.label.intent === intent);
    const predicted = results.filter((r) => r.parsed.intent === intent);
    const hits = labelled.filter((r) => r.parsed.intent === intent).length;
    return {
      intent,
      count: labelled.length,
      precision: predicted.length ? predicted.filter((r) => r.label.intent === intent).length / predicted.length : 1,
      recall: labelled.length ? hits / labelled.length : 1,
    };
  }).filter((f) => f.count > 0);
  const pairs = new Map<string, number>();
  for (const r of results) {
    if (r.parsed.intent !== r.label.intent || r.right) continue;
    const expected = r.label.ambiguous ? r.label.ambiguous.join('|') : String(r.label.serviceId ?? null);
    const got = r.parsed.ambiguous ? r.parsed.ambiguous.join('|') : String(r.parsed.serviceId);
    pairs.set(`${expected} → ${got}`, (pairs.get(`${expected} → ${got}`) ?? 0) + 1);
  }
  const low = results.filter((r) => r.parsed.confidence < LOW_CONFIDENCE);
  const high = results.filter((r) => r.parsed.confidence >= LOW_CONFIDENCE);
  const rescued = low.filter((r) => !r.right && r.parsed.alternatives.slice(0, 2).some((alt) => isRight(r.label, { ...alt, ambiguous: undefined })));
  return {
    total: rows.length,
    right,
    accuracy: rows.length ? right / rows.length : 0,
    perIntent,
    confusedServices: [...pairs].map(([key, count]) => ({ expected: key.split(' → ')[0]!, got: key.split(' → ')[1]!, count })).sort((a, b) => b.count - a.count),
    lowConfidence: {
      count: low.length,
      rate: rows.length ? low.length / rows.length : 0,
      wrongAmongLow: low.filter((r) => !r.right).length,
      rightAmongHigh: high.filter((r) => r.right).length,
      rescuedByAlternatives: rescued.length,
    },
    misses: results.filter((r) => !r.right).map(({ label, parsed }) => ({ label, parsed })),
  };
}

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
