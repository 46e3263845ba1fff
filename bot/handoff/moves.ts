import { MENU_FLOW_ID } from '../../flows/menu';
import { RATING_FLOW_ID } from '../../flows/rating';
import type { Reply } from '../../flows/types';
import type { Conversation, Handoff as HandoffRecord } from '../../store/types';
import type { ChangeDecision, ChangeResult } from '../engine';
import { backToBot, firstName, GENERAL_QUEUE, isSupervisor, ownerOf, SUPERVISORS_QUEUE, withoutWaiting, type Actor, type HandoffContext } from './shared';

/**
 * What operators do to a conversation: take it over, write, hand it back, transfer and close.
 * Each is one compare-and-set through the engine, so it never overwrites a citizen's turn and two
 * operators never both win; what it says reaches the citizen once stored.
 */
export class HandoffMoves {
  constructor(private readonly context: HandoffContext) {}

  takeover(id: string, actor: Actor): Promise<ChangeResult> {
    return this.move(id, (conversation) => {
      if (conversation.owner === ownerOf(actor)) return { refuse: 'already_yours' };
      if (conversation.owner.startsWith('operator:')) return { refuse: 'owned_by_other' };
      const handoff: HandoffRecord = conversation.handoff && conversation.owner === 'queue' ? conversation.handoff : { queue: GENERAL_QUEUE, priority: 0, resume: conversation.state };
      // The transfer note stays: it is written for whoever takes the conversation next.
      const { closedReason: _old, ...kept } = withoutWaiting(handoff);
      return {
        conversation: { ...conversation, owner: ownerOf(actor), status: 'open', handoff: { ...kept, operator: { login: actor.login, name: actor.name } } },
        replies: [{ text: this.t(conversation, 'operator:joined', { name: firstName(actor.name) }), from: 'system' }],
      };
    });
  }

  message(id: string, actor: Actor, text: string): Promise<ChangeResult> {
    return this.move(id, (conversation) => {
      if (conversation.owner !== ownerOf(actor)) return { refuse: 'not_yours' };
      return { conversation, replies: [{ text, from: 'operator', author: firstName(actor.name) }] };
    });
  }

  /** Back to the bot: it greets again, or repeats the question of the step the citizen was at. */
  release(id: string, actor: Actor): Promise<ChangeResult> {
    return this.move(id, (conversation) => {
      const refusal = mayAct(conversation, actor);
      if (refusal) return refusal;
      const resume = conversation.handoff?.resume;
      const replies: Reply[] = [{ text: this.t(conversation, 'operator:released'), from: 'system' }];
      const released = backToBot(conversation);
      if (resume) return { conversation: { ...released, state: resume }, replies, then: { resume: true } };
      return { conversation: released, replies, then: { start: MENU_FLOW_ID } };
    });
  }

  /** To another operator (who has it at once) or to the supervisors' queue, with a note for them. */
  transfer(id: string, actor: Actor, to: { login: string; name: string } | typeof SUPERVISORS_QUEUE, note: string | undefined): Promise<ChangeResult> {
    return this.move(id, (conversation) => {
      const refusal = mayAct(conversation, actor);
      if (refusal) return refusal;
      const replies: Reply[] = [{ text: this.t(conversation, 'operator:transferred'), from: 'system' }];
      const base: HandoffRecord = { ...(conversation.handoff ?? { queue: GENERAL_QUEUE, priority: 0 }), ...(note ? { note } : {}) };
      if (to === SUPERVISORS_QUEUE) {
        const { operator: _previous, ...handoff } = base;
        return { conversation: { ...conversation, owner: 'queue', handoff: { ...handoff, queue: SUPERVISORS_QUEUE, waitingSince: this.context.now().toISOString() } }, replies };
      }
      if (conversation.owner === ownerOf(to)) return { refuse: 'already_theirs' };
      return { conversation: { ...conversation, owner: ownerOf(to), handoff: { ...base, operator: { login: to.login, name: to.name } } }, replies };
    });
  }

  /** Ends the conversation; when an operator had it, the citizen is asked to rate the help. */
  close(id: string, actor: Actor, reason: string | undefined): Promise<ChangeResult> {
    return this.move(id, (conversation) => {
      const refusal = mayAct(conversation, actor);
      if (refusal) return refusal;
      const closed = backToBot(conversation, { closed: true, reason });
      const replies: Reply[] = [{ text: this.t(conversation, 'operator:closed'), from: 'system' }];
      const operator = conversation.handoff?.operator?.login;
      if (operator) return { conversation: closed, replies, then: { start: RATING_FLOW_ID, params: { operator } } };
      return { conversation: closed, replies, then: { start: MENU_FLOW_ID } };
    });
  }

  private move(id: string, decide: (conversation: Conversation) => ChangeDecision): Promise<ChangeResult> {
    return this.context.notifier().change(id, decide, 'operator');
  }

  private t(conversation: Conversation, key: string, vars?: Record<string, unknown>): string {
    return this.context.texts.t(conversation.lang, key, vars);
  }
}

/** Only the operator who has a conversation acts on it; supervisors may act on any. */
function mayAct(conversation: Conversation, actor: Actor): ChangeDecision | undefined {
  if (conversation.owner === ownerOf(actor) || isSupervisor(actor)) return undefined;
  if (conversation.owner === 'queue' || conversation.owner === 'bot') return { refuse: 'not_yours' };
  return { refuse: 'owned_by_other' };
}
