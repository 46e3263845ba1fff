import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisStore } from '../../store/redis';
import type { Store } from '../../store/types';
import { isStoreUnavailable } from '../../store/unavailable';
import { type RedisServer, startRedisServer } from '../support/redis-server';

const DEADLINE_MS = 300;

/**
 * A turn's commands have a deadline (STORE_TIMEOUT_MS): one that Redis has not taken by then is
 * dropped and fails as "unavailable", so the citizen hears it at once. Here the server is frozen
 * (SIGSTOP): its connection stays open, but it reads nothing, so once the socket's buffers are
 * full the commands wait to be written.
 */
describe('a Redis that stops reading', () => {
  let redis: RedisServer;
  let store: Store;

  beforeAll(async () => {
    redis = await startRedisServer();
    store = await createRedisStore({ url: redis.url, prefix: 'deadline:', commandTimeoutMs: DEADLINE_MS });
  });

  afterAll(async () => {
    redis.thaw();
    await store.close();
    await redis.stop();
  });

  it('fails the commands it could not take within the deadline as unavailable, and serves again once it reads', async () => {
    const files = store.collection<string>('big');
    await files.put('warm', 'up');
    redis.freeze();
    const started = Date.now();
    const large = 'ж'.repeat(512 * 1024);
    const failed: { error: unknown; after: number }[] = [];
    // More than the socket's buffers hold: the later commands cannot be written.
    const writes = Array.from({ length: 64 }, (_, i) => files.put(`k${i}`, large).catch((error: unknown) => void failed.push({ error, after: Date.now() - started })));
    await expect.poll(() => failed.length, { timeout: 10 * DEADLINE_MS, interval: 20 }).toBeGreaterThan(0);
    for (const { error, after } of failed) {
      expect(isStoreUnavailable(error), String(error)).toBe(true);
      expect(after).toBeGreaterThanOrEqual(DEADLINE_MS);
    }
    // The commands written before the server froze are answered once it reads again.
    redis.thaw();
    await Promise.all(writes);
    await files.put('after', 'thaw');
    expect(await files.get('after')).toBe('thaw');
  });
});
