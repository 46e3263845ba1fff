import type { RedisClient } from './redis';

/** Commands started within this many milliseconds share a deadline, so each may get up to this much longer than asked. */
const SLOT_MS = 100;

/**
 * The client, with every command that is still waiting to be written after `timeoutMs` dropped
 * and failed, as node-redis's `timeout` command option does. That option starts a timer (an
 * `AbortSignal.timeout`) and two listeners for every command, which costs several times what
 * sending a GET does; here the commands started within the same tenth of a second share one
 * deadline instead.
 *
 * @example
 * const turns = withSharedDeadline(client, 1500);
 * await turns.hGet(key, 'doc'); // rejected if not written within 1.5–1.6 s
 */
export function withSharedDeadline(client: RedisClient, timeoutMs: number): RedisClient {
  let slot: { until: number; client: RedisClient } | undefined;
  const current = (): RedisClient => {
    const now = Date.now();
    if (slot === undefined || now >= slot.until) slot = { until: now + SLOT_MS, client: withDeadline(client, new Deadline(timeoutMs + SLOT_MS)) };
    return slot.client;
  };
  // node-redis's commands read their options from `this`, so each read goes to the current slot's client.
  return new Proxy(client, { get: (_target, property) => Reflect.get(current(), property) });
}

/** The client with its commands dropped once `deadline` passes, unless written by then. */
function withDeadline(client: RedisClient, deadline: Deadline): RedisClient {
  // node-redis reads a command's signal through `aborted`, `addEventListener` and `removeEventListener` only.
  return client.withCommandOptions({ timeout: 0, abortSignal: deadline as unknown as AbortSignal }) as unknown as RedisClient;
}

/**
 * What node-redis needs of a command's abort signal, for the many commands of one slot. Each
 * command adds an 'abort' listener when queued and removes it once written; on Node's `AbortSignal`
 * (an `EventTarget`) each add and remove checks its arguments and walks the signal's list of
 * listeners, about a microsecond a command with hundreds in flight. Here they are a set.
 */
class Deadline {
  aborted = false;
  private readonly listeners = new Set<() => void>();

  constructor(ms: number) {
    setTimeout(() => this.abort(), ms).unref();
  }

  addEventListener(_type: 'abort', listener: () => void): void {
    this.listeners.add(listener);
  }

  removeEventListener(_type: 'abort', listener: () => void): void {
    this.listeners.delete(listener);
  }

  private abort(): void {
    this.aborted = true;
    const due = [...this.listeners];
    this.listeners.clear();
    for (const listener of due) listener();
  }
}
