import type { Conversation, Owner, TranscriptEntry } from '../store/types';
import type { SavedChange } from './engine';

/** What operators' consoles hear about, on every instance (GET /api/operator/events). */
export type OperatorEvent =
  | { type: 'queued'; conversationId: string; owner: Owner; queue: string; priority: number; at: string }
  | { type: 'takeover'; conversationId: string; owner: Owner; operator: string; at: string }
  | { type: 'transferred'; conversationId: string; owner: Owner; from?: string; queue?: string; at: string }
  | { type: 'released'; conversationId: string; owner: Owner; at: string }
  | { type: 'cancelled'; conversationId: string; owner: Owner; at: string }
  | { type: 'closed'; conversationId: string; owner: Owner; reason?: string; at: string }
  | { type: 'message'; conversationId: string; owner: Owner; from: TranscriptEntry['from']; text: string; at: string; author?: string }
  | { type: 'presence'; login: string; status: string; at: string }
  | { type: 'callback'; id: string; status: string; at: string };

export const OPERATOR_EVENTS_TOPIC = 'operator-events';

function operatorOf(owner: Owner | undefined): string | undefined {
  return owner?.startsWith('operator:') ? owner.slice('operator:'.length) : undefined;
}

/**
 * The events one stored change means for operators: ownership moves, and the messages of
 * conversations that are queued or with an operator (conversations with the bot stay out of the
 * stream: operators open those on demand).
 */
export function eventsOf({ before, conversation: after, transcript, origin }: SavedChange): OperatorEvent[] {
  const events: OperatorEvent[] = [];
  const id = after.id;
  const at = after.updatedAt;
  const owner = after.owner;
  const was = before?.owner ?? 'bot';
  const queueChanged = after.owner === 'queue' && was === 'queue' && before?.handoff?.queue !== after.handoff?.queue;

  if (after.owner === 'queue' && (was !== 'queue' || queueChanged)) {
    const queue = after.handoff?.queue ?? 'general';
    if (operatorOf(was)) events.push({ type: 'transferred', conversationId: id, owner, from: operatorOf(was)!, queue, at });
    else events.push({ type: 'queued', conversationId: id, owner, queue, priority: after.handoff?.priority ?? 0, at });
  } else if (operatorOf(owner) && owner !== was) {
    // Only a transfer moves a conversation from one operator to another; taking it from one is refused.
    if (operatorOf(was)) events.push({ type: 'transferred', conversationId: id, owner, from: operatorOf(was)!, at });
    else events.push({ type: 'takeover', conversationId: id, owner, operator: operatorOf(owner)!, at });
  } else if (owner === 'bot' && was !== 'bot') {
    if (after.status === 'closed') events.push({ type: 'closed', conversationId: id, owner, ...(after.handoff?.closedReason ? { reason: after.handoff.closedReason } : {}), at });
    else if (was === 'queue' && origin !== 'operator') events.push({ type: 'cancelled', conversationId: id, owner, at });
    else events.push({ type: 'released', conversationId: id, owner, at });
  }

  if (was !== 'bot' || owner !== 'bot') {
    for (const entry of transcript) events.push({ type: 'message', conversationId: id, owner, from: entry.from, text: entry.text, at: entry.at, ...(entry.author ? { author: entry.author } : {}) });
  }
  return events;
}

/**
 * Whether a change moves the conversation between the bot, a queue and an operator, or closes it.
 * A new conversation with the bot is filed nowhere, so it has nothing to move.
 */
export function placementChanged(before: Conversation | null, after: Conversation): boolean {
  if (!before) return after.owner !== 'bot' || after.status !== 'open' || after.handoff?.queue !== undefined;
  return before.owner !== after.owner || before.status !== after.status || before.handoff?.queue !== after.handoff?.queue;
}
