import type { AppendLog, Collection, Store } from '../../store/types';

export interface AuditEntry {
  at: string;
  /** The login that acted (or tried to: a failed login names the login given). */
  actor: string;
  /** What was done, e.g. `conversation.takeover`, `account.disable`, `conversation.read`, `session.login_failed`. */
  action: string;
  /** What it was done to: a conversation id, a login, a canned-answer code. */
  target?: string;
  details?: Record<string, unknown>;
}

export interface AuditOptions {
  /** Days an entry is kept (365 unless told); older days are dropped whole. */
  retentionDays?: number;
  now?: () => Date;
}

/** Entries of one day at most: far above a contact centre's day, it only bounds a runaway writer to that day. */
const PER_DAY = 1_000_000;
const DAY_MS = 24 * 3600 * 1000;

const dayOf = (at: Date) => at.toISOString().slice(0, 10);
/** The one key entries went to before the log was kept by day: read after the days until it ages out. */
const BEFORE_DAYS = 'all';

/**
 * Who changed or read what and when: every state-changing operator call, every read of a
 * citizen's personal data, failed logins. Kept by age, one log key per UTC day, so no volume of
 * new entries can push old ones out; the API only appends and reads it.
 */
export class Audit {
  private readonly entries: AppendLog<AuditEntry>;
  /** The days that have entries, to list and prune without guessing keys. */
  private readonly days: Collection<{ day: string }>;
  private readonly retentionDays: number;
  private readonly now: () => Date;
  /** The day this instance has registered (and pruned before): the work is done once a day. */
  private registered?: string;

  constructor(store: Store, { retentionDays = 365, now = () => new Date() }: AuditOptions = {}) {
    this.entries = store.log<AuditEntry>('audit', PER_DAY);
    this.days = store.collection<{ day: string }>('audit-days');
    this.retentionDays = retentionDays;
    this.now = now;
  }

  async record(actor: string, action: string, target?: string, details?: Record<string, unknown>): Promise<void> {
    const at = this.now();
    const day = dayOf(at);
    if (this.registered !== day) {
      await this.days.put(day, { day });
      await this.prune(at);
      this.registered = day;
    }
    await this.entries.append(day, { at: at.toISOString(), actor, action, ...(target ? { target } : {}), ...(details ? { details } : {}) });
  }

  /** The newest entries first, within the retention. */
  async list(limit: number): Promise<AuditEntry[]> {
    const found: AuditEntry[] = [];
    const now = this.now();
    for (const day of [...(await this.keptDays(now)), BEFORE_DAYS]) {
      if (found.length >= limit) break;
      found.push(...(await this.entries.list(day, limit - found.length)).reverse());
    }
    const oldest = this.oldestKept(now);
    return found.filter((entry) => entry.at.slice(0, 10) >= oldest);
  }

  /** Days still within the retention, newest first. */
  private async keptDays(now: Date): Promise<string[]> {
    const oldest = this.oldestKept(now);
    return (await this.days.list())
      .map((d) => d.day)
      .filter((day) => day >= oldest)
      .sort()
      .reverse();
  }

  private oldestKept(now: Date): string {
    return dayOf(new Date(now.getTime() - (this.retentionDays - 1) * DAY_MS));
  }

  /** Drops the days past the retention, and the entries from before the days once the newest of them is. */
  private async prune(now: Date): Promise<void> {
    const oldest = this.oldestKept(now);
    const [newestBefore] = await this.entries.list(BEFORE_DAYS, 1);
    if (newestBefore && newestBefore.at.slice(0, 10) < oldest) await this.entries.remove(BEFORE_DAYS);
    for (const { day } of await this.days.list()) {
      if (day >= oldest) continue;
      await this.entries.remove(day);
      await this.days.delete(day);
    }
  }
}
