/** What the product keeps, and the small interfaces both stores implement. */

export type Lang = 'kk' | 'ru';
export type ChannelName = 'telegram' | 'web';

/** Who may speak to the citizen: the bot, nobody yet (waiting in the operator queue), or one operator. */
export type Owner = 'bot' | 'queue' | `operator:${string}`;
export type ConversationStatus = 'open' | 'closed';

/** Serialisable position of a conversation in a flow; `v` is the flow's version when the state was written. */
export interface FlowState {
  flow: string;
  v: number;
  step: string;
  data: Record<string, unknown>;
}

/** How to reach the citizen outside a request: the Telegram chat, or nothing for the widget (socket hub). */
export interface ChatAddress {
  telegramChatId?: number;
}

export interface Conversation {
  id: string;
  channel: ChannelName;
  lang: Lang;
  owner: Owner;
  status: ConversationStatus;
  state: FlowState;
  /** The buttons the bot offered last; a choice outside them (and the global ones) is stale or forged. */
  offered: { id: string; label: string }[];
  /** What the flows collected, shown to operators. */
  data: Record<string, unknown>;
  address: ChatAddress;
  createdAt: string;
  updatedAt: string;
  /** Incremented on every save; a save that expected another revision loses and is retried. */
  revision: number;
}

export type TranscriptFrom = 'citizen' | 'bot' | 'operator' | 'system';

export interface TranscriptEntry {
  from: TranscriptFrom;
  text: string;
  at: string;
}

/**
 * A save either went through, or lost to another update and brings back what the store holds now.
 * `contended`: some save of this conversation lost within the last seconds, so other writers are
 * active and a process should not start its next turn from its own copy.
 */
export type SaveResult = { saved: true; contended: boolean } | { saved: false; current: Conversation | null };

/** How long a lost save marks a conversation as contended. */
export const CONTENTION_WINDOW_MS = 2000;

export interface ConversationStore {
  get(id: string): Promise<Conversation | null>;
  /**
   * Stores `conversation` (whose `revision` is already the new one) only if the stored revision is
   * still `expectedRevision` (0: not stored yet), and appends the transcript entries in the same
   * atomic step. When another update won, nothing is written and the stored conversation comes
   * back, so the loser can decide again without another read.
   */
  save(conversation: Conversation, expectedRevision: number, transcript: readonly TranscriptEntry[]): Promise<SaveResult>;
  transcript(id: string, limit?: number): Promise<TranscriptEntry[]>;
}

/** Marks a key as done once, so an effect retried after a lost race is not applied twice. */
export interface IdempotencyStore {
  /** True the first time a key is claimed within `ttlSeconds`, false afterwards. */
  claim(key: string, ttlSeconds: number): Promise<boolean>;
}

export interface Store {
  readonly kind: 'redis' | 'memory';
  readonly conversations: ConversationStore;
  readonly idempotency: IdempotencyStore;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/** Transcripts keep the most recent entries only; operators need the conversation, not an archive. */
export const TRANSCRIPT_LIMIT = 1000;
/** Conversations nobody touched for this long are forgotten (personal data is kept no longer than needed). */
export const CONVERSATION_TTL_SECONDS = 180 * 24 * 3600;
