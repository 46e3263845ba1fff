import type { Features } from './bayes';

/** A message's features as numbers: the known features' ids and weights, and the length of them all. */
export interface SparseVector {
  ids: Int32Array;
  weights: Float32Array;
  /** The Euclidean length of every feature's weight, unknown ones included. */
  length: number;
}

/**
 * The features a classifier has learned, each given an id in the order first met, so that its
 * models keep their numbers in arrays instead of maps keyed by strings.
 */
export class FeatureIndex {
  private readonly ids = new Map<string, number>();

  /** An index of these features, each with its place in the list as its id (`features()` read back). */
  static of(features: readonly string[]): FeatureIndex {
    const index = new FeatureIndex();
    for (const feature of features) index.ids.set(feature, index.ids.size);
    return index;
  }

  /** The features learned, in the order of their ids. */
  features(): string[] {
    return [...this.ids.keys()];
  }

  get size(): number {
    return this.ids.size;
  }

  has(feature: string): boolean {
    return this.ids.has(feature);
  }

  /** The features as a vector; an unknown feature is given an id when `learn`, else left out (but counted in the length). */
  vector(features: Features, learn = false): SparseVector {
    const ids = new Int32Array(features.size);
    const weights = new Float32Array(features.size);
    let known = 0;
    let squares = 0;
    for (const [feature, weight] of features) {
      squares += weight * weight;
      let id = this.ids.get(feature);
      if (id === undefined) {
        if (!learn) continue;
        id = this.ids.size;
        this.ids.set(feature, id);
      }
      ids[known] = id;
      weights[known] = weight;
      known += 1;
    }
    return { ids: ids.subarray(0, known), weights: weights.subarray(0, known), length: Math.sqrt(squares) };
  }
}
