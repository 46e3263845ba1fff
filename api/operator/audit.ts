import type { AppendLog, Store } from '../../store/types';

export interface AuditEntry {
  at: string;
  /** The login that acted. */
  actor: string;
  /** What was done, e.g. `conversation.takeover`, `account.disable`. */
  action: string;
  /** What it was done to: a conversation id, a login, a canned-answer code. */
  target?: string;
  details?: Record<string, unknown>;
}

const AUDIT_KEY = 'all';
const KEEP = 100_000;

/** Who changed what and when, for every state-changing operator call. */
export class Audit {
  private readonly entries: AppendLog<AuditEntry>;

  constructor(store: Store) {
    this.entries = store.log<AuditEntry>('audit', KEEP);
  }

  record(actor: string, action: string, target?: string, details?: Record<string, unknown>): Promise<void> {
    return this.entries.append(AUDIT_KEY, { at: new Date().toISOString(), actor, action, ...(target ? { target } : {}), ...(details ? { details } : {}) });
  }

  /** The newest entries first. */
  async list(limit: number): Promise<AuditEntry[]> {
    return (await this.entries.list(AUDIT_KEY, limit)).reverse();
  }
}
