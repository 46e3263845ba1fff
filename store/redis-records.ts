import { defineScript } from 'redis';
import { toJson } from './json';
import type { RedisClient } from './redis';
import { hashOf } from './redis-hash';
import { listingsOf, newRecordId, NUMBER_DIGITS, numberStem, pageOf, sortScore } from './records';
import type { RecordQuery, Records, RecordSpec, RecordUpdate, Reservations, StoredRecord } from './types';

/**
 * Record collections in Redis. All keys of a collection share the hash tag `{rec:<name>}`, so the
 * scripts that write a record and its listings run on one slot (also on Redis Cluster):
 *   r:<id>             hash: rev, number, created, updated, value (JSON), in (JSON array of its listings)
 *   numbers            hash number → id
 *   keys               hash idempotency key → id
 *   seq:<stem>         the last sequence given out for a number stem (`HV-2026-`)
 *   all, i:<index>:<value>  sorted sets of ids by sort key (see `listingsOf`)
 * A record's `in` field lets an update take it out of its old listings without the old value.
 */

type Fields = Record<string, string>;

function recordOf<T>(id: string, fields: Fields): StoredRecord<T> | null {
  if (fields.rev === undefined) return null;
  return { id, number: fields.number!, revision: Number(fields.rev), createdAt: fields.created!, updatedAt: fields.updated!, value: JSON.parse(fields.value!) as T };
}

/**
 * KEYS: the record, numbers, keys, the sequence, then every listing of the new record.
 * ARGV: key base, id, idempotency key ('' for none), number stem, digits, time, score, value, listings (JSON).
 * Returns the id, its hash and 1 when created, 0 when the key had made one already.
 */
const createRecord = defineScript({
  SCRIPT: `
    local base, id, key = ARGV[1], ARGV[2], ARGV[3]
    if key ~= '' then
      local earlier = redis.call('HGET', KEYS[3], key)
      if earlier then return {earlier, redis.call('HGETALL', base .. 'r:' .. earlier), 0} end
      redis.call('HSET', KEYS[3], key, id)
    end
    local number = ARGV[4] .. string.format('%0' .. ARGV[5] .. 'd', redis.call('INCR', KEYS[4]))
    redis.call('HSET', KEYS[1], 'rev', 1, 'number', number, 'created', ARGV[6], 'updated', ARGV[6], 'value', ARGV[8], 'in', ARGV[9])
    redis.call('HSET', KEYS[2], number, id)
    for i = 5, #KEYS do redis.call('ZADD', KEYS[i], ARGV[7], id) end
    return {id, redis.call('HGETALL', KEYS[1]), 1}`,
  parseCommand(parser, keys: string[], base: string, id: string, key: string, stem: string, time: string, score: number, value: string, listings: string[]) {
    parser.pushKeysLength(keys);
    parser.push(base, id, key, stem, String(NUMBER_DIGITS), time, String(score), value, JSON.stringify(listings));
  },
  transformReply: (reply: unknown) => {
    const [id, flat, created] = reply as [string, string[], number];
    return { id, fields: hashOf(flat), created: created === 1 };
  },
});

/**
 * KEYS: the record, then every listing of the new value.
 * ARGV: key base, id, expected revision, time, score, value, listings (JSON).
 * Returns the new revision; the stored hash when the revision was another; nil when there is no record.
 */
const updateRecord = defineScript({
  SCRIPT: `
    local base, id = ARGV[1], ARGV[2]
    local rev = redis.call('HGET', KEYS[1], 'rev')
    if not rev then return false end
    if rev ~= ARGV[3] then return redis.call('HGETALL', KEYS[1]) end
    for _, listing in ipairs(cjson.decode(redis.call('HGET', KEYS[1], 'in'))) do redis.call('ZREM', base .. listing, id) end
    local next = tonumber(rev) + 1
    redis.call('HSET', KEYS[1], 'rev', next, 'updated', ARGV[4], 'value', ARGV[6], 'in', ARGV[7])
    for i = 2, #KEYS do redis.call('ZADD', KEYS[i], ARGV[5], id) end
    return next`,
  parseCommand(parser, keys: string[], base: string, id: string, expectedRevision: number, time: string, score: number, value: string, listings: string[]) {
    parser.pushKeysLength(keys);
    parser.push(base, id, String(expectedRevision), time, String(score), value, JSON.stringify(listings));
  },
  transformReply: (reply: unknown) => (typeof reply === 'number' ? reply : Array.isArray(reply) ? hashOf(reply) : null),
});

/**
 * KEYS: the listing. ARGV: key base, first rank, last rank (-1: to the end; never an empty page), '1' for descending.
 * Returns its size, then id and hash of each record of the page: one consistent read.
 */
const listRecords = defineScript({
  NUMBER_OF_KEYS: 1,
  SCRIPT: `
    local reply = {redis.call('ZCARD', KEYS[1])}
    local ids = redis.call(ARGV[4] == '1' and 'ZREVRANGE' or 'ZRANGE', KEYS[1], ARGV[2], ARGV[3])
    for _, id in ipairs(ids) do
      reply[#reply + 1] = id
      reply[#reply + 1] = redis.call('HGETALL', ARGV[1] .. 'r:' .. id)
    end
    return reply`,
  parseCommand(parser, listing: string, base: string, first: number, last: number, descending: boolean) {
    parser.pushKeys([listing]);
    parser.push(base, String(first), String(last), descending ? '1' : '0');
  },
  transformReply: (reply: unknown) => {
    const [total, ...rest] = reply as [number, ...unknown[]];
    const page: { id: string; fields: Fields }[] = [];
    for (let i = 0; i + 1 < rest.length; i += 2) page.push({ id: rest[i] as string, fields: hashOf(rest[i + 1]) });
    return { total, page };
  },
});

/** KEYS: the holders' set. ARGV: holder, capacity. 1 when the holder has a place (now or already). */
const reservePlace = defineScript({
  NUMBER_OF_KEYS: 1,
  SCRIPT: `
    if redis.call('SISMEMBER', KEYS[1], ARGV[1]) == 1 then return 1 end
    if redis.call('SCARD', KEYS[1]) >= tonumber(ARGV[2]) then return 0 end
    return redis.call('SADD', KEYS[1], ARGV[1])`,
  parseCommand(parser, key: string, holder: string, capacity: number) {
    parser.pushKeys([key]);
    parser.push(holder, String(capacity));
  },
  transformReply: (reply: unknown) => reply === 1,
});

export const recordScripts = { createRecord, updateRecord, listRecords, reservePlace };

export class RedisRecords<T> implements Records<T> {
  private readonly base: string;

  constructor(
    private readonly client: RedisClient,
    prefix: string,
    private readonly spec: RecordSpec<T>,
  ) {
    this.base = `${prefix}{rec:${spec.name}}:`;
  }

  private recordKey(id: string) {
    return `${this.base}r:${id}`;
  }

  async create(value: T, { key, now = new Date() }: { key?: string; now?: Date } = {}): Promise<{ record: StoredRecord<T>; created: boolean }> {
    const { spec, base } = this;
    const json = toJson(value);
    const createdAt = now.toISOString();
    const listings = listingsOf(spec, value);
    const score = sortScore(spec, value, createdAt);
    const stem = numberStem(spec, now);
    const id = newRecordId();
    const keys = [this.recordKey(id), `${base}numbers`, `${base}keys`, `${base}seq:${stem}`, ...listings.map((listing) => base + listing)];
    const reply = (await this.client.createRecord(keys, base, id, key ?? '', stem, createdAt, score, json, listings)) as { id: string; fields: Fields; created: boolean };
    return { record: recordOf<T>(reply.id, reply.fields)!, created: reply.created };
  }

  async get(id: string): Promise<StoredRecord<T> | null> {
    return recordOf<T>(id, (await this.client.hGetAll(this.recordKey(id))) as Fields);
  }

  async getByNumber(number: string): Promise<StoredRecord<T> | null> {
    const id = await this.client.hGet(`${this.base}numbers`, number);
    return id == null ? null : this.get(id);
  }

  async update(id: string, expectedRevision: number, value: T, now = new Date()): Promise<RecordUpdate<T>> {
    // The sort key may need the creation time, so the record is read first; the script checks
    // the revision again, so a write between the two loses like any other.
    const current = await this.get(id);
    if (current?.revision !== expectedRevision) return { updated: false, current };
    const json = toJson(value);
    const listings = listingsOf(this.spec, value);
    const score = sortScore(this.spec, value, current.createdAt);
    const updatedAt = now.toISOString();
    const keys = [this.recordKey(id), ...listings.map((listing) => this.base + listing)];
    const reply = (await this.client.updateRecord(keys, this.base, id, expectedRevision, updatedAt, score, json, listings)) as number | Fields | null;
    if (typeof reply === 'number') return { updated: true, record: { ...current, revision: reply, updatedAt, value: JSON.parse(json) as T } };
    return { updated: false, current: reply === null ? null : recordOf<T>(id, reply) };
  }

  async list(query?: RecordQuery): Promise<{ items: StoredRecord<T>[]; total: number }> {
    const { listing, offset, limit, descending } = pageOf(query);
    if (limit === 0) return { items: [], total: await this.client.zCard(this.base + listing) };
    const last = limit === undefined ? -1 : offset + limit - 1;
    const { total, page } = (await this.client.listRecords(this.base + listing, this.base, offset, last, descending)) as { total: number; page: { id: string; fields: Fields }[] };
    return { items: page.map(({ id, fields }) => recordOf<T>(id, fields)!), total };
  }
}

/** One set of holders per key; each key is its own hash tag, as a key's places never move together with another's. */
export class RedisReservations implements Reservations {
  constructor(
    private readonly client: RedisClient,
    private readonly prefix: string,
  ) {}

  private key(key: string) {
    return `${this.prefix}places:{${key}}`;
  }

  async reserve(key: string, holder: string, capacity: number): Promise<boolean> {
    return (await this.client.reservePlace(this.key(key), holder, capacity)) as boolean;
  }

  async release(key: string, holder: string): Promise<void> {
    await this.client.sRem(this.key(key), holder);
  }

  async counts(keys: readonly string[]): Promise<number[]> {
    // Issued in one tick, the SCARDs go out as one pipeline.
    return Promise.all(keys.map((key) => this.client.sCard(this.key(key))));
  }
}
