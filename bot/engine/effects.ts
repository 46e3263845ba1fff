import type { Logger } from 'pino';
import type { Effect, EffectOutcome, Flow } from '../../flows/types';
import type { Conversation } from '../../store/types';

/** What an effect handler knows of the turn that asked for it. */
export interface EffectContext {
  conversation: Conversation;
  /**
   * The same for every run of this effect for the same inbound event (a turn retried after a lost
   * race, a redelivered Telegram update): a handler that writes keys the write by it, so it applies once.
   */
  idempotencyKey: string;
}

/**
 * Runs one kind of effect; what it returns is the outcome's value for the flow that waited for it.
 * A handler says no by throwing an {@link EffectRefusal}.
 *
 * @example
 * const book: EffectHandler = async (effect, { idempotencyKey }) => {
 *   if (!(await reservations.reserve(window, idempotencyKey, capacity))) throw new EffectRefusal('slot_full');
 *   return (await visits.create(request, { key: idempotencyKey })).record;
 * };
 */
export type EffectHandler = (effect: Effect, context: EffectContext) => Promise<unknown>;

/** A handler's reasoned "no" (`slot_full`, `not_found`): the flow tells the citizen, nothing is logged as an error. */
export class EffectRefusal extends Error {
  constructor(
    readonly code: string,
    readonly details?: unknown,
  ) {
    super(`effect refused: ${code}`);
    this.name = 'EffectRefusal';
  }
}

/** A flow asks for an effect no handler serves: a wiring mistake, found when the engine is built. */
export class UnknownEffectError extends Error {
  constructor(
    readonly flow: string,
    readonly effect: string,
  ) {
    super(`flow ${flow} asks for effect ${effect}, which has no handler`);
    this.name = 'UnknownEffectError';
  }
}

/** The registered effect handlers, checked against what the flows ask for, and run to an outcome. */
export class EffectRunner {
  constructor(
    private readonly handlers: Readonly<Record<string, EffectHandler>>,
    private readonly log?: Pick<Logger, 'error'>,
  ) {}

  /** Throws {@link UnknownEffectError} when a flow declares an effect type without a handler. */
  check(flows: readonly Flow[]): void {
    for (const flow of flows) for (const type of flow.effects ?? []) if (!this.handlers[type]) throw new UnknownEffectError(flow.id, type);
  }

  /** Never throws: a refusal or a failure becomes an outcome the flow can put in words. */
  async run(effect: Effect, context: EffectContext): Promise<EffectOutcome> {
    const handler = this.handlers[effect.type];
    try {
      if (!handler) throw new Error(`no handler for effect ${effect.type}`);
      return { ok: true, value: await handler(effect, context) };
    } catch (error) {
      if (error instanceof EffectRefusal) return { ok: false, code: error.code };
      this.log?.error({ err: error, effect: effect.type, conversationId: context.conversation.id }, 'effect failed');
      return { ok: false, code: 'failed' };
    }
  }
}
