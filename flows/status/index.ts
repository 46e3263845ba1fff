import { isFinal } from '../../domain/application';
import type { FlowState } from '../../store/types';
import { findService } from '../catalog';
import { MENU_FLOW_ID } from '../menu';
import { fold, wonders } from '../nlu';
import { namesApplicationNumber } from '../nlu/rules';
import { maskedIin } from '../questionnaire/mask';
import { checkApplicationNumber, checkIin, digitsExpected, IIN_UNKNOWN, type Refusal, saysNotKnown } from '../questionnaire/typed';
import type { Choice, Flow, FlowContext, Reply, StepResult } from '../types';
import { operatorChoice, stateOf, withConversation } from '../types';
import { type ApplicationView, describeApplication, overdueOf } from './view';

/**
 * "Where is my application?": the number and the IIN, then the application in plain words with its
 * due date on the working-day calendar, and the offer to be told of every change (or to complain,
 * once it is overdue). A wrong IIN and an unknown number get the same answer, so numbers cannot be
 * probed; look-ups are limited per conversation and per IIN (by the effect).
 */

export const STATUS_FLOW_ID = 'status';

export const STATUS_EFFECTS = {
  /** `{ number, iin }` → `{ found: ApplicationView } | { notFound: true } | { unavailable: true }`, or the refusal `rate_limited` */
  lookup: 'status.lookup',
  /** `{ number }` → the application is watched for this conversation (one it looked up) */
  subscribe: 'status.subscribe',
  /** `{ number }` */
  unsubscribe: 'status.unsubscribe',
} as const;

export type LookupResult = { found: ApplicationView } | { notFound: true } | { unavailable: true };

type Step = 'number' | 'iin' | 'result' | 'subscriptions' | 'stopped';

interface StatusData {
  number?: string;
  /** An IIN typed where the number was asked: kept for the look-up, so that it is not asked again. */
  iin?: string;
  view?: ApplicationView;
}

/** The IIN named in a text, folded: "по ИИН", "ЖСН бойынша", "iin". */
const NAMES_IIN = /(^|[^а-яa-z])(иин|жсн|iin)/;

/** What the flow keeps in the conversation's data: the numbers looked up (for operators) and those watched. */
interface Collected {
  lookedUp: string[];
  subscriptions: string[];
}

/** Words citizens type to be told of changes, in both languages. */
const SUBSCRIBE_WORDS = ['уведомлять', 'уведомляйте', 'сообщайте', 'сообщите', 'подписаться', 'следить', 'хабарлаңыз', 'хабарлап тұрыңыз', 'хабар беріңіз'];

const ID = {
  subscribe: 'st:sub',
  unsubscribe: 'st:unsub',
  another: 'st:another',
  stop: 'st:stop:',
  menu: 'st:menu',
} as const;

export function collectedOf(data: Readonly<Record<string, unknown>>): Collected {
  const own = (data[STATUS_FLOW_ID] ?? {}) as Partial<Collected>;
  return { lookedUp: own.lookedUp ?? [], subscriptions: own.subscriptions ?? [] };
}

export function createStatusFlow(): Flow {
  const flow: Flow = {
    id: STATUS_FLOW_ID,
    version: 1,
    effects: Object.values(STATUS_EFFECTS),

    start(ctx, params) {
      // "где заявление 123456789?": the number typed with the question is taken, the IIN asked next.
      const number = typeof params?.number === 'string' ? checkApplicationNumber(params.number) : undefined;
      if (number && 'value' in number) return show('iin', { number: number.value }, ctx);
      const { subscriptions } = collectedOf(ctx.conversation.data);
      return show(subscriptions.length ? 'subscriptions' : 'number', {}, ctx);
    },

    handle(state, event, ctx): StepResult {
      const data = state.data as StatusData;
      const step = state.step as Step;
      const id = event.type === 'choice' ? event.id : undefined;
      if (id === ID.menu) return { replies: [], goto: { flow: MENU_FLOW_ID } };
      if (id === ID.another) return show('number', {}, ctx);
      if (step === 'number' && event.type === 'text') {
        // "не знаю номер": where it is found, and a person who may help without it.
        if (saysNotKnown(event.text)) return refused(state, ctx, { error: 'status:number_unknown' }, { stuck: true });
        // "а по ИИН можно?": not by the IIN alone.
        if (!/\d/.test(event.text) && wonders(event.text) && NAMES_IIN.test(fold(event.text))) return refused(state, ctx, { error: 'status:number_and_iin' });
        // The IIN typed first: kept (typed again, the later one), masked in the transcript, and the number asked for.
        // …unless the text says it is the application's number ("номер заявления 500123456789"): the number.
        const namesNumber = namesApplicationNumber(event.text) && !NAMES_IIN.test(fold(event.text));
        const iin = namesNumber ? undefined : checkIin(event.text);
        if (iin && 'value' in iin)
          return { replies: [{ text: ctx.t('status:iin_kept') }, ...promptOf('number', {}, ctx)], state: at('number', { iin: iin.value }), transcriptText: maskedIin(event.text) };
        const number = digitsExpected(checkApplicationNumber(event.text), event.text);
        if ('error' in number) return refused(state, ctx, number);
        return data.iin ? lookUp(number.value, data.iin) : show('iin', { number: number.value }, ctx);
      }
      if (step === 'iin' && event.type === 'text' && data.number) {
        const checked = digitsExpected(checkIin(event.text), event.text);
        const masked = { transcriptText: maskedIin(event.text) };
        // "ЖСН-ді ұмыттым": kept where it was, with a person who may help.
        if ('error' in checked) return { ...refused(state, ctx, checked, { stuck: checked.error === IIN_UNKNOWN }), ...masked };
        return { ...lookUp(data.number, checked.value), ...masked };
      }
      if (step === 'result' && data.view) {
        if (id === ID.subscribe) return { replies: [], state, await: { type: STATUS_EFFECTS.subscribe, number: data.view.number } };
        if (id === ID.unsubscribe) return { replies: [], state, await: { type: STATUS_EFFECTS.unsubscribe, number: data.view.number } };
      }
      if (step === 'subscriptions' && id?.startsWith(ID.stop)) {
        const number = collectedOf(ctx.conversation.data).subscriptions[Number(id.slice(ID.stop.length))];
        if (number) return { replies: [], state, await: { type: STATUS_EFFECTS.unsubscribe, number } };
      }
      return { replies: [{ text: ctx.t(event.type === 'text' ? 'status:use_buttons' : 'common:errors.stale_choice') }, ...flow.prompt(state, ctx)], state, notUnderstood: event.type === 'text' };
    },

    onEffect(state, { effect, outcome }, ctx) {
      const data = state.data as StatusData;
      if (!outcome.ok) {
        const key = outcome.code === 'rate_limited' ? 'status:rate_limited' : 'status:failed';
        return { replies: [{ text: ctx.t(key), choices: endChoices(ctx) }], state: at('stopped', {}) };
      }
      const collected = collectedOf(ctx.conversation.data);
      if (effect.type === STATUS_EFFECTS.lookup) {
        const result = outcome.value as LookupResult;
        if ('notFound' in result) return refused(at('number', {}), ctx, { error: 'status:not_found' }, { stuck: true });
        if ('unavailable' in result) return { replies: [{ text: ctx.t('status:unavailable'), choices: endChoices(ctx) }], state: at('stopped', {}) };
        const view = result.found;
        const lookedUp = [...collected.lookedUp.filter((n) => n !== view.number), view.number].slice(-20);
        return { ...show('result', { view }, ctx), data: { [STATUS_FLOW_ID]: { ...collected, lookedUp }, ...complaintDraft(view, ctx) } };
      }
      const number = String(effect.number);
      const subscribing = effect.type === STATUS_EFFECTS.subscribe;
      const subscriptions = subscribing ? [...new Set([...collected.subscriptions, number])] : collected.subscriptions.filter((n) => n !== number);
      const view = data.view?.number === number ? { ...data.view, subscribed: subscribing } : data.view;
      const next: Step = state.step === 'subscriptions' ? (subscriptions.length ? 'subscriptions' : 'number') : 'result';
      const told = { text: ctx.t(subscribing ? 'status:subscribed' : 'status:unsubscribed', { number }) };
      const conversation = { ...ctx.conversation, data: { ...ctx.conversation.data, [STATUS_FLOW_ID]: { ...collected, subscriptions } } };
      return {
        replies: [told, ...promptOf(next, view ? { view } : {}, withConversation(ctx, conversation))],
        state: at(next, view ? { view } : {}),
        data: { [STATUS_FLOW_ID]: { ...collected, subscriptions } },
      };
    },

    prompt(state, ctx) {
      return promptOf(state.step as Step, state.data as StatusData, ctx);
    },

    describe(data, ctx) {
      const { lookedUp, subscriptions } = collectedOf(data);
      if (lookedUp.length === 0) return undefined;
      return {
        title: ctx.t('status:collected.title'),
        items: lookedUp.map((number) => ({ label: `№ ${number}`, value: ctx.t(subscriptions.includes(number) ? 'status:collected.watched' : 'status:collected.looked_up') })),
      };
    },
  };

  const at = (step: Step, data: StatusData): FlowState => stateOf(flow, step, { ...data });
  const lookUp = (number: string, iin: string): StepResult => ({ replies: [], state: at('iin', { number }), await: { type: STATUS_EFFECTS.lookup, number, iin } });
  const show = (step: Step, data: StatusData, ctx: FlowContext): StepResult => ({ replies: promptOf(step, data, ctx), state: at(step, data) });
  /**
   * What is wrong, then the question again; not understood when the text was no attempt at an answer. Where the citizen
   * is `stuck` (the number or the IIN not known, no application found), the operator is offered beside the question.
   */
  const refused = (state: FlowState, ctx: FlowContext, { error, vars, notUnderstood }: Refusal, { stuck = false } = {}): StepResult => ({
    replies: [{ text: ctx.t(error, vars) }, ...promptOf(state.step as Step, state.data as StatusData, ctx, { withOperator: stuck })],
    state,
    ...(notUnderstood ? { notUnderstood } : {}),
  });

  return flow;
}

function promptOf(step: Step, data: StatusData, ctx: FlowContext, { withOperator = false } = {}): Reply[] {
  const { t } = ctx;
  switch (step) {
    case 'number':
      return [{ text: t('status:ask_number'), choices: [...(withOperator ? [operatorChoice(ctx)] : []), { id: ID.menu, label: t('status:choices.menu') }], typedAnswer: true }];
    case 'iin':
      return [{ text: t('status:ask_iin'), choices: [...(withOperator ? [operatorChoice(ctx)] : []), { id: ID.another, label: t('common:choices.back') }], typedAnswer: true }];
    case 'result': {
      const view = data.view!;
      const choices: Choice[] = [];
      if (overdueOf(view, ctx.now) || view.status === 'refused') choices.push({ id: 'menu:complaint', label: t('status:choices.complaint') });
      if (view.subscribed) choices.push({ id: ID.unsubscribe, label: t('status:choices.unsubscribe') });
      // The result ends "the bot can tell you itself": a plain "да" takes the offer.
      else if (!isFinal(view.status)) choices.push({ id: ID.subscribe, label: t('status:choices.subscribe'), yes: true, also: SUBSCRIBE_WORDS });
      choices.push({ id: ID.another, label: t('status:choices.another') }, { id: ID.menu, label: t('status:choices.menu') });
      return [{ text: describeApplication(view, ctx), choices }];
    }
    case 'subscriptions': {
      const { subscriptions } = collectedOf(ctx.conversation.data);
      return [
        {
          text: [t('status:your_subscriptions'), ...subscriptions.map((number) => t('status:subscription_line', { number }))].join('\n'),
          choices: [
            { id: ID.another, label: t('status:choices.check') },
            ...subscriptions.map((number, i) => ({ id: `${ID.stop}${i}`, label: t('status:choices.stop', { number }) })),
            { id: ID.menu, label: t('status:choices.menu') },
          ],
        },
      ];
    }
    case 'stopped':
      return [{ text: t('status:ask_number'), choices: endChoices(ctx) }];
  }
}

function endChoices(ctx: FlowContext): Choice[] {
  return [{ id: ID.another, label: ctx.t('status:choices.another') }, operatorChoice(ctx), { id: ID.menu, label: ctx.t('status:choices.menu') }];
}

/**
 * An overdue or refused application leaves a complaint prefilled with its number and service, for
 * the complaint journey to take up.
 */
function complaintDraft(view: ApplicationView, ctx: FlowContext): Record<string, unknown> {
  const overdue = overdueOf(view, ctx.now);
  if (!overdue && view.status !== 'refused') return {};
  const service = findService(view.serviceId);
  return { complaint: { draft: { applicationNumber: view.number, serviceId: service?.id ?? view.serviceId, reason: overdue ? 'overdue' : 'refused', ...(overdue ? { dueDate: overdue } : {}) } } };
}
