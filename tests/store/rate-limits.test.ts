import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../store/types';
import { factories } from '../support/stores';

describe.each(factories)('rate limits on the %s store', (_name, open) => {
  let store: Store;
  beforeAll(async () => {
    store = await open(`rates-${randomUUID()}`);
  });
  afterAll(() => store.close());

  it('lets `limit` hits through in a window, refuses the rest, and starts again in the next window', async () => {
    const at = new Date('2026-12-08T10:00:10Z');
    const results = await Promise.all(Array.from({ length: 8 }, () => store.rateLimits.hit('iin:abc', 5, 3600, at)));
    expect(results.filter(Boolean)).toHaveLength(5);
    expect(await store.rateLimits.hit('iin:other', 5, 3600, at)).toBe(true);
    expect(await store.rateLimits.hit('iin:abc', 5, 3600, new Date('2026-12-08T11:00:10Z'))).toBe(true);
  });
});
