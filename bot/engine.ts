import { randomUUID } from 'node:crypto';
import type { Effect, Reply } from '../flows/types';
import type { Conversation, FlowState, TranscriptEntry } from '../store/types';
import { EffectRunner } from './engine/effects';
import { FlowRunner } from './engine/flow-runner';
import { describeEvent, globalCommand, isStart } from './engine/global-commands';
import { botMayAnswer, isQueueControl, signOfLife } from './engine/ownership';
import { asSaved, choicesIn, nowOffered, numberEntries, wasHandled } from './engine/transcript';
import { understand, withLanguageOffer } from './engine/understanding';
import type { ChangeDecision, ChangeResult, Decision, EngineEvent, EngineOptions, Inbound, TurnResult } from './engine/types';
import { KeyedSerial } from './serial';
import { copyWith } from '../domain/copy-with';

export { EffectRefusal, UnknownEffectError, type EffectContext, type EffectHandler } from './engine/effects';
export { MAX_TEXT_LENGTH } from './engine/global-commands';
export type { ChangeDecision, ChangeResult, EngineEvent, EngineObserver, EngineOptions, Inbound, SavedChange, TurnResult } from './engine/types';

const MAX_SAVE_ATTEMPTS = 16;
/** Effects one turn may wait for, one after another (e.g. reserve a window, then write the booking). */
const MAX_AWAITED = 8;
/**
 * Conversations whose last saved state this process keeps as a first guess. A guess saves a read
 * (about 7 µs of CPU with its parse), but every one kept is a ~5 KB object graph the garbage
 * collector walks: with 10 000 kept, the turns bench (256 conversations at once) ran a fifth slower
 * than with 1 000.
 */
const RECENT_LIMIT = 1_000;

export class ConflictError extends Error {
  constructor(conversationId: string) {
    super(`conversation ${conversationId} kept changing under ${MAX_SAVE_ATTEMPTS} attempts`);
    this.name = 'ConflictError';
  }
}

/** One turn decided and its effects run: ready to store. */
interface Turn {
  conversation: Conversation;
  replies: Reply[];
  citizen?: TranscriptEntry;
  botSpoke: boolean;
}

/**
 * Runs flows for every channel. One turn: load the conversation, pass the ownership gate, let the
 * current step handle the event, run the step's effects (handing the outcome of an awaited one
 * back to its flow), store the new state with a compare-and-set, and only then return the
 * replies for the channel to send.
 *
 * @example
 * const { replies } = await engine.handle({ conversationId: 'tg-42', channel: 'telegram', eventId: 'tg:1001', event: { type: 'text', text: 'меню' } });
 */
export class Engine {
  private readonly runner: FlowRunner;
  private readonly effects: EffectRunner;
  private readonly serial = new KeyedSerial();
  private readonly recent = new Map<string, Conversation>();
  private readonly now: () => Date;
  /** Names the turns that came without an event id (their effects' keys): this engine's, then a count. */
  private readonly turnIdPrefix = `srv:${randomUUID()}:`;
  private turnsWithoutId = 0;

  constructor(private readonly options: EngineOptions) {
    this.now = options.now ?? (() => new Date());
    this.runner = new FlowRunner(options.flows, options.texts, options.availability, this.now);
    this.effects = new EffectRunner(options.effects ?? {}, options.log);
    this.effects.check(options.flows);
  }

  handle(inbound: Inbound): Promise<TurnResult> {
    return this.serial.run(inbound.conversationId, () => this.turnWithRetry(inbound));
  }

  /**
   * A turn starts from the conversation as this process last saved it, which saves a read. That is
   * only a guess: the compare-and-set rejects it when anyone else (another instance, an operator)
   * saved since, hands back what the store holds, and the turn is decided again on that. A turn
   * with effects never runs them on a guess. Effects are keyed by the inbound event, so the turn
   * decided again applies each of them once.
   */
  private async turnWithRetry(inbound: Inbound): Promise<TurnResult> {
    const { conversations } = this.options.store;
    const id = inbound.conversationId;
    const eventId = inbound.eventId ?? `${this.turnIdPrefix}${++this.turnsWithoutId}`;
    let base: Conversation | null | undefined = this.recent.get(id);
    let guessed = base !== undefined;
    for (let attempt = 0; attempt < MAX_SAVE_ATTEMPTS; attempt++) {
      if (base === undefined) base = await conversations.get(id);
      const current = await this.numbered(base ?? this.newConversation(inbound));
      if (wasHandled(current, inbound.eventId)) return { replies: [], conversation: current, botSpoke: false };
      const decided = this.decide(current, inbound.event, base === null);
      if (guessed && (decided.effects.length > 0 || decided.awaiting)) {
        base = undefined;
        guessed = false;
        continue;
      }
      const at = this.now().toISOString();
      const turn = await this.settle(current, inbound.event, decided, eventId, at);
      const { entries, replies, seq } = numberEntries(current, turn.citizen ? [turn.citizen] : [], turn.replies, at);
      const next = asSaved(turn.conversation, current, seq, at, inbound.eventId);
      if (inbound.address) next.address = { ...next.address, ...inbound.address };
      const saved = await conversations.save(next, current.revision, entries);
      if (saved.saved) {
        // While others write too, starting from our own copy would always beat them to the next save.
        if (saved.contended) this.recent.delete(id);
        else this.remember(next);
        await this.options.observer?.onSaved?.({ before: base ?? null, conversation: next, replies, transcript: entries, origin: 'citizen' });
        return { replies, conversation: next, botSpoke: turn.botSpoke };
      }
      this.recent.delete(id);
      base = saved.current;
      guessed = false;
    }
    throw new ConflictError(id);
  }

  /**
   * Changes a conversation on behalf of an operator or the system (take-over, hand-back, a
   * message, a reminder), in turn with the citizen's own updates and with the same
   * compare-and-set, so neither side overwrites the other. `decide` runs on the current state and
   * again after a lost race. With an `eventId`, a change already made under that id is refused as
   * `duplicate`, so a retried notification is written once.
   */
  change(id: string, decide: (current: Conversation) => ChangeDecision, origin: 'operator' | 'system' = 'operator', eventId?: string): Promise<ChangeResult> {
    return this.serial.run(id, async () => {
      const { conversations } = this.options.store;
      let current = await conversations.get(id);
      for (let attempt = 0; attempt < MAX_SAVE_ATTEMPTS; attempt++) {
        if (!current) return { changed: false, reason: 'not_found' };
        if (wasHandled(current, eventId)) return { changed: false, reason: 'duplicate' };
        const decision = decide(current);
        if ('refuse' in decision) return { changed: false, reason: decision.refuse };
        const at = this.now().toISOString();
        let next = decision.conversation;
        const said = [...(decision.replies ?? [])];
        if (decision.then) {
          const continued = 'start' in decision.then ? this.runner.start(next, decision.then.start, decision.then.params) : { conversation: next, replies: this.runner.currentPrompt(next) };
          next = continued.conversation;
          said.push(...continued.replies);
        }
        const offered = choicesIn(said);
        if (offered.length > 0) next = { ...next, offered };
        const { entries, replies, seq } = numberEntries(current, decision.transcript ?? [], said, at);
        next = asSaved(next, current, seq, at, eventId);
        const saved = await conversations.save(next, current.revision, entries);
        if (saved.saved) {
          this.recent.delete(id);
          await this.options.observer?.onSaved?.({ before: current, conversation: next, replies, transcript: entries, origin });
          return { changed: true, conversation: next, replies };
        }
        current = saved.current;
      }
      throw new ConflictError(id);
    });
  }

  /** The main menu's first step, where a conversation starts and returns to. */
  menuRoot(): FlowState {
    return this.runner.menuRoot();
  }

  /** Conversations with a turn in progress in this process (for graceful shutdown). */
  get busy(): number {
    return this.serial.size;
  }

  private remember(conversation: Conversation): void {
    this.recent.delete(conversation.id); // re-inserted last: the Map's order is the recency order
    this.recent.set(conversation.id, conversation);
    if (this.recent.size > RECENT_LIMIT) this.recent.delete(this.recent.keys().next().value!);
  }

  /** The conversation with its number: a new one (or one started before numbering) gets it now. */
  private async numbered(conversation: Conversation): Promise<Conversation> {
    const { numbers } = this.options;
    if (conversation.number || !numbers) return conversation;
    return { ...conversation, number: await numbers.assign(conversation.id, this.now()) };
  }

  private newConversation(inbound: Inbound): Conversation {
    const at = this.now().toISOString();
    return {
      id: inbound.conversationId,
      channel: inbound.channel,
      lang: inbound.langHint ?? this.options.defaultLang,
      owner: 'bot',
      status: 'open',
      state: this.runner.menuRoot(),
      offered: [],
      data: {},
      address: inbound.address ?? {},
      createdAt: at,
      updatedAt: at,
      revision: 0,
    };
  }

  /** Pure: what the turn does, before any effect ran. */
  private decide(conversation: Conversation, event: EngineEvent, isNew: boolean): Decision {
    // A citizen who writes again reopens a closed conversation, except to answer the rating after close.
    const stayClosed = conversation.status === 'closed' && this.runner.current(conversation.state)?.keepsClosed === true;
    const status = stayClosed ? 'closed' : 'open';
    const reopened: Conversation = conversation.status === status ? conversation : { ...conversation, status };
    if (!botMayAnswer(conversation, event)) return { conversation: reopened, replies: [], effects: [] };
    return this.runner.withOperatorOffer(this.decideStep(reopened, event, isNew));
  }

  private decideStep(conversation: Conversation, event: EngineEvent, isNew: boolean): Decision {
    if (isNew && !isStart(event)) {
      // A first typed message still gets the greeting before it is handled; a first button press
      // cannot be one the bot offered, so it gets the greeting and the menu.
      const greeted = this.runner.start(conversation, 'menu', { greet: true });
      if (event.type !== 'text') return greeted;
      const handled = this.decideStep(greeted.conversation, event, false);
      // A first "сәлем" is greeted by the menu itself: the greeting is said once.
      const greeting = greeted.replies[0]!;
      if (handled.replies[0]?.text === greeting.text) return handled;
      return { ...handled, replies: [greeting, ...handled.replies] };
    }
    const global = globalCommand(this.runner, this.options.texts, conversation, event);
    if (global) return global;
    if (event.type === 'start' || event.type === 'resume') throw new Error(`unreachable: ${event.type} is a global command`);
    if (event.type === 'choice') {
      // Queue controls stay valid while queued whatever was offered since (e.g. a position update).
      const offered = conversation.offered.some((c) => c.id === event.id) || isQueueControl(conversation, event);
      if (!offered) return this.runner.complain(conversation, 'common:errors.stale_choice');
    }
    if (event.type !== 'text') return this.runner.step(conversation, event);
    const stepped = this.runner.step(conversation, event);
    const decision = stepped.notUnderstood
      ? understand({ runner: this.runner, conversation, text: event.text, decision: stepped, choose: (id) => this.decideStep(conversation, { type: 'choice', id }, false) })
      : stepped;
    return withLanguageOffer(this.runner, decision, event.text, conversation);
  }

  /**
   * Runs what the decision asks for: each awaited effect, its outcome handed back to the flow, then
   * the other effects. When one of those fails, nothing of the step is kept: the citizen hears that
   * it did not work and gets the question again, with everything entered before still there.
   */
  private async settle(current: Conversation, event: EngineEvent, decided: Decision, eventId: string, at: string): Promise<Turn> {
    const spoke = botMayAnswer(current, event);
    let decision = decided;
    let index = 0;
    const keyFor = (effect: Effect) => (effect.key ? `${current.id}:${effect.key}:${effect.type}` : `${current.id}:${eventId}:${index++}:${effect.type}`);
    for (let awaited = 0; decision.awaiting; awaited++) {
      if (awaited >= MAX_AWAITED) throw new Error(`flow ${decision.conversation.state.flow} awaits effects without end`);
      const effect = decision.awaiting;
      const outcome = await this.effects.run(effect, { conversation: decision.conversation, idempotencyKey: keyFor(effect) });
      const { awaiting: _done, ...rest } = decision;
      decision = this.runner.withOperatorOffer(this.runner.continueAfter(rest, { effect, outcome }));
    }
    for (const effect of decision.effects) {
      const outcome = await this.effects.run(effect, { conversation: decision.conversation, idempotencyKey: keyFor(effect) });
      if (!outcome.ok) {
        decision = this.runner.complain({ ...current, status: decision.conversation.status }, 'common:errors.try_again');
        break;
      }
    }
    const typed = describeEvent(this.options.texts, event, current);
    const citizenText = decision.transcriptText ?? typed;
    const citizen = citizenText === undefined ? undefined : { from: 'citizen' as const, text: citizenText, at };
    let next = decision.conversation;
    if (!spoke) {
      // The ownership gate kept the bot silent: the message is for the operator.
      if (citizen) next = signOfLife(next, at);
      return { conversation: next, replies: [], botSpoke: false, ...(citizen ? { citizen } : {}) };
    }
    // A queue control (e.g. "still waiting") is a sign of life too.
    if (current.owner === 'queue' && next.owner === 'queue') next = signOfLife(next, at);
    next = copyWith(next, { offered: nowOffered(next.offered, choicesIn(decision.replies), decision.keepOffered) });
    return { conversation: next, replies: decision.replies, botSpoke: true, ...(citizen ? { citizen } : {}) };
  }
}
