import type { SparseVector } from './sparse';

/**
 * Multinomial naive Bayes over weighted features, with equal priors (the phrase files' sizes say
 * nothing about how often citizens ask each thing). `scores` divides the log-likelihood by the
 * features' total weight, which keeps long and short messages comparable.
 */
export type Features = Map<string, number>;

/** A trained naive Bayes: each feature's counts per label (or their logs, where `known`) and each label's denominator. */
export interface NaiveBayesState {
  /** In single precision, as the regression's weights (softmax.ts). */
  logs: Float32Array<ArrayBuffer>;
  known: Uint8Array<ArrayBuffer>;
  denominators: number[];
}

export class NaiveBayes {
  private readonly examples: { label: number; vector: SparseVector }[] = [];
  /** Feature-major counts of each feature under each label, then, once `known` says so, their log-probabilities. */
  private logs = new Float32Array(0);
  /** Whether a feature's counts have been turned into log-probabilities (at first need: most never are). */
  private known = new Uint8Array(0);
  private denominators: number[] = [];

  constructor(
    private readonly labels: number,
    private readonly smoothing = 0.1,
  ) {}

  add(label: number, vector: SparseVector): void {
    this.examples.push({ label, vector });
  }

  /** What training learned, to be given back to `restore` (model-file.ts). */
  dump(): NaiveBayesState {
    return { logs: this.logs, known: this.known, denominators: this.denominators };
  }

  /** A trained model from what `dump` gave. */
  static restore(labels: number, state: NaiveBayesState): NaiveBayes {
    const model = new NaiveBayes(labels);
    model.logs = state.logs;
    model.known = state.known;
    model.denominators = state.denominators;
    return model;
  }

  /** Counts the examples added, `features` being how many features there are. */
  train(features: number): void {
    const k = this.labels;
    const counts = new Float64Array(features * k);
    const totals = new Float64Array(k);
    for (const { label, vector } of this.examples) {
      for (let j = 0; j < vector.ids.length; j++) {
        counts[vector.ids[j]! * k + label]! += vector.weights[j]!;
        totals[label]! += vector.weights[j]!;
      }
    }
    this.denominators = Array.from(totals, (total) => Math.log(total + this.smoothing * features));
    this.logs = Float32Array.from(counts);
    this.known = new Uint8Array(features);
    this.examples.length = 0;
  }

  /** Each label's average log-likelihood of the known features (all zeros when none is known). */
  scores(vector: SparseVector): Float64Array {
    const k = this.labels;
    const sums = new Float64Array(k);
    let weightSum = 0;
    for (let j = 0; j < vector.ids.length; j++) {
      const weight = vector.weights[j]!;
      const feature = vector.ids[j]!;
      const base = feature * k;
      if (!this.known[feature]) {
        for (let c = 0; c < k; c++) this.logs[base + c] = Math.log(this.logs[base + c]! + this.smoothing) - this.denominators[c]!;
        this.known[feature] = 1;
      }
      weightSum += weight;
      for (let c = 0; c < k; c++) sums[c]! += weight * this.logs[base + c]!;
    }
    if (weightSum > 0) for (let c = 0; c < k; c++) sums[c]! /= weightSum;
    return sums;
  }
}

/** Scores turned into probabilities that sum to one, in place. */
export function softmaxInPlace(scores: Float64Array): Float64Array {
  let max = Number.NEGATIVE_INFINITY;
  for (const s of scores) if (s > max) max = s;
  let sum = 0;
  for (let i = 0; i < scores.length; i++) {
    scores[i] = Math.exp(scores[i]! - max);
    sum += scores[i]!;
  }
  for (let i = 0; i < scores.length; i++) scores[i]! /= sum;
  return scores;
}
