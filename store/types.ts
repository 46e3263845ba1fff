/** What the product keeps, and the small interfaces both stores implement. */

export type Lang = 'kk' | 'ru';
export type ChannelName = 'telegram' | 'web';

/** Who may speak to the citizen: the bot, nobody yet (waiting in the operator queue), or one operator. */
export type Owner = 'bot' | 'queue' | `operator:${string}`;
export type ConversationStatus = 'open' | 'closed';

/** Serialisable position of a conversation in a flow; `v` is the flow's version when the state was written. */
export interface FlowState {
  flow: string;
  v: number;
  step: string;
  data: Record<string, unknown>;
}

/** How to reach the citizen outside a request: the Telegram chat, or nothing for the widget (socket hub). */
export interface ChatAddress {
  telegramChatId?: number;
  /** The citizen blocked the bot in Telegram: nothing is sent there until they write again. */
  blocked?: boolean;
}

/** The operator side of a conversation: why and since when it waits, who has it, where to return. */
export interface Handoff {
  /** `general`, or `supervisors` after a transfer to the supervisors' queue. */
  queue: string;
  /** 1 for people with limited mobility and home visits, 0 otherwise. */
  priority: number;
  /** When the conversation joined its queue (ISO). */
  waitingSince?: string;
  /** What the citizen wants, in their words or as the service they were looking at. */
  topic?: string;
  /** The operator who has it now. */
  operator?: { login: string; name: string };
  /** A note left by the operator who transferred it. */
  note?: string;
  /** The flow step the citizen was at before queueing, resumed after hand-back. */
  resume?: FlowState;
  /** The queue position the citizen was last told. */
  announcedPosition?: number;
  /** When the citizen last wrote while waiting or talking to an operator. */
  lastCitizenAt?: string;
  /** When a waiting citizen was last asked whether they still wait. */
  idleAskedAt?: string;
  /** Why it was closed (the operator's reason, or `idle`). */
  closedReason?: string;
}

export interface Conversation {
  id: string;
  /** What the citizen reads out to 1414 and operators find it by: C-2026-004821 (absent on conversations started before numbering). */
  number?: string;
  channel: ChannelName;
  lang: Lang;
  owner: Owner;
  status: ConversationStatus;
  state: FlowState;
  /** The buttons the bot offered last; a choice outside them (and the global ones) is stale or forged. */
  offered: { id: string; label: string; yes?: true; no?: true; also?: readonly string[] }[];
  /** What the flows collected, shown to operators. */
  data: Record<string, unknown>;
  address: ChatAddress;
  /** Messages in a row the bot did not understand; at two it offers an operator. */
  misunderstood?: number;
  /** The language the bot offered to switch to, once, when the citizen clearly wrote in it. */
  languageOffered?: Lang;
  /** Present while the conversation is queued or with an operator, and kept after for the record. */
  handoff?: Handoff;
  createdAt: string;
  updatedAt: string;
  /** Incremented on every save; a save that expected another revision loses and is retried. */
  revision: number;
  /** The number of the last transcript entry (entries are numbered from 1, in the order written). */
  seq?: number;
  /** When retention last anonymised its transcript and collected data (ISO); a later message makes it due again. */
  anonymisedAt?: string;
  /** Ids of the most recent inbound events handled (Telegram updates, widget frames, notifications): a redelivered one is handled once. */
  handled?: string[];
}

export type TranscriptFrom = 'citizen' | 'bot' | 'operator' | 'system';

export interface TranscriptEntry {
  from: TranscriptFrom;
  text: string;
  at: string;
  /** The entry's number in its conversation (absent on entries written before numbering). */
  seq?: number;
  /** The operator's first name, on operator messages. */
  author?: string;
  /** A file the message carried (a filled form), linked again when the message is shown later. */
  attachment?: { kind: 'form'; formId: string; fileName: string };
  /** An updated version of the bot message before it (a ticked checklist): a channel showing the history shows this one instead. */
  replaces?: true;
}

/**
 * A save either went through, or lost to another update and brings back what the store holds now.
 * `contended`: some save of this conversation lost within the last seconds, so other writers are
 * active and a process should not start its next turn from its own copy.
 */
export type SaveResult = { saved: true; contended: boolean } | { saved: false; current: Conversation | null };

/** How long a lost save marks a conversation as contended. */
export const CONTENTION_WINDOW_MS = 2000;

export interface ConversationStore {
  get(id: string): Promise<Conversation | null>;
  /**
   * Stores `conversation` (whose `revision` is already the new one) only if the stored revision is
   * still `expectedRevision` (0: not stored yet), and appends the transcript entries in the same
   * atomic step. When another update won, nothing is written and the stored conversation comes
   * back, so the loser can decide again without another read.
   */
  save(conversation: Conversation, expectedRevision: number, transcript: readonly TranscriptEntry[]): Promise<SaveResult>;
  transcript(id: string, limit?: number): Promise<TranscriptEntry[]>;
  /** The first `count` entries of the transcript still kept, oldest first (what the citizen began with). */
  transcriptHead(id: string, count: number): Promise<TranscriptEntry[]>;
  /** Several conversations at once (one round trip), in the order of `ids`; null where missing. */
  getMany(ids: readonly string[]): Promise<(Conversation | null)[]>;
  /**
   * The ids of every stored conversation, a page at a time, in no set order (the retention sweep
   * reads them all); a conversation saved during the walk may be left out.
   */
  ids(): AsyncIterable<string[]>;
  /**
   * Puts `entries` in the place of the whole transcript (anonymised, or none after the citizen
   * asked to delete their data). Not atomic with `save`: an entry appended in between is lost, so
   * it is used on conversations nobody writes in, or inside the citizen's own turn.
   */
  replaceTranscript(id: string, entries: readonly TranscriptEntry[]): Promise<void>;
}

/** Marks a key as done once, so an effect retried after a lost race is not applied twice. */
export interface IdempotencyStore {
  /** True the first time a key is claimed within `ttlSeconds`, false afterwards. */
  claim(key: string, ttlSeconds: number): Promise<boolean>;
}

/** Records of one kind by id (operator accounts, canned answers, call-back requests…); small sets, listed whole. */
export interface Collection<T> {
  get(id: string): Promise<T | null>;
  put(id: string, value: T): Promise<void>;
  /** Stores the value only when the id is free; false when it was taken. */
  create(id: string, value: T): Promise<boolean>;
  delete(id: string): Promise<boolean>;
  list(): Promise<T[]>;
}

/** Append-only lists by key (the audit log, an operator's private notes on one conversation), oldest first. */
export interface AppendLog<T> {
  append(key: string, entry: T): Promise<void>;
  /** The last `limit` entries of the key, oldest first. */
  list(key: string, limit?: number): Promise<T[]>;
  /** Drops every entry of the key (a log kept by age drops its old keys whole). */
  remove(key: string): Promise<void>;
}

/** Where an open conversation that is not with the bot is filed: a queue, or an operator. */
export interface HandoffPlacement {
  id: string;
  owner: Owner;
  status: ConversationStatus;
  /** The queue a queued conversation waits in (`general`, or `supervisors` after a transfer). */
  queue?: string;
  /** Higher first: limited mobility and home visits are served before the rest. */
  priority: number;
  /** ISO time the conversation joined its queue; earlier first within a priority. */
  waitingSince?: string;
  /** The conversation's revision as filed: kept as its stamp (see `HandoffIndex.stamp`). */
  revision?: number;
  /** ISO time a queued citizen's silence counts from (see `HandoffIndex.quiet`). */
  quietSince?: string;
}

/**
 * The index operators list conversations by. Kept apart from the conversation documents and
 * updated after each change of owner or status; readers check each listed conversation, so an
 * entry left behind by a crash between the two writes is skipped and dropped, never shown.
 */
export interface HandoffIndex {
  /** Files the conversation: into its queue when queued, under its operator when owned, nowhere when with the bot or closed. */
  place(entry: HandoffPlacement): Promise<void>;
  /** Ids in a queue, in serving order (priority, then waiting time); a range gives one page of it. */
  queue(name: string, range?: { offset: number; limit: number }): Promise<string[]>;
  /** 1-based place in its queue, or null when not queued. */
  position(id: string): Promise<number | null>;
  /** Ids owned by one operator (`operator:<login>`), or by any operator when omitted. */
  owned(owner?: `operator:${string}`): Promise<string[]>;
  /** Records how long a citizen waited before an operator took over, for the wait estimate. */
  recordWait(ms: number): Promise<void>;
  /** The most recent waits, newest first (at most 50). */
  recentWaits(): Promise<number[]>;
  /**
   * Notes the revision of a filed conversation's latest stored change (ignored when it is filed
   * nowhere, and never lowered), so that a listing on any instance can tell whether what it drew
   * from an earlier revision is still current. Filing it nowhere forgets the stamp. With
   * `quietSince`, a queued id's silence is noted to count from then (see `quiet`).
   */
  stamp(id: string, revision: number, quietSince?: string): Promise<void>;
  /**
   * Ids waiting in any queue whose silence began at or before `before` (ms since the epoch), longest
   * silent first: the idle sweep reads these instead of every queued conversation. The time is the
   * placement's or the latest stamp's `quietSince`; an id filed without one is not among them.
   */
  quiet(before: number): Promise<string[]>;
  /** The stamps of these ids, in their order: null for an id filed nowhere or never stamped. */
  revisions(ids: readonly string[]): Promise<(number | null)[]>;
  /**
   * One page of several queues read one after another as if they were one list, in one step: the
   * ids with their stamps, and how many wait in all of them.
   */
  queuePage(names: readonly string[], range: { offset: number; limit: number }): Promise<QueuePage>;
}

export interface QueuePage {
  total: number;
  ids: string[];
  /** The stamp of each id (see `HandoffIndex.revisions`). */
  revisions: (number | null)[];
}

/** Messages between instances: operator events and frames for widget sockets held by another process. */
export interface Bus {
  publish(topic: string, message: unknown): Promise<void>;
  /** Calls `handler` for every message on the topic (from any instance, this one included); returns the unsubscribe. */
  subscribe(topic: string, handler: (message: unknown) => void): Promise<() => Promise<void>>;
}

/** A message for a citizen, waiting in the outbox until it is sent (operator messages, notifications). */
export interface OutboxMessage {
  /** Idempotency key, unique per message: a message whose key was already sent is not sent again. */
  key: string;
  /** Messages of one chat are sent in order and paced together (for Telegram, the chat id). */
  chat: string;
  /** What to send; stored as JSON. */
  payload: unknown;
}

/** A message read from the outbox: it stays pending for the consumer that read it until acked. */
export interface OutboxEntry extends OutboxMessage {
  /** The entry's id in the outbox (a stream id: ordered, starts with the time it was added in ms). */
  id: string;
  /** When it was added (ms since the epoch). */
  addedAt: number;
}

/**
 * A persistent queue of outbound messages read by consumers of one group (one consumer per
 * instance): an entry read by one consumer is pending for it until acked; one it did not ack
 * for `visibilityMs` (the instance crashed or stopped) is handed to the next consumer that reads.
 */
export interface Outbox {
  /** Appends a message; resolves with its entry id. */
  add(message: OutboxMessage): Promise<string>;
  /**
   * Up to `count` entries for `consumer`: first those another consumer (or this one) left
   * unacked for `visibilityMs`, then new ones in the order they were added. When there is
   * nothing, waits up to `blockMs` for a new entry (0: answers at once).
   */
  read(consumer: string, options: { count: number; blockMs: number; visibilityMs: number }): Promise<OutboxEntry[]>;
  /**
   * Only the entries another consumer (or this one) left unacked for `visibilityMs`, up to `count`,
   * none new, at once: a reader with no room for new entries still takes over those of a stopped
   * instance, which are older than its own and go first.
   */
  takeOver(consumer: string, options: { count: number; visibilityMs: number }): Promise<OutboxEntry[]>;
  /** Keeps entries `consumer` still works on (waiting out a 429) from being handed over: their idle time starts again. */
  extend(consumer: string, ids: readonly string[]): Promise<void>;
  /** Done with an entry: it is never read again. */
  ack(id: string): Promise<void>;
  /**
   * Whether the entry may be sent now without passing an older message to its chat: no older one
   * waits in any lane, on any instance (one read by another instance, or pending for one that died,
   * goes first).
   */
  turn(entry: OutboxEntry): Promise<boolean>;
  /** Whether `idempotency.claim(key)` was called within its time to live, without claiming it. */
  claimed(key: string): Promise<boolean>;
}

/**
 * The lane an outbound message waits in: `live` (a citizen's answer in a turn, a message of the
 * conversation an operator or the queue holds) is sent before `bulk` (notifications, reminders).
 */
export type SendLane = 'live' | 'bulk';

/** The limits one bot's sends are held to, by every instance together. */
export interface SendRates {
  /** Bot API calls over all chats in any window of `windowMs`. */
  perWindow: number;
  windowMs: number;
  /**
   * Bulk calls go only while fewer than `bulkBurst` calls were taken in the last `windowMs *
   * bulkBurst / perWindow`: notifications are spread over the window instead of taking it whole at
   * its start, which would leave a citizen's answer waiting out the rest of it. `perWindow` spreads nothing.
   */
  bulkBurst: number;
  /** One chat: a token bucket of `chatBurst` tokens refilled at `chatPerSecond`. */
  chatPerSecond: number;
  chatBurst: number;
}

/** The answer to a request for one Bot API call: taken, or how long to wait and what holds it. */
export type SendPermit = { taken: true } | { taken: false; waitMs: number; scope: 'hold' | 'all' | 'chat' };

/**
 * The send limits of a bot shared by every instance (Telegram counts per bot, not per process):
 * a sliding window over all chats, a token bucket per chat, and a hold on the whole bot (a 429's
 * retry_after). `bulk` requests are spread over the window (`SendRates.bulkBurst`); a `live` one keeps
 * to the window only, and when it finds the window full makes `bulk` requests wait behind it on
 * every instance, so a citizen's answer goes before queued notifications. A live request is
 * not held by its chat's bucket (the citizen sets the pace of a conversation) but spends from it,
 * into debt if need be, so that notifications to that chat wait until the bucket has refilled.
 */
export interface SendLimits {
  /** One Bot API call to `chat`: taken (counted in both limits) or refused with the wait. */
  take(request: { bot: string; chat: string; lane: SendLane; rates: SendRates }): Promise<SendPermit>;
  /** Nothing more is taken for `bot` for `ms` (a longer hold already set stays). */
  hold(bot: string, ms: number): Promise<void>;
}

/** A record as stored: the value with its id, human-readable number and revision. */
export interface StoredRecord<T> {
  /** Random, 16 base64url characters; stable for the life of the record. */
  id: string;
  /** What people read out and type: `HV-2026-000123`. */
  number: string;
  /** 1 when created, incremented on every update. */
  revision: number;
  createdAt: string;
  updatedAt: string;
  value: T;
}

/** How the records of one collection are numbered, indexed and ordered. */
export interface RecordSpec<T> {
  /** Collection name, e.g. 'home-visits' (keys are namespaced by it). */
  name: string;
  /**
   * Number prefix, one per collection: 'HV' gives HV-2026-000123, the Asia/Almaty year of creation
   * and a sequence per prefix and year, zero-padded to 6.
   */
  prefix: string;
  /**
   * Secondary index values of a record: index name → one value or several (e.g. { status:
   * 'requested', day: '2026-12-01', dayRegion: '2026-12-01|almaty', owner: 'web-abc', external:
   * 'KZ123' }). Compound indexes are made by the caller as compound values.
   */
  indexes(value: T): Record<string, string | readonly string[] | undefined>;
  /** Order of a listing (ascending); default: creation time. E.g. a visit's date and window. */
  sortKey?(record: { value: T; createdAt: string }): number;
}

export type RecordUpdate<T> = { updated: true; record: StoredRecord<T> } | { updated: false; current: StoredRecord<T> | null };

/** A page of a listing: by one index value, or all records of the collection when no index is named. */
export type RecordQuery = ({ index: string; value: string } | { index?: undefined; value?: undefined }) & {
  offset?: number;
  /** Page size; all the rest when omitted. */
  limit?: number;
  descending?: boolean;
};

/**
 * Records of one kind that people refer to by number (home visits, call-back requests), with
 * secondary indexes kept in step with every write. Records are never deleted; a status says what
 * became of them.
 */
export interface Records<T> {
  /**
   * Creates a record with the next number. With `key` (an idempotency key), creating again with
   * the same key returns the first record and created: false — nothing is created twice, also
   * when two instances race.
   */
  create(value: T, options?: { key?: string; now?: Date }): Promise<{ record: StoredRecord<T>; created: boolean }>;
  get(id: string): Promise<StoredRecord<T> | null>;
  getByNumber(number: string): Promise<StoredRecord<T> | null>;
  /** Compare-and-set: writes only when the stored revision is still `expectedRevision`; indexes follow the new value atomically. */
  update(id: string, expectedRevision: number, value: T, now?: Date): Promise<RecordUpdate<T>>;
  /** Paged listing in sortKey order (ties by id). `total` counts all matches. */
  list(query?: RecordQuery): Promise<{ items: StoredRecord<T>[]; total: number }>;
}

/** Atomic capacity: at most `capacity` holders per key (a visit window of a region and day). */
export interface Reservations {
  /**
   * Takes a place under `key` for `holder` when fewer than `capacity` holders have one; the same
   * holder asking again keeps its one place (true). False when full. Atomic across instances.
   */
  reserve(key: string, holder: string, capacity: number): Promise<boolean>;
  release(key: string, holder: string): Promise<void>;
  /** Places taken per key, in the order of `keys` (one round trip). */
  counts(keys: readonly string[]): Promise<number[]>;
}

export interface ScheduledJob {
  id: string;
  type: string;
  /** When it is due (ms since the epoch). */
  dueAt: number;
  payload: unknown;
  /** Times it was claimed since it was last scheduled, the claim that returned it included. */
  attempts: number;
  /** On a claimed job: the claim it came from, which `complete` checks, and when its lease ends (ms). */
  lease?: { token: string; until: number };
}

/**
 * Jobs due at a time, kept in the store, claimed by exactly one instance at a time. Times are
 * the callers' clocks (ms since the epoch), so instances are expected to agree on the time.
 */
export interface JobQueue {
  /**
   * Schedules a job; the same id again replaces its due time and payload (a moved visit moves its
   * reminder), starts its attempts again and ends any claim on it.
   */
  schedule(job: { id: string; type: string; dueAt: number; payload: unknown }): Promise<void>;
  /** False when there was no such job. */
  cancel(id: string): Promise<boolean>;
  get(id: string): Promise<ScheduledJob | null>;
  /**
   * Up to `count` jobs due at `now` for `worker`, in due order, each leased for `leaseMs`: hidden
   * from other claims until the lease ends; a job not completed by then (the instance died) is
   * claimable again with attempts + 1.
   */
  claim(worker: string, now: number, count: number, leaseMs: number): Promise<ScheduledJob[]>;
  /**
   * Done: the job (as `claim` returned it) is gone — unless it was rescheduled or re-claimed since
   * this claim (then this completion changes nothing). Returns whether it was removed.
   */
  complete(job: ScheduledJob, worker: string): Promise<boolean>;
}

/** Fixed-window counters: at most `limit` hits per key in each window of `windowSeconds`, forgotten after it. */
export interface RateLimits {
  /** Counts a hit; false when the key already had `limit` hits in the current window (the hit is still counted). */
  hit(key: string, limit: number, windowSeconds: number, now?: Date): Promise<boolean>;
}

/** A citizen's attachment as stored: the content with what it was sent as and whose conversation it belongs to. */
export interface StoredFile {
  bytes: Buffer;
  name: string;
  /** The type found in the content (never the one the sender claimed). */
  mime: string;
  size: number;
  /** The conversation it was sent in: only that conversation (and the complaints desk) may read it. */
  owner: string;
}

/** Attachments (photos, scans) by a random id, kept as long as conversations are. */
export interface Files {
  put(bytes: Buffer, meta: { name: string; mime: string; owner: string }): Promise<{ id: string; size: number }>;
  get(id: string): Promise<StoredFile | null>;
  /** False when there was no such file. */
  delete(id: string): Promise<boolean>;
  /** The ids of the files still kept that a conversation sent (for its erasure). */
  ownedBy(owner: string): Promise<string[]>;
}

export interface Store {
  readonly kind: 'redis' | 'memory';
  readonly conversations: ConversationStore;
  readonly idempotency: IdempotencyStore;
  readonly handoff: HandoffIndex;
  readonly bus: Bus;
  /** Outbound messages to citizens, drained by every instance within the channel's limits: the `bulk` lane (notifications). */
  readonly outbox: Outbox;
  /** The `live` lane of the outbox: answers in a turn and messages of a conversation with the contact centre, drained first. */
  readonly liveOutbox: Outbox;
  /** Telegram's limits on sending, shared by every instance. */
  readonly sendLimits: SendLimits;
  /** A named collection; the same name gives the same records on every instance. */
  collection<T>(name: string): Collection<T>;
  /** A named append-only log, trimmed to its most recent `keep` entries per key. */
  log<T>(name: string, keep: number): AppendLog<T>;
  /** Numbered, indexed records; the same spec name gives the same records on every instance. */
  records<T>(spec: RecordSpec<T>): Records<T>;
  readonly reservations: Reservations;
  /** Counters of attempts per key and time window (look-ups per IIN). */
  readonly rateLimits: RateLimits;
  /** Timed jobs (reminders), run by the scheduler of whichever instance claims them. */
  readonly jobs: JobQueue;
  /** Citizens' attachments. */
  readonly files: Files;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/** Transcripts keep the most recent entries only; operators need the conversation, not an archive. */
export const TRANSCRIPT_LIMIT = 1000;
/** Conversations nobody touched for this long are forgotten (personal data is kept no longer than needed). */
export const CONVERSATION_TTL_SECONDS = 180 * 24 * 3600;
