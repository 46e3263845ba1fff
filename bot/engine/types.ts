import type { Logger } from 'pino';
import type { Texts } from '../../locales/i18n';
import type { Availability, Effect, Flow, FlowEvent, Reply } from '../../flows/types';
import type { ChannelName, ChatAddress, Conversation, Lang, Store, TranscriptEntry } from '../../store/types';
import type { EffectHandler } from './effects';

/** What a channel hands the engine: a flow event, or the channel's own start / reconnect signals. */
export type EngineEvent = FlowEvent | { type: 'start' } | { type: 'resume' };

export interface Inbound {
  conversationId: string;
  channel: ChannelName;
  event: EngineEvent;
  /**
   * The channel's id of this event (`tg:<update_id>`, the widget frame's id): the same event
   * delivered again is handled once, and the effects it asked for are keyed by it.
   */
  eventId?: string;
  /** The language the channel suggests for a new conversation (Telegram's language_code, the widget page). */
  langHint?: Lang;
  address?: ChatAddress;
}

export interface TurnResult {
  /** What to send, each with its transcript number. */
  replies: Reply[];
  conversation: Conversation;
  /** False when the ownership gate kept the bot silent (an operator or the queue owns the conversation), or the event was handled before. */
  botSpoke: boolean;
}

/** A stored change of a conversation, by the citizen's turn or by an operator or the system. */
export interface SavedChange {
  /** The conversation as it was before (null when the turn created it). */
  before: Conversation | null;
  conversation: Conversation;
  /** What the citizen is to be sent (already in the transcript). */
  replies: Reply[];
  transcript: readonly TranscriptEntry[];
  origin: 'citizen' | 'operator' | 'system';
}

export interface EngineObserver {
  /** Called after every stored change, e.g. to file the conversation for operators and stream its messages. */
  onSaved?(change: SavedChange): void | Promise<void>;
}

/**
 * What an operator or the system does to a conversation, decided on its current state: a refusal
 * (the conversation is not in a state where the change applies), or the next conversation with
 * what the citizen is told, and optionally the flow the bot continues with.
 */
export type ChangeDecision =
  | { refuse: string }
  | {
      conversation: Conversation;
      replies?: Reply[];
      /** Entries that are not replies to the citizen (e.g. a system line for operators). */
      transcript?: TranscriptEntry[];
      /** The bot speaks again: start a flow, or repeat the prompt of the step the conversation is at. */
      then?: { start: string; params?: Record<string, unknown> } | { resume: true };
    };

export type ChangeResult = { changed: true; conversation: Conversation; replies: Reply[] } | { changed: false; reason: string };

export interface EngineOptions {
  store: Store;
  texts: Texts;
  flows: readonly Flow[];
  defaultLang: Lang;
  /** A handler for every effect type the flows declare; the engine refuses to start otherwise. */
  effects?: Record<string, EffectHandler>;
  observer?: EngineObserver;
  /** Whether the contact centre can take a conversation now; read on every turn, so it must be cheap. */
  availability?: () => Availability;
  now?: () => Date;
  /** Where failed effects are reported (without personal data). */
  log?: Logger;
  /** Gives a conversation its number on its first turn (bot/conversation-numbers). */
  numbers?: { assign(conversationId: string, now?: Date): Promise<string> };
}

/** The whole decision of one turn or move, before its effects ran and before it is stored. */
export interface Decision {
  conversation: Conversation;
  replies: Reply[];
  effects: Effect[];
  /** An effect whose outcome the flow of `conversation.state` takes in `onEffect`, in the same turn. */
  awaiting?: Effect;
  keepOffered?: boolean;
  notUnderstood?: boolean;
  /** What the transcript keeps of the citizen's message instead of its text. */
  transcriptText?: string;
}
