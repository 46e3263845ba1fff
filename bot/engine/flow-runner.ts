import type { Texts } from '../../locales/i18n';
import { MENU_FLOW_ID } from '../../flows/menu';
import { type Availability, type EffectResult, type Flow, type FlowContext, type FlowEvent, operatorChoice, type Reply, StepContext, type StepResult } from '../../flows/types';
import type { Conversation, FlowState } from '../../store/types';
import { handOff } from './ownership';
import type { Decision } from './types';
import { copyWith } from '../../domain/copy-with';

/** A conversation without what the citizen told it: collected data, and their words kept for operators (topic, note, where to resume). */
function forgetCollected(conversation: Conversation): Conversation {
  if (!conversation.handoff) return { ...conversation, data: {} };
  const { topic: _topic, note: _note, resume: _resume, ...handoff } = conversation.handoff;
  return { ...conversation, data: {}, handoff };
}

/** Jumps from flow to flow within one step; more is a loop. */
const MAX_JUMPS = 4;

/**
 * The flows as the engine runs them, without I/O: a step's result applied to a conversation
 * (following jumps to other flows and hand-over requests), the current question, a flow's
 * continuation after an effect it waited for.
 */
export class FlowRunner {
  private readonly flows: Map<string, Flow>;

  constructor(
    flows: readonly Flow[],
    private readonly texts: Texts,
    private readonly availability: (() => Availability) | undefined,
    private readonly now: () => Date,
  ) {
    this.flows = new Map(flows.map((f) => [f.id, f]));
    if (!this.flows.has(MENU_FLOW_ID)) throw new Error('the menu flow is required');
  }

  /** The flow a state belongs to, when it still exists in the version that wrote the state. */
  current(state: FlowState): Flow | undefined {
    const flow = this.flows.get(state.flow);
    return flow && flow.version === state.v ? flow : undefined;
  }

  has(id: string): boolean {
    return this.flows.has(id);
  }

  flow(id: string): Flow {
    const flow = this.flows.get(id);
    if (!flow) throw new Error(`unknown flow ${id}`);
    return flow;
  }

  /** The main menu's first step, where a conversation starts and returns to. */
  menuRoot(): FlowState {
    return { flow: MENU_FLOW_ID, v: this.flow(MENU_FLOW_ID).version, step: 'root', data: {} };
  }

  context(conversation: Conversation): FlowContext {
    return new StepContext(conversation.lang, this.texts.translator(conversation.lang), this.texts.both, this.now(), conversation, this.availability);
  }

  /** The current step's question again; the menu's when the state's flow is gone. */
  currentPrompt(conversation: Conversation): Reply[] {
    const flow = this.current(conversation.state) ?? this.flow(MENU_FLOW_ID);
    return flow.prompt(conversation.state, this.context(conversation));
  }

  start(conversation: Conversation, flowId: string, params?: Record<string, unknown>): Decision {
    return this.apply(conversation, this.flow(flowId).start(this.context(conversation), params));
  }

  /** The current flow's step for the event; a state left by an older version of its flow starts over at the menu, saying why. */
  step(conversation: Conversation, event: FlowEvent): Decision {
    const flow = this.current(conversation.state);
    if (!flow) return this.start(conversation, MENU_FLOW_ID, { notice: 'menu:updated' });
    return this.apply(conversation, flow.handle(conversation.state, event, this.context(conversation)));
  }

  /** An error message, then the current question again: nothing entered so far is lost. */
  complain(conversation: Conversation, key: string, vars?: Record<string, unknown>): Decision {
    const t = this.texts.translator(conversation.lang);
    return { conversation, replies: [{ text: t(key, vars) }, ...this.currentPrompt(conversation)], effects: [] };
  }

  /** The flow that waited for an effect takes its outcome; what it says follows what was said before. */
  continueAfter(decision: Decision, result: EffectResult): Decision {
    const { conversation } = decision;
    const flow = this.current(conversation.state);
    if (!flow?.onEffect) throw new Error(`flow ${conversation.state.flow} awaits effect ${result.effect.type} but has no onEffect`);
    const next = this.apply(conversation, flow.onEffect(conversation.state, result, this.context(conversation)));
    return { ...decision, ...next, replies: [...decision.replies, ...next.replies], effects: [...decision.effects, ...next.effects] };
  }

  /** Applies a step result, following jumps to other flows (a jump starts the target flow). */
  apply(conversation: Conversation, result: StepResult, depth = 0): Decision {
    const base = result.eraseData ? forgetCollected(conversation) : conversation;
    const data = result.data ? copyWith(base.data, result.data) : base.data;
    const effects = result.effects ?? [];
    // The time is read only when the step joins or leaves the queue (which records when).
    const at = result.handoff ? this.now().toISOString() : '';
    const extras = {
      ...(result.notUnderstood ? { notUnderstood: true } : {}),
      ...(result.transcriptText !== undefined ? { transcriptText: result.transcriptText } : {}),
    };
    if ('state' in result) {
      const next = handOff(copyWith(base, { data, state: result.state }), result.handoff, at);
      return { conversation: next, replies: result.replies, effects, ...(result.await ? { awaiting: result.await } : {}), ...extras };
    }
    if (result.await) throw new Error(`a step of ${conversation.state.flow} awaits an effect without naming its next state`);
    if ('resume' in result) {
      const next = handOff(copyWith(base, { data, state: result.resume }), result.handoff, at);
      return { conversation: next, replies: [...result.replies, ...this.currentPrompt(next)], effects, ...extras };
    }
    if (depth > MAX_JUMPS) throw new Error(`flow jumps loop at ${result.goto.flow}`);
    const target = this.flow(result.goto.flow);
    const updated = handOff(copyWith(base, { data }), result.handoff, at);
    const started = this.apply(updated, target.start(this.context(updated), result.goto.params), depth + 1);
    return { ...started, ...extras, replies: [...result.replies, ...started.replies], effects: [...effects, ...started.effects] };
  }

  /** Counts messages in a row the bot did not understand; at the second it offers an operator. */
  withOperatorOffer(decision: Decision): Decision {
    const previous = decision.conversation.misunderstood ?? 0;
    const count = decision.notUnderstood ? previous + 1 : 0;
    if (count === previous) return decision;
    if (count < 2) return { ...decision, conversation: { ...decision.conversation, misunderstood: count } };
    const t = this.texts.translator(decision.conversation.lang);
    const offer: Reply = { text: t('operator:offer.not_understood'), choices: [operatorChoice({ t })] };
    // The step's own buttons stay valid beside the offer, as they were beside what was said before it.
    return { ...decision, conversation: { ...decision.conversation, misunderstood: 0 }, replies: [...decision.replies, offer] };
  }
}
