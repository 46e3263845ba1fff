import type { Logger } from 'pino';
import type { AppendLog, Conversation, Store } from '../../store/types';
import type { EngineObserver, SavedChange } from '../engine';
import { eventsOf, OPERATOR_EVENTS_TOPIC, placementChanged, type OperatorEvent } from '../operator-events';
import { quietSince } from './shared';

const CLOSED_KEY = 'all';

/**
 * Files every stored change for operators: the conversation into its queue or under its operator
 * in the store's hand-over index, the closed ones into the recently-closed list, the wait into the
 * estimate, and the events onto every instance's consoles.
 */
export class HandoffFiling implements EngineObserver {
  private readonly closed: AppendLog<string>;

  constructor(
    private readonly store: Store,
    private readonly log: Logger,
    /** Called when the queue moved, so its citizens hear their new places. */
    private readonly onQueueMoved: () => void,
  ) {
    this.closed = store.log<string>('closed', 1000);
  }

  async onSaved(change: SavedChange): Promise<void> {
    const { before, conversation } = change;
    try {
      if (placementChanged(before, conversation)) {
        await this.refile(conversation);
        if (conversation.status === 'closed' && before?.status !== 'closed') await this.closed.append(CLOSED_KEY, conversation.id);
        if (before?.owner === 'queue' || conversation.owner === 'queue') this.onQueueMoved();
        const servedAfter = before?.owner === 'queue' && conversation.owner.startsWith('operator:') ? before.handoff?.waitingSince : undefined;
        if (servedAfter) await this.store.handoff.recordWait(Date.parse(conversation.updatedAt) - Date.parse(servedAfter));
      } else if (conversation.owner !== 'bot') {
        // Filed where it was: the consoles' lists learn that what they drew from an older revision is out of date,
        // and the idle sweep when a queued citizen's silence now counts from.
        await this.store.handoff.stamp(conversation.id, conversation.revision, conversation.owner === 'queue' ? quietSince(conversation) : undefined);
      }
      for (const event of eventsOf(change)) await this.publish(event);
    } catch (error) {
      this.log.error({ err: error, conversationId: conversation.id }, 'filing a conversation for operators failed');
    }
  }

  /** Files a conversation where it belongs now (used to repair an index entry left behind). */
  refile(conversation: Conversation): Promise<void> {
    return this.store.handoff.place({
      id: conversation.id,
      owner: conversation.owner,
      status: conversation.status,
      priority: conversation.handoff?.priority ?? 0,
      ...(conversation.handoff?.queue ? { queue: conversation.handoff.queue } : {}),
      ...(conversation.handoff?.waitingSince ? { waitingSince: conversation.handoff.waitingSince } : {}),
      ...(conversation.owner === 'queue' ? { quietSince: quietSince(conversation) } : {}),
      revision: conversation.revision,
    });
  }

  /** Ids of the conversations closed most recently, newest first. */
  async recentlyClosed(limit: number): Promise<string[]> {
    return [...new Set((await this.closed.list(CLOSED_KEY, limit)).reverse())];
  }

  publish(event: OperatorEvent): Promise<void> {
    return this.store.bus.publish(OPERATOR_EVENTS_TOPIC, event);
  }
}
