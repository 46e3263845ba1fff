import { type Features, NaiveBayes, type NaiveBayesState, softmaxInPlace } from './bayes';
import { SoftmaxRegression, type SoftmaxState } from './softmax';
import { FeatureIndex, LocalIds, type SparseVector } from './sparse';
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

/** A trained classifier's features (their ids in its model's index) and models, as `dump` gives them and `restore` takes them. */
export interface ClassifierState {
  features: Int32Array<ArrayBuffer>;
  bayes: NaiveBayesState;
  softmax?: SoftmaxState;
}

/**
 * A message's features: by name, or as a vector of the ids of the index the classifier was made with
 * (a model looks a message's features up once for all its classifiers, model.ts `analyse`).
 */
export type Input = Features | SparseVector;

export class Classifier<Label extends string> {
  private ids = new LocalIds();
  private naiveBayes: NaiveBayes;
  private regression: SoftmaxRegression | undefined;

  /** `index`: the features of the model the classifier is part of, shared with its other classifiers. */
  constructor(
    readonly labels: readonly Label[],
    private readonly blend: Blend,
    private readonly index = new FeatureIndex(),
  ) {
    this.naiveBayes = new NaiveBayes(labels.length);
    this.regression = blend.softmax > 0 ? new SoftmaxRegression(labels.length) : undefined;
  }

  /** What training learned (model-file.ts writes it at build, beside the index's features). */
  dump(): ClassifierState {
    return { features: this.ids.globalIds(), bayes: this.naiveBayes.dump(), ...(this.regression ? { softmax: this.regression.dump() } : {}) };
  }

  /** A trained classifier from what `dump` gave, with the index it was trained with. */
  static restore<Label extends string>(labels: readonly Label[], blend: Blend, index: FeatureIndex, state: ClassifierState): Classifier<Label> {
    const classifier = new Classifier(labels, blend, index);
    classifier.ids = LocalIds.of(state.features);
    classifier.naiveBayes = NaiveBayes.restore(labels.length, state.bayes);
    classifier.regression = state.softmax ? SoftmaxRegression.restore(labels.length, state.softmax) : undefined;
    return classifier;
  }

  add(label: Label, features: Input): void {
    const vector = this.ids.of(features instanceof Map ? this.index.vector(features, true) : features, true);
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
    this.naiveBayes.train(this.ids.size);
    if (this.regression) yield* this.regression.training(this.ids.size);
  }

  /** Whether the training has seen this feature. */
  knows(feature: string): boolean {
    const id = this.index.idOf(feature);
    return id !== undefined && this.ids.has(id);
  }

  /** How much of the features' weight the training has seen (0 when none of it), counting only the features `counted` accepts. */
  coverage(features: Features, counted: (feature: string) => boolean = () => true): number {
    let seen = 0;
    let all = 0;
    for (const [feature, weight] of features) {
      if (!counted(feature)) continue;
      all += weight;
      if (this.knows(feature)) seen += weight;
    }
    return all === 0 ? 0 : seen / all;
  }

  /** Probabilities of every label, highest first. */
  posteriors(features: Input): { label: Label; p: number }[] {
    const vector = this.ids.of(features instanceof Map ? this.index.vector(features) : features);
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
