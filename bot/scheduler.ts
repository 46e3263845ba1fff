import type { Logger } from 'pino';
import type { JobQueue, ScheduledJob } from '../store/types';

export interface JobContext {
  /**
   * `<job id>@<due time>`: the same for every attempt at one schedule of the job, another once the
   * job is scheduled at another time. A job runs at least once, so a handler guards its effect
   * with this key (the store's idempotency claim).
   */
  idempotencyKey: string;
}

export type JobHandler = (job: ScheduledJob, context: JobContext) => Promise<void>;

export interface SchedulerOptions {
  jobs: JobQueue;
  log: Logger;
  /** This instance's name in its claims; unique per process. */
  worker: string;
  now?: () => Date;
  /** How long it waits between looks for due jobs (default 1 s). */
  pollMs?: number;
  /** How long a claimed job is hidden from other instances: longer than any handler runs (default 60 s). */
  leaseMs?: number;
  /** Jobs claimed in one pass (default 20). */
  batch?: number;
  /** A job that failed this many times is dropped (default 5). */
  maxAttempts?: number;
}

export function jobIdempotencyKey(job: ScheduledJob): string {
  return `${job.id}@${job.dueAt}`;
}

/**
 * Runs due jobs of the store's queue on this instance: each pass claims what is due and runs it
 * with the handler of its type; every instance polls, and a claim gives a job to one of them.
 *
 * - A job whose handler succeeded is completed. One whose handler threw, or whose instance died
 *   before completing it, is claimed again once its lease ends (at least once), until its attempts
 *   reach `maxAttempts`: then it is logged and dropped.
 * - A job of a type without a handler here is left to its lease, for an instance that has one.
 * - The log names jobs by id, type and attempts only: payloads and errors may carry personal data.
 */
export class Scheduler {
  private readonly handlers = new Map<string, JobHandler>();
  private readonly passes = new Set<Promise<number>>();
  private readonly now: () => Date;
  private readonly pollMs: number;
  private readonly leaseMs: number;
  private readonly batch: number;
  private readonly maxAttempts: number;
  private running = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly options: SchedulerOptions) {
    this.now = options.now ?? (() => new Date());
    this.pollMs = options.pollMs ?? 1000;
    this.leaseMs = options.leaseMs ?? 60_000;
    this.batch = options.batch ?? 20;
    this.maxAttempts = options.maxAttempts ?? 5;
  }

  register(type: string, handler: JobHandler): this {
    if (this.handlers.has(type)) throw new Error(`scheduler: a handler for ${type} is registered already`);
    this.handlers.set(type, handler);
    return this;
  }

  /** Polls until `stop`. A scheduler without any handler could only let jobs expire: refused. */
  start(): void {
    if (this.running) return;
    if (this.handlers.size === 0) throw new Error('scheduler: no job handler is registered');
    this.running = true;
    this.poll();
  }

  /**
   * Stops polling and waits (up to `graceMs`) for the jobs in flight. A job still running after
   * that stays claimed and runs again elsewhere after its lease.
   */
  async stop(graceMs = 10_000): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    let timeout: NodeJS.Timeout | undefined;
    await Promise.race([Promise.allSettled([...this.passes]), new Promise((resolve) => (timeout = setTimeout(resolve, graceMs)))]);
    clearTimeout(timeout);
  }

  /** One pass: claims the jobs due now and runs them side by side; resolves with how many it claimed. */
  async runDue(): Promise<number> {
    const pass = this.pass();
    this.passes.add(pass);
    try {
      return await pass;
    } finally {
      this.passes.delete(pass);
    }
  }

  private async pass(): Promise<number> {
    const jobs = await this.options.jobs.claim(this.options.worker, this.now().getTime(), this.batch, this.leaseMs);
    await Promise.all(jobs.map((job) => this.run(job)));
    return jobs.length;
  }

  private poll(): void {
    if (!this.running) return;
    this.runDue().then(
      // A full batch: more may be due already.
      (claimed) => this.next(claimed >= this.batch ? 0 : this.pollMs),
      (error: unknown) => {
        this.options.log.error({ reason: error instanceof Error ? error.message : String(error) }, 'scheduler: claiming due jobs failed');
        this.next(this.pollMs);
      },
    );
  }

  private next(delayMs: number): void {
    if (!this.running) return;
    this.timer = setTimeout(() => this.poll(), delayMs);
    this.timer.unref();
  }

  private async run(job: ScheduledJob): Promise<void> {
    const { log } = this.options;
    const about = { jobId: job.id, type: job.type, attempts: job.attempts };
    if (job.attempts > this.maxAttempts) {
      log.error(about, 'scheduled job was never completed in its attempts: dropped');
      return this.complete(job);
    }
    const handler = this.handlers.get(job.type);
    if (!handler) {
      log.warn(about, 'no handler for this job type here: left for a retry after its lease');
      return;
    }
    try {
      await handler(job, { idempotencyKey: jobIdempotencyKey(job) });
    } catch {
      if (job.attempts >= this.maxAttempts) {
        log.error(about, 'scheduled job failed on its last attempt: dropped');
        return this.complete(job);
      }
      log.warn(about, 'scheduled job failed: it is tried again after its lease');
      return;
    }
    await this.complete(job);
  }

  private async complete(job: ScheduledJob): Promise<void> {
    try {
      await this.options.jobs.complete(job, this.options.worker);
    } catch {
      this.options.log.error({ jobId: job.id, type: job.type }, 'completing a scheduled job failed: it may run again after its lease');
    }
  }
}
