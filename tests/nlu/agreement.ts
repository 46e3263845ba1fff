import { fold, tokens } from '../../flows/nlu/normalise';
import type { Labelled } from './labelled';

/** What a label says for top-1 (evaluate.ts `isRight`): the intent, and the service or the services that fit equally. */
const labelKey = (row: Labelled) => `${row.intent} ${row.ambiguous ? [...row.ambiguous].sort().join('|') : (row.serviceId ?? '-')}`;
/** Messages typed alike: the same words once folded, in the same place of the conversation. */
const textKey = (row: Labelled) => `${row.context} ${tokens(fold(row.text)).join(' ')}`;

export interface LabelAgreement {
  /** Held-out messages typed like at least one training message. */
  shared: number;
  /** …of them labelled as most of those training messages are. */
  agreeing: number;
  /** The commonest disagreements: the training messages' label → the held-out one, with a text of each. */
  disagreements: { training: string; heldout: string; count: number; example: string }[];
}

/**
 * How far the writers' labels agree with each other: of the held-out messages typed like a training
 * message, how many carry the label most training messages typed so carry. A parse that learned the
 * training labels perfectly scores no higher than this share on them, so it bounds what top-1 on the
 * held-out part can reach with the labels as they are.
 */
export function labelAgreement(train: readonly Labelled[], heldout: readonly Labelled[], shown = 10): LabelAgreement {
  const votes = new Map<string, Map<string, number>>();
  for (const row of train) {
    const key = textKey(row);
    const label = labelKey(row);
    const labels = votes.get(key) ?? new Map<string, number>();
    labels.set(label, (labels.get(label) ?? 0) + 1);
    votes.set(key, labels);
  }
  let shared = 0;
  let agreeing = 0;
  const disagreements = new Map<string, { training: string; heldout: string; count: number; example: string }>();
  for (const row of heldout) {
    const labels = votes.get(textKey(row));
    if (!labels) continue;
    shared += 1;
    const majority = [...labels].reduce((best, next) => (next[1] > best[1] ? next : best))[0];
    const label = labelKey(row);
    if (label === majority) {
      agreeing += 1;
      continue;
    }
    const pair = `${majority} → ${label}`;
    const seen = disagreements.get(pair) ?? { training: majority, heldout: label, count: 0, example: row.text };
    seen.count += 1;
    disagreements.set(pair, seen);
  }
  return { shared, agreeing, disagreements: [...disagreements.values()].sort((a, b) => b.count - a.count).slice(0, shown) };
}
