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
  /** A feature's log-probability under each label (in the labels' order), worked out at first need after training. */
  private readonly logs = new Map<string, Float64Array>();

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
    this.logs.clear();
  }

  private logsOf(feature: string): Float64Array | undefined {
    const known = this.logs.get(feature);
    if (known || !this.known.has(feature)) return known;
    const logs = new Float64Array(this.labels.length);
    this.labels.forEach((label, i) => {
      const denominator = this.totals.get(label)! + this.smoothing * this.known.size;
      logs[i] = Math.log(((this.featureCounts.get(label)!.get(feature) ?? 0) + this.smoothing) / denominator);
    });
    this.logs.set(feature, logs);
    return logs;
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
    const sums = new Float64Array(this.labels.length);
    let weightSum = 0;
    for (const [feature, weight] of features) {
      const logs = this.logsOf(feature);
      if (!logs) continue;
      weightSum += weight;
      for (let i = 0; i < sums.length; i++) sums[i]! += weight * logs[i]!;
    }
    const scores = this.labels.map((label, i) => ({ label, score: weightSum > 0 ? (sums[i]! / weightSum) * sharpness : 0 }));
    const max = Math.max(...scores.map((s) => s.score));
    const exp = scores.map((s) => ({ label: s.label, e: Math.exp(s.score - max) }));
    const sum = exp.reduce((a, b) => a + b.e, 0);
    return exp.map((s) => ({ label: s.label, p: s.e / sum })).sort((a, b) => b.p - a.p);
  }
}
