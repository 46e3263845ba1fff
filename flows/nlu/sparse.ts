import type { Features } from './bayes';
import { StringIds } from './string-ids';

/** A message's features as numbers: the known features' ids and weights, and the length of them all. */
export interface SparseVector {
  ids: Int32Array;
  weights: Float32Array;
  /** The Euclidean length of every feature's weight, unknown ones included. */
  length: number;
}

/**
 * The features a model's classifiers have learned, each given an id in the order first met, so that
 * a message's features are looked up once for all of them, and their models keep their numbers in
 * arrays instead of maps keyed by strings.
 */
export class FeatureIndex {
  private readonly ids: StringIds;

  constructor(ids = new StringIds()) {
    this.ids = ids;
  }

  /** An index of these features, each with its place in the list as its id (`features()` read back). */
  static of(features: readonly string[]): FeatureIndex {
    return new FeatureIndex(StringIds.of(features));
  }

  /** The features learned, in the order of their ids. */
  features(): string[] {
    return this.ids.keys();
  }

  get size(): number {
    return this.ids.size;
  }

  /** The feature's id, or undefined when it was never learned. */
  idOf(feature: string): number | undefined {
    return this.ids.get(feature);
  }

  /** The features as a vector; an unknown feature is given an id when `learn`, else left out (but counted in the length). */
  vector(features: Features, learn = false): SparseVector {
    const ids = new Int32Array(features.size);
    const weights = new Float32Array(features.size);
    let known = 0;
    let squares = 0;
    for (const [feature, weight] of features) {
      squares += weight * weight;
      const id = learn ? this.ids.add(feature) : this.ids.get(feature);
      if (id === undefined) continue;
      ids[known] = id;
      weights[known] = weight;
      known += 1;
    }
    return { ids: ids.subarray(0, known), weights: weights.subarray(0, known), length: Math.sqrt(squares) };
  }
}

/**
 * The features one classifier has learned among those of its model's index: each given an id of its
 * own in the order first met, so that its arrays are as long as its own features (the service words
 * are not the intents' features, nor the intents' words the services').
 *
 * @example
 * const local = new LocalIds();
 * local.of(index.vector(features, true), true); // while training
 * local.of(index.vector(features)); // the features it learned, in its own ids
 */
export class LocalIds {
  /** Each feature of the index: its id here, or -1. */
  private local = new Int32Array(0).fill(-1);
  /** Each id here: the feature's id in the index. */
  private readonly globals: number[] = [];

  /** The ids of `globals` (the index's ids, in the order of the ids here), as `globalIds()` gave them. */
  static of(globals: Int32Array): LocalIds {
    const ids = new LocalIds();
    for (const global of globals) ids.learn(global);
    return ids;
  }

  get size(): number {
    return this.globals.length;
  }

  /** The index's ids of the features learned, in the order of the ids here. */
  globalIds(): Int32Array<ArrayBuffer> {
    return Int32Array.from(this.globals);
  }

  has(global: number): boolean {
    return global < this.local.length && this.local[global]! >= 0;
  }

  /** A vector of the index's ids in the ids here; a feature not learned here is learned when `learn`, else left out (its weight stays in the length). */
  of(vector: SparseVector, learn = false): SparseVector {
    const ids = new Int32Array(vector.ids.length);
    const weights = new Float32Array(vector.ids.length);
    let known = 0;
    for (let j = 0; j < vector.ids.length; j++) {
      const global = vector.ids[j]!;
      let id = global < this.local.length ? this.local[global]! : -1;
      if (id < 0) {
        if (!learn) continue;
        id = this.learn(global);
      }
      ids[known] = id;
      weights[known] = vector.weights[j]!;
      known += 1;
    }
    return { ids: ids.subarray(0, known), weights: weights.subarray(0, known), length: vector.length };
  }

  private learn(global: number): number {
    if (global >= this.local.length) {
      const grown = new Int32Array(Math.max(global + 1, this.local.length * 2)).fill(-1);
      grown.set(this.local);
      this.local = grown;
    }
    const id = this.globals.length;
    this.local[global] = id;
    this.globals.push(global);
    return id;
  }
}
