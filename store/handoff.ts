import type { HandoffPlacement } from './types';

/** Rules of the handoff index shared by both stores, so that they file and order conversations alike. */

export const DEFAULT_QUEUE = 'general';
/** How many recent waits the index keeps for the wait estimate. */
export const RECENT_WAITS = 50;

/**
 * Where a placement files a conversation. A queued one carries its score: lower is served first,
 * so higher priority comes first and, within a priority, the earlier `waitingSince`. One priority
 * step outweighs any waiting time (1e13 ms is about 300 years). Without a valid `waitingSince` the
 * time of the first placement counts, and placing the entry again in the same queue keeps its score
 * (`keepScore`), so that repeating a placement never sends it to the back.
 */
export type Filing = { kind: 'queue'; queue: string; score: number; keepScore: boolean } | { kind: 'operator'; owner: `operator:${string}` } | { kind: 'none' };

export function filingOf(entry: HandoffPlacement, now = Date.now()): Filing {
  if (entry.status !== 'open') return { kind: 'none' };
  if (entry.owner === 'queue') {
    const since = entry.waitingSince === undefined ? Number.NaN : Date.parse(entry.waitingSince);
    const priority = Number.isFinite(entry.priority) ? entry.priority : 0;
    const time = Number.isFinite(since) ? since : now;
    return { kind: 'queue', queue: entry.queue ?? DEFAULT_QUEUE, score: time - priority * 1e13, keepScore: !Number.isFinite(since) };
  }
  if (entry.owner.startsWith('operator:')) return { kind: 'operator', owner: entry.owner as `operator:${string}` };
  return { kind: 'none' };
}

/** When a queued id's silence counts from (`HandoffPlacement.quietSince`), in ms; undefined when not given or not a time. */
export function silenceOf(quietSince: string | undefined): number | undefined {
  const ms = quietSince === undefined ? Number.NaN : Date.parse(quietSince);
  return Number.isFinite(ms) ? ms : undefined;
}
