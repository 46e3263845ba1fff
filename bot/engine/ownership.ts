import { QUEUE_CONTROL_PREFIX, type HandoffRequest } from '../../flows/types';
import type { Conversation, FlowState } from '../../store/types';
import type { EngineEvent } from './types';

/**
 * The ownership gate: whether the bot may answer this event. When an operator or the queue owns
 * the conversation the bot stays silent, except for the queue's own controls (leave the queue,
 * still waiting), which a waiting citizen may press whatever was offered since.
 */
export function botMayAnswer(conversation: Conversation, event: EngineEvent): boolean {
  if (conversation.owner === 'bot') return true;
  return isQueueControl(conversation, event);
}

export function isQueueControl(conversation: Conversation, event: EngineEvent): boolean {
  return conversation.owner === 'queue' && event.type === 'choice' && event.id.startsWith(QUEUE_CONTROL_PREFIX);
}

/** Joining the queue takes the conversation from the bot; leaving it gives it back. */
export function handOff(conversation: Conversation, request: HandoffRequest | undefined, at: string): Conversation {
  if (!request) return conversation;
  if (request.action === 'cancel') return { ...conversation, owner: 'bot' };
  const resume: FlowState | undefined = request.resume;
  return {
    ...conversation,
    owner: 'queue',
    handoff: {
      queue: 'general',
      priority: request.priority,
      waitingSince: at,
      lastCitizenAt: at,
      ...(request.topic ? { topic: request.topic } : {}),
      ...(resume ? { resume } : {}),
    },
  };
}

/**
 * The citizen wrote or pressed something while queued or with an operator: they are still there,
 * so a pending "still waiting?" question counts as answered.
 */
export function signOfLife(conversation: Conversation, at: string): Conversation {
  if (!conversation.handoff) return conversation;
  const { idleAskedAt: _answered, ...handoff } = conversation.handoff;
  return { ...conversation, handoff: { ...handoff, lastCitizenAt: at } };
}
