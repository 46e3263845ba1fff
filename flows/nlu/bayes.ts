/**
 * Multinomial naive Bayes over weighted features, with equal priors (the phrase files' sizes say
 * nothing about how often citizens ask each thing). `posteriors` divides the log-likelihood by the
 * features' total weight and scales it by `sharpness`, which keeps long and short messages comparable
 * and makes the top probability usable as a confidence.
 */
export type Features = Map<string, number>;

export class NaiveBayes<Label extends string> {
  private readonly featureCounts = new Map<Label, Map<string, number>>();
  private readonly totals = new Map<Label, number>();
  private readonly known = new Set<string>();

  constructor(
    readonly labels: readonly Label[],
    private readonly smoothing = 0.1,
  ) {
    for (const label of labels) {
      this.featureCounts.set(label, new Map());
      this.totals.set(label, 0);
    }
  }

  add(label: Label, features: Features): void {
    const counts = this.featureCounts.get(label)!;
    let total = 0;
    for (const [feature, weight] of features) {
      counts.set(feature, (counts.get(feature) ?? 0) + weight);
      total += weight;
      this.known.add(feature);
    }
    this.totals.set(label, this.totals.get(label)! + total);
  }

  /** Whether the training has seen this feature. */
  knows(feature: string): boolean {
    return this.known.has(feature);
  }

  /** How much of the features' weight the training has seen (0 when none of it), counting only the features `counted` accepts. */
  coverage(features: Features, counted: (feature: string) => boolean = () => true): number {
    let seen = 0;
    let all = 0;
    for (const [feature, weight] of features) {
      if (!counted(feature)) continue;
      all += weight;
      if (this.known.has(feature)) seen += weight;
    }
    return all === 0 ? 0 : seen / all;
  }

  /** Probabilities of every label, highest first. */
  posteriors(features: Features, sharpness: number): { label: Label; p: number }[] {
    const vocabulary = this.known.size;
    let weightSum = 0;
    for (const [feature, weight] of features) if (this.known.has(feature)) weightSum += weight;
    const scores = this.labels.map((label) => {
      const counts = this.featureCounts.get(label)!;
      const denominator = this.totals.get(label)! + this.smoothing * vocabulary;
      let score = 0;
      for (const [feature, weight] of features) {
        if (!this.known.has(feature)) continue;
        score += weight * Math.log(((counts.get(feature) ?? 0) + this.smoothing) / denominator);
      }
      return { label, score: weightSum > 0 ? (score / weightSum) * sharpness : 0 };
    });
    const max = Math.max(...scores.map((s) => s.score));
    const exp = scores.map((s) => ({ label: s.label, e: Math.exp(s.score - max) }));
    const sum = exp.reduce((a, b) => a + b.e, 0);
    return exp.map((s) => ({ label: s.label, p: s.e / sum })).sort((a, b) => b.p - a.p);
  }
}
