import { createClient, createCluster, defineScript } from 'redis';
import './redis-unavailable';
import { RedisRateLimits } from './redis-rate-limits';
import { RedisFiles } from './redis-files';
import { toJson } from './json';
import { RedisBus } from './redis-bus';
import { withSharedDeadline } from './redis-deadline';
import { clusterNodeDefaults, type Masters, nodeUrl, type RedisTarget, scanMasters } from './redis-connection';
import { outboxScripts, RedisOutbox } from './redis-outbox';
import { RedisSendLimits, sendLimitScripts } from './redis-send-limits';
import { handoffScripts, RedisHandoff } from './redis-handoff';
import { jobScripts, RedisJobQueue } from './redis-jobs';
import { recordScripts, RedisRecords, RedisReservations } from './redis-records';
import {
  CONTENTION_WINDOW_MS,
  CONVERSATION_TTL_SECONDS,
  TRANSCRIPT_LIMIT,
  type AppendLog,
  type Collection,
  type Conversation,
  type ConversationStore,
  type IdempotencyStore,
  type Records,
  type RecordSpec,
  type SaveResult,
  type Store,
  type TranscriptEntry,
} from './types';

/**
 * Compare-and-set of a conversation plus the append to its transcript, in one atomic step.
 * Both keys carry the conversation id as a hash tag, so the script also runs on Redis Cluster.
 */
const saveConversation = defineScript({
  NUMBER_OF_KEYS: 3,
  SCRIPT: `
    local stored = redis.call('HGET', KEYS[1], 'rev')
    if (stored or '0') ~= ARGV[1] then
      redis.call('SET', KEYS[3], '1', 'PX', ARGV[6])
      return redis.call('HGET', KEYS[1], 'doc')
    end
    local ttl = tonumber(ARGV[4])
    redis.call('HSET', KEYS[1], 'rev', ARGV[2], 'doc', ARGV[3])
    redis.call('EXPIRE', KEYS[1], ttl)
    if #ARGV > 6 then
      local keep = tonumber(ARGV[5])
      if redis.call('RPUSH', KEYS[2], unpack(ARGV, 7)) > keep then redis.call('LTRIM', KEYS[2], -keep, -1) end
      redis.call('EXPIRE', KEYS[2], ttl)
    end
    return 1 + redis.call('EXISTS', KEYS[3])`,
  parseCommand(parser, docKey: string, transcriptKey: string, contentionKey: string, expectedRevision: number, conversation: Conversation, transcript: readonly TranscriptEntry[]) {
    parser.pushKeys([docKey, transcriptKey, contentionKey]);
    parser.push(
      String(expectedRevision),
      String(conversation.revision),
      JSON.stringify(conversation),
      String(CONVERSATION_TTL_SECONDS),
      String(TRANSCRIPT_LIMIT),
      String(CONTENTION_WINDOW_MS),
      ...transcript.map((entry) => JSON.stringify(entry)),
    );
  },
  transformReply: (reply: unknown): SaveResult =>
    typeof reply === 'number' ? { saved: true, contended: reply === 2 } : { saved: false, current: typeof reply === 'string' ? (JSON.parse(reply) as Conversation) : null },
});

const scripts = { saveConversation, ...handoffScripts, ...recordScripts, ...jobScripts, ...sendLimitScripts, ...outboxScripts };

/**
 * Failing fast (a deadline for a turn's commands), commands issued while the connection is down fail
 * at once; then node-redis's own per-command timeout (5 s) has nothing left to guard and is turned off.
 */
const commandOptionsFor = (failFast: boolean) => (failFast ? { commandOptions: { timeout: 0 } } : {});

/** `failFast`: a command issued while the connection is down fails at once instead of waiting in node-redis's offline queue. */
function connect(url: string, failFast = false) {
  return createClient({ url, disableOfflineQueue: failFast, ...commandOptionsFor(failFast), scripts });
}
export type RedisClient = ReturnType<typeof connect>;

function connectCluster(nodes: readonly string[], failFast: boolean) {
  return createCluster({
    rootNodes: nodes.map((node) => ({ url: nodeUrl(node) })),
    defaults: { disableOfflineQueue: failFast, ...clusterNodeDefaults(nodes) },
    ...commandOptionsFor(failFast),
    scripts,
  });
}

/**
 * The client and the servers behind it. A cluster client takes the same commands as a client of
 * one server and sends each to the master of its key's slot; every operation of the store touches
 * keys of one slot (a shared hash tag), so it is typed as one.
 */
function open(target: RedisTarget, failFast: boolean): { client: RedisClient; masters: Masters } {
  if ('url' in target) {
    const client = connect(target.url, failFast);
    return { client, masters: async () => [client] };
  }
  const cluster = connectCluster(target.clusterNodes, failFast);
  return {
    client: cluster as unknown as RedisClient,
    masters: () => Promise.all(cluster.masters.map(async (master) => (await cluster.nodeClient(master)) as unknown as RedisClient)),
  };
}

class RedisConversations implements ConversationStore {
  constructor(
    private readonly client: RedisClient,
    private readonly prefix: string,
    private readonly masters: Masters,
  ) {}

  private docKey(id: string) {
    return `${this.prefix}conv:{${id}}`;
  }

  private transcriptKey(id: string) {
    return `${this.prefix}conv:{${id}}:transcript`;
  }

  private contentionKey(id: string) {
    return `${this.prefix}conv:{${id}}:contended`;
  }

  async get(id: string): Promise<Conversation | null> {
    const doc = await this.client.hGet(this.docKey(id), 'doc');
    return doc == null ? null : (JSON.parse(doc) as Conversation);
  }

  async save(conversation: Conversation, expectedRevision: number, transcript: readonly TranscriptEntry[]): Promise<SaveResult> {
    const id = conversation.id;
    return (await this.client.saveConversation(this.docKey(id), this.transcriptKey(id), this.contentionKey(id), expectedRevision, conversation, transcript)) as SaveResult;
  }

  async transcript(id: string, limit = TRANSCRIPT_LIMIT): Promise<TranscriptEntry[]> {
    const entries = await this.client.lRange(this.transcriptKey(id), -limit, -1);
    return entries.map((e) => JSON.parse(e) as TranscriptEntry);
  }

  async transcriptHead(id: string, count: number): Promise<TranscriptEntry[]> {
    if (count <= 0) return [];
    const entries = await this.client.lRange(this.transcriptKey(id), 0, count - 1);
    return entries.map((e) => JSON.parse(e) as TranscriptEntry);
  }

  async getMany(ids: readonly string[]): Promise<(Conversation | null)[]> {
    // Issued in one tick, the HGETs go out as one pipeline (one round trip); every key keeps its own
    // hash tag, so unlike MGET this also works when the conversations live on different cluster slots.
    const docs = await Promise.all(ids.map((id) => this.client.hGet(this.docKey(id), 'doc')));
    return docs.map((doc) => (doc == null ? null : (JSON.parse(doc) as Conversation)));
  }

  async *ids(): AsyncIterable<string[]> {
    // Only the documents are hashes; a conversation's transcript (a list) and contention mark (a string) are not.
    const pattern = `${this.prefix.replace(/[*?[\]\\]/g, '\\$&')}conv:{*}`;
    const start = this.prefix.length + 'conv:{'.length;
    // On a cluster each master holds a share of the conversations: SCAN walks every one.
    for await (const keys of scanMasters(this.masters, { MATCH: pattern, TYPE: 'hash', COUNT: 500 })) {
      if (keys.length > 0) yield keys.map((key) => key.slice(start, -1));
    }
  }

  async replaceTranscript(id: string, entries: readonly TranscriptEntry[]): Promise<void> {
    const key = this.transcriptKey(id);
    const write = this.client.multi().del(key);
    if (entries.length > 0)
      write
        .rPush(
          key,
          entries.slice(-TRANSCRIPT_LIMIT).map((entry) => JSON.stringify(entry)),
        )
        .expire(key, CONVERSATION_TTL_SECONDS);
    await write.exec();
  }
}

class RedisIdempotency implements IdempotencyStore {
  constructor(
    private readonly client: RedisClient,
    private readonly prefix: string,
  ) {}

  async claim(key: string, ttlSeconds: number): Promise<boolean> {
    return (await this.client.set(`${this.prefix}once:${key}`, '1', { condition: 'NX', expiration: { type: 'EX', value: ttlSeconds } })) === 'OK';
  }
}

/** One hash per collection, field = id, value = JSON. */
class RedisCollection<T> implements Collection<T> {
  constructor(
    private readonly client: RedisClient,
    private readonly key: string,
  ) {}

  async get(id: string): Promise<T | null> {
    const json = await this.client.hGet(this.key, id);
    return json == null ? null : (JSON.parse(json) as T);
  }

  async put(id: string, value: T): Promise<void> {
    await this.client.hSet(this.key, id, toJson(value));
  }

  async create(id: string, value: T): Promise<boolean> {
    return (await this.client.hSetNX(this.key, id, toJson(value))) === 1;
  }

  async delete(id: string): Promise<boolean> {
    return (await this.client.hDel(this.key, id)) === 1;
  }

  async list(): Promise<T[]> {
    return (await this.client.hVals(this.key)).map((json) => JSON.parse(json) as T);
  }
}

/** One list per log key, trimmed to the newest `keep` entries in the same MULTI as the push. */
class RedisLog<T> implements AppendLog<T> {
  constructor(
    private readonly client: RedisClient,
    private readonly base: string,
    private readonly keep: number,
  ) {}

  private key(key: string) {
    return `${this.base}{${key}}`;
  }

  async append(key: string, entry: T): Promise<void> {
    const list = this.key(key);
    await this.client.multi().rPush(list, toJson(entry)).lTrim(list, -this.keep, -1).exec();
  }

  async list(key: string, limit?: number): Promise<T[]> {
    if (limit !== undefined && limit <= 0) return [];
    const entries = await this.client.lRange(this.key(key), limit === undefined ? 0 : -limit, -1);
    return entries.map((json) => JSON.parse(json) as T);
  }

  async remove(key: string): Promise<void> {
    await this.client.del(this.key(key));
  }
}

export type RedisStoreOptions = RedisTarget & {
  /** Key prefix, so that several deployments (or test suites) can share one Redis. */
  prefix?: string;
  /** Connection errors (of both connections: commands and bus subscriptions) and bus handlers that threw. */
  onError?: (error: Error) => void;
  /**
   * Milliseconds a command of a citizen's turn (conversations, records, files…) may take before it
   * fails; the channel then tells the citizen at once. Set, any command issued while the connection
   * is down fails at once too (the loops of the outbox, the bus and the jobs retry after a pause).
   * Unset: node-redis's default (5 s), and commands wait for the connection to come back.
   */
  commandTimeoutMs?: number;
};

export async function createRedisStore({ prefix = 'ca:', onError, commandTimeoutMs, ...target }: RedisStoreOptions): Promise<Store> {
  const { client, masters } = open(target, commandTimeoutMs !== undefined);
  // node-redis reconnects on its own; an unhandled 'error' event would kill the process instead.
  client.on('error', (error: Error) => onError?.(error));
  await client.connect();
  // Load the scripts up front: otherwise the first burst of calls all miss with NOSCRIPT and resend the whole script.
  try {
    const servers = await masters();
    await Promise.all(servers.flatMap((server) => Object.values(scripts).map((script) => server.scriptLoad(script.SCRIPT))));
  } catch (error) {
    client.destroy();
    throw error;
  }
  // A timed-out command still queued is dropped, so a turn that failed is never written after Redis returns.
  const turns = commandTimeoutMs ? withSharedDeadline(client, commandTimeoutMs) : client;
  // On a cluster the bus uses sharded pub/sub: a topic's messages go to the shard of its channel only, not to every node.
  const bus = new RedisBus(client, prefix, onError, { sharded: 'clusterNodes' in target });
  const outbox = new RedisOutbox(client, prefix, onError);
  const liveOutbox = new RedisOutbox(client, prefix, onError, 'live');
  try {
    await Promise.all([outbox.start(), liveOutbox.start()]);
  } catch (error) {
    client.destroy();
    throw error;
  }
  return {
    kind: 'redis',
    conversations: new RedisConversations(turns, prefix, masters),
    idempotency: new RedisIdempotency(turns, prefix),
    handoff: new RedisHandoff(turns, prefix),
    bus,
    outbox,
    liveOutbox,
    sendLimits: new RedisSendLimits(client, prefix),
    collection: <T>(name: string): Collection<T> => new RedisCollection<T>(turns, `${prefix}col:${name}`),
    log<T>(name: string, keep: number): AppendLog<T> {
      if (!Number.isInteger(keep) || keep < 1) throw new RangeError(`store: a log keeps at least one entry (keep=${keep})`);
      return new RedisLog<T>(turns, `${prefix}log:${name}:`, keep);
    },
    records: <T>(spec: RecordSpec<T>): Records<T> => new RedisRecords<T>(turns, prefix, spec),
    reservations: new RedisReservations(turns, prefix),
    rateLimits: new RedisRateLimits(turns, prefix),
    jobs: new RedisJobQueue(client, prefix),
    files: new RedisFiles(turns, prefix),
    ping: async () => (await Promise.all((await masters()).map((server) => server.ping()))).every((reply) => reply === 'PONG'),
    close: async () => {
      await Promise.all([bus.close(), outbox.close(), liveOutbox.close()]);
      // A server that is down (a cluster's node that crashed) cannot take a QUIT: the connections are dropped instead.
      if (client.isOpen) await client.close().catch(() => client.destroy());
    },
  };
}
