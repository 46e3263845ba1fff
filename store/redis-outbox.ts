import { defineScript } from 'redis';
import type { RedisClient } from './redis';
import { OwnConnection } from './redis-connection';
import type { Outbox, OutboxEntry, OutboxMessage } from './types';

/**
 * Every lane's messages to a chat are also listed, in the order added, in `{${prefix}outbox}:chat:<chat>`
 * as `<lane>|<entry id>`: an instance sends a message only when it heads that list, so two
 * instances holding messages to one chat (read by each, or taken over after a crash) never send
 * them out of order.
 *
 * The bulk lane's stream is `${prefix}outbox`; the other keys carry its whole name as their hash
 * tag (`{${prefix}outbox}:live`, the chats' lists), so they share its slot and the scripts that
 * touch a stream and a list run on one node (also on Redis Cluster).
 */
const CHAT_LIST_TTL_SECONDS = 8 * 24 * 3600;

/** KEYS: stream, chat list. ARGV: max length, lane, key, chat, payload, ttl. Returns the entry id. */
const addOutbox = defineScript({
  NUMBER_OF_KEYS: 2,
  SCRIPT: `
    local id = redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[1], '*', 'key', ARGV[3], 'chat', ARGV[4], 'payload', ARGV[5])
    redis.call('RPUSH', KEYS[2], ARGV[2] .. '|' .. id)
    redis.call('EXPIRE', KEYS[2], ARGV[6])
    return id`,
  parseCommand(parser, stream: string, chatList: string, lane: string, message: { key: string; chat: string }, payload: string) {
    parser.pushKeys([stream, chatList]);
    parser.push(String(OUTBOX_MAX_LENGTH), lane, message.key, message.chat, payload, String(CHAT_LIST_TTL_SECONDS));
  },
  transformReply: (reply: unknown) => reply as string,
});

/** KEYS: stream. ARGV: group, id, lane, chat list prefix. XACK and XDEL, and out of its chat's list. */
const ackOutbox = defineScript({
  NUMBER_OF_KEYS: 1,
  SCRIPT: `
    local entry = redis.call('XRANGE', KEYS[1], ARGV[2], ARGV[2])
    if #entry > 0 then
      local fields = entry[1][2]
      for i = 1, #fields, 2 do
        if fields[i] == 'chat' then redis.call('LREM', ARGV[4] .. fields[i + 1], 1, ARGV[3] .. '|' .. ARGV[2]) end
      end
    end
    redis.call('XACK', KEYS[1], ARGV[1], ARGV[2])
    redis.call('XDEL', KEYS[1], ARGV[2])
    return 1`,
  parseCommand(parser, stream: string, group: string, id: string, lane: string, chatListPrefix: string) {
    parser.pushKeys([stream]);
    parser.push(group, id, lane, chatListPrefix);
  },
  transformReply: () => undefined,
});

/**
 * KEYS: chat list. ARGV: `<lane>|<id>`, the bulk stream's key. 1 when that entry heads its chat's list (or is
 * not listed); heads whose stream entry is gone (trimmed, or acked by an older version) are dropped.
 */
const outboxTurn = defineScript({
  NUMBER_OF_KEYS: 1,
  SCRIPT: `
    for _ = 1, 100 do
      local head = redis.call('LINDEX', KEYS[1], 0)
      if not head or head == ARGV[1] then return 1 end
      local sep = string.find(head, '|', 1, true)
      local lane = string.sub(head, 1, sep - 1)
      local id = string.sub(head, sep + 1)
      local stream = ARGV[2]
      if lane ~= 'bulk' then stream = '{' .. stream .. '}:' .. lane end
      if #redis.call('XRANGE', stream, id, id) > 0 then return 0 end
      redis.call('LPOP', KEYS[1])
    end
    return 0`,
  parseCommand(parser, chatList: string, tag: string, bulkStream: string) {
    parser.pushKeys([chatList]);
    parser.push(tag, bulkStream);
  },
  transformReply: (reply: unknown) => reply === 1,
});

export const outboxScripts = { addOutbox, ackOutbox, outboxTurn };

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
 * The outbox as a Redis stream `${prefix}outbox` (or `{${prefix}outbox}:live`, the live lane) read by the consumer group `senders`: XADD (with
 * MAXLEN ~), XAUTOCLAIM for entries a consumer left pending longer than the visibility timeout,
 * XREADGROUP for new ones, XACK. A blocking read holds its connection, so reads that wait go
 * through a connection of their own (a duplicate of the store's, opened on first use, one waiting
 * read at a time: one drainer per process).
 */
export class RedisOutbox implements Outbox {
  /** The bulk lane's stream, whose name the other keys carry as their hash tag. */
  private readonly base: string;
  private readonly key: string;
  private readonly reader: OwnConnection;
  /** Where the next XAUTOCLAIM scan of the pending entries starts. */
  private claimCursor = '0-0';

  constructor(
    private readonly client: RedisClient,
    private readonly prefix: string,
    onError?: (error: Error) => void,
    /** The lane this stream holds: `<prefix>outbox` is the bulk lane, `{<prefix>outbox}:<lane>` another. */
    private readonly lane: 'bulk' | 'live' = 'bulk',
  ) {
    this.base = `${prefix}outbox`;
    this.key = lane === 'bulk' ? this.base : `${this.tagged}:${lane}`;
    this.reader = new OwnConnection(client, lane === 'bulk' ? 'outbox' : `outbox:${lane}`, onError);
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
    return this.client.addOutbox(this.key, this.chatList(message.chat), this.lane, message, payload);
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

  async takeOver(consumer: string, { count, visibilityMs }: { count: number; visibilityMs: number }): Promise<OutboxEntry[]> {
    if (count <= 0) return [];
    try {
      return await this.claimIdle(consumer, count, visibilityMs);
    } catch (error) {
      if (!isNoGroup(error)) throw error;
      await this.start();
      return [];
    }
  }

  /** XAUTOCLAIM: entries left pending for `visibilityMs`, from where the last scan stopped. */
  private async claimIdle(consumer: string, count: number, visibilityMs: number): Promise<OutboxEntry[]> {
    const claimed = await this.client.xAutoClaim(this.key, GROUP, consumer, visibilityMs, this.claimCursor, { COUNT: count });
    this.claimCursor = claimed.nextId;
    const entries = (claimed.messages as StreamMessage[]).map(entryOf).filter((e): e is OutboxEntry => e !== undefined);
    // Pending entries whose stream entry was trimmed away: nothing left to send.
    const gone = [...((claimed as { deletedMessages?: string[] }).deletedMessages ?? []), ...(claimed.messages as StreamMessage[]).flatMap((m) => (m && !entryOf(m) ? [m.id] : []))];
    if (gone.length > 0) await this.client.xAck(this.key, GROUP, gone);
    return entries;
  }

  private async readOnce(consumer: string, { count, blockMs, visibilityMs }: { count: number; blockMs: number; visibilityMs: number }): Promise<OutboxEntry[]> {
    const entries = await this.claimIdle(consumer, count, visibilityMs);
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

  /** The bulk stream's name as a hash tag: a key starting with it lies in the bulk stream's slot. */
  private get tagged(): string {
    return `{${this.base}}`;
  }

  private get chatListPrefix(): string {
    return `${this.tagged}:chat:`;
  }

  private chatList(chat: string): string {
    return this.chatListPrefix + chat;
  }

  turn(entry: OutboxEntry): Promise<boolean> {
    return this.client.outboxTurn(this.chatList(entry.chat), `${this.lane}|${entry.id}`, this.base);
  }

  /** XACK and XDEL together: the stream keeps only what is still to be sent. */
  async ack(id: string): Promise<void> {
    await this.client.ackOutbox(this.key, GROUP, id, this.lane, this.chatListPrefix);
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
