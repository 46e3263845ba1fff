import type { RedisClient } from './redis';

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

  /** `quit` lets replies in flight arrive; `destroy` drops the connection at once (a blocked read fails). */
  async close(how: 'quit' | 'destroy'): Promise<void> {
    this.closed = true;
    const connecting = this.connecting;
    this.connecting = undefined;
    const connection = await connecting?.catch(() => undefined);
    this.connection = undefined;
    if (!connection?.isOpen) return;
    if (how === 'quit') await connection.close();
    else connection.destroy();
  }
}
