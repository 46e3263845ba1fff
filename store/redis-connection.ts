import type { RedisClient } from './redis';

/**
 * Where the store's Redis is: one server by URL (REDIS_URL), or a Redis Cluster by some of its
 * nodes (REDIS_CLUSTER_NODES), from which the client learns the rest and who holds which slot.
 */
export type RedisTarget = { url: string } | { clusterNodes: readonly string[] };

/** A cluster node as `host:port` or as a redis:// or rediss:// URL, as a URL. */
export function nodeUrl(node: string): string {
  return /^rediss?:\/\//.test(node) ? node : `redis://${node}`;
}

/**
 * What every connection to a cluster's nodes needs from the first node's URL: its user, password
 * and TLS (the client makes the connections to the nodes it discovers from these alone).
 */
export function clusterNodeDefaults(nodes: readonly string[]): { username?: string; password?: string; socket?: { tls: true } } {
  const first = new URL(nodeUrl(nodes[0] ?? ''));
  return {
    ...(first.username ? { username: decodeURIComponent(first.username) } : {}),
    ...(first.password ? { password: decodeURIComponent(first.password) } : {}),
    ...(first.protocol === 'rediss:' ? { socket: { tls: true as const } } : {}),
  };
}

/** The servers that hold keys: the one server, or every master of a cluster (for SCAN, SCRIPT LOAD, PING). */
export type Masters = () => Promise<RedisClient[]>;

/** Every key that matches, a page at a time, from every master in turn. */
export async function* scanMasters(masters: Masters, options: { MATCH: string; TYPE?: string; COUNT?: number }): AsyncIterable<string[]> {
  for (const master of await masters()) yield* master.scanIterator(options);
}

/**
 * A connection of its own, for commands that hold one (SUBSCRIBE, a blocking XREADGROUP): a
 * duplicate of the store's client, opened on first use and shared after; a failed connect is
 * forgotten so the next use tries again; refused once closed.
 */
export class OwnConnection {
  private connection: RedisClient | undefined;
  private connecting: Promise<RedisClient> | undefined;
  private closed = false;

  constructor(
    private readonly source: RedisClient,
    /** Who uses it, for the error after close. */
    private readonly user: string,
    private readonly onError?: (error: Error) => void,
  ) {}

  /** The connection when it is open now (no connect). */
  get current(): RedisClient | undefined {
    return this.connection?.isOpen ? this.connection : undefined;
  }

  open(): Promise<RedisClient> {
    if (this.closed) return Promise.reject(new Error(`${this.user}: the store is closed`));
    this.connecting ??= (async () => {
      const connection = this.source.duplicate();
      connection.on('error', (error: Error) => this.onError?.(error));
      this.connection = connection;
      try {
        await connection.connect();
        return connection;
      } catch (error) {
        this.connection = undefined;
        this.connecting = undefined;
        if (connection.isOpen) connection.destroy();
        throw error;
      }
    })();
    return this.connecting;
  }

  /**
   * `quit` lets replies in flight arrive; `destroy` drops the connection at once (a blocked read
   * fails). A connection still connecting (its server is down: a cluster's node that crashed) is
   * dropped either way, and so is one whose QUIT fails, so that closing never waits for a server.
   */
  async close(how: 'quit' | 'destroy'): Promise<void> {
    this.closed = true;
    const connection = this.connection;
    this.connection = undefined;
    this.connecting = undefined;
    if (!connection?.isOpen) return;
    if (how === 'quit' && connection.isReady) await connection.close().catch(() => connection.destroy());
    else connection.destroy();
  }
}
