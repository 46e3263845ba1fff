import { defineScript } from 'redis';
import { filingOf, RECENT_WAITS, silenceOf } from './handoff';
import type { RedisClient } from './redis';
import type { HandoffIndex, HandoffPlacement, QueuePage } from './types';

/**
 * The handoff index in Redis. All its keys share the hash tag `{handoff}`, so the scripts that
 * move an id between them run on one slot (also on Redis Cluster):
 *   q:<queue>          sorted set of queued ids, by score (see `filingOf`)
 *   op:<owner>         set of the ids one operator has
 *   ops                set of the ids any operator has
 *   where              hash id → the suffix of the key it is filed under (`q:general`, `op:operator:aida`)
 *   waits              list of recent waits, newest first
 *   rev                hash id → the revision of its latest stored change (see `HandoffIndex.stamp`)
 *   quiet              sorted set of queued ids by the time their silence counts from, in ms (see `HandoffIndex.quiet`)
 * `where` lets a move take the id out of its old place without scanning every queue and operator.
 */

/** Lua raising the stamp of `id` in the hash `key` to `revision` (all three Lua expressions), never lowering it. */
const raiseStamp = (key: string, id: string, revision: string) => `
    local stamped = tonumber(redis.call('HGET', ${key}, ${id}))
    if not stamped or stamped < tonumber(${revision}) then redis.call('HSET', ${key}, ${id}, ${revision}) end`;

/** Lua noting when the silence of `id` counts from (ms, '' when not known) in the sorted set `key`, if `record` files it in a queue. */
const noteSilence = (key: string, id: string, record: string, since: string) => `
    if ${since} ~= '' and ${record} and string.sub(${record}, 1, 2) == 'q:' then redis.call('ZADD', ${key}, ${since}, ${id}) end`;

/**
 * KEYS: where, ops, the new place (or `where` again when the id is filed nowhere), rev, quiet.
 * ARGV: key base, id, new `where` record ('' for nowhere), score, '1' to keep the score of an id
 * already in that queue, the revision filed ('' when not known), the time its silence counts from
 * (ms, '' when not known).
 */
const placeHandoff = defineScript({
  NUMBER_OF_KEYS: 5,
  SCRIPT: `
    local base, id, record = ARGV[1], ARGV[2], ARGV[3]
    local old = redis.call('HGET', KEYS[1], id)
    if old and old ~= record then
      redis.call('ZREM', KEYS[5], id)
      if string.sub(old, 1, 2) == 'q:' then
        redis.call('ZREM', base .. old, id)
      else
        redis.call('SREM', base .. old, id)
        redis.call('SREM', KEYS[2], id)
      end
    end
    if record == '' then
      redis.call('HDEL', KEYS[1], id)
      redis.call('HDEL', KEYS[4], id)
      return 0
    end
    if old ~= record then redis.call('HDEL', KEYS[4], id) end
    if string.sub(record, 1, 2) == 'q:' then
      if ARGV[5] ~= '1' or old ~= record then
        redis.call('ZADD', KEYS[3], ARGV[4], id)
      end
    else
      redis.call('SADD', KEYS[3], id)
      redis.call('SADD', KEYS[2], id)
    end
    redis.call('HSET', KEYS[1], id, record)
    if ARGV[6] ~= '' then${raiseStamp('KEYS[4]', 'id', 'ARGV[6]')}
    end${noteSilence('KEYS[5]', 'id', 'record', 'ARGV[7]')}
    return 1`,
  parseCommand(
    parser,
    where: string,
    ops: string,
    target: string,
    rev: string,
    quiet: string,
    base: string,
    id: string,
    record: string,
    score: number,
    keepScore: boolean,
    revision: number | undefined,
    quietSince: number | undefined,
  ) {
    parser.pushKeys([where, ops, target, rev, quiet]);
    parser.push(base, id, record, String(score), keepScore ? '1' : '0', revision === undefined ? '' : String(revision), quietSince === undefined ? '' : String(quietSince));
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

/**
 * KEYS: where, rev, quiet. ARGV: id, revision, the time its silence counts from (ms, '' when not known).
 * Stamps a filed id's revision, never lowering it, and a queued id's silence.
 */
const stampHandoff = defineScript({
  NUMBER_OF_KEYS: 3,
  SCRIPT: `
    local record = redis.call('HGET', KEYS[1], ARGV[1])
    if not record then return 0 end${raiseStamp('KEYS[2]', 'ARGV[1]', 'ARGV[2]')}${noteSilence('KEYS[3]', 'ARGV[1]', 'record', 'ARGV[3]')}
    return 1`,
  parseCommand(parser, where: string, rev: string, quiet: string, id: string, revision: number, quietSince: number | undefined) {
    parser.pushKeys([where, rev, quiet]);
    parser.push(id, String(revision), quietSince === undefined ? '' : String(quietSince));
  },
  transformReply: (reply: unknown) => reply as number,
});

/**
 * KEYS: rev, then the queues in the order they are read. ARGV: offset, limit.
 * Returns the total size of the queues, one page of their ids as if they were one list, and the ids' stamps.
 */
const handoffQueuePage = defineScript({
  SCRIPT: `
    local skip, room = tonumber(ARGV[1]), tonumber(ARGV[2])
    local total, ids = 0, {}
    for i = 2, #KEYS do
      local size = redis.call('ZCARD', KEYS[i])
      total = total + size
      if skip >= size then
        skip = skip - size
      elseif room > 0 then
        local page = redis.call('ZRANGE', KEYS[i], skip, skip + room - 1)
        for _, id in ipairs(page) do ids[#ids + 1] = id end
        room = room - #page
        skip = 0
      end
    end
    if #ids == 0 then return { total, ids, {} } end
    return { total, ids, redis.call('HMGET', KEYS[1], unpack(ids)) }`,
  parseCommand(parser, rev: string, queues: readonly string[], offset: number, limit: number) {
    parser.push(String(1 + queues.length)); // the number of keys: as many as queues are read
    parser.pushKeys([rev, ...queues]);
    parser.push(String(offset), String(limit));
  },
  transformReply: (reply: unknown) => reply as QueuePageReply,
});

type QueuePageReply = [total: number, ids: string[], stamps: (string | null)[]];

export const handoffScripts = { placeHandoff, handoffPosition, stampHandoff, handoffQueuePage };

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

  private get revKey() {
    return `${this.base}rev`;
  }

  private get quietKey() {
    return `${this.base}quiet`;
  }

  async place(entry: HandoffPlacement): Promise<void> {
    const filing = filingOf(entry);
    const record = filing.kind === 'queue' ? `q:${filing.queue}` : filing.kind === 'operator' ? `op:${filing.owner}` : '';
    const target = record === '' ? this.whereKey : this.base + record;
    const score = filing.kind === 'queue' ? filing.score : 0;
    const keepScore = filing.kind === 'queue' && filing.keepScore;
    await this.client.placeHandoff(this.whereKey, this.opsKey, target, this.revKey, this.quietKey, this.base, entry.id, record, score, keepScore, entry.revision, silenceOf(entry.quietSince));
  }

  async stamp(id: string, revision: number, quietSince?: string): Promise<void> {
    await this.client.stampHandoff(this.whereKey, this.revKey, this.quietKey, id, revision, silenceOf(quietSince));
  }

  async quiet(before: number): Promise<string[]> {
    return this.client.zRangeByScore(this.quietKey, '-inf', before);
  }

  async revisions(ids: readonly string[]): Promise<(number | null)[]> {
    if (ids.length === 0) return [];
    return (await this.client.hmGet(this.revKey, [...ids])).map((stamp) => (stamp == null ? null : Number(stamp)));
  }

  async queuePage(names: readonly string[], { offset, limit }: { offset: number; limit: number }): Promise<QueuePage> {
    const queues = names.map((name) => `${this.base}q:${name}`);
    const [total, ids, stamps] = (await this.client.handoffQueuePage(this.revKey, queues, offset, Math.max(0, limit))) as QueuePageReply;
    return { total, ids, revisions: stamps.map((stamp) => (stamp == null ? null : Number(stamp))) };
  }

  async queue(name: string, range?: { offset: number; limit: number }): Promise<string[]> {
    if (range && range.limit <= 0) return [];
    return this.client.zRange(`${this.base}q:${name}`, range?.offset ?? 0, range ? range.offset + range.limit - 1 : -1);
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
