import { MENU_FLOW_ID } from './menu';
import type { DataItem, Flow, Reply, StepResult } from './types';
import { stateOf } from './types';

export const RATING_FLOW_ID = 'rating';
/** Effect that records a rating for supervisors; the rating is also kept in the conversation's data. */
export const RATING_EFFECT = 'rating.record';

const SCORES = [1, 2, 3, 4, 5] as const;
const SKIP = 'rate:skip';
const MAX_COMMENT_LENGTH = 1000;

interface RatingData {
  operator?: string;
  score?: number;
}

/**
 * After an operator closes a conversation: a score from 1 to 5 and an optional comment, then the
 * menu. Skipping is always possible; nothing is asked twice.
 */
export function createRatingFlow(): Flow {
  const flow: Flow = {
    id: RATING_FLOW_ID,
    version: 1,
    keepsClosed: true,
    start(ctx, params) {
      const state = stateOf(flow, 'score', typeof params?.operator === 'string' ? { operator: params.operator } : {});
      return { replies: flow.prompt(state, ctx), state };
    },
    handle(state, event, ctx): StepResult {
      const data = state.data as RatingData;
      const skipped = event.type === 'choice' && event.id === SKIP;
      if (state.step === 'score') {
        if (skipped) return { replies: [], goto: { flow: MENU_FLOW_ID } };
        const score = scoreOf(event);
        if (score === undefined) return { replies: [{ text: ctx.t('operator:rating.pick_score') }, ...flow.prompt(state, ctx)], state, notUnderstood: event.type === 'text' };
        return { replies: flow.prompt(stateOf(flow, 'comment'), ctx), state: stateOf(flow, 'comment', { ...data, score }) };
      }
      const comment = event.type === 'text' && !skipped ? event.text.trim().slice(0, MAX_COMMENT_LENGTH) : '';
      const rating = { score: data.score, ...(comment ? { comment } : {}), ...(data.operator ? { operator: data.operator } : {}), at: ctx.now.toISOString() };
      return { replies: [{ text: ctx.t('operator:rating.thanks') }], data: { rating }, effects: [{ type: RATING_EFFECT, rating }], goto: { flow: MENU_FLOW_ID } };
    },
    describe(data, { t }) {
      const rating = data.rating as { score?: unknown; comment?: unknown } | undefined;
      if (typeof rating?.score !== 'number') return undefined;
      const items: DataItem[] = [{ label: t('operator:rating.collected.score'), value: `${rating.score}/5` }];
      if (typeof rating.comment === 'string' && rating.comment) items.push({ label: t('operator:rating.collected.comment'), value: rating.comment });
      return { title: t('operator:rating.collected.title'), items };
    },
    prompt(state, ctx): Reply[] {
      const skip = { id: SKIP, label: ctx.t('operator:choices.skip') };
      if (state.step === 'score') return [{ text: ctx.t('operator:rating.prompt'), choices: [...SCORES.map((s) => ({ id: `rate:${s}`, label: String(s) })), skip] }];
      return [{ text: ctx.t('operator:rating.ask_comment'), choices: [skip] }];
    },
  };
  return flow;
}

function scoreOf(event: Parameters<Flow['handle']>[1]): number | undefined {
  if (event.type === 'file') return undefined;
  const raw = event.type === 'choice' ? event.id.replace(/^rate:/, '') : event.text.trim();
  const score = Number(raw);
  return (SCORES as readonly number[]).includes(score) ? score : undefined;
}
