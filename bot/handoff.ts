import type { Logger } from 'pino';
import { isOpenAt, type OpeningHours } from '../domain/hours';
import { MENU_FLOW_ID } from '../flows/menu';
import { OPERATOR_FLOW_ID, queuedChoices, QUEUE_CANCEL, QUEUE_WAIT } from '../flows/operator';
import { RATING_FLOW_ID } from '../flows/rating';
import type { Availability, Reply } from '../flows/types';
import type { Texts } from '../locales/i18n';
import type { AppendLog, Conversation, Handoff as HandoffRecord, Store } from '../store/types';
import type { Delivery } from './delivery';
import type { ChangeDecision, ChangeResult, Engine, SavedChange } from './engine';
import { eventsOf, OPERATOR_EVENTS_TOPIC, placementChanged, type OperatorEvent } from './operator-events';

export type OperatorRole = 'operator' | 'supervisor' | 'admin';

/** Who acts on a conversation from the operator side. */
export interface Actor {
  login: string;
  name: string;
  role: OperatorRole;
}

export const SUPERVISORS_QUEUE = 'supervisors';
export const GENERAL_QUEUE = 'general';
/** Queue places announced to citizens; those further back hear about it when they move up. */
const ANNOUNCED_PLACES = 50;
const CLOSED_KEY = 'all';
/** Conversations read at once by the idle sweep. */
const SWEEP_PAGE = 500;

export interface HandoffOptions {
  store: Store;
  texts: Texts;
  delivery: Delivery;
  log: Logger;
  hours: OpeningHours;
  /** Silence in the queue before the "still waiting?" question, and again before closing. */
  idleMs: number;
  /** Operators online now (kept fresh by the presence registry). */
  operatorsOnline: () => number;
  now?: () => Date;
}

function isSupervisor(actor: Actor): boolean {
  return actor.role === 'supervisor' || actor.role === 'admin';
}

function ownerOf(actor: Pick<Actor, 'login'>) {
  return `operator:${actor.login}` as const;
}

function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
}

/**
 * Who owns a conversation, and every move between the bot, the queues and the operators:
 * take-over, operator messages, hand-back, transfer, close, the queue-place announcements and
 * the idle check. Each move is one compare-and-set through the engine, so it never overwrites a
 * citizen's turn and two operators never both win.
 */
export class Handoff {
  private engine?: Engine;
  private readonly now: () => Date;
  private announceTimer?: NodeJS.Timeout;
  private readonly closed: AppendLog<string>;

  constructor(private readonly options: HandoffOptions) {
    this.now = options.now ?? (() => new Date());
    this.closed = options.store.log<string>('closed', 1000);
  }

  /** The engine runs the moves; it is created after this object because it reports to it. */
  bind(engine: Engine): void {
    this.engine = engine;
  }

  availability(): Availability {
    return { open: isOpenAt(this.options.hours, this.now()), operatorsOnline: this.options.operatorsOnline(), hours: this.options.hours };
  }

  /**
   * Engine observer: files the conversation for operators after a change of owner, streams the
   * events, and re-announces queue places when the queue moved.
   */
  async onSaved(change: SavedChange): Promise<void> {
    const { before, conversation } = change;
    try {
      if (placementChanged(before, conversation)) {
        await this.refile(conversation);
        if (conversation.status === 'closed' && before?.status !== 'closed') await this.closed.append(CLOSED_KEY, conversation.id);
        if (before?.owner === 'queue' || conversation.owner === 'queue') this.scheduleAnnouncements();
        const servedAfter = before?.owner === 'queue' && conversation.owner.startsWith('operator:') ? before.handoff?.waitingSince : undefined;
        if (servedAfter) await this.options.store.handoff.recordWait(Date.parse(conversation.updatedAt) - Date.parse(servedAfter));
      }
      for (const event of eventsOf(change)) await this.publish(event);
    } catch (error) {
      this.options.log.error({ err: error, conversationId: conversation.id }, 'filing a conversation for operators failed');
    }
  }

  /** Files a conversation where it belongs now (used to repair an index entry left behind). */
  refile(conversation: Conversation): Promise<void> {
    return this.options.store.handoff.place({
      id: conversation.id,
      owner: conversation.owner,
      status: conversation.status,
      priority: conversation.handoff?.priority ?? 0,
      ...(conversation.handoff?.queue ? { queue: conversation.handoff.queue } : {}),
      ...(conversation.handoff?.waitingSince ? { waitingSince: conversation.handoff.waitingSince } : {}),
    });
  }

  /** Ids of the conversations closed most recently, newest first. */
  async recentlyClosed(limit: number): Promise<string[]> {
    return [...new Set((await this.closed.list(CLOSED_KEY, limit)).reverse())];
  }

  publish(event: OperatorEvent): Promise<void> {
    return this.options.store.bus.publish(OPERATOR_EVENTS_TOPIC, event);
  }

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
      const refusal = this.mayAct(conversation, actor);
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
      const refusal = this.mayAct(conversation, actor);
      if (refusal) return refusal;
      const replies: Reply[] = [{ text: this.t(conversation, 'operator:transferred'), from: 'system' }];
      const base: HandoffRecord = { ...(conversation.handoff ?? { queue: GENERAL_QUEUE, priority: 0 }), ...(note ? { note } : {}) };
      if (to === SUPERVISORS_QUEUE) {
        const { operator: _previous, ...handoff } = base;
        return { conversation: { ...conversation, owner: 'queue', handoff: { ...handoff, queue: SUPERVISORS_QUEUE, waitingSince: this.now().toISOString() } }, replies };
      }
      if (conversation.owner === ownerOf(to)) return { refuse: 'already_theirs' };
      return { conversation: { ...conversation, owner: ownerOf(to), handoff: { ...base, operator: { login: to.login, name: to.name } } }, replies };
    });
  }

  /** Ends the conversation; when an operator had it, the citizen is asked to rate the help. */
  close(id: string, actor: Actor, reason: string | undefined): Promise<ChangeResult> {
    return this.move(id, (conversation) => {
      const refusal = this.mayAct(conversation, actor);
      if (refusal) return refusal;
      const closed = backToBot(conversation, { closed: true, reason });
      const replies: Reply[] = [{ text: this.t(conversation, 'operator:closed'), from: 'system' }];
      const operator = conversation.handoff?.operator?.login;
      if (operator) return { conversation: closed, replies, then: { start: RATING_FLOW_ID, params: { operator } } };
      return { conversation: closed, replies, then: { start: MENU_FLOW_ID } };
    });
  }

  /**
   * Goes through the queues: citizens silent for `idleMs` are asked whether they still wait, and
   * the request of those who did not answer within `idleMs` more is closed; once the contact centre
   * has closed for the day, those still waiting are told and offered a call-back instead. Safe to
   * run on every instance at once: each move decides again on the stored state.
   */
  async sweep(): Promise<number> {
    let touched = 0;
    for (const queue of [GENERAL_QUEUE, SUPERVISORS_QUEUE]) {
      const ids = await this.options.store.handoff.queue(queue);
      // A page at a time, so a long queue is not read into memory at once.
      for (let from = 0; from < ids.length; from += SWEEP_PAGE) {
        const page = await this.options.store.conversations.getMany(ids.slice(from, from + SWEEP_PAGE));
        for (const conversation of page) {
          if (conversation?.owner !== 'queue') continue;
          const step = !this.availability().open ? this.afterHoursStep : this.idleAction(conversation) ? this.idleStep : undefined;
          if (!step) continue;
          const result = await this.move(conversation.id, step, 'system');
          if (result.changed) touched++;
        }
      }
    }
    return touched;
  }

  /** Out of the queue once the centre has closed: the bot offers the call-back (the operator flow's closed step). */
  private readonly afterHoursStep = (conversation: Conversation): ChangeDecision => {
    if (conversation.owner !== 'queue' || this.availability().open) return { refuse: 'not_due' };
    return {
      conversation: backToBot(conversation, { reason: 'after_hours' }),
      replies: [{ text: this.t(conversation, 'operator:closed_while_waiting'), from: 'system' }],
      then: { start: OPERATOR_FLOW_ID },
    };
  };

  /**
   * What the idle check does now: ask a citizen silent for `idleMs` whether they still wait, or
   * close the request of one who did not answer within `idleMs` of the question. Any sign of life
   * clears the question (see the engine), so a citizen who writes is asked again only after the
   * next silence.
   */
  private idleAction(conversation: Conversation): 'ask' | 'close' | undefined {
    const handoff = conversation.handoff;
    if (conversation.owner !== 'queue' || !handoff) return undefined;
    const since = handoff.idleAskedAt ?? handoff.lastCitizenAt ?? handoff.waitingSince ?? conversation.updatedAt;
    if (Date.parse(since) + this.options.idleMs > this.now().getTime()) return undefined;
    return handoff.idleAskedAt ? 'close' : 'ask';
  }

  private readonly idleStep = (conversation: Conversation): ChangeDecision => {
    const action = this.idleAction(conversation);
    if (!action) return { refuse: 'not_due' };
    if (action === 'ask') {
      const t = this.options.texts.translator(conversation.lang);
      const minutes = Math.max(1, Math.round(this.options.idleMs / 60_000));
      return {
        conversation: { ...conversation, handoff: { ...conversation.handoff!, idleAskedAt: this.now().toISOString() } },
        replies: [{ text: t('operator:still_waiting', { minutes }), choices: [{ id: QUEUE_WAIT, label: t('operator:choices.wait') }, { id: QUEUE_CANCEL, label: t('operator:choices.cancel') }] }],
      };
    }
    return {
      conversation: { ...backToBot(conversation, { closed: true, reason: 'idle' }), state: this.engine!.menuRoot() },
      replies: [{ text: this.t(conversation, 'operator:idle_closed'), from: 'system' }],
    };
  };

  /** Tells queued citizens whose place changed where they are now, with an estimate of the wait. */
  async announcePositions(): Promise<void> {
    const { store } = this.options;
    const waits = await store.handoff.recentWaits();
    const perPlace = waits.length > 0 ? median(waits) / Math.max(1, this.options.operatorsOnline()) : undefined;
    for (const queue of [GENERAL_QUEUE, SUPERVISORS_QUEUE]) {
      const ids = await store.handoff.queue(queue, { offset: 0, limit: ANNOUNCED_PLACES });
      const told = (await store.conversations.getMany(ids)).map((c) => c?.handoff?.announcedPosition);
      for (const [index, id] of ids.entries()) {
        const position = index + 1;
        if (told[index] === position) continue;
        await this.move(
          id,
          (conversation) => {
            if (conversation.owner !== 'queue' || !conversation.handoff) return { refuse: 'not_queued' };
            if (conversation.handoff.announcedPosition === position) return { refuse: 'unchanged' };
            const t = this.options.texts.translator(conversation.lang);
            const text = perPlace === undefined ? t('operator:position', { position }) : t('operator:position_eta', { position, minutes: Math.max(1, Math.ceil((perPlace * position) / 60_000)) });
            return {
              conversation: { ...conversation, handoff: { ...conversation.handoff, announcedPosition: position } },
              replies: [{ text, choices: queuedChoices(t), from: 'system' }],
            };
          },
          'system',
        );
      }
    }
  }

  /** Coalesces queue moves that come in a burst into one announcement round. */
  private scheduleAnnouncements(): void {
    if (this.announceTimer) return;
    this.announceTimer = setTimeout(() => {
      this.announceTimer = undefined;
      this.announcePositions().catch((error: unknown) => this.options.log.error({ err: error }, 'announcing queue places failed'));
    }, 200);
    this.announceTimer.unref();
  }

  stop(): void {
    if (this.announceTimer) clearTimeout(this.announceTimer);
    this.announceTimer = undefined;
  }

  /** Runs a move and delivers what it says to the citizen once it is stored. */
  private async move(id: string, decide: (conversation: Conversation) => ChangeDecision, origin: 'operator' | 'system' = 'operator'): Promise<ChangeResult> {
    if (!this.engine) throw new Error('Handoff is not bound to an engine');
    const result = await this.engine.change(id, decide, origin);
    if (result.changed) {
      await this.options.delivery.deliver(result.conversation, result.replies).catch((error: unknown) => {
        this.options.log.error({ err: error, conversationId: id }, 'delivering to the citizen failed');
      });
    }
    return result;
  }

  /** Only the operator who has a conversation acts on it; supervisors may act on any. */
  private mayAct(conversation: Conversation, actor: Actor): ChangeDecision | undefined {
    if (conversation.owner === ownerOf(actor) || isSupervisor(actor)) return undefined;
    if (conversation.owner === 'queue' || conversation.owner === 'bot') return { refuse: 'not_yours' };
    return { refuse: 'owned_by_other' };
  }

  private t(conversation: Conversation, key: string, vars?: Record<string, unknown>): string {
    return this.options.texts.t(conversation.lang, key, vars);
  }
}

/** The hand-over record without what only mattered while waiting in a queue. */
function withoutWaiting(handoff: HandoffRecord): HandoffRecord {
  const { idleAskedAt: _asked, announcedPosition: _told, waitingSince: _since, ...kept } = handoff;
  return kept;
}

/** The conversation given back to the bot, closed or not; the hand-over record stays, with the reason. */
function backToBot(conversation: Conversation, end: { closed?: boolean; reason?: string | undefined } = {}): Conversation {
  const handoff = conversation.handoff && { ...withoutWaiting(conversation.handoff), ...(end.reason ? { closedReason: end.reason } : {}) };
  return { ...conversation, owner: 'bot', ...(end.closed ? { status: 'closed' as const } : {}), ...(handoff ? { handoff } : {}) };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
