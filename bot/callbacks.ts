import type { Collection, Records, RecordSpec, Store, StoredRecord } from '../store/types';
import type { EffectHandler } from './engine';

export type CallbackStatus = 'pending' | 'reached' | 'not_reached';

/** A citizen's request to be called back, left outside the contact centre's hours or with nobody online. */
export interface CallbackRequest {
  id: string;
  /** What operators read out: CB-2026-000042 (absent on requests moved from before numbering). */
  number?: string;
  conversationId: string;
  /** E.164, e.g. +77012345678. */
  phone: string;
  lang: string;
  topic: string | null;
  createdAt: string;
  status: CallbackStatus;
  /** Times an operator called: each mark, reached or not, is a call. */
  attempts: number;
  handledBy?: string;
  handledAt?: string;
  note?: string;
}

type Stored = Omit<CallbackRequest, 'id' | 'number'>;

/** The list's order: pending first, then those not reached yet, then the reached; oldest first within each. */
const RANK: Record<CallbackStatus, number> = { pending: 0, not_reached: 1, reached: 2 };

const CALLBACK_RECORDS: RecordSpec<Stored> = {
  name: 'callbacks',
  prefix: 'CB',
  indexes: (request) => ({ status: request.status, conversation: request.conversationId }),
  sortKey: ({ value }) => RANK[value.status] * 1e13 + Date.parse(value.createdAt),
};

const MAX_UPDATE_ATTEMPTS = 5;

function requestOf(record: StoredRecord<Stored>): CallbackRequest {
  return { ...record.value, id: record.id, number: record.number };
}

/** The call-back list operators work through: numbered records, pending first, oldest first. */
export class Callbacks {
  private readonly records: Records<Stored>;
  /** Where requests were kept before they were numbered records; moved over by `migrate`. */
  private readonly legacy: Collection<CallbackRequest>;

  constructor(store: Store) {
    this.records = store.records(CALLBACK_RECORDS);
    this.legacy = store.collection<CallbackRequest>('callbacks');
  }

  /** Engine effect: stores the request once, even when the turn that asked for it is retried. */
  readonly effect: EffectHandler = async (effect, { conversation, idempotencyKey }) => {
    const { record } = await this.records.create(
      {
        conversationId: conversation.id,
        phone: String(effect.phone),
        lang: conversation.lang,
        topic: typeof effect.topic === 'string' ? effect.topic : null,
        createdAt: new Date().toISOString(),
        status: 'pending',
        attempts: 0,
      },
      { key: idempotencyKey },
    );
    return requestOf(record);
  };

  async get(id: string): Promise<CallbackRequest | null> {
    const record = await this.records.get(id);
    return record && requestOf(record);
  }

  /** One page of the list, of one status or all, with the total. */
  async list(status?: CallbackStatus, page: { offset: number; limit: number } = { offset: 0, limit: 1000 }): Promise<{ items: CallbackRequest[]; total: number }> {
    const { items, total } = await this.records.list(status ? { index: 'status', value: status, ...page } : page);
    return { items: items.map(requestOf), total };
  }

  /**
   * Marks a call: reached closes the request; not reached keeps it on the list with one more
   * attempt. Two operators marking at once both count: each mark applies to what is stored.
   */
  async mark(id: string, status: Exclude<CallbackStatus, 'pending'>, by: string, note?: string): Promise<CallbackRequest | null> {
    for (let attempt = 0; attempt < MAX_UPDATE_ATTEMPTS; attempt++) {
      const current = await this.records.get(id);
      if (!current) return null;
      const value: Stored = {
        ...current.value,
        status,
        // Every call is an attempt, the one that got through too.
        attempts: current.value.attempts + 1,
        handledBy: by,
        handledAt: new Date().toISOString(),
        ...(note ? { note } : {}),
      };
      const updated = await this.records.update(id, current.revision, value);
      if (updated.updated) return requestOf(updated.record);
    }
    throw new Error(`call-back ${id} kept changing under ${MAX_UPDATE_ATTEMPTS} attempts`);
  }

  /** Moves requests kept before numbering into the numbered records, once each; returns how many moved. */
  async migrate(): Promise<number> {
    let moved = 0;
    for (const old of await this.legacy.list()) {
      const { id, number: _none, ...value } = old;
      await this.records.create(value, { key: `legacy:${id}` });
      await this.legacy.delete(id);
      moved++;
    }
    return moved;
  }
}
