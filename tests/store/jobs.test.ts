import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { createRedisStore } from '../../store/redis';
import type { Store } from '../../store/types';
import { factories, onError } from '../support/stores';

const T = Date.UTC(2026, 0, 1, 9);
const LEASE = 1000;

describe.each(factories)('%s store keeps a job queue', (_name, open) => {
  let store: Store;
  let peer: Store;
  beforeEach(async () => {
    // A queue of its own per test: a claim takes whatever is due.
    const space = randomUUID();
    store = await open(space);
    peer = await open(space);
  });
  afterEach(async () => {
    await peer.close();
    await store.close();
  });
  const ids = (jobs: { id: string }[]) => jobs.map((job) => job.id);

  it('hands out due jobs in due order, leased to the worker, and none that are not due yet', async () => {
    await store.jobs.schedule({ id: 'late', type: 'reminder', dueAt: T + 300, payload: { visit: 'v3' } });
    await store.jobs.schedule({ id: 'early', type: 'reminder', dueAt: T + 100, payload: { visit: 'v1' } });
    await store.jobs.schedule({ id: 'future', type: 'reminder', dueAt: T + 10_000, payload: null });
    await store.jobs.schedule({ id: 'middle', type: 'follow-up', dueAt: T + 200, payload: [] });
    expect(await store.jobs.claim('a', T, 10, LEASE)).toEqual([]);
    const claimed = await peer.jobs.claim('a', T + 300, 2, LEASE);
    expect(claimed).toEqual([
      { id: 'early', type: 'reminder', dueAt: T + 100, payload: { visit: 'v1' }, attempts: 1, lease: { token: expect.any(String), until: T + 300 + LEASE } },
      { id: 'middle', type: 'follow-up', dueAt: T + 200, payload: [], attempts: 1, lease: { token: expect.any(String), until: T + 300 + LEASE } },
    ]);
    expect(ids(await store.jobs.claim('b', T + 300, 10, LEASE))).toEqual(['late']);
    expect(await store.jobs.claim('b', T + 300 + LEASE - 1, 10, LEASE)).toEqual([]);
    expect(await store.jobs.get('future')).toEqual({ id: 'future', type: 'reminder', dueAt: T + 10_000, payload: null, attempts: 0 });
    expect(await store.jobs.get('unknown')).toBeNull();
    expect(await store.jobs.claim('b', T + 300, 0, LEASE)).toEqual([]);
  });

  it('never gives one job to two workers claiming at once', async () => {
    const count = 40;
    for (let i = 0; i < count; i++) await store.jobs.schedule({ id: `job-${i}`, type: 'reminder', dueAt: T + i, payload: i });
    const claims = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? store : peer).jobs.claim(`worker-${i % 2}`, T + count, 3, LEASE)));
    const claimed = claims.flatMap(ids);
    expect(new Set(claimed).size).toBe(claimed.length);
    expect(claimed.sort()).toEqual(Array.from({ length: count }, (_, i) => `job-${i}`).sort());
  });

  it('hands a job whose worker never completed it to another worker after the lease, with attempts + 1', async () => {
    await store.jobs.schedule({ id: 'reminder-1', type: 'reminder', dueAt: T, payload: 'p' });
    const [lost] = await store.jobs.claim('died', T, 1, LEASE);
    expect(await peer.jobs.claim('survivor', T + LEASE - 1, 1, LEASE)).toEqual([]);
    const [taken] = await peer.jobs.claim('survivor', T + LEASE, 1, LEASE);
    expect(taken).toMatchObject({ id: 'reminder-1', attempts: 2, lease: { until: T + 2 * LEASE } });
    expect(taken!.lease!.token).not.toBe(lost!.lease!.token);
    // The late completion of the lost claim changes nothing; the survivor's removes the job.
    expect(await store.jobs.complete(lost!, 'died')).toBe(false);
    expect(await store.jobs.complete(taken!, 'someone-else')).toBe(false);
    expect(await peer.jobs.complete(taken!, 'survivor')).toBe(true);
    expect(await store.jobs.get('reminder-1')).toBeNull();
    expect(await store.jobs.claim('survivor', T + 10 * LEASE, 1, LEASE)).toEqual([]);
    expect(await peer.jobs.complete(taken!, 'survivor')).toBe(false);
  });

  it('tells the claims of one worker apart: a completion of its expired claim leaves its new one', async () => {
    await store.jobs.schedule({ id: 'slow', type: 'reminder', dueAt: T, payload: 1 });
    const [first] = await store.jobs.claim('a', T, 1, LEASE);
    const [second] = await store.jobs.claim('a', T + LEASE, 1, LEASE);
    expect(second!.attempts).toBe(2);
    expect(await store.jobs.complete(first!, 'a')).toBe(false);
    expect(await store.jobs.complete({ ...second!, lease: undefined }, 'a')).toBe(false);
    expect(await store.jobs.complete(second!, 'a')).toBe(true);
  });

  it('replaces the due time and payload of a job scheduled again, and a completion of the earlier claim leaves it', async () => {
    await store.jobs.schedule({ id: 'visit-1', type: 'reminder', dueAt: T, payload: { day: '2026-12-01' } });
    const [claimed] = await store.jobs.claim('a', T, 1, LEASE);
    // The visit moved while its reminder was running.
    await peer.jobs.schedule({ id: 'visit-1', type: 'reminder', dueAt: T + 5000, payload: { day: '2026-12-02' } });
    expect(await store.jobs.complete(claimed!, 'a')).toBe(false);
    expect(await store.jobs.get('visit-1')).toEqual({ id: 'visit-1', type: 'reminder', dueAt: T + 5000, payload: { day: '2026-12-02' }, attempts: 0 });
    expect(await store.jobs.claim('a', T + 4999, 1, LEASE)).toEqual([]);
    const [again] = await store.jobs.claim('b', T + 5000, 1, LEASE);
    expect(again).toMatchObject({ id: 'visit-1', dueAt: T + 5000, payload: { day: '2026-12-02' }, attempts: 1 });
    // Scheduled again before it was due: it is due later only.
    await store.jobs.schedule({ id: 'visit-2', type: 'reminder', dueAt: T, payload: 1 });
    await store.jobs.schedule({ id: 'visit-2', type: 'reminder', dueAt: T + 100_000, payload: 2 });
    expect(await store.jobs.claim('a', T + 5500, 10, LEASE)).toEqual([]);
  });

  it('forgets a cancelled job', async () => {
    await store.jobs.schedule({ id: 'gone', type: 'reminder', dueAt: T, payload: 1 });
    await store.jobs.schedule({ id: 'claimed', type: 'reminder', dueAt: T, payload: 1 });
    const [claimed] = await store.jobs.claim('a', T, 1, LEASE);
    expect(claimed!.id).toBe('claimed');
    expect(await peer.jobs.cancel('gone')).toBe(true);
    expect(await peer.jobs.cancel('gone')).toBe(false);
    expect(await peer.jobs.cancel('claimed')).toBe(true);
    expect(await store.jobs.complete(claimed!, 'a')).toBe(false);
    expect(await store.jobs.get('gone')).toBeNull();
    expect(await store.jobs.claim('a', T + 10 * LEASE, 10, LEASE)).toEqual([]);
  });

  it('hands out copies of the payload', async () => {
    const payload = { visit: { number: 'HV-2026-000001' } };
    await store.jobs.schedule({ id: 'copy', type: 'reminder', dueAt: T, payload });
    payload.visit.number = 'changed';
    const [claimed] = await store.jobs.claim('a', T, 1, LEASE);
    (claimed!.payload as typeof payload).visit.number = 'changed too';
    expect((await store.jobs.get('copy'))!.payload).toEqual({ visit: { number: 'HV-2026-000001' } });
  });
});

describe('the Redis job queue', () => {
  it('keeps its jobs when the instance restarts: a new store on the same Redis finds and claims them', async () => {
    const prefix = `test-${randomUUID()}:`;
    const before = await createRedisStore({ url: inject('redisUrl'), prefix, onError });
    await before.jobs.schedule({ id: 'reminder-1', type: 'reminder', dueAt: T, payload: { visit: 'HV-2026-000001' } });
    await before.close();
    const after = await createRedisStore({ url: inject('redisUrl'), prefix, onError });
    try {
      expect(await after.jobs.get('reminder-1')).toEqual({ id: 'reminder-1', type: 'reminder', dueAt: T, payload: { visit: 'HV-2026-000001' }, attempts: 0 });
      const [claimed] = await after.jobs.claim('after-restart', T, 1, LEASE);
      expect(claimed).toMatchObject({ id: 'reminder-1', attempts: 1 });
      expect(await after.jobs.complete(claimed!, 'after-restart')).toBe(true);
    } finally {
      await after.close();
    }
  });
});
