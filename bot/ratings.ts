import type { AppendLog, IdempotencyStore, Store } from '../store/types';
import type { EffectHandler } from './engine';

export interface Rating {
  conversationId: string;
  score: number;
  comment?: string;
  operator?: string;
  at: string;
}

const KEY = 'all';

/** Citizens' ratings of operators' help, for supervisors (each is also kept in its conversation's data). */
export class Ratings {
  private readonly entries: AppendLog<Rating>;
  private readonly once: IdempotencyStore;

  constructor(store: Store) {
    this.entries = store.log<Rating>('ratings', 100_000);
    this.once = store.idempotency;
  }

  readonly effect: EffectHandler = async (effect, { conversation, idempotencyKey }) => {
    if (!(await this.once.claim(idempotencyKey, 24 * 3600))) return;
    const rating = effect.rating as Omit<Rating, 'conversationId'>;
    await this.entries.append(KEY, { conversationId: conversation.id, ...rating });
  };

  /** The newest first. */
  async list(limit: number): Promise<Rating[]> {
    return (await this.entries.list(KEY, limit)).reverse();
  }
}
