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
  from?: 'bot' | 'system';
  attachment?: Attachment;
  /** An updated version of the message whose button was pressed (Telegram edits that message in place). */
  replace?: boolean;
}

/** A side effect a step asks for; the engine runs it (idempotently) before anything is told as done. */
export interface Effect {
  type: string;
  [key: string]: unknown;
}

export interface FlowContext {
  lang: Lang;
  t: Translate;
  now: Date;
  conversation: Readonly<Conversation>;
}

/** A step's answer: replies, and either the next state of the conversation or a jump to another flow. */
export type StepResult = {
  replies: Reply[];
  effects?: Effect[];
  /** Merged into the conversation's collected data (what operators see). */
  data?: Record<string, unknown>;
} & ({ state: FlowState } | { goto: { flow: string; params?: Record<string, unknown> } });

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
}

export function stateOf(flow: Pick<Flow, 'id' | 'version'>, step: string, data: Record<string, unknown> = {}): FlowState {
  return { flow: flow.id, v: flow.version, step, data };
}
