import { createHash } from 'node:crypto';
import type { Collection, Store } from '../store/types';
import type { EffectHandler } from './engine';

export type CallbackStatus = 'pending' | 'reached' | 'not_reached';

/** A citizen's request to be called back, left outside the contact centre's hours or with nobody online. */
export interface CallbackRequest {
  id: string;
  conversationId: string;
  /** E.164, e.g. +77012345678. */
  phone: string;
  lang: string;
  topic: string | null;
  createdAt: string;
  status: CallbackStatus;
  /** Times an operator tried and did not reach the citizen. */
  attempts: number;
  handledBy?: string;
  handledAt?: string;
  note?: string;
}

/** The call-back list operators work through, oldest pending first. */
export class Callbacks {
  private readonly records: Collection<CallbackRequest>;

  constructor(store: Store) {
    this.records = store.collection<CallbackRequest>('callbacks');
  }

  /** Engine effect: stores the request once, even when the turn that asked for it is retried. */
  readonly effect: EffectHandler = async (effect, { conversation, idempotencyKey }) => {
    const id = createHash('sha256').update(idempotencyKey).digest('base64url').slice(0, 16);
    await this.records.create(id, {
      id,
      conversationId: conversation.id,
      phone: String(effect.phone),
      lang: conversation.lang,
      topic: typeof effect.topic === 'string' ? effect.topic : null,
      createdAt: new Date().toISOString(),
      status: 'pending',
      attempts: 0,
    });
  };

  get(id: string): Promise<CallbackRequest | null> {
    return this.records.get(id);
  }

  async list(status?: CallbackStatus): Promise<CallbackRequest[]> {
    const all = await this.records.list();
    const order = (r: CallbackRequest) => (r.status === 'pending' ? 0 : r.status === 'not_reached' ? 1 : 2);
    return all.filter((r) => !status || r.status === status).sort((a, b) => order(a) - order(b) || a.createdAt.localeCompare(b.createdAt));
  }

  /** Marks a call: reached closes the request; not reached keeps it on the list with one more attempt. */
  async mark(request: CallbackRequest, status: Exclude<CallbackStatus, 'pending'>, by: string, note?: string): Promise<CallbackRequest> {
    const updated: CallbackRequest = {
      ...request,
      status,
      attempts: request.attempts + (status === 'not_reached' ? 1 : 0),
      handledBy: by,
      handledAt: new Date().toISOString(),
      ...(note ? { note } : {}),
    };
    await this.records.put(request.id, updated);
    return updated;
  }
}
