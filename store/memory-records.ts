import { toJson } from './json';
import { listingsOf, newRecordId, numberStem, pageOf, recordNumber, sortScore } from './records';
import { SortedSet } from './sorted-set';
import type { RecordQuery, Records, RecordSpec, RecordUpdate, Reservations, StoredRecord } from './types';

interface Row {
  number: string;
  revision: number;
  createdAt: string;
  updatedAt: string;
  json: string;
  /** The listings it is in now, so an update takes it out of those its new value leaves. */
  listings: string[];
}

/** One collection, shared by every handle of its name. */
class Tables {
  readonly rows = new Map<string, Row>();
  readonly byNumber = new Map<string, string>();
  /** Idempotency key → id. */
  readonly byKey = new Map<string, string>();
  /** Number stem → last sequence given out. */
  readonly sequences = new Map<string, number>();
  readonly listings = new Map<string, SortedSet>();

  list(listing: string): SortedSet {
    let set = this.listings.get(listing);
    if (!set) {
      set = new SortedSet();
      this.listings.set(listing, set);
    }
    return set;
  }
}

class MemoryRecords<T> implements Records<T> {
  constructor(
    private readonly spec: RecordSpec<T>,
    private readonly tables: Tables,
  ) {}

  private read(id: string): StoredRecord<T> | null {
    const row = this.tables.rows.get(id);
    if (!row) return null;
    return { id, number: row.number, revision: row.revision, createdAt: row.createdAt, updatedAt: row.updatedAt, value: JSON.parse(row.json) as T };
  }

  private file(id: string, listings: string[], score: number): void {
    for (const listing of listings) this.tables.list(listing).add(id, score);
  }

  async create(value: T, { key, now = new Date() }: { key?: string; now?: Date } = {}): Promise<{ record: StoredRecord<T>; created: boolean }> {
    const { tables, spec } = this;
    const earlier = key === undefined ? undefined : tables.byKey.get(key);
    if (earlier !== undefined) return { record: this.read(earlier)!, created: false };
    const json = toJson(value);
    const createdAt = now.toISOString();
    const listings = listingsOf(spec, value);
    const score = sortScore(spec, value, createdAt);
    const stem = numberStem(spec, now);
    const sequence = (tables.sequences.get(stem) ?? 0) + 1;
    tables.sequences.set(stem, sequence);
    const id = newRecordId();
    const number = recordNumber(stem, sequence);
    tables.rows.set(id, { number, revision: 1, createdAt, updatedAt: createdAt, json, listings });
    tables.byNumber.set(number, id);
    if (key !== undefined) tables.byKey.set(key, id);
    this.file(id, listings, score);
    return { record: this.read(id)!, created: true };
  }

  async get(id: string): Promise<StoredRecord<T> | null> {
    return this.read(id);
  }

  async getByNumber(number: string): Promise<StoredRecord<T> | null> {
    const id = this.tables.byNumber.get(number);
    return id === undefined ? null : this.read(id);
  }

  async update(id: string, expectedRevision: number, value: T, now = new Date()): Promise<RecordUpdate<T>> {
    const row = this.tables.rows.get(id);
    if (row?.revision !== expectedRevision) return { updated: false, current: this.read(id) };
    const json = toJson(value);
    const listings = listingsOf(this.spec, value);
    const score = sortScore(this.spec, value, row.createdAt);
    for (const listing of row.listings) {
      const set = this.tables.listings.get(listing);
      set?.delete(id);
      if (set?.size === 0) this.tables.listings.delete(listing);
    }
    Object.assign(row, { revision: row.revision + 1, updatedAt: now.toISOString(), json, listings });
    this.file(id, listings, score);
    return { updated: true, record: this.read(id)! };
  }

  async list(query?: RecordQuery): Promise<{ items: StoredRecord<T>[]; total: number }> {
    const { listing, offset, limit, descending } = pageOf(query);
    const ids = this.tables.listings.get(listing)?.ids() ?? [];
    if (descending) ids.reverse();
    const page = ids.slice(offset, limit === undefined ? undefined : offset + limit);
    return { items: page.map((id) => this.read(id)!), total: ids.length };
  }
}

/** The `records` of the embedded store: each name's tables are made on first use and kept. */
export function memoryRecords(): <T>(spec: RecordSpec<T>) => Records<T> {
  const collections = new Map<string, Tables>();
  return <T>(spec: RecordSpec<T>): Records<T> => {
    let tables = collections.get(spec.name);
    if (!tables) {
      tables = new Tables();
      collections.set(spec.name, tables);
    }
    return new MemoryRecords(spec, tables);
  };
}

export class MemoryReservations implements Reservations {
  private readonly holders = new Map<string, Set<string>>();

  async reserve(key: string, holder: string, capacity: number): Promise<boolean> {
    let holders = this.holders.get(key);
    if (holders?.has(holder)) return true;
    if ((holders?.size ?? 0) >= capacity) return false;
    if (!holders) {
      holders = new Set();
      this.holders.set(key, holders);
    }
    holders.add(holder);
    return true;
  }

  async release(key: string, holder: string): Promise<void> {
    const holders = this.holders.get(key);
    holders?.delete(holder);
    if (holders?.size === 0) this.holders.delete(key);
  }

  async counts(keys: readonly string[]): Promise<number[]> {
    return keys.map((key) => this.holders.get(key)?.size ?? 0);
  }
}
