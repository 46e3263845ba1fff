import { type Intent, INTENTS, LOW_CONFIDENCE, type Parsed, parse } from '../../flows/nlu';
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
