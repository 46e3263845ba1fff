import { randomBytes } from 'node:crypto';
import { toJson } from './json';
import { SortedSet } from './sorted-set';
import type { JobQueue, ScheduledJob } from './types';

interface Entry {
  type: string;
  dueAt: number;
  payload: string;
  attempts: number;
  lease?: { worker: string; token: string; until: number };
}

/**
 * The job queue in this process, with the semantics of the Redis one: jobs ordered by the time they
 * may next be claimed (their due time, or the end of their lease while claimed).
 */
export class MemoryJobQueue implements JobQueue {
  private readonly entries = new Map<string, Entry>();
  private readonly next = new SortedSet();

  private jobOf(id: string, entry: Entry): ScheduledJob {
    const { type, dueAt, attempts, lease } = entry;
    return { id, type, dueAt, payload: JSON.parse(entry.payload), attempts, ...(lease ? { lease: { token: lease.token, until: lease.until } } : {}) };
  }

  async schedule({ id, type, dueAt, payload }: { id: string; type: string; dueAt: number; payload: unknown }): Promise<void> {
    this.entries.set(id, { type, dueAt, payload: toJson(payload), attempts: 0 });
    this.next.add(id, dueAt);
  }

  async cancel(id: string): Promise<boolean> {
    this.next.delete(id);
    return this.entries.delete(id);
  }

  async get(id: string): Promise<ScheduledJob | null> {
    const entry = this.entries.get(id);
    return entry ? this.jobOf(id, entry) : null;
  }

  async claim(worker: string, now: number, count: number, leaseMs: number): Promise<ScheduledJob[]> {
    const token = randomBytes(9).toString('base64url');
    const claimed: ScheduledJob[] = [];
    for (const id of this.next.ids()) {
      if (claimed.length >= count || this.next.score(id)! > now) break;
      const entry = this.entries.get(id)!;
      entry.attempts++;
      entry.lease = { worker, token, until: now + leaseMs };
      claimed.push(this.jobOf(id, entry));
    }
    for (const job of claimed) this.next.add(job.id, job.lease!.until);
    return claimed;
  }

  async complete(job: ScheduledJob, worker: string): Promise<boolean> {
    const lease = this.entries.get(job.id)?.lease;
    if (!lease || lease.worker !== worker || lease.token !== job.lease?.token) return false;
    return this.cancel(job.id);
  }
}
