import { type Features, NaiveBayes, type NaiveBayesState, softmaxInPlace } from './bayes';
import { SoftmaxRegression, type SoftmaxState } from './softmax';
import { FeatureIndex } from './sparse';
import { finish } from './training';

/**
 * One classifier of the model: naive Bayes and, where it helps, softmax regression, learned from the
 * same examples. Their scores are added, each scaled, and turned into probabilities (a weighted
 * geometric mean of the two models' probabilities): naive Bayes knows every word its phrases share
 * with the message, the regression which of them tell the labels apart. The scales also set how
 * sure the top probability is, so that it stays usable as a confidence (LOW_CONFIDENCE in index.ts).
 */
export interface Blend {
  /** Scales naive Bayes' average log-likelihood (bayes.ts). */
  bayes: number;
  /** Scales the regression's logits; 0 leaves the regression out (and untrained). */
  softmax: number;
}

/** A trained classifier's features and models, as `dump` gives them and `restore` takes them. */
export interface ClassifierState {
  features: string[];
  bayes: NaiveBayesState;
  softmax?: SoftmaxState;
}

export class Classifier<Label extends string> {
  private index = new FeatureIndex();
  private naiveBayes: NaiveBayes;
  private regression: SoftmaxRegression | undefined;

  constructor(
    readonly labels: readonly Label[],
    private readonly blend: Blend,
  ) {
    this.naiveBayes = new NaiveBayes(labels.length);
    this.regression = blend.softmax > 0 ? new SoftmaxRegression(labels.length) : undefined;
  }

  /** What training learned (model-file.ts writes it at build). */
  dump(): ClassifierState {
    return { features: this.index.features(), bayes: this.naiveBayes.dump(), ...(this.regression ? { softmax: this.regression.dump() } : {}) };
  }

  /** A trained classifier from what `dump` gave. */
  static restore<Label extends string>(labels: readonly Label[], blend: Blend, state: ClassifierState): Classifier<Label> {
    const classifier = new Classifier(labels, blend);
    classifier.index = FeatureIndex.of(state.features);
    classifier.naiveBayes = NaiveBayes.restore(labels.length, state.bayes);
    classifier.regression = state.softmax ? SoftmaxRegression.restore(labels.length, state.softmax) : undefined;
    return classifier;
  }

  add(label: Label, features: Features): void {
    const vector = this.index.vector(features, true);
    const at = this.labels.indexOf(label);
    this.naiveBayes.add(at, vector);
    this.regression?.add(at, vector);
  }

  /** Ends the training (call once, after the last `add`). */
  train(): void {
    finish(this.training());
  }

  /** `train`, pausing now and then (see flows/nlu/training.ts). */
  *training(): Generator<void, void> {
    this.naiveBayes.train(this.index.size);
    if (this.regression) yield* this.regression.training(this.index.size);
  }

  /** Whether the training has seen this feature. */
  knows(feature: string): boolean {
    return this.index.has(feature);
  }

  /** How much of the features' weight the training has seen (0 when none of it), counting only the features `counted` accepts. */
  coverage(features: Features, counted: (feature: string) => boolean = () => true): number {
    let seen = 0;
    let all = 0;
    for (const [feature, weight] of features) {
      if (!counted(feature)) continue;
      all += weight;
      if (this.index.has(feature)) seen += weight;
    }
    return all === 0 ? 0 : seen / all;
  }

  /** Probabilities of every label, highest first. */
  posteriors(features: Features): { label: Label; p: number }[] {
    const vector = this.index.vector(features);
    const scores = this.naiveBayes.scores(vector);
    for (let i = 0; i < scores.length; i++) scores[i]! *= this.blend.bayes;
    if (this.regression) {
      const logits = this.regression.logits(vector);
      for (let i = 0; i < scores.length; i++) scores[i]! += this.blend.softmax * logits[i]!;
    }
    softmaxInPlace(scores);
    return this.labels.map((label, i) => ({ label, p: scores[i]! })).sort((a, b) => b.p - a.p);
  }
}
