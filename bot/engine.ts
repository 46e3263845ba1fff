import type { Texts } from '../locales/i18n';
import { isLang } from '../locales/i18n';
import { MENU_FLOW_ID, isMenuChoice, languagePrompt } from '../flows/menu';
import { isMenuWord } from '../flows/nlu';
import type { Effect, Flow, FlowContext, FlowEvent, Reply, StepResult } from '../flows/types';
import type { ChannelName, ChatAddress, Conversation, Lang, Store, TranscriptEntry } from '../store/types';
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

export interface EngineObserver {
  /** Called after every stored turn, e.g. to stream citizen messages to operators. */
  onTurn?(result: TurnResult, transcript: readonly TranscriptEntry[]): void;
}

export interface EngineOptions {
  store: Store;
  texts: Texts;
  flows: readonly Flow[];
  defaultLang: Lang;
  effects?: Record<string, EffectHandler>;
  observer?: EngineObserver;
  now?: () => Date;
}

export const MAX_TEXT_LENGTH = 2000;
const MAX_SAVE_ATTEMPTS = 16;
/** Conversations whose last saved state this process keeps as a first guess. */
const RECENT_LIMIT = 10_000;

interface Decision {
  conversation: Conversation;
  replies: Reply[];
  effects: Effect[];
  keepOffered?: boolean;
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
        const result = { replies: turn.replies, conversation: next, botSpoke: turn.botSpoke };
        this.options.observer?.onTurn?.(result, turn.transcript);
        return result;
      }
      this.recent.delete(id);
      base = saved.current;
      guessed = false;
    }
    throw new ConflictError(id);
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
      state: { flow: MENU_FLOW_ID, v: this.flow(MENU_FLOW_ID).version, step: 'root', data: {} },
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
    const citizenText = describeEvent(event, conversation);
    if (citizenText !== undefined) transcript.push({ from: 'citizen', text: citizenText, at });

    let next: Conversation = { ...conversation, status: 'open' };
    if (conversation.owner !== 'bot') {
      // The ownership gate: an operator (or the queue) owns the conversation, the bot stays silent.
      return { conversation: next, replies: [] as Reply[], effects: [] as Effect[], transcript, botSpoke: false };
    }

    const result = this.decide(next, event, isNew);
    next = result.conversation;
    for (const reply of result.replies) transcript.push({ from: reply.from ?? 'bot', text: reply.text, at });
    const offered = result.replies.flatMap((r) => r.choices ?? []);
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
        return this.apply(conversation, menu.handle({ flow: menu.id, v: menu.version, step: 'root', data: {} }, event, ctx(conversation)));
      }
      if (!conversation.offered.some((c) => c.id === event.id)) return this.complain(conversation, 'common:errors.stale_choice');
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
    if ('state' in result) return { conversation: { ...conversation, data, state: result.state }, replies: result.replies, effects };
    if (depth > 4) throw new Error(`flow jumps loop at ${result.goto.flow}`);
    const target = this.flow(result.goto.flow);
    const updated = { ...conversation, data };
    const started = this.apply(updated, target.start(this.context(updated), result.goto.params), depth + 1);
    return { ...started, replies: [...result.replies, ...started.replies], effects: [...effects, ...started.effects] };
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
    return { lang: conversation.lang, t: this.options.texts.translator(conversation.lang), now: this.now(), conversation };
  }

  private flow(id: string): Flow {
    const flow = this.flows.get(id);
    if (!flow) throw new Error(`unknown flow ${id}`);
    return flow;
  }

  /** Conversations with a turn in progress in this process (for graceful shutdown). */
  get busy(): number {
    return this.serial.size;
  }
}

/** The citizen's side of the transcript: the text, or the label of the button they pressed. */
function describeEvent(event: EngineEvent, conversation: Conversation): string | undefined {
  if (event.type === 'text') return event.text.slice(0, MAX_TEXT_LENGTH * 2);
  if (event.type === 'choice') return `[${conversation.offered.find((c) => c.id === event.id)?.label ?? event.id}]`;
  return undefined;
}
