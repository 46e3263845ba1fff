import type { Collection, Store } from '../store/types';
import { OPERATOR_EVENTS_TOPIC, type OperatorEvent } from './operator-events';

export type PresenceStatus = 'online' | 'away' | 'offline';

export interface PresenceRecord {
  login: string;
  status: PresenceStatus;
  /** When the operator last showed a sign of life (a request, an open event stream). */
  seenAt: string;
}

/** An operator unseen for this long counts as offline whatever they set, e.g. after closing the browser. */
export const PRESENCE_TTL_MS = 3 * 60_000;
/** Signs of life closer together than this are not written again. */
const TOUCH_INTERVAL_MS = 30_000;
const REFRESH_MS = 5_000;

/**
 * Who is online. Only online operators are offered new conversations, so the count feeds the
 * citizen's "no operator is online" answer; it is read on every turn and therefore kept in memory
 * and refreshed from the store every few seconds (and at once after a change on this instance).
 */
export class Presence {
  private readonly records: Collection<PresenceRecord>;
  private readonly lastTouch = new Map<string, number>();
  private online = 0;
  private timer?: NodeJS.Timeout;
  private unsubscribe?: () => Promise<void>;

  constructor(
    private readonly store: Store,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.records = store.collection<PresenceRecord>('presence');
  }

  /** Counts now, then again every few seconds and whenever any instance reports a presence change. */
  async start(): Promise<void> {
    await this.refresh();
    this.timer = setInterval(() => void this.refresh().catch(() => undefined), REFRESH_MS);
    this.timer.unref();
    this.unsubscribe = await this.store.bus.subscribe(OPERATOR_EVENTS_TOPIC, (event) => {
      if ((event as OperatorEvent).type === 'presence') void this.refresh().catch(() => undefined);
    });
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.unsubscribe?.();
  }

  operatorsOnline(): number {
    return this.online;
  }

  async set(login: string, status: PresenceStatus): Promise<PresenceRecord> {
    const record = { login, status, seenAt: this.now().toISOString() };
    await this.records.put(login, record);
    this.lastTouch.set(login, this.now().getTime());
    await this.refresh();
    return record;
  }

  /** A sign of life: keeps an online operator counted. */
  async touch(login: string): Promise<void> {
    const now = this.now().getTime();
    if (now - (this.lastTouch.get(login) ?? 0) < TOUCH_INTERVAL_MS) return;
    this.lastTouch.set(login, now);
    const record = await this.records.get(login);
    if (record) await this.records.put(login, { ...record, seenAt: this.now().toISOString() });
  }

  /** Every operator's status as others see it (stale ones as offline). */
  async list(): Promise<PresenceRecord[]> {
    const now = this.now().getTime();
    return (await this.records.list()).map((r) => (now - Date.parse(r.seenAt) > PRESENCE_TTL_MS ? { ...r, status: 'offline' } : r));
  }

  private async refresh(): Promise<void> {
    this.online = (await this.list()).filter((r) => r.status === 'online').length;
  }
}
