import { defineScript } from 'redis';
import { filingOf, RECENT_WAITS } from './handoff';
import type { RedisClient } from './redis';
import type { HandoffIndex, HandoffPlacement } from './types';

/**
 * The handoff index in Redis. All its keys share the hash tag `{handoff}`, so the scripts that
 * move an id between them run on one slot (also on Redis Cluster):
 *   q:<queue>          sorted set of queued ids, by score (see `filingOf`)
 *   op:<owner>         set of the ids one operator has
 *   ops                set of the ids any operator has
 *   where              hash id → the suffix of the key it is filed under (`q:general`, `op:operator:aida`)
 *   waits              list of recent waits, newest first
 * `where` lets a move take the id out of its old place without scanning every queue and operator.
 */

/**
 * KEYS: where, ops, the new place (or `where` again when the id is filed nowhere).
 * ARGV: key base, id, new `where` record ('' for nowhere), score, '1' to keep the score of an id
 * already in that queue.
 */
const placeHandoff = defineScript({
  NUMBER_OF_KEYS: 3,
  SCRIPT: `
    local base, id, record = ARGV[1], ARGV[2], ARGV[3]
    local old = redis.call('HGET', KEYS[1], id)
    if old and old ~= record then
      if string.sub(old, 1, 2) == 'q:' then
        redis.call('ZREM', base .. old, id)
      else
        redis.call('SREM', base .. old, id)
        redis.call('SREM', KEYS[2], id)
      end
    end
    if record == '' then
      redis.call('HDEL', KEYS[1], id)
      return 0
    end
    if string.sub(record, 1, 2) == 'q:' then
      if ARGV[5] ~= '1' or old ~= record then
        redis.call('ZADD', KEYS[3], ARGV[4], id)
      end
    else
      redis.call('SADD', KEYS[3], id)
      redis.call('SADD', KEYS[2], id)
    end
    redis.call('HSET', KEYS[1], id, record)
    return 1`,
  parseCommand(parser, where: string, ops: string, target: string, base: string, id: string, record: string, score: number, keepScore: boolean) {
    parser.pushKeys([where, ops, target]);
    parser.push(base, id, record, String(score), keepScore ? '1' : '0');
  },
  transformReply: (reply: unknown) => reply as number,
});

/** KEYS: where. ARGV: key base, id. The 1-based rank of the id in the queue it is filed in, or nil. */
const handoffPosition = defineScript({
  NUMBER_OF_KEYS: 1,
  SCRIPT: `
    local record = redis.call('HGET', KEYS[1], ARGV[2])
    if not record or string.sub(record, 1, 2) ~= 'q:' then return false end
    local rank = redis.call('ZRANK', ARGV[1] .. record, ARGV[2])
    if not rank then return false end
    return rank + 1`,
  parseCommand(parser, where: string, base: string, id: string) {
    parser.pushKeys([where]);
    parser.push(base, id);
  },
  transformReply: (reply: unknown) => (typeof reply === 'number' ? reply : null),
});

export const handoffScripts = { placeHandoff, handoffPosition };

export class RedisHandoff implements HandoffIndex {
  private readonly base: string;

  constructor(
    private readonly client: RedisClient,
    prefix: string,
  ) {
    this.base = `${prefix}{handoff}:`;
  }

  private get whereKey() {
    return `${this.base}where`;
  }

  private get opsKey() {
    return `${this.base}ops`;
  }

  private get waitsKey() {
    return `${this.base}waits`;
  }

  async place(entry: HandoffPlacement): Promise<void> {
    const filing = filingOf(entry);
    const record = filing.kind === 'queue' ? `q:${filing.queue}` : filing.kind === 'operator' ? `op:${filing.owner}` : '';
    const target = record === '' ? this.whereKey : this.base + record;
    const score = filing.kind === 'queue' ? filing.score : 0;
    const keepScore = filing.kind === 'queue' && filing.keepScore;
    await this.client.placeHandoff(this.whereKey, this.opsKey, target, this.base, entry.id, record, score, keepScore);
  }

  async queue(name: string, range?: { offset: number; limit: number }): Promise<string[]> {
    if (range && range.limit <= 0) return [];
    return this.client.zRange(`${this.base}q:${name}`, range?.offset ?? 0, range ? range.offset + range.limit - 1 : -1);
  }

  async queueSize(name: string): Promise<number> {
    return this.client.zCard(`${this.base}q:${name}`);
  }

  async position(id: string): Promise<number | null> {
    return (await this.client.handoffPosition(this.whereKey, this.base, id)) as number | null;
  }

  async owned(owner?: `operator:${string}`): Promise<string[]> {
    const ids = await this.client.sMembers(owner === undefined ? this.opsKey : `${this.base}op:${owner}`);
    return ids.sort();
  }

  async recordWait(ms: number): Promise<void> {
    await this.client
      .multi()
      .lPush(this.waitsKey, String(ms))
      .lTrim(this.waitsKey, 0, RECENT_WAITS - 1)
      .exec();
  }

  async recentWaits(): Promise<number[]> {
    return (await this.client.lRange(this.waitsKey, 0, RECENT_WAITS - 1)).map(Number);
  }
}
