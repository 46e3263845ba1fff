import type { RateLimits } from './types';

/** The window a moment falls in, as part of its counter's key. */
export function windowOf(now: Date, windowSeconds: number): number {
  return Math.floor(now.getTime() / (windowSeconds * 1000));
}

/** Counters in this process's memory, each dropped when its window has passed. */
export class MemoryRateLimits implements RateLimits {
  private readonly counters = new Map<string, { count: number; until: number }>();

  async hit(key: string, limit: number, windowSeconds: number, now = new Date()): Promise<boolean> {
    const window = windowOf(now, windowSeconds);
    const id = `${key}:${window}`;
    const until = (window + 1) * windowSeconds * 1000;
    for (const [old, counter] of this.counters) if (counter.until <= now.getTime()) this.counters.delete(old);
    const counter = this.counters.get(id) ?? { count: 0, until };
    counter.count++;
    this.counters.set(id, counter);
    return counter.count <= limit;
  }
}
