import type { Translate } from '../locales/i18n';
import type { FlowState, Lang } from '../store/types';
import { MENU_FLOW_ID } from './menu';
import type { Flow, Reply, StepResult } from './types';
import { stateOf } from './types';

export const ERASE_FLOW_ID = 'erase';
/** Effect that erases what the conversation keeps outside its own document: the transcript and the status subscriptions. */
export const ERASE_EFFECT = 'privacy.erase';

const YES = 'erase:yes';
const NO = 'erase:no';

/** What the erase effect answers: how long the records kept by law are kept. */
export interface Erased {
  recordDays: number;
}

/**
 * Whether typed text asks to delete the citizen's data: «удалить мои данные», «деректерімді өшір»,
 * `/delete`, at any step.
 */
export function isEraseRequest(text: string): boolean {
  const words = text
    .toLowerCase()
    .replace(/[.,!?;:«»"'()]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return (
    /^\/(delete|erase|delete_my_data)(@\w+)?$/.test(words) ||
    /^(пожалуйста )?(удал(и|ить|ите)|стер(еть|ите)) (все )?(мои )?(личные |персональные )?данные( пожалуйста)?$/.test(words) ||
    /^(менің )?(барлық )?(жеке )?деректерім(ді)? (өшір(іңіз|у)?|жой(ыңыз)?)$/.test(words) ||
    /^(менің )?(барлық )?(жеке )?деректерімді өшіріңізші$/.test(words)
  );
}

/** A number of days as the citizen reads it: whole years as years («5 лет», «5 жыл»), else days. */
export function periodText(days: number, lang: Lang, t: Translate): string {
  const years = days % 365 === 0 ? days / 365 : undefined;
  const n = years ?? days;
  const form = new Intl.PluralRules(lang === 'kk' ? 'kk-KZ' : 'ru-RU').select(n);
  const key = form === 'one' ? 'one' : form === 'few' ? 'few' : 'many';
  return t(`privacy:period.${years === undefined ? 'days' : 'years'}.${key}`, { n });
}

/**
 * "Delete my data": asks with buttons, then erases the conversation's transcript, collected data,
 * unfinished questionnaires and status subscriptions, and says what the law keeps (home-visit
 * bookings, complaints and their answers) and for how long. "No" returns to where the citizen was.
 */
export function createEraseFlow(): Flow {
  const flow: Flow = {
    id: ERASE_FLOW_ID,
    version: 1,
    effects: [ERASE_EFFECT],
    start(ctx, params) {
      const back = params?.back as FlowState | undefined;
      const state = stateOf(flow, 'confirm', back && back.flow !== ERASE_FLOW_ID ? { back } : {});
      return { replies: flow.prompt(state, ctx), state };
    },
    handle(state, event, ctx): StepResult {
      if (event.type === 'choice' && event.id === YES) return { replies: [], state: stateOf(flow, 'erasing'), await: { type: ERASE_EFFECT } };
      if (event.type === 'choice' && event.id === NO) {
        const back = state.data.back as FlowState | undefined;
        const cancelled: Reply = { text: ctx.t('privacy:erase.cancelled') };
        return back ? { replies: [cancelled], resume: back } : { replies: [cancelled], goto: { flow: MENU_FLOW_ID } };
      }
      return { replies: [{ text: ctx.t('privacy:erase.use_buttons') }, ...flow.prompt(state, ctx)], state, notUnderstood: event.type === 'text' };
    },
    onEffect(_state, { outcome }, ctx): StepResult {
      if (!outcome.ok) return { replies: [{ text: ctx.t('privacy:erase.failed') }], goto: { flow: MENU_FLOW_ID } };
      const { recordDays } = outcome.value as Erased;
      const text = [ctx.t('privacy:erase.done'), ctx.t('privacy:erase.kept', { period: periodText(recordDays, ctx.lang, ctx.t) })].join('\n');
      return { replies: [{ text }], goto: { flow: MENU_FLOW_ID }, eraseData: true };
    },
    prompt(_state, ctx) {
      return [
        {
          text: ctx.t('privacy:erase.confirm'),
          choices: [
            { id: YES, label: ctx.t('privacy:erase.yes') },
            { id: NO, label: ctx.t('privacy:erase.no') },
          ],
        },
      ];
    },
  };
  return flow;
}
