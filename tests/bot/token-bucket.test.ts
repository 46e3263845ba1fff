import { describe, expect, it } from 'vitest';
import { TokenBucket } from '../../bot/token-bucket';

describe('token bucket', () => {
  it('lets a burst through, then one token per 1/rate, measured on the injected clock', () => {
    let now = 1_000_000;
    const bucket = new TokenBucket(1, 3, () => now);
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false]);
    expect(bucket.wait()).toBe(1000);
    now += 400;
    expect(bucket.wait()).toBe(600);
    expect(bucket.take()).toBe(false);
    now += 600;
    expect(bucket.take()).toBe(true);
    expect(bucket.take()).toBe(false);
  });

  it('never holds more than its capacity, however long it rested', () => {
    let now = 0;
    const bucket = new TokenBucket(1, 3, () => now);
    now += 3_600_000;
    expect(bucket.full).toBe(true);
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false]);
  });

  it('allows thirty a second overall', () => {
    let now = 0;
    const bucket = new TokenBucket(30, 30, () => now);
    for (let i = 0; i < 30; i++) expect(bucket.take()).toBe(true);
    expect(bucket.take()).toBe(false);
    expect(bucket.wait()).toBe(34); // 1000/30, rounded up
    now += 1000;
    for (let i = 0; i < 30; i++) expect(bucket.take()).toBe(true);
    expect(bucket.take()).toBe(false);
  });

  it('lets a send costlier than the burst go on a full bucket and makes the next ones wait off the debt', () => {
    let now = 0;
    const bucket = new TokenBucket(1, 3, () => now);
    expect(bucket.take(5)).toBe(true);
    expect(bucket.wait(1)).toBe(3000);
    now += 3000;
    expect(bucket.take(1)).toBe(true);
  });

  it('gains nothing when the clock goes back', () => {
    let now = 10_000;
    const bucket = new TokenBucket(1, 1, () => now);
    expect(bucket.take()).toBe(true);
    now = 5000;
    expect(bucket.take()).toBe(false);
    now = 10_999;
    expect(bucket.take()).toBe(false);
    now = 11_000;
    expect(bucket.take()).toBe(true);
  });
});
