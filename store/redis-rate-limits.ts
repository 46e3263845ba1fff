import type { RedisClient } from './redis';
import { windowOf } from './rate-limits';
import type { RateLimits } from './types';

/** Counters in Redis: one key per key and window, counted with INCR and gone with the window. */
export class RedisRateLimits implements RateLimits {
  constructor(
    private readonly client: RedisClient,
    private readonly prefix: string,
  ) {}

  async hit(key: string, limit: number, windowSeconds: number, now = new Date()): Promise<boolean> {
    const counter = `${this.prefix}rate:${key}:${windowOf(now, windowSeconds)}`;
    const [count] = await this.client.multi().incr(counter).expire(counter, windowSeconds).exec();
    return Number(count) <= limit;
  }
}
