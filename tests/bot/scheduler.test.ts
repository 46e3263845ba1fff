import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Scheduler, type JobContext, type JobHandler, type SchedulerOptions } from '../../bot/scheduler';
import type { ScheduledJob, Store } from '../../store/types';
import { memoryLog } from '../support/log';
import { factories } from '../support/stores';

const T = Date.UTC(2026, 11, 1, 4);
const LEASE = 60_000;

/** What one handler was called with, in order. */
function recorder(outcome: (call: number) => Promise<void> | Error | undefined = () => undefined) {
  const calls: { job: ScheduledJob; context: JobContext }[] = [];
  const handler: JobHandler = async (job, context) => {
    calls.push({ job, context });
    const result = outcome(calls.length);
    if (result instanceof Error) throw result;
    await result;
  };
  return { calls, handler };
}

describe.each(factories)('scheduler on the %s store', (_name, open) => {
  let store: Store;
  let peer: Store;
  let now: number;
  const started: Scheduler[] = [];
  beforeEach(async () => {
    const space = randomUUID();
    store = await open(space);
    peer = await open(space);
    now = T;
  });
  afterEach(async () => {
    await Promise.all(started.splice(0).map((s) => s.stop()));
    await peer.close();
    await store.close();
  });

  function scheduler(on: Store, worker: string, options: Partial<SchedulerOptions> = {}) {
    const { lines, log } = memoryLog();
    const instance = new Scheduler({ jobs: on.jobs, log, worker, now: () => new Date(now), leaseMs: LEASE, pollMs: 5, ...options });
    started.push(instance);
    return { scheduler: instance, lines };
  }

  it('runs a job once when it is due, with the key of that due time, and forgets it', async () => {
    const { calls, handler } = recorder();
    const { scheduler: s } = scheduler(store, 'a');
    s.register('reminder', handler);
    await store.jobs.schedule({ id: 'visit-1', type: 'reminder', dueAt: T + 1000, payload: { visit: 'HV-2026-000001' } });
    expect(await s.runDue()).toBe(0);
    expect(calls).toEqual([]);
    now = T + 1000;
    expect(await s.runDue()).toBe(1);
    expect(calls).toEqual([
      {
        job: { id: 'visit-1', type: 'reminder', dueAt: T + 1000, payload: { visit: 'HV-2026-000001' }, attempts: 1, lease: { token: expect.any(String), until: T + 1000 + LEASE } },
        context: { idempotencyKey: `visit-1@${T + 1000}` },
      },
    ]);
    now = T + 10 * LEASE;
    expect(await s.runDue()).toBe(0);
    expect(calls).toHaveLength(1);
    expect(await store.jobs.get('visit-1')).toBeNull();
  });

  it('tries a job whose handler threw again after its lease, and says so without its payload or the error', async () => {
    const { calls, handler } = recorder((call) => (call === 1 ? new Error('ИИН 900101300123 not found') : undefined));
    const { scheduler: s, lines } = scheduler(store, 'a');
    s.register('reminder', handler);
    await store.jobs.schedule({ id: 'visit-2', type: 'reminder', dueAt: T, payload: { phone: '+77011234567' } });
    await s.runDue();
    expect(calls).toHaveLength(1);
    expect(await s.runDue()).toBe(0);
    now = T + LEASE;
    await s.runDue();
    expect(calls.map((c) => c.job.attempts)).toEqual([1, 2]);
    // Both attempts guard the same effect.
    expect(calls.map((c) => c.context.idempotencyKey)).toEqual([`visit-2@${T}`, `visit-2@${T}`]);
    expect(await store.jobs.get('visit-2')).toBeNull();
    const said = lines.join('\n');
    expect(said).toMatch(/"jobId":"visit-2".*tried again/);
    expect(said).not.toMatch(/900101300123|77011234567/);
  });

  it('drops a job that failed on its last attempt', async () => {
    const { calls, handler } = recorder(() => new Error('still failing'));
    const { scheduler: s, lines } = scheduler(store, 'a', { maxAttempts: 3 });
    s.register('reminder', handler);
    await store.jobs.schedule({ id: 'visit-3', type: 'reminder', dueAt: T, payload: 1 });
    while (await store.jobs.get('visit-3')) {
      await s.runDue();
      now += LEASE;
    }
    expect(calls).toHaveLength(3);
    expect(lines.filter((line) => line.includes('dropped'))).toHaveLength(1);
  });

  it('drops without running a job whose instances kept dying before completing it', async () => {
    const { calls, handler } = recorder();
    const { scheduler: s, lines } = scheduler(store, 'a', { maxAttempts: 2 });
    s.register('reminder', handler);
    await store.jobs.schedule({ id: 'visit-7', type: 'reminder', dueAt: T, payload: 1 });
    for (const worker of ['dead-1', 'dead-2']) {
      expect(await store.jobs.claim(worker, now, 1, LEASE)).toHaveLength(1);
      now += LEASE;
    }
    expect(await s.runDue()).toBe(1);
    expect(calls).toEqual([]);
    expect(await store.jobs.get('visit-7')).toBeNull();
    expect(lines.join('\n')).toMatch(/"jobId":"visit-7".*dropped/);
  });

  it('leaves a job of a type without a handler here for an instance that has one', async () => {
    const { scheduler: other, lines } = scheduler(store, 'old-version');
    other.register('survey', recorder().handler);
    const { calls, handler } = recorder();
    const { scheduler: s } = scheduler(peer, 'new-version');
    s.register('reminder', handler);
    await store.jobs.schedule({ id: 'visit-4', type: 'reminder', dueAt: T, payload: 1 });
    expect(await other.runDue()).toBe(1);
    expect(lines.join('\n')).toMatch(/"jobId":"visit-4".*no handler/);
    expect(await s.runDue()).toBe(0);
    now = T + LEASE;
    await s.runDue();
    expect(calls.map((c) => c.job.id)).toEqual(['visit-4']);
    expect(await store.jobs.get('visit-4')).toBeNull();
  });

  it('refuses a second handler for a type, and a start without any handler', () => {
    const { scheduler: s } = scheduler(store, 'a');
    expect(() => s.start()).toThrow(/no job handler/);
    s.register('reminder', recorder().handler);
    expect(() => s.register('reminder', recorder().handler)).toThrow(/registered already/);
  });

  it('runs each due job once when two schedulers on one store poll together', async () => {
    const count = 30;
    const runs = new Map<string, number>();
    const handler: JobHandler = async (job) => void runs.set(job.id, (runs.get(job.id) ?? 0) + 1);
    const a = scheduler(store, 'a', { batch: 4 }).scheduler.register('reminder', handler);
    const b = scheduler(peer, 'b', { batch: 4 }).scheduler.register('reminder', handler);
    for (let i = 0; i < count; i++) await store.jobs.schedule({ id: `job-${i}`, type: 'reminder', dueAt: T - i, payload: i });
    a.start();
    b.start();
    await vi.waitFor(() => expect(runs.size).toBe(count), { timeout: 10_000 });
    await Promise.all([a.stop(), b.stop()]);
    expect([...runs.values()].every((n) => n === 1)).toBe(true);
    expect(await store.jobs.claim('probe', T + 10 * LEASE, count, LEASE)).toEqual([]);
  });

  it('runs a job whose scheduler died between claim and completion on another one after the lease, exactly once', async () => {
    await store.jobs.schedule({ id: 'visit-5', type: 'reminder', dueAt: T, payload: { visit: 'HV-2026-000005' } });
    // The dead instance claimed it and never completed it.
    expect(await store.jobs.claim('dead', T, 10, LEASE)).toHaveLength(1);
    const { calls, handler } = recorder();
    const b = scheduler(peer, 'b').scheduler.register('reminder', handler);
    const c = scheduler(store, 'c').scheduler.register('reminder', handler);
    expect(await Promise.all([b.runDue(), c.runDue()])).toEqual([0, 0]);
    now = T + LEASE;
    await Promise.all([b.runDue(), c.runDue()]);
    expect(calls.map((call) => [call.job.id, call.job.attempts, call.context.idempotencyKey])).toEqual([['visit-5', 2, `visit-5@${T}`]]);
    now = T + 10 * LEASE;
    await Promise.all([b.runDue(), c.runDue()]);
    expect(calls).toHaveLength(1);
    expect(await store.jobs.get('visit-5')).toBeNull();
  });

  it('waits on stop for the job in flight, which is then completed', async () => {
    let finish!: () => void;
    const gate = new Promise<void>((resolve) => (finish = resolve));
    const { calls, handler } = recorder(() => gate);
    const { scheduler: s } = scheduler(store, 'a');
    s.register('reminder', handler);
    await store.jobs.schedule({ id: 'visit-6', type: 'reminder', dueAt: T, payload: 1 });
    s.start();
    await vi.waitFor(() => expect(calls).toHaveLength(1));
    let stopped = false;
    const stopping = s.stop().then(() => (stopped = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(stopped).toBe(false);
    finish();
    await stopping;
    expect(await store.jobs.get('visit-6')).toBeNull();
  });
});
