import type { Logger } from 'pino';
import { openingClock, type OpeningHours } from '../../domain/hours';
import { OPERATOR_FLOW_ID, queuedChoices, QUEUE_CANCEL, QUEUE_WAIT } from '../../flows/operator';
import type { Availability } from '../../flows/types';
import type { Conversation, JobQueue, Store } from '../../store/types';
import type { ChangeDecision, ChangeResult } from '../engine';
import type { JobHandler } from '../scheduler';
import { backToBot, GENERAL_QUEUE, quietSince, SUPERVISORS_QUEUE, type HandoffContext } from './shared';

/** Queue places announced to citizens; those further back hear about it when they move up. */
const ANNOUNCED_PLACES = 50;
/**
 * Conversations read at once by the idle sweep. Each page's answers are parsed in one go, which holds
 * up other requests (a console's listing): with 10 000 waiting, pages of 500 held the event loop up to
 * 10–26 ms at a time, pages of 100 about 5 ms, and the whole sweep took as long (about 0.2 s).
 */
const SWEEP_PAGE = 100;
/**
 * While the centre is open a sweep reads only the conversations the index says fell silent long
 * enough; every so many sweeps it reads every queued one, for those filed by an instance of an older
 * version (which notes no silence).
 */
const FULL_SWEEP_EVERY = 10;

export interface SweepOptions {
  store: Store;
  log: Logger;
  hours: OpeningHours;
  /** Silence in the queue before the "still waiting?" question, and again before closing. */
  idleMs: number;
  /** Operators online now (kept fresh by the presence registry). */
  operatorsOnline: () => number;
  /** The menu's first step, where a closed request leaves the citizen. */
  menuRoot: () => Conversation['state'];
}

/**
 * What the system does to waiting citizens: tells them their place and the estimated wait, asks
 * the silent whether they still wait and closes the requests of those who did not answer, and
 * offers a call-back once the contact centre has closed. Safe on every instance at once: each
 * move decides again on the stored state.
 */
export class QueueSweeps {
  private announceTimer?: NodeJS.Timeout;
  /** Sweeps this instance has run (see FULL_SWEEP_EVERY). */
  private sweeps = 0;
  private readonly isOpen: (now: Date) => boolean;

  constructor(
    private readonly context: HandoffContext,
    private readonly options: SweepOptions,
  ) {
    this.isOpen = openingClock(options.hours);
  }

  availability(): Availability {
    return { open: this.isOpen(this.context.now()), operatorsOnline: this.options.operatorsOnline(), hours: this.options.hours };
  }

  /** One pass over the queues: the idle check, or the closing-time move once the centre has closed. */
  async sweep(): Promise<number> {
    const { store, idleMs } = this.options;
    const full = !this.availability().open || this.sweeps++ % FULL_SWEEP_EVERY === 0;
    const ids = full ? (await Promise.all([GENERAL_QUEUE, SUPERVISORS_QUEUE].map((queue) => store.handoff.queue(queue)))).flat() : await store.handoff.quiet(this.context.now().getTime() - idleMs);
    let touched = 0;
    // A page at a time, so a long queue is not read into memory at once.
    for (let from = 0; from < ids.length; from += SWEEP_PAGE) {
      const page = await store.conversations.getMany(ids.slice(from, from + SWEEP_PAGE));
      for (const conversation of page) {
        if (conversation?.owner !== 'queue') continue;
        const step = !this.availability().open ? this.afterHoursStep : this.idleAction(conversation) ? this.idleStep : undefined;
        if (!step) continue;
        const result = await this.move(conversation.id, step);
        if (result.changed) touched++;
      }
    }
    return touched;
  }

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
        await this.move(id, (conversation) => {
          if (conversation.owner !== 'queue' || !conversation.handoff) return { refuse: 'not_queued' };
          if (conversation.handoff.announcedPosition === position) return { refuse: 'unchanged' };
          const t = this.context.texts.translator(conversation.lang);
          const text = perPlace === undefined ? t('operator:position', { position }) : t('operator:position_eta', { position, minutes: Math.max(1, Math.ceil((perPlace * position) / 60_000)) });
          return {
            conversation: { ...conversation, handoff: { ...conversation.handoff, announcedPosition: position } },
            replies: [{ text, choices: queuedChoices(t), from: 'system' }],
          };
        });
      }
    }
  }

  /** Coalesces queue moves that come in a burst into one announcement round. */
  scheduleAnnouncements(): void {
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

  /** Out of the queue once the centre has closed: the bot offers the call-back (the operator flow's closed step). */
  private readonly afterHoursStep = (conversation: Conversation): ChangeDecision => {
    if (conversation.owner !== 'queue' || this.availability().open) return { refuse: 'not_due' };
    return {
      conversation: backToBot(conversation, { reason: 'after_hours' }),
      replies: [{ text: this.context.texts.t(conversation.lang, 'operator:closed_while_waiting'), from: 'system' }],
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
    if (Date.parse(quietSince(conversation)) + this.options.idleMs > this.context.now().getTime()) return undefined;
    return handoff.idleAskedAt ? 'close' : 'ask';
  }

  private readonly idleStep = (conversation: Conversation): ChangeDecision => {
    const action = this.idleAction(conversation);
    if (!action) return { refuse: 'not_due' };
    const t = this.context.texts.translator(conversation.lang);
    if (action === 'ask') {
      const minutes = Math.max(1, Math.round(this.options.idleMs / 60_000));
      return {
        conversation: { ...conversation, handoff: { ...conversation.handoff!, idleAskedAt: this.context.now().toISOString() } },
        replies: [
          {
            text: t('operator:still_waiting', { minutes }),
            choices: [
              { id: QUEUE_WAIT, label: t('operator:choices.wait') },
              { id: QUEUE_CANCEL, label: t('operator:choices.cancel') },
            ],
          },
        ],
      };
    }
    return {
      conversation: { ...backToBot(conversation, { closed: true, reason: 'idle' }), state: this.options.menuRoot() },
      replies: [{ text: t('operator:idle_closed'), from: 'system' }],
    };
  };

  private move(id: string, decide: (conversation: Conversation) => ChangeDecision): Promise<ChangeResult> {
    return this.context.notifier().change(id, decide, 'system');
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The queue sweep as a job of the scheduler: one instance sweeps each time, whichever claims it. */
export const QUEUE_SWEEP_JOB = 'queue-sweep';

/** Schedules the next sweep `everyMs` from now, unless one is scheduled already. */
export async function scheduleQueueSweep(jobs: JobQueue, everyMs: number, now: () => Date): Promise<void> {
  if (!(await jobs.get(QUEUE_SWEEP_JOB))) await jobs.schedule({ id: QUEUE_SWEEP_JOB, type: QUEUE_SWEEP_JOB, dueAt: now().getTime() + everyMs, payload: null });
}

/** Sweeps, then schedules the next sweep (which the completion of this run leaves in place). */
export function queueSweepJob(sweep: () => Promise<number>, jobs: JobQueue, everyMs: number, now: () => Date): JobHandler {
  return async () => {
    try {
      await sweep();
    } finally {
      await jobs.schedule({ id: QUEUE_SWEEP_JOB, type: QUEUE_SWEEP_JOB, dueAt: now().getTime() + everyMs, payload: null });
    }
  };
}
