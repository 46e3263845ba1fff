import type { OpeningHours } from '../domain/hours';
import { formatKzPhone } from '../domain/phone';
import { findService } from './catalog';
import { checklistOf } from './checklist';
import type { Choice, Flow, FlowContext, Reply, StepResult } from './types';
import { QUEUE_CONTROL_PREFIX, stateOf, textChoice } from './types';
import type { FlowState } from '../store/types';
import { MENU_FLOW_ID } from './menu';
import { saysSkip } from './questionnaire/skip-words';
import { checkPhone, digitsExpected } from './questionnaire/typed';

export const OPERATOR_FLOW_ID = 'operator';
/** Effect that stores a call-back request; the bot confirms only once it is stored. */
export const CALLBACK_EFFECT = 'callback.request';

const MAX_TOPIC_LENGTH = 300;

export const QUEUE_CANCEL = `${QUEUE_CONTROL_PREFIX}cancel`;
export const QUEUE_WAIT = `${QUEUE_CONTROL_PREFIX}wait`;
const YES = 'op:yes';
const NO = 'op:no';
const CALLBACK = 'op:callback';

type Step = 'confirm' | 'topic' | 'queued' | 'unavailable' | 'phone';

interface OperatorData {
  /** Where the citizen was before asking for an operator; they return there afterwards. */
  returnTo?: FlowState;
  topic?: string;
}

/** "Пн–Пт 09:00–18:00; Сб 09:00–13:00" in the citizen's language. */
export function describeHours(hours: OpeningHours, t: FlowContext['t']): string {
  if (hours === 'always') return t('operator:hours.always');
  return hours
    .map((span) => {
      const days = [...span.days].sort((a, b) => a - b);
      const runs: string[] = [];
      for (let i = 0; i < days.length; ) {
        let j = i;
        while (j + 1 < days.length && days[j + 1] === days[j]! + 1) j++;
        const first = t(`operator:hours.days.${days[i]}`);
        runs.push(j > i ? `${first}–${t(`operator:hours.days.${days[j]}`)}` : first);
        i = j + 1;
      }
      return t('operator:hours.span', { days: runs.join(', '), from: span.from, to: span.to });
    })
    .join('; ');
}

/** What the citizen wants, when the journey so far tells it: the service they were looking at. */
function knownTopic(ctx: FlowContext): string | undefined {
  const { serviceId } = checklistOf(ctx.conversation.data);
  const service = serviceId ? findService(serviceId) : undefined;
  return service?.title[ctx.lang];
}

/** People who cannot come in person, and home-visit requests, are served first. */
function priorityOf(ctx: FlowContext, returnTo: FlowState | undefined): number {
  return checklistOf(ctx.conversation.data).limitedMobility || returnTo?.flow === 'home_visit' ? 1 : 0;
}

/**
 * The citizen's way to a 1414 operator: confirm, say the topic in one line when it is not known,
 * wait in the queue (and leave it at will); outside the contact centre's hours or with nobody
 * online, leave a phone number for a call-back.
 */
export function createOperatorFlow(): Flow {
  const flow: Flow = {
    id: OPERATOR_FLOW_ID,
    version: 1,
    start(ctx) {
      const current = ctx.conversation.state;
      // Started again from its own step (e.g. out of the queue at closing time), it keeps where to return.
      const returnTo = current.flow === OPERATOR_FLOW_ID ? (current.data as OperatorData).returnTo : current.flow !== MENU_FLOW_ID ? current : undefined;
      const data: OperatorData = { ...(returnTo ? { returnTo } : {}) };
      const { open, operatorsOnline } = ctx.availability;
      const step: Step = open && operatorsOnline > 0 ? 'confirm' : 'unavailable';
      const state = stateOf(flow, step, data as Record<string, unknown>);
      return { replies: flow.prompt(state, ctx), state };
    },

    handle(state, event, ctx): StepResult {
      const data = state.data as OperatorData;
      const step = state.step as Step;
      const id = event.type === 'choice' ? event.id : undefined;

      if (step === 'queued') {
        if (id === QUEUE_CANCEL) return { ...back(data, [{ text: ctx.t('operator:cancelled') }]), handoff: { action: 'cancel' } };
        if (id === QUEUE_WAIT) return { replies: [{ text: ctx.t('operator:keep_waiting'), choices: queuedChoices(ctx.t) }], state };
        return { replies: flow.prompt(state, ctx), state };
      }
      if (id === NO) return back(data);
      if (step === 'confirm' && id === YES) {
        const topic = knownTopic(ctx);
        if (!topic) return { replies: [askTopic(ctx)], state: stateOf(flow, 'topic', data as Record<string, unknown>) };
        return enqueue({ ...data, topic }, ctx);
      }
      if (step === 'topic' && event.type === 'text' && event.text.trim()) return enqueue({ ...data, topic: event.text.trim().slice(0, MAX_TOPIC_LENGTH) }, ctx);
      if (step === 'unavailable' && id === CALLBACK) return { replies: [askPhone(ctx)], state: stateOf(flow, 'phone', data as Record<string, unknown>) };
      if (step === 'phone' && event.type === 'text') {
        // "не надо", "керек емес", "нет": no call-back after all, as with the button.
        if (saysSkip(event.text, ctx)) return back(data);
        // Words without a digit ("спасибо", "а когда позвонят?") are something else said: the understanding gets them first.
        const phone = digitsExpected(checkPhone(event.text), event.text);
        if ('error' in phone) return { replies: [{ text: ctx.t(phone.error, phone.vars) }, askPhone(ctx)], state, ...(phone.notUnderstood ? { notUnderstood: true } : {}) };
        return {
          replies: [{ text: ctx.t('operator:callback_saved', { phone: formatKzPhone(phone.value) }) }],
          effects: [{ type: CALLBACK_EFFECT, phone: phone.value, topic: knownTopic(ctx) ?? null }],
          goto: { flow: MENU_FLOW_ID },
        };
      }
      return { replies: flow.prompt(state, ctx), state, notUnderstood: event.type === 'text' };
    },

    prompt(state, ctx): Reply[] {
      switch (state.step as Step) {
        case 'confirm':
          return [{ text: ctx.t('operator:confirm'), choices: [choice(YES, 'yes', ctx), choice(NO, 'no', ctx)] }];
        case 'topic':
          return [askTopic(ctx)];
        case 'queued':
          return [{ text: ctx.t('operator:queued'), choices: queuedChoices(ctx.t) }];
        case 'phone':
          return [askPhone(ctx)];
        default: {
          const reason = ctx.availability.open ? ctx.t('operator:no_operator') : ctx.t('operator:closed_hours', { hours: describeHours(ctx.availability.hours, ctx.t) });
          return [{ text: `${reason}\n${ctx.t('operator:callback_offer')}`, choices: [{ ...choice(CALLBACK, 'callback', ctx), yes: true }, choice(NO, 'no', ctx)] }];
        }
      }
    },
  };

  const enqueue = (data: OperatorData, ctx: FlowContext): StepResult => {
    const state = stateOf(flow, 'queued', data as Record<string, unknown>);
    return {
      replies: flow.prompt(state, ctx),
      state,
      handoff: { action: 'enqueue', priority: priorityOf(ctx, data.returnTo), ...(data.topic ? { topic: data.topic } : {}), ...(data.returnTo ? { resume: data.returnTo } : {}) },
    };
  };
  return flow;
}

/** Back to where the citizen was before asking for an operator, or to the menu. */
function back(data: OperatorData, before: Reply[] = []): StepResult {
  if (data.returnTo) return { replies: before, resume: data.returnTo };
  return { replies: before, goto: { flow: MENU_FLOW_ID } };
}

function choice(id: string, key: string, ctx: FlowContext): Choice {
  return textChoice(id, `operator:choices.${key}`, ctx);
}

export function queuedChoices(t: FlowContext['t']): Choice[] {
  return [{ id: QUEUE_CANCEL, label: t('operator:choices.cancel') }];
}

function askTopic(ctx: FlowContext): Reply {
  return { text: ctx.t('operator:ask_topic'), choices: [choice(NO, 'no', ctx)] };
}

function askPhone(ctx: FlowContext): Reply {
  return { text: ctx.t('operator:ask_phone'), choices: [choice(NO, 'no', ctx)] };
}
