import type { RedisClient } from './redis';
import { OwnConnection } from './redis-connection';
import type { Outbox, OutboxEntry, OutboxMessage } from './types';

/** The consumer group every instance reads the outbox in. */
const GROUP = 'senders';
/**
 * A bound on the stream for when nothing drains it (no instance has the Telegram channel): acked
 * entries are deleted at once, so only a backlog this long loses its oldest entries.
 */
export const OUTBOX_MAX_LENGTH = 100_000;

type StreamMessage = { id: string; message: Record<string, string> } | null;

function entryOf(raw: StreamMessage): OutboxEntry | undefined {
  if (!raw) return undefined; // deleted (trimmed) while pending
  const { key, chat, payload } = raw.message;
  if (key === undefined || chat === undefined || payload === undefined) return undefined;
  return { id: raw.id, key, chat, payload: JSON.parse(payload) as unknown, addedAt: Number(raw.id.split('-')[0]) };
}

function isNoGroup(error: unknown): boolean {
  return error instanceof Error && error.message.startsWith('NOGROUP');
}

/**
 * The outbox as a Redis stream `${prefix}outbox` (or `${prefix}outbox:live`, the live lane) read by the consumer group `senders`: XADD (with
 * MAXLEN ~), XAUTOCLAIM for entries a consumer left pending longer than the visibility timeout,
 * XREADGROUP for new ones, XACK. A blocking read holds its connection, so reads that wait go
 * through a connection of their own (a duplicate of the store's, opened on first use, one waiting
 * read at a time: one drainer per process).
 */
export class RedisOutbox implements Outbox {
  private readonly key: string;
  private readonly reader: OwnConnection;
  /** Where the next XAUTOCLAIM scan of the pending entries starts. */
  private claimCursor = '0-0';

  constructor(
    private readonly client: RedisClient,
    private readonly prefix: string,
    onError?: (error: Error) => void,
    /** The lane this stream holds: `outbox` is the bulk lane, `outbox:<lane>` another. */
    lane?: string,
  ) {
    this.key = lane ? `${prefix}outbox:${lane}` : `${prefix}outbox`;
    this.reader = new OwnConnection(client, lane ? `outbox:${lane}` : 'outbox', onError);
  }

  /** Creates the stream and the group unless they exist (also after a FLUSHALL, on NOGROUP). */
  async start(): Promise<void> {
    try {
      await this.client.xGroupCreate(this.key, GROUP, '0', { MKSTREAM: true });
    } catch (error) {
      if (!(error instanceof Error && error.message.startsWith('BUSYGROUP'))) throw error;
    }
  }

  async add(message: OutboxMessage): Promise<string> {
    const payload = JSON.stringify(message.payload);
    if (payload === undefined) throw new TypeError('outbox: the payload cannot be stored as JSON');
    return this.client.xAdd(this.key, '*', { key: message.key, chat: message.chat, payload }, { TRIM: { strategy: 'MAXLEN', strategyModifier: '~', threshold: OUTBOX_MAX_LENGTH } });
  }

  async read(consumer: string, options: { count: number; blockMs: number; visibilityMs: number }): Promise<OutboxEntry[]> {
    if (options.count <= 0) return [];
    try {
      return await this.readOnce(consumer, options);
    } catch (error) {
      if (!isNoGroup(error)) throw error;
      await this.start();
      return this.readOnce(consumer, options);
    }
  }

  private async readOnce(consumer: string, { count, blockMs, visibilityMs }: { count: number; blockMs: number; visibilityMs: number }): Promise<OutboxEntry[]> {
    const claimed = await this.client.xAutoClaim(this.key, GROUP, consumer, visibilityMs, this.claimCursor, { COUNT: count });
    this.claimCursor = claimed.nextId;
    const entries = (claimed.messages as StreamMessage[]).map(entryOf).filter((e): e is OutboxEntry => e !== undefined);
    // Pending entries whose stream entry was trimmed away: nothing left to send.
    const gone = [...((claimed as { deletedMessages?: string[] }).deletedMessages ?? []), ...(claimed.messages as StreamMessage[]).flatMap((m) => (m && !entryOf(m) ? [m.id] : []))];
    if (gone.length > 0) await this.client.xAck(this.key, GROUP, gone);
    if (entries.length >= count) return entries;
    const wait = entries.length === 0 && blockMs > 0;
    const connection = wait ? await this.reader.open() : this.client;
    const reply = (await connection.xReadGroup(GROUP, consumer, { key: this.key, id: '>' }, { COUNT: count - entries.length, ...(wait ? { BLOCK: blockMs } : {}) })) as
      | { name: string; messages: StreamMessage[] }[]
      | null;
    for (const stream of reply ?? [])
      for (const message of stream.messages) {
        const entry = entryOf(message);
        if (entry) entries.push(entry);
        else if (message) await this.client.xAck(this.key, GROUP, message.id);
      }
    return entries;
  }

  async extend(consumer: string, ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.client.xClaimJustId(this.key, GROUP, consumer, 0, [...ids]);
  }

  /** XACK and XDEL together: the stream keeps only what is still to be sent. */
  async ack(id: string): Promise<void> {
    await this.client.multi().xAck(this.key, GROUP, id).xDel(this.key, id).exec();
  }

  async claimed(key: string): Promise<boolean> {
    // The record RedisIdempotency.claim writes.
    return (await this.client.exists(`${this.prefix}once:${key}`)) === 1;
  }

  /** Drops the reading connection at once: a read waiting on it fails instead of holding the close up. */
  async close(): Promise<void> {
    await this.reader.close('destroy');
  }
}
