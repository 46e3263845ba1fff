import type { RateLimits } from './types';

/** The window a moment falls in, as part of its counter's key. */
export function windowOf(now: Date, windowSeconds: number): number {
  return Math.floor(now.getTime() / (windowSeconds * 1000));
}

/**
 * How often the counters of past windows are dropped. A counter's key names its window, so one
 * past its window is never counted again: dropping it only frees memory, and doing that on every
 * hit walked every citizen's counters each time.
 */
const SWEEP_EVERY_MS = 10_000;

/** Counters in this process's memory, each dropped once its window has passed. */
export class MemoryRateLimits implements RateLimits {
  private readonly counters = new Map<string, { count: number; until: number }>();
  private sweepAt = 0;

  async hit(key: string, limit: number, windowSeconds: number, now = new Date()): Promise<boolean> {
    const window = windowOf(now, windowSeconds);
    const id = `${key}:${window}`;
    const until = (window + 1) * windowSeconds * 1000;
    if (now.getTime() >= this.sweepAt) this.sweep(now.getTime());
    const counter = this.counters.get(id) ?? { count: 0, until };
    counter.count++;
    this.counters.set(id, counter);
    return counter.count <= limit;
  }

  private sweep(at: number): void {
    for (const [id, counter] of this.counters) if (counter.until <= at) this.counters.delete(id);
    this.sweepAt = at + SWEEP_EVERY_MS;
  }
}
