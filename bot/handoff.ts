import type { Logger } from 'pino';
import type { OpeningHours } from '../domain/hours';
import type { Availability } from '../flows/types';
import type { Texts } from '../locales/i18n';
import type { Conversation, Store } from '../store/types';
import type { ChangeResult, Engine, EngineObserver, SavedChange } from './engine';
import { HandoffFiling } from './handoff/filing';
import { HandoffMoves } from './handoff/moves';
import type { Actor, SUPERVISORS_QUEUE } from './handoff/shared';
import { QueueSweeps } from './handoff/sweeps';
import type { Notifier } from './notify';
import type { OperatorEvent } from './operator-events';

export { GENERAL_QUEUE, SUPERVISORS_QUEUE, type Actor, type OperatorRole } from './handoff/shared';

export interface HandoffOptions {
  store: Store;
  texts: Texts;
  log: Logger;
  hours: OpeningHours;
  /** Silence in the queue before the "still waiting?" question, and again before closing. */
  idleMs: number;
  /** Operators online now (kept fresh by the presence registry). */
  operatorsOnline: () => number;
  now?: () => Date;
}

/**
 * Who owns a conversation, and every move between the bot, the queues and the operators: the
 * operators' moves (handoff/moves), the filing of each stored change for the consoles
 * (handoff/filing), and the system's sweeps of the queues (handoff/sweeps). It observes the engine
 * and acts through it, so it is bound to the engine and its notifier once they exist.
 */
export class Handoff implements EngineObserver {
  private bound?: { engine: Engine; notifier: Notifier };
  private readonly moves: HandoffMoves;
  private readonly sweeps: QueueSweeps;
  private readonly filing: HandoffFiling;

  constructor(options: HandoffOptions) {
    const context = { texts: options.texts, now: options.now ?? (() => new Date()), notifier: () => this.binding().notifier };
    this.moves = new HandoffMoves(context);
    this.sweeps = new QueueSweeps(context, { ...options, menuRoot: () => this.binding().engine.menuRoot() });
    this.filing = new HandoffFiling(options.store, options.log, () => this.sweeps.scheduleAnnouncements());
  }

  bind(engine: Engine, notifier: Notifier): void {
    this.bound = { engine, notifier };
  }

  onSaved(change: SavedChange): Promise<void> {
    return this.filing.onSaved(change);
  }

  availability(): Availability {
    return this.sweeps.availability();
  }

  takeover(id: string, actor: Actor): Promise<ChangeResult> {
    return this.moves.takeover(id, actor);
  }

  message(id: string, actor: Actor, text: string): Promise<ChangeResult> {
    return this.moves.message(id, actor, text);
  }

  release(id: string, actor: Actor): Promise<ChangeResult> {
    return this.moves.release(id, actor);
  }

  transfer(id: string, actor: Actor, to: { login: string; name: string } | typeof SUPERVISORS_QUEUE, note: string | undefined): Promise<ChangeResult> {
    return this.moves.transfer(id, actor, to, note);
  }

  close(id: string, actor: Actor, reason: string | undefined): Promise<ChangeResult> {
    return this.moves.close(id, actor, reason);
  }

  sweep(): Promise<number> {
    return this.sweeps.sweep();
  }

  announcePositions(): Promise<void> {
    return this.sweeps.announcePositions();
  }

  refile(conversation: Conversation): Promise<void> {
    return this.filing.refile(conversation);
  }

  recentlyClosed(limit: number): Promise<string[]> {
    return this.filing.recentlyClosed(limit);
  }

  publish(event: OperatorEvent): Promise<void> {
    return this.filing.publish(event);
  }

  stop(): void {
    this.sweeps.stop();
  }

  private binding(): { engine: Engine; notifier: Notifier } {
    if (!this.bound) throw new Error('Handoff is not bound to an engine');
    return this.bound;
  }
}
