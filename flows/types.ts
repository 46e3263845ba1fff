import type { OpeningHours } from '../domain/hours';
import type { Translate } from '../locales/i18n';
import type { Conversation, FlowState, Lang } from '../store/types';

/** What a citizen did: typed text or pressed a button (choice id). */
export type FlowEvent = { type: 'text'; text: string } | { type: 'choice'; id: string };

export interface Choice {
  id: string;
  label: string;
}

/**
 * A file sent with a reply: a filled application form. The channel turns it into what it can
 * deliver (Telegram: the PDF as a document; widget: a signed download link).
 */
export interface Attachment {
  kind: 'form';
  formId: string;
  fileName: string;
}

export interface Reply {
  text: string;
  choices?: Choice[];
  from?: 'bot' | 'system' | 'operator';
  /** The first name of the operator who wrote it (operator replies only). */
  author?: string;
  attachment?: Attachment;
  /** An updated version of the message whose button was pressed (Telegram edits that message in place). */
  replace?: boolean;
}

/** A side effect a step asks for; the engine runs it (idempotently) before anything is told as done. */
export interface Effect {
  type: string;
  [key: string]: unknown;
}

/** Whether a citizen who asks for an operator can be served now. */
export interface Availability {
  /** Within the contact centre's hours (and not a day off). */
  open: boolean;
  /** Operators online now. */
  operatorsOnline: number;
  /** The contact centre's hours, to tell the citizen when it is closed. */
  hours: OpeningHours;
}

export interface FlowContext {
  lang: Lang;
  t: Translate;
  now: Date;
  conversation: Readonly<Conversation>;
  availability: Availability;
}

/**
 * A change of who may speak that a step asks for: join the operator queue (the bot falls silent
 * from then on), or leave it and return to the bot.
 */
export type HandoffRequest = { action: 'enqueue'; topic?: string; priority: number; resume?: FlowState } | { action: 'cancel' };

/** A step's answer: replies, and either the next state of the conversation or a jump to another flow. */
export type StepResult = {
  replies: Reply[];
  effects?: Effect[];
  /** Merged into the conversation's collected data (what operators see). */
  data?: Record<string, unknown>;
  handoff?: HandoffRequest;
  /** The step did not understand the citizen; after two in a row the engine offers an operator. */
  notUnderstood?: boolean;
} & (
  | { state: FlowState }
  | { goto: { flow: string; params?: Record<string, unknown> } }
  /** Back to a step the citizen was at earlier (in any flow), with that step's question again. */
  | { resume: FlowState }
);

/** Choices a citizen waiting in the operator queue may still press (leave the queue, keep waiting). */
export const QUEUE_CONTROL_PREFIX = 'queue:';

/**
 * A citizen journey as an explicit state machine. Pure: no I/O, no clock other than `ctx.now`,
 * so every step is testable without a channel or a store.
 */
export interface Flow {
  id: string;
  version: number;
  start(ctx: FlowContext, params?: Record<string, unknown>): StepResult;
  handle(state: FlowState, event: FlowEvent, ctx: FlowContext): StepResult;
  /** The current step's question again (after a language switch, a hand-back or a reconnect). */
  prompt(state: FlowState, ctx: FlowContext): Reply[];
  /** Answers to this flow belong to a closed conversation (the rating after close) and do not reopen it. */
  keepsClosed?: boolean;
}

export function stateOf(flow: Pick<Flow, 'id' | 'version'>, step: string, data: Record<string, unknown> = {}): FlowState {
  return { flow: flow.id, v: flow.version, step, data };
}
