import { setMaxListeners } from 'node:events';
import type { RedisClient } from './redis';

/** Commands started within this many milliseconds share one deadline, so each may get up to this much longer than asked. */
const SLOT_MS = 100;

/**
 * The client, with every command that is still waiting to be written after `timeoutMs` dropped
 * and failed, as node-redis's `timeout` command option does. That option starts a timer (an
 * `AbortSignal.timeout`) and two listeners for every command, which costs several times what
 * sending a GET does; here the commands started within the same tenth of a second share one
 * signal instead.
 *
 * @example
 * const turns = withSharedDeadline(client, 1500);
 * await turns.hGet(key, 'doc'); // rejected if not written within 1.5–1.6 s
 */
export function withSharedDeadline(client: RedisClient, timeoutMs: number): RedisClient {
  let slot: { until: number; client: RedisClient } | undefined;
  const current = (): RedisClient => {
    const now = Date.now();
    if (slot === undefined || now >= slot.until) {
      const signal = AbortSignal.timeout(timeoutMs + SLOT_MS);
      // Every command of the slot listens to it, and leaves once written.
      setMaxListeners(0, signal);
      slot = { until: now + SLOT_MS, client: client.withCommandOptions({ timeout: 0, abortSignal: signal }) as unknown as RedisClient };
    }
    return slot.client;
  };
  // node-redis's commands read their options from `this`, so each read goes to the current slot's client.
  return new Proxy(client, { get: (_target, property) => Reflect.get(current(), property) });
}
