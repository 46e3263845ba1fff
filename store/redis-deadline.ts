import { setMaxListeners } from 'node:events';
import type { RedisClient } from './redis';

/** Commands started within this many milliseconds share a deadline, so each may get up to this much longer than asked. */
const SLOT_MS = 100;
/**
 * Signals a slot's commands take turns on. Each command adds itself to its signal's listeners,
 * and Node looks through a signal's listeners on every add: spread over a few signals, the lists
 * stay short while hundreds of commands are in flight.
 */
const SIGNALS_PER_SLOT = 16;

/**
 * The client, with every command that is still waiting to be written after `timeoutMs` dropped
 * and failed, as node-redis's `timeout` command option does. That option starts a timer (an
 * `AbortSignal.timeout`) and two listeners for every command, which costs several times what
 * sending a GET does; here the commands started within the same tenth of a second share a few
 * signals instead.
 *
 * @example
 * const turns = withSharedDeadline(client, 1500);
 * await turns.hGet(key, 'doc'); // rejected if not written within 1.5–1.6 s
 */
export function withSharedDeadline(client: RedisClient, timeoutMs: number): RedisClient {
  let slot: { until: number; clients: RedisClient[] } | undefined;
  let turn = 0;
  const current = (): RedisClient => {
    const now = Date.now();
    if (slot === undefined || now >= slot.until) slot = { until: now + SLOT_MS, clients: [] };
    turn = (turn + 1) % SIGNALS_PER_SLOT;
    slot.clients[turn] ??= withSignal(client, timeoutMs);
    return slot.clients[turn]!;
  };
  // node-redis's commands read their options from `this`, so each read goes to the current slot's client.
  return new Proxy(client, { get: (_target, property) => Reflect.get(current(), property) });
}

/** The client with its commands dropped once `timeoutMs` and the slot's length have passed. */
function withSignal(client: RedisClient, timeoutMs: number): RedisClient {
  const signal = AbortSignal.timeout(timeoutMs + SLOT_MS);
  // The slot's commands listen to it, and leave once written.
  setMaxListeners(0, signal);
  return client.withCommandOptions({ timeout: 0, abortSignal: signal }) as unknown as RedisClient;
}
