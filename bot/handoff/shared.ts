import type { Texts } from '../../locales/i18n';
import type { Conversation, Handoff as HandoffRecord } from '../../store/types';
import type { Notifier } from '../notify';

export type OperatorRole = 'operator' | 'supervisor' | 'admin';

/** Who acts on a conversation from the operator side. */
export interface Actor {
  login: string;
  name: string;
  role: OperatorRole;
}

export const SUPERVISORS_QUEUE = 'supervisors';
export const GENERAL_QUEUE = 'general';

/** What the hand-over's parts share: the texts, the clock, and the notifier once the engine exists. */
export interface HandoffContext {
  texts: Texts;
  now: () => Date;
  /** Changes a conversation through the engine and delivers what it says; bound after the engine is built. */
  notifier: () => Notifier;
}

export function isSupervisor(actor: Actor): boolean {
  return actor.role === 'supervisor' || actor.role === 'admin';
}

export function ownerOf(actor: Pick<Actor, 'login'>) {
  return `operator:${actor.login}` as const;
}

export function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
}

/**
 * When a queued citizen's silence counts from: the "still waiting?" question once asked, else the
 * last sign of life, else the joining of the queue (the idle sweep asks, then closes, after that).
 */
export function quietSince(conversation: Conversation): string {
  const handoff = conversation.handoff;
  return handoff?.idleAskedAt ?? handoff?.lastCitizenAt ?? handoff?.waitingSince ?? conversation.updatedAt;
}

/** The hand-over record without what only mattered while waiting in a queue. */
export function withoutWaiting(handoff: HandoffRecord): HandoffRecord {
  const { idleAskedAt: _asked, announcedPosition: _told, waitingSince: _since, ...kept } = handoff;
  return kept;
}

/** The conversation given back to the bot, closed or not; the hand-over record stays, with the reason. */
export function backToBot(conversation: Conversation, end: { closed?: boolean; reason?: string | undefined } = {}): Conversation {
  const handoff = conversation.handoff && { ...withoutWaiting(conversation.handoff), ...(end.reason ? { closedReason: end.reason } : {}) };
  return { ...conversation, owner: 'bot', ...(end.closed ? { status: 'closed' as const } : {}), ...(handoff ? { handoff } : {}) };
}
