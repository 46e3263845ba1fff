import {
  CONTENTION_WINDOW_MS,
  TRANSCRIPT_LIMIT,
  type Conversation,
  type ConversationStore,
  type IdempotencyStore,
  type SaveResult,
  type Store,
  type TranscriptEntry,
} from './types';

/**
 * The embedded store: everything in this process's memory, gone on restart. It keeps the same
 * contract as the Redis store (copies in and out, compare-and-set on revisions) so that code that
 * works here works there.
 */
class MemoryConversations implements ConversationStore {
  private readonly docs = new Map<string, { revision: number; json: string }>();
  private readonly transcripts = new Map<string, TranscriptEntry[]>();
  /** When a save of each conversation last lost. */
  private readonly lostAt = new Map<string, number>();

  async get(id: string): Promise<Conversation | null> {
    const doc = this.docs.get(id);
    return doc === undefined ? null : (JSON.parse(doc.json) as Conversation);
  }

  async save(conversation: Conversation, expectedRevision: number, transcript: readonly TranscriptEntry[]): Promise<SaveResult> {
    const stored = this.docs.get(conversation.id);
    if ((stored?.revision ?? 0) !== expectedRevision) {
      this.lostAt.set(conversation.id, Date.now());
      return { saved: false, current: stored ? (JSON.parse(stored.json) as Conversation) : null };
    }
    this.docs.set(conversation.id, { revision: conversation.revision, json: JSON.stringify(conversation) });
    if (transcript.length > 0) {
      const entries = this.transcripts.get(conversation.id) ?? [];
      entries.push(...transcript.map((e) => ({ ...e })));
      if (entries.length > TRANSCRIPT_LIMIT) entries.splice(0, entries.length - TRANSCRIPT_LIMIT);
      this.transcripts.set(conversation.id, entries);
    }
    const lostAt = this.lostAt.get(conversation.id);
    const contended = lostAt !== undefined && Date.now() - lostAt < CONTENTION_WINDOW_MS;
    if (lostAt !== undefined && !contended) this.lostAt.delete(conversation.id);
    return { saved: true, contended };
  }

  async transcript(id: string, limit = TRANSCRIPT_LIMIT): Promise<TranscriptEntry[]> {
    return (this.transcripts.get(id) ?? []).slice(-limit).map((e) => ({ ...e }));
  }
}

class MemoryIdempotency implements IdempotencyStore {
  private readonly expiries = new Map<string, number>();

  async claim(key: string, ttlSeconds: number): Promise<boolean> {
    const now = Date.now();
    const expiry = this.expiries.get(key);
    if (expiry !== undefined && expiry > now) return false;
    this.expiries.set(key, now + ttlSeconds * 1000);
    return true;
  }
}

export function createMemoryStore(): Store {
  return {
    kind: 'memory',
    conversations: new MemoryConversations(),
    idempotency: new MemoryIdempotency(),
    ping: async () => true,
    close: async () => {},
  };
}
