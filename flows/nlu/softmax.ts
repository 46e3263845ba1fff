import { seeded } from './augment';
import { softmaxInPlace } from './bayes';
import type { SparseVector } from './sparse';
import { finish, pausesAfter } from './training';

/**
 * Multinomial logistic regression (softmax) over weighted sparse features, with L2. Where naive
 * Bayes counts how often each feature comes with each label, this weighs the features against each
 * other: a word every label's phrases use learns a weight near zero, and one that tells labels apart
 * a large one, however rarely it occurs. That is what carries over to wordings the phrases do not hold.
 *
 * Trained once, after the last `add`, by a few epochs of AdaGrad over the examples in an order drawn
 * from a fixed seed, so the same phrases always give the same weights. Each example is scaled to
 * length one (long and short messages weigh alike) and weighted so that every label counts as much
 * as the others in total (the phrase files' sizes say nothing about how often citizens ask each thing).
 */
export interface SoftmaxOptions {
  epochs: number;
  /** AdaGrad's base step. */
  rate: number;
  /** L2 penalty on the weights an example touches. */
  l2: number;
  seed: number;
}

const DEFAULTS: SoftmaxOptions = { epochs: 3, rate: 0.5, l2: 1e-5, seed: 2026 };

/** A label's share of an example's error below which the example teaches it nothing worth the time. */
const NEGLIGIBLE = 1e-2;

/**
 * A trained regression: the weights, feature-major, and each label's bias. The weights are kept in
 * single precision once trained: half the memory a message's features are read from, which is what a
 * parse mostly waits for.
 */
export interface SoftmaxState {
  weights: Float32Array<ArrayBuffer>;
  biases: Float64Array<ArrayBuffer>;
}

export class SoftmaxRegression {
  private readonly options: SoftmaxOptions;
  private readonly examples: { label: number; vector: SparseVector }[] = [];
  /** Feature-major: the weights of feature f are at f * labels … + labels. */
  private weights = new Float32Array(0);
  private readonly biases: Float64Array<ArrayBuffer>;

  constructor(
    private readonly labels: number,
    options: Partial<SoftmaxOptions> = {},
  ) {
    this.options = { ...DEFAULTS, ...options };
    this.biases = new Float64Array(labels);
  }

  add(label: number, vector: SparseVector): void {
    this.examples.push({ label, vector });
  }

  /** The weights learned, to be given back to `restore` (model-file.ts). */
  dump(): SoftmaxState {
    return { weights: this.weights, biases: this.biases };
  }

  /** A trained regression from what `dump` gave. */
  static restore(labels: number, state: SoftmaxState): SoftmaxRegression {
    const model = new SoftmaxRegression(labels);
    model.weights = state.weights;
    model.biases.set(state.biases);
    return model;
  }

  /** Learns the weights from the examples added, `features` being how many there are. */
  train(features: number): void {
    finish(this.training(features));
  }

  /** `train`, pausing every so many examples (see flows/nlu/training.ts). */
  *training(features: number): Generator<void, void> {
    const k = this.labels;
    const examples = this.examples;
    const weights = new Float64Array(features * k);
    const squares = new Float64Array(features * k);
    const biasSquares = new Float64Array(k);
    const perLabel = new Float64Array(k);
    for (const e of examples) perLabel[e.label]! += 1;
    const present = perLabel.filter((n) => n > 0).length;
    const balance = Array.from(perLabel, (n) => (n > 0 ? examples.length / (present * n) : 0));
    const { epochs, rate, l2, seed } = this.options;
    const random = seeded(seed);
    const order = examples.map((_, i) => i);
    const probabilities = new Float64Array(k);
    const biases = this.biases;
    // The labels an example still has something to teach, and their errors.
    const active = new Int32Array(k);
    const errors = new Float64Array(k);
    for (let epoch = 0; epoch < epochs; epoch++) {
      shuffle(order, random);
      for (const [step, i] of order.entries()) {
        if (pausesAfter(step)) yield;
        const { label, vector } = examples[i]!;
        softmaxInPlace(this.logitsInto(vector, probabilities, weights));
        let count = 0;
        for (let c = 0; c < k; c++) {
          const g = balance[label]! * (probabilities[c]! - (c === label ? 1 : 0));
          if (g < NEGLIGIBLE && g > -NEGLIGIBLE) continue;
          active[count] = c;
          errors[count] = g;
          count += 1;
          biasSquares[c]! += g * g;
          biases[c]! -= (rate * g) / Math.sqrt(biasSquares[c]!);
        }
        const scale = vector.length > 0 ? 1 / vector.length : 0;
        for (let j = 0; j < vector.ids.length; j++) {
          const base = vector.ids[j]! * k;
          const value = vector.weights[j]! * scale;
          for (let a = 0; a < count; a++) {
            const at = base + active[a]!;
            const gradient = errors[a]! * value + l2 * weights[at]!;
            squares[at]! += gradient * gradient;
            weights[at]! -= (rate * gradient) / Math.sqrt(squares[at]! + 1e-8);
          }
        }
      }
    }
    this.examples.length = 0;
    this.weights = Float32Array.from(weights);
  }

  /**
   * Each label's score: the features' weights, the vector scaled to length one (an unknown feature
   * still counts in the length: a message the phrases know only part of is told less surely), plus the label's bias.
   */
  logits(vector: SparseVector): Float64Array {
    return this.logitsInto(vector, new Float64Array(this.labels), this.weights);
  }

  private logitsInto(vector: SparseVector, out: Float64Array, weights: Float32Array | Float64Array): Float64Array {
    const k = this.labels;
    const scale = vector.length > 0 ? 1 / vector.length : 0;
    out.set(this.biases);
    for (let j = 0; j < vector.ids.length; j++) {
      const base = vector.ids[j]! * k;
      const value = vector.weights[j]! * scale;
      for (let c = 0; c < k; c++) out[c]! += value * weights[base + c]!;
    }
    return out;
  }
}

/** Fisher–Yates with the given generator. */
function shuffle(items: number[], random: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
}
