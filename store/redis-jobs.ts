import { randomBytes } from 'node:crypto';
import { defineScript } from 'redis';
import { toJson } from './json';
import type { RedisClient } from './redis';
import { hashOf } from './redis-hash';
import type { JobQueue, ScheduledJob } from './types';

/**
 * The job queue in Redis. Its keys share the hash tag `{jobs}`, so a claim moves jobs in one
 * script on one slot (also on Redis Cluster):
 *   next        sorted set of job ids by the time each may next be claimed: due time, or lease end
 *   job:<id>    hash: type, due, payload (JSON), attempts, and while claimed worker, token, until
 */

function jobOf(id: string, fields: Record<string, string>): ScheduledJob | null {
  if (fields.type === undefined) return null;
  const job: ScheduledJob = { id, type: fields.type, dueAt: Number(fields.due), payload: JSON.parse(fields.payload!), attempts: Number(fields.attempts) };
  if (fields.token !== undefined) job.lease = { token: fields.token, until: Number(fields.until) };
  return job;
}

/**
 * KEYS: next. ARGV: key base, worker, token, now, count, lease end.
 * Returns id and hash of each job claimed, in due order.
 */
const claimJobs = defineScript({
  NUMBER_OF_KEYS: 1,
  SCRIPT: `
    local base = ARGV[1]
    local reply = {}
    for _, id in ipairs(redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[4], 'LIMIT', 0, ARGV[5])) do
      local key = base .. 'job:' .. id
      if redis.call('EXISTS', key) == 0 then
        redis.call('ZREM', KEYS[1], id)
      else
        redis.call('HINCRBY', key, 'attempts', 1)
        redis.call('HSET', key, 'worker', ARGV[2], 'token', ARGV[3], 'until', ARGV[6])
        redis.call('ZADD', KEYS[1], ARGV[6], id)
        reply[#reply + 1] = id
        reply[#reply + 1] = redis.call('HGETALL', key)
      end
    end
    return reply`,
  parseCommand(parser, next: string, base: string, worker: string, token: string, now: number, count: number, until: number) {
    parser.pushKeys([next]);
    parser.push(base, worker, token, String(now), String(count), String(until));
  },
  transformReply: (reply: unknown) => {
    const flat = reply as unknown[];
    const claimed: ScheduledJob[] = [];
    for (let i = 0; i + 1 < flat.length; i += 2) claimed.push(jobOf(flat[i] as string, hashOf(flat[i + 1]))!);
    return claimed;
  },
});

/** KEYS: next, the job. ARGV: id, worker, token. 1 when that claim still held the job and it is now gone. */
const completeJob = defineScript({
  NUMBER_OF_KEYS: 2,
  SCRIPT: `
    local held = redis.call('HMGET', KEYS[2], 'worker', 'token')
    if held[1] ~= ARGV[2] or held[2] ~= ARGV[3] then return 0 end
    redis.call('DEL', KEYS[2])
    redis.call('ZREM', KEYS[1], ARGV[1])
    return 1`,
  parseCommand(parser, next: string, job: string, id: string, worker: string, token: string) {
    parser.pushKeys([next, job]);
    parser.push(id, worker, token);
  },
  transformReply: (reply: unknown) => reply === 1,
});

export const jobScripts = { claimJobs, completeJob };

export class RedisJobQueue implements JobQueue {
  private readonly base: string;

  constructor(
    private readonly client: RedisClient,
    prefix: string,
  ) {
    this.base = `${prefix}{jobs}:`;
  }

  private get nextKey() {
    return `${this.base}next`;
  }

  private jobKey(id: string) {
    return `${this.base}job:${id}`;
  }

  async schedule({ id, type, dueAt, payload }: { id: string; type: string; dueAt: number; payload: unknown }): Promise<void> {
    const key = this.jobKey(id);
    await this.client
      .multi()
      .del(key)
      .hSet(key, { type, due: String(dueAt), payload: toJson(payload), attempts: '0' })
      .zAdd(this.nextKey, { score: dueAt, value: id })
      .exec();
  }

  async cancel(id: string): Promise<boolean> {
    const [, deleted] = await this.client.multi().zRem(this.nextKey, id).del(this.jobKey(id)).execTyped();
    return deleted === 1;
  }

  async get(id: string): Promise<ScheduledJob | null> {
    return jobOf(id, (await this.client.hGetAll(this.jobKey(id))) as Record<string, string>);
  }

  async claim(worker: string, now: number, count: number, leaseMs: number): Promise<ScheduledJob[]> {
    if (count <= 0) return [];
    const token = randomBytes(9).toString('base64url');
    return (await this.client.claimJobs(this.nextKey, this.base, worker, token, now, count, now + leaseMs)) as ScheduledJob[];
  }

  async complete(job: ScheduledJob, worker: string): Promise<boolean> {
    if (!job.lease) return false;
    return (await this.client.completeJob(this.nextKey, this.jobKey(job.id), job.id, worker, job.lease.token)) as boolean;
  }
}
