import type { Texts } from '../locales/i18n';
import { isLang } from '../locales/i18n';
import { MENU_FLOW_ID, isMenuChoice, languagePrompt } from '../flows/menu';
import { isMenuWord, isOperatorWord } from '../flows/nlu';
import { QUEUE_CONTROL_PREFIX, type Availability, type Choice, type Effect, type Flow, type FlowContext, type FlowEvent, type HandoffRequest, type Reply, type StepResult } from '../flows/types';
import type { ChannelName, ChatAddress, Conversation, FlowState, Lang, Store, TranscriptEntry } from '../store/types';
import { KeyedSerial } from './serial';

/** What a channel hands the engine: a flow event, or the channel's own start / reconnect signals. */
export type EngineEvent = FlowEvent | { type: 'start' } | { type: 'resume' };

export interface Inbound {
  conversationId: string;
  channel: ChannelName;
  event: EngineEvent;
  /** The language the channel suggests for a new conversation (Telegram's language_code, the widget page). */
  langHint?: Lang;
  address?: ChatAddress;
}

export interface TurnResult {
  replies: Reply[];
  conversation: Conversation;
  /** False when the ownership gate kept the bot silent (an operator or the queue owns the conversation). */
  botSpoke: boolean;
}

export type EffectHandler = (effect: Effect, context: { conversation: Conversation; idempotencyKey: string }) => Promise<void>;

/** A stored change of a conversation, by the citizen's turn or by an operator or the system. */
export interface SavedChange {
  /** The conversation as it was before (null when the turn created it). */
  before: Conversation | null;
  conversation: Conversation;
  /** What the citizen is to be sent (already in the transcript). */
  replies: Reply[];
  transcript: readonly TranscriptEntry[];
  origin: 'citizen' | 'operator' | 'system';
}

export interface EngineObserver {
  /** Called after every stored change, e.g. to file the conversation for operators and stream its messages. */
  onSaved?(change: SavedChange): void | Promise<void>;
}

/**
 * What an operator or the system does to a conversation, decided on its current state: a refusal
 * (the conversation is not in a state where the change applies), or the next conversation with
 * what the citizen is told, and optionally the flow the bot continues with.
 */
export type ChangeDecision =
  | { refuse: string }
  | {
      conversation: Conversation;
      replies?: Reply[];
      /** Entries that are not replies to the citizen (e.g. a system line for operators). */
      transcript?: TranscriptEntry[];
      /** The bot speaks again: start a flow, or repeat the prompt of the step the conversation is at. */
      then?: { start: string; params?: Record<string, unknown> } | { resume: true };
    };

export type ChangeResult = { changed: true; conversation: Conversation; replies: Reply[] } | { changed: false; reason: string };

export interface EngineOptions {
  store: Store;
  texts: Texts;
  flows: readonly Flow[];
  defaultLang: Lang;
  effects?: Record<string, EffectHandler>;
  observer?: EngineObserver;
  /** Whether the contact centre can take a conversation now; read on every turn, so it must be cheap. */
  availability?: () => Availability;
  now?: () => Date;
}

const CLOSED: Availability = { open: false, operatorsOnline: 0, hours: [] };

export const MAX_TEXT_LENGTH = 2000;
const MAX_SAVE_ATTEMPTS = 16;
/** Conversations whose last saved state this process keeps as a first guess. */
const RECENT_LIMIT = 10_000;

interface Decision {
  conversation: Conversation;
  replies: Reply[];
  effects: Effect[];
  keepOffered?: boolean;
  notUnderstood?: boolean;
}

export class ConflictError extends Error {
  constructor(conversationId: string) {
    super(`conversation ${conversationId} kept changing under ${MAX_SAVE_ATTEMPTS} attempts`);
  }
}

/**
 * Runs flows for every channel. One turn: load the conversation, pass the ownership gate, let the
 * current step handle the event, run the step's effects, store the new state with a
 * compare-and-set, and only then return the replies for the channel to send.
 */
export class Engine {
  private readonly flows: Map<string, Flow>;
  private readonly serial = new KeyedSerial();
  private readonly recent = new Map<string, Conversation>();
  private readonly now: () => Date;

  constructor(private readonly options: EngineOptions) {
    this.flows = new Map(options.flows.map((f) => [f.id, f]));
    if (!this.flows.has(MENU_FLOW_ID)) throw new Error('the menu flow is required');
    this.now = options.now ?? (() => new Date());
  }

  handle(inbound: Inbound): Promise<TurnResult> {
    return this.serial.run(inbound.conversationId, () => this.turnWithRetry(inbound));
  }

  /**
   * A turn starts from the conversation as this process last saved it, which saves a read. That is
   * only a guess: the compare-and-set rejects it when anyone else (another instance, an operator)
   * saved since, hands back what the store holds, and the turn is decided again on that. A turn
   * with effects never runs them on a guess.
   */
  private async turnWithRetry(inbound: Inbound): Promise<TurnResult> {
    const { conversations } = this.options.store;
    const id = inbound.conversationId;
    let base: Conversation | null | undefined = this.recent.get(id);
    let guessed = base !== undefined;
    for (let attempt = 0; attempt < MAX_SAVE_ATTEMPTS; attempt++) {
      if (base === undefined) base = await conversations.get(id);
      const current = base ?? this.newConversation(inbound);
      const turn = this.turn(current, inbound.event, base === null);
      if (guessed && turn.effects.length > 0) {
        base = undefined;
        guessed = false;
        continue;
      }
      const next: Conversation = { ...turn.conversation, revision: current.revision + 1, updatedAt: this.now().toISOString() };
      if (inbound.address) next.address = { ...next.address, ...inbound.address };
      await this.runEffects(turn.effects, current);
      const saved = await conversations.save(next, current.revision, turn.transcript);
      if (saved.saved) {
        // While others write too, starting from our own copy would always beat them to the next save.
        if (saved.contended) this.recent.delete(id);
        else this.remember(next);
        await this.options.observer?.onSaved?.({ before: base ?? null, conversation: next, replies: turn.replies, transcript: turn.transcript, origin: 'citizen' });
        return { replies: turn.replies, conversation: next, botSpoke: turn.botSpoke };
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
   * again after a lost race.
   */
  change(id: string, decide: (current: Conversation) => ChangeDecision, origin: 'operator' | 'system' = 'operator'): Promise<ChangeResult> {
    return this.serial.run(id, async () => {
      const { conversations } = this.options.store;
      let current = await conversations.get(id);
      for (let attempt = 0; attempt < MAX_SAVE_ATTEMPTS; attempt++) {
        if (!current) return { changed: false, reason: 'not_found' };
        const decision = decide(current);
        if ('refuse' in decision) return { changed: false, reason: decision.refuse };
        const at = this.now().toISOString();
        let next = decision.conversation;
        const replies = [...(decision.replies ?? [])];
        if (decision.then) {
          const continued = 'start' in decision.then ? this.apply(next, this.flow(decision.then.start).start(this.context(next), decision.then.params)) : { conversation: next, replies: this.currentPrompt(next) };
          next = continued.conversation;
          replies.push(...continued.replies);
        }
        const offered = choicesIn(replies);
        if (offered.length > 0) next = { ...next, offered };
        next = { ...next, revision: current.revision + 1, updatedAt: at };
        const transcript = [...(decision.transcript ?? []), ...transcriptOf(replies, at)];
        const saved = await conversations.save(next, current.revision, transcript);
        if (saved.saved) {
          this.recent.delete(id);
          await this.options.observer?.onSaved?.({ before: current, conversation: next, replies, transcript, origin });
          return { changed: true, conversation: next, replies };
        }
        current = saved.current;
      }
      throw new ConflictError(id);
    });
  }

  /** The main menu's first step, where a conversation starts and returns to. */
  menuRoot(): FlowState {
    return { flow: MENU_FLOW_ID, v: this.flow(MENU_FLOW_ID).version, step: 'root', data: {} };
  }

  private remember(conversation: Conversation): void {
    this.recent.delete(conversation.id); // re-inserted last: the Map's order is the recency order
    this.recent.set(conversation.id, conversation);
    if (this.recent.size > RECENT_LIMIT) this.recent.delete(this.recent.keys().next().value!);
  }

  private newConversation(inbound: Inbound): Conversation {
    const at = this.now().toISOString();
    return {
      id: inbound.conversationId,
      channel: inbound.channel,
      lang: inbound.langHint ?? this.options.defaultLang,
      owner: 'bot',
      status: 'open',
      state: this.menuRoot(),
      offered: [],
      data: {},
      address: inbound.address ?? {},
      createdAt: at,
      updatedAt: at,
      revision: 0,
    };
  }

  /** Pure: the whole decision of one turn, with no I/O. */
  private turn(conversation: Conversation, event: EngineEvent, isNew: boolean) {
    const at = this.now().toISOString();
    const transcript: TranscriptEntry[] = [];
    const citizenText = this.describeEvent(event, conversation);
    if (citizenText !== undefined) transcript.push({ from: 'citizen', text: citizenText, at });

    // A citizen who writes again reopens a closed conversation, except to answer the rating after close.
    const stayClosed = conversation.status === 'closed' && this.flows.get(conversation.state.flow)?.keepsClosed === true;
    let next: Conversation = { ...conversation, status: stayClosed ? 'closed' : 'open' };
    const queueControl = conversation.owner === 'queue' && event.type === 'choice' && event.id.startsWith(QUEUE_CONTROL_PREFIX);
    if (conversation.owner !== 'bot' && !queueControl) {
      // The ownership gate: an operator (or the queue) owns the conversation, the bot stays silent.
      if (citizenText !== undefined) next = signOfLife(next, at);
      return { conversation: next, replies: [] as Reply[], effects: [] as Effect[], transcript, botSpoke: false };
    }

    const result = this.withOperatorOffer(this.decide(next, event, isNew));
    next = result.conversation;
    // A queue control (e.g. "still waiting") is a sign of life too.
    if (conversation.owner === 'queue' && next.owner === 'queue') next = signOfLife(next, at);
    transcript.push(...transcriptOf(result.replies, at));
    const offered = choicesIn(result.replies);
    if (offered.length > 0 && !result.keepOffered) next.offered = offered;
    return { conversation: next, replies: result.replies, effects: result.effects, transcript, botSpoke: true };
  }

  private decide(conversation: Conversation, event: EngineEvent, isNew: boolean): Decision {
    const ctx = (c: Conversation) => this.context(c);
    const toMenu = (c: Conversation, params: Record<string, unknown>) => this.apply(c, this.flow(MENU_FLOW_ID).start(ctx(c), params));

    if (event.type === 'start' || (event.type === 'text' && /^\/start(\s|$|@)/.test(event.text.trim()))) {
      return toMenu(conversation, { greet: true });
    }
    if (isNew) {
      // A first typed message still gets the greeting before it is handled; a first button press
      // cannot be one the bot offered, so it gets the greeting and the menu.
      const greeted = toMenu(conversation, { greet: true });
      if (event.type !== 'text') return greeted;
      const handled = this.decide(greeted.conversation, event, false);
      return { ...handled, replies: [...greeted.replies.slice(0, 1), ...handled.replies] };
    }
    if (event.type === 'resume') return { conversation, replies: this.currentPrompt(conversation), effects: [] };

    if (event.type === 'text') {
      const text = event.text.trim();
      if (text.length === 0) return this.complain(conversation, 'common:errors.empty');
      if (text.length > MAX_TEXT_LENGTH) return this.complain(conversation, 'common:errors.too_long', { length: text.length, max: MAX_TEXT_LENGTH });
      if (isMenuWord(text)) return toMenu(conversation, {});
      if (isOperatorWord(text)) return this.decide(conversation, { type: 'choice', id: 'menu:operator' }, false);
    }

    if (event.type === 'choice') {
      if (event.id === 'menu:language') {
        // The language buttons come on top of the current step's, which stay valid.
        return { conversation, replies: [languagePrompt(this.options.texts.translator(conversation.lang))], effects: [], keepOffered: true };
      }
      const lang = event.id.startsWith('lang:') ? event.id.slice(5) : undefined;
      if (isLang(lang)) {
        const switched = { ...conversation, lang };
        const t = this.options.texts.translator(lang);
        return { conversation: switched, replies: [{ text: t('common:language.switched') }, ...this.currentPrompt(switched)], effects: [] };
      }
      if (isMenuChoice(event.id)) {
        const menu = this.flow(MENU_FLOW_ID);
        return this.apply(conversation, menu.handle(this.menuRoot(), event, ctx(conversation)));
      }
      // Queue controls stay valid while queued whatever was offered since (e.g. a position update).
      const offered = conversation.offered.some((c) => c.id === event.id) || (conversation.owner === 'queue' && event.id.startsWith(QUEUE_CONTROL_PREFIX));
      if (!offered) return this.complain(conversation, 'common:errors.stale_choice');
    }

    const flow = this.flows.get(conversation.state.flow);
    if (!flow || flow.version !== conversation.state.v) {
      // The state was written by a flow that no longer exists in this form: start over, and say why.
      return toMenu(conversation, { notice: 'menu:updated' });
    }
    return this.apply(conversation, flow.handle(conversation.state, event as FlowEvent, ctx(conversation)));
  }

  /** An error message, then the current question again: nothing entered so far is lost. */
  private complain(conversation: Conversation, key: string, vars?: Record<string, unknown>) {
    const t = this.options.texts.translator(conversation.lang);
    return { conversation, replies: [{ text: t(key, vars) }, ...this.currentPrompt(conversation)], effects: [] };
  }

  private currentPrompt(conversation: Conversation): Reply[] {
    const flow = this.flows.get(conversation.state.flow);
    if (!flow || flow.version !== conversation.state.v) return this.flow(MENU_FLOW_ID).prompt(conversation.state, this.context(conversation));
    return flow.prompt(conversation.state, this.context(conversation));
  }

  /** Applies a step result, following jumps to other flows (a jump starts the target flow). */
  private apply(conversation: Conversation, result: StepResult, depth = 0): Decision {
    const data = result.data ? { ...conversation.data, ...result.data } : conversation.data;
    const effects = result.effects ?? [];
    if ('state' in result) {
      const next = this.handOff({ ...conversation, data, state: result.state }, result.handoff);
      return { conversation: next, replies: result.replies, effects, ...(result.notUnderstood ? { notUnderstood: true } : {}) };
    }
    if ('resume' in result) {
      const next = this.handOff({ ...conversation, data, state: result.resume }, result.handoff);
      return { conversation: next, replies: [...result.replies, ...this.currentPrompt(next)], effects };
    }
    if (depth > 4) throw new Error(`flow jumps loop at ${result.goto.flow}`);
    const target = this.flow(result.goto.flow);
    const updated = this.handOff({ ...conversation, data }, result.handoff);
    const started = this.apply(updated, target.start(this.context(updated), result.goto.params), depth + 1);
    return { ...started, replies: [...result.replies, ...started.replies], effects: [...effects, ...started.effects] };
  }

  /** Joining the queue takes the conversation from the bot; leaving it gives it back. */
  private handOff(conversation: Conversation, request: HandoffRequest | undefined): Conversation {
    if (!request) return conversation;
    if (request.action === 'cancel') return { ...conversation, owner: 'bot' };
    const at = this.now().toISOString();
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

  /** Counts messages in a row the bot did not understand; at the second it offers an operator. */
  private withOperatorOffer(decision: Decision): Decision {
    const previous = decision.conversation.misunderstood ?? 0;
    const count = decision.notUnderstood ? previous + 1 : 0;
    if (count === previous) return decision;
    if (count < 2) return { ...decision, conversation: { ...decision.conversation, misunderstood: count } };
    const t = this.options.texts.translator(decision.conversation.lang);
    const offer: Reply = { text: t('operator:offer.not_understood'), choices: [{ id: 'menu:operator', label: t('menu:choices.operator') }] };
    return { ...decision, conversation: { ...decision.conversation, misunderstood: 0 }, replies: [...decision.replies, offer], keepOffered: false };
  }

  private async runEffects(effects: readonly Effect[], conversation: Conversation): Promise<void> {
    for (const [index, effect] of effects.entries()) {
      const handler = this.options.effects?.[effect.type];
      if (!handler) throw new Error(`no handler for effect ${effect.type}`);
      // Keyed by the revision the turn started from: a turn retried after a lost race re-derives its
      // effects from newer state, and an effect already applied for the same base is not applied twice.
      await handler(effect, { conversation, idempotencyKey: `${conversation.id}:${conversation.revision}:${index}:${effect.type}` });
    }
  }

  private context(conversation: Conversation): FlowContext {
    return { lang: conversation.lang, t: this.options.texts.translator(conversation.lang), now: this.now(), conversation, availability: this.options.availability?.() ?? CLOSED };
  }

  private flow(id: string): Flow {
    const flow = this.flows.get(id);
    if (!flow) throw new Error(`unknown flow ${id}`);
    return flow;
  }

  /** The citizen's side of the transcript: the text, or the label of the button they pressed. */
  private describeEvent(event: EngineEvent, conversation: Conversation): string | undefined {
    if (event.type === 'text') return event.text.slice(0, MAX_TEXT_LENGTH * 2);
    if (event.type !== 'choice') return undefined;
    const offered = conversation.offered.find((c) => c.id === event.id)?.label;
    if (offered) return `[${offered}]`;
    // The menu and language buttons are valid from any step, so they need not be among the offered ones.
    const t = this.options.texts.translator(conversation.lang);
    const lang = event.id.startsWith('lang:') ? event.id.slice(5) : undefined;
    if (isLang(lang)) return `[${t(`common:choices.lang_${lang}`)}]`;
    if (isMenuChoice(event.id)) return `[${t(`menu:choices.${event.id.slice(5)}`)}]`;
    return `[${event.id}]`;
  }

  /** Conversations with a turn in progress in this process (for graceful shutdown). */
  get busy(): number {
    return this.serial.size;
  }
}

/** The replies as the transcript keeps them. */
function transcriptOf(replies: readonly Reply[], at: string): TranscriptEntry[] {
  return replies.map((reply) => ({ from: reply.from ?? 'bot', text: reply.text, at }));
}

/** The buttons the replies offer, in order. */
function choicesIn(replies: readonly Reply[]): Choice[] {
  return replies.flatMap((reply) => reply.choices ?? []);
}

/**
 * The citizen wrote or pressed something while queued or with an operator: they are still there,
 * so a pending "still waiting?" question counts as answered.
 */
function signOfLife(conversation: Conversation, at: string): Conversation {
  if (!conversation.handoff) return conversation;
  const { idleAskedAt: _answered, ...handoff } = conversation.handoff;
  return { ...conversation, handoff: { ...handoff, lastCitizenAt: at } };
}
