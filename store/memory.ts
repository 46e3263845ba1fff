import { filingOf, RECENT_WAITS, silenceOf } from './handoff';
import { MemoryRateLimits } from './rate-limits';
import { MemorySendLimits } from './send-limits';
import { MemoryFiles } from './files';
import { toJson as copyIn } from './json';
import { MemoryJobQueue } from './memory-jobs';
import { memoryRecords, MemoryReservations } from './memory-records';
import { SortedSet } from './sorted-set';
import {
  CONTENTION_WINDOW_MS,
  TRANSCRIPT_LIMIT,
  type AppendLog,
  type Bus,
  type Collection,
  type Conversation,
  type ConversationStore,
  type HandoffIndex,
  type HandoffPlacement,
  type QueuePage,
  type IdempotencyStore,
  type Outbox,
  type OutboxEntry,
  type OutboxMessage,
  type SaveResult,
  type Store,
  type TranscriptEntry,
} from './types';

/**
 * The embedded store: everything in this process's memory, gone on restart. It keeps the same
 * contract as the Redis store (copies in and out, compare-and-set on revisions) so that code that
 * works here works there.
 */
class MemoryConversations implements ConversationStore {
  private readonly docs = new Map<string, { revision: number; json: string }>();
  private readonly transcripts = new Map<string, TranscriptEntry[]>();
  /** When a save of each conversation last lost. */
  private readonly lostAt = new Map<string, number>();

  async get(id: string): Promise<Conversation | null> {
    const doc = this.docs.get(id);
    return doc === undefined ? null : (JSON.parse(doc.json) as Conversation);
  }

  async save(conversation: Conversation, expectedRevision: number, transcript: readonly TranscriptEntry[]): Promise<SaveResult> {
    const stored = this.docs.get(conversation.id);
    if ((stored?.revision ?? 0) !== expectedRevision) {
      this.lostAt.set(conversation.id, Date.now());
      return { saved: false, current: stored ? (JSON.parse(stored.json) as Conversation) : null };
    }
    this.docs.set(conversation.id, { revision: conversation.revision, json: JSON.stringify(conversation) });
    if (transcript.length > 0) {
      const entries = this.transcripts.get(conversation.id) ?? [];
      entries.push(...transcript.map((e) => ({ ...e })));
      if (entries.length > TRANSCRIPT_LIMIT) entries.splice(0, entries.length - TRANSCRIPT_LIMIT);
      this.transcripts.set(conversation.id, entries);
    }
    const lostAt = this.lostAt.get(conversation.id);
    const contended = lostAt !== undefined && Date.now() - lostAt < CONTENTION_WINDOW_MS;
    if (lostAt !== undefined && !contended) this.lostAt.delete(conversation.id);
    return { saved: true, contended };
  }

  async transcript(id: string, limit = TRANSCRIPT_LIMIT): Promise<TranscriptEntry[]> {
    return (this.transcripts.get(id) ?? []).slice(-limit).map((e) => ({ ...e }));
  }

  async transcriptHead(id: string, count: number): Promise<TranscriptEntry[]> {
    return (this.transcripts.get(id) ?? []).slice(0, count).map((e) => ({ ...e }));
  }

  async getMany(ids: readonly string[]): Promise<(Conversation | null)[]> {
    return ids.map((id) => {
      const doc = this.docs.get(id);
      return doc === undefined ? null : (JSON.parse(doc.json) as Conversation);
    });
  }

  async *ids(): AsyncIterable<string[]> {
    const all = [...this.docs.keys()];
    for (let from = 0; from < all.length; from += 500) yield all.slice(from, from + 500);
  }

  async replaceTranscript(id: string, entries: readonly TranscriptEntry[]): Promise<void> {
    if (entries.length === 0) this.transcripts.delete(id);
    else
      this.transcripts.set(
        id,
        entries.slice(-TRANSCRIPT_LIMIT).map((e) => ({ ...e })),
      );
  }
}

class MemoryIdempotency implements IdempotencyStore {
  private readonly expiries = new Map<string, number>();

  async claim(key: string, ttlSeconds: number): Promise<boolean> {
    const now = Date.now();
    const expiry = this.expiries.get(key);
    if (expiry !== undefined && expiry > now) return false;
    this.expiries.set(key, now + ttlSeconds * 1000);
    return true;
  }

  /** Whether the key is claimed now, without claiming it. */
  has(key: string): boolean {
    const expiry = this.expiries.get(key);
    return expiry !== undefined && expiry > Date.now();
  }
}

class MemoryCollection<T> implements Collection<T> {
  constructor(private readonly records: Map<string, string>) {}

  async get(id: string): Promise<T | null> {
    const json = this.records.get(id);
    return json === undefined ? null : (JSON.parse(json) as T);
  }

  async put(id: string, value: T): Promise<void> {
    this.records.set(id, copyIn(value));
  }

  async create(id: string, value: T): Promise<boolean> {
    if (this.records.has(id)) return false;
    this.records.set(id, copyIn(value));
    return true;
  }

  async delete(id: string): Promise<boolean> {
    return this.records.delete(id);
  }

  async list(): Promise<T[]> {
    return [...this.records.values()].map((json) => JSON.parse(json) as T);
  }
}

function checkKeep(keep: number): void {
  if (!Number.isInteger(keep) || keep < 1) throw new RangeError(`store: a log keeps at least one entry (keep=${keep})`);
}

class MemoryLog<T> implements AppendLog<T> {
  constructor(
    private readonly lists: Map<string, string[]>,
    private readonly keep: number,
  ) {}

  async append(key: string, entry: T): Promise<void> {
    const list = this.lists.get(key) ?? [];
    list.push(copyIn(entry));
    if (list.length > this.keep) list.splice(0, list.length - this.keep);
    this.lists.set(key, list);
  }

  async list(key: string, limit?: number): Promise<T[]> {
    const list = this.lists.get(key) ?? [];
    if (limit !== undefined && limit <= 0) return [];
    return (limit === undefined ? list : list.slice(-limit)).map((json) => JSON.parse(json) as T);
  }

  async remove(key: string): Promise<void> {
    this.lists.delete(key);
  }
}

type Filed = { kind: 'queue'; queue: string } | { kind: 'operator'; owner: string };

class MemoryHandoff implements HandoffIndex {
  private readonly queues = new Map<string, SortedSet>();
  private readonly operators = new Map<string, Set<string>>();
  /** Where each filed id is, so that a move takes it out of its old place without a scan. */
  private readonly where = new Map<string, Filed>();
  /** The latest revision stamped for each filed id. */
  private readonly stamps = new Map<string, number>();
  /** Queued ids by the time their silence counts from (ms). */
  private readonly silences = new SortedSet();
  private waits: number[] = [];

  async place(entry: HandoffPlacement): Promise<void> {
    const filing = filingOf(entry);
    const old = this.where.get(entry.id);
    const stays =
      old !== undefined && ((old.kind === 'queue' && filing.kind === 'queue' && old.queue === filing.queue) || (old.kind === 'operator' && filing.kind === 'operator' && old.owner === filing.owner));
    if (old && !stays) {
      if (old.kind === 'queue') {
        const queue = this.queues.get(old.queue);
        queue?.delete(entry.id);
        if (queue?.size === 0) this.queues.delete(old.queue);
      } else {
        const ids = this.operators.get(old.owner);
        ids?.delete(entry.id);
        if (ids?.size === 0) this.operators.delete(old.owner);
      }
      this.where.delete(entry.id);
      this.stamps.delete(entry.id);
      this.silences.delete(entry.id);
    }
    if (filing.kind === 'queue') {
      let queue = this.queues.get(filing.queue);
      if (!queue) {
        queue = new SortedSet();
        this.queues.set(filing.queue, queue);
      }
      if (!(filing.keepScore && stays)) queue.add(entry.id, filing.score);
      this.where.set(entry.id, { kind: 'queue', queue: filing.queue });
    } else if (filing.kind === 'operator') {
      let ids = this.operators.get(filing.owner);
      if (!ids) {
        ids = new Set();
        this.operators.set(filing.owner, ids);
      }
      ids.add(entry.id);
      this.where.set(entry.id, { kind: 'operator', owner: filing.owner });
    }
    if (entry.revision !== undefined) await this.stamp(entry.id, entry.revision);
    this.noteSilence(entry.id, entry.quietSince);
  }

  async stamp(id: string, revision: number, quietSince?: string): Promise<void> {
    if (this.where.has(id) && revision > (this.stamps.get(id) ?? -1)) this.stamps.set(id, revision);
    this.noteSilence(id, quietSince);
  }

  async quiet(before: number): Promise<string[]> {
    return this.silences.ids().filter((id) => this.silences.score(id)! <= before);
  }

  private noteSilence(id: string, quietSince: string | undefined): void {
    const since = silenceOf(quietSince);
    if (this.where.get(id)?.kind === 'queue' && since !== undefined) this.silences.add(id, since);
  }

  async revisions(ids: readonly string[]): Promise<(number | null)[]> {
    return ids.map((id) => this.stamps.get(id) ?? null);
  }

  async queuePage(names: readonly string[], { offset, limit }: { offset: number; limit: number }): Promise<QueuePage> {
    const all = names.flatMap((name) => this.queues.get(name)?.ids() ?? []);
    const ids = all.slice(offset, offset + Math.max(0, limit));
    return { total: all.length, ids, revisions: await this.revisions(ids) };
  }

  async queue(name: string, range?: { offset: number; limit: number }): Promise<string[]> {
    const ids = this.queues.get(name)?.ids() ?? [];
    return range ? ids.slice(range.offset, range.offset + range.limit) : ids;
  }

  async position(id: string): Promise<number | null> {
    const filed = this.where.get(id);
    if (filed?.kind !== 'queue') return null;
    const rank = this.queues.get(filed.queue)?.rank(id);
    return rank == null ? null : rank + 1;
  }

  async owned(owner?: `operator:${string}`): Promise<string[]> {
    if (owner !== undefined) return [...(this.operators.get(owner) ?? [])].sort();
    return [...this.operators.values()].flatMap((ids) => [...ids]).sort();
  }

  async recordWait(ms: number): Promise<void> {
    this.waits = [ms, ...this.waits.slice(0, RECENT_WAITS - 1)];
  }

  async recentWaits(): Promise<number[]> {
    return [...this.waits];
  }
}

type Handler = (message: unknown) => void;

/**
 * Messages within this process. Delivery is asynchronous (a publisher never runs subscriber code)
 * and each handler gets its own copy, as it would from Redis.
 */
class MemoryBus implements Bus {
  /** Per topic, one entry per subscription (the same function subscribed twice is called twice). */
  private readonly topics = new Map<string, Set<{ handler: Handler }>>();

  constructor(private readonly onError?: (error: Error) => void) {}

  async publish(topic: string, message: unknown): Promise<void> {
    const json = copyIn(message);
    setImmediate(() => {
      for (const subscription of [...(this.topics.get(topic) ?? [])]) {
        // Unsubscribed while an earlier handler of this message ran: no longer delivered.
        if (!this.topics.get(topic)?.has(subscription)) continue;
        try {
          subscription.handler(JSON.parse(json));
        } catch (error) {
          this.onError?.(new Error(`bus handler for ${topic} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error }));
        }
      }
    });
  }

  async subscribe(topic: string, handler: Handler): Promise<() => Promise<void>> {
    const subscription = { handler };
    let subscriptions = this.topics.get(topic);
    if (!subscriptions) {
      subscriptions = new Set();
      this.topics.set(topic, subscriptions);
    }
    subscriptions.add(subscription);
    return async () => {
      const current = this.topics.get(topic);
      current?.delete(subscription);
      if (current?.size === 0) this.topics.delete(topic);
    };
  }

  clear(): void {
    this.topics.clear();
  }
}

interface Pending {
  consumer: string;
  /** When it was read or extended last (ms): its idle time starts there. */
  since: number;
}

/**
 * The outbox in this process, with the semantics of the Redis stream and its consumer group:
 * entries in the order added, pending for the consumer that read them until acked, handed to
 * another reader once idle for the visibility timeout.
 */
class MemoryOutbox implements Outbox {
  /** Entries not acked yet, in the order added (a Map keeps insertion order). */
  private readonly entries = new Map<string, { json: string; pending?: Pending }>();
  private readonly waiters = new Set<() => void>();
  private lastTime = 0;
  private sequence = 0;
  private closed = false;

  constructor(
    private readonly idempotency: MemoryIdempotency,
    /** The messages to each chat in every lane, in the order added (`<lane>|<id>`): a message is its chat's turn when it heads the list. */
    private readonly chats: Map<string, string[]>,
    private readonly lane: 'bulk' | 'live',
  ) {}

  async add(message: OutboxMessage): Promise<string> {
    const now = Date.now();
    // Stream ids: time in ms, then a sequence within that ms; always increasing.
    if (now > this.lastTime) {
      this.lastTime = now;
      this.sequence = 0;
    } else this.sequence++;
    const id = `${this.lastTime}-${this.sequence}`;
    this.entries.set(id, { json: copyIn({ key: message.key, chat: message.chat, payload: message.payload }) });
    this.chats.set(message.chat, [...(this.chats.get(message.chat) ?? []), `${this.lane}|${id}`]);
    for (const wake of [...this.waiters]) wake();
    return id;
  }

  async read(consumer: string, { count, blockMs, visibilityMs }: { count: number; blockMs: number; visibilityMs: number }): Promise<OutboxEntry[]> {
    if (this.closed) throw new Error('outbox: the store is closed');
    if (count <= 0) return [];
    const taken = this.take(consumer, count, visibilityMs);
    if (taken.length > 0 || blockMs <= 0) return taken;
    await new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.waiters.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, blockMs);
      timer.unref();
      this.waiters.add(wake);
    });
    // Like XREADGROUP BLOCK: only new entries after the wait; a wait the close ended ends empty.
    return this.closed ? [] : this.take(consumer, count, undefined);
  }

  async takeOver(consumer: string, { count, visibilityMs }: { count: number; visibilityMs: number }): Promise<OutboxEntry[]> {
    if (this.closed) throw new Error('outbox: the store is closed');
    return count <= 0 ? [] : this.take(consumer, count, visibilityMs, false);
  }

  private take(consumer: string, count: number, visibilityMs: number | undefined, andNew = true): OutboxEntry[] {
    const now = Date.now();
    const taken: OutboxEntry[] = [];
    if (visibilityMs !== undefined) {
      for (const [id, entry] of this.entries) {
        if (taken.length >= count) break;
        if (entry.pending && entry.pending.since + visibilityMs <= now) taken.push(this.deliver(id, entry, consumer, now));
      }
    }
    if (!andNew) return taken;
    for (const [id, entry] of this.entries) {
      if (taken.length >= count) break;
      if (!entry.pending) taken.push(this.deliver(id, entry, consumer, now));
    }
    return taken;
  }

  private deliver(id: string, entry: { json: string; pending?: Pending }, consumer: string, now: number): OutboxEntry {
    entry.pending = { consumer, since: now };
    const message = JSON.parse(entry.json) as OutboxMessage;
    return { id, key: message.key, chat: message.chat, payload: message.payload, addedAt: Number(id.split('-')[0]) };
  }

  async extend(consumer: string, ids: readonly string[]): Promise<void> {
    const now = Date.now();
    for (const id of ids) {
      const entry = this.entries.get(id);
      if (entry?.pending) entry.pending = { consumer, since: now };
    }
  }

  async ack(id: string): Promise<void> {
    const entry = this.entries.get(id);
    // XACK of an entry nobody read does nothing.
    if (!entry?.pending) return;
    this.entries.delete(id);
    const { chat } = JSON.parse(entry.json) as OutboxMessage;
    const left = (this.chats.get(chat) ?? []).filter((tag) => tag !== `${this.lane}|${id}`);
    if (left.length > 0) this.chats.set(chat, left);
    else this.chats.delete(chat);
  }

  async turn(entry: OutboxEntry): Promise<boolean> {
    const list = this.chats.get(entry.chat) ?? [];
    const tag = `${this.lane}|${entry.id}`;
    return list[0] === tag || !list.includes(tag);
  }

  async claimed(key: string): Promise<boolean> {
    return this.idempotency.has(key);
  }

  close(): void {
    this.closed = true;
    for (const wake of [...this.waiters]) wake();
  }
}

export interface MemoryStoreOptions {
  /** Told when a bus handler throws (the other handlers still get the message). */
  onError?: (error: Error) => void;
}

export function createMemoryStore({ onError }: MemoryStoreOptions = {}): Store {
  const collections = new Map<string, Map<string, string>>();
  const logs = new Map<string, Map<string, string[]>>();
  const bus = new MemoryBus(onError);
  const idempotency = new MemoryIdempotency();
  const chatLists = new Map<string, string[]>();
  const outbox = new MemoryOutbox(idempotency, chatLists, 'bulk');
  const liveOutbox = new MemoryOutbox(idempotency, chatLists, 'live');
  return {
    kind: 'memory',
    conversations: new MemoryConversations(),
    idempotency,
    handoff: new MemoryHandoff(),
    bus,
    outbox,
    liveOutbox,
    sendLimits: new MemorySendLimits(),
    collection<T>(name: string): Collection<T> {
      let records = collections.get(name);
      if (!records) {
        records = new Map();
        collections.set(name, records);
      }
      return new MemoryCollection<T>(records);
    },
    log<T>(name: string, keep: number): AppendLog<T> {
      checkKeep(keep);
      let lists = logs.get(name);
      if (!lists) {
        lists = new Map();
        logs.set(name, lists);
      }
      return new MemoryLog<T>(lists, keep);
    },
    records: memoryRecords(),
    reservations: new MemoryReservations(),
    rateLimits: new MemoryRateLimits(),
    jobs: new MemoryJobQueue(),
    files: new MemoryFiles(),
    ping: async () => true,
    close: async () => {
      bus.clear();
      outbox.close();
      liveOutbox.close();
    },
  };
}
