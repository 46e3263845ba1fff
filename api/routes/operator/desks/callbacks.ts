import { z } from 'zod';
import type { Callbacks } from '../../../../bot/callbacks';
import type { Handoff } from '../../../../bot/handoff';
import type { Texts } from '../../../../locales/i18n';
import { serviceTitleOf } from '../../../operator/summary';
import { inBothLanguages, type Desk } from './desk';

const Status = z.enum(['pending', 'reached', 'not_reached']);

export const Callback = z.object({
  id: z.string(),
  number: z.string().optional(),
  conversationId: z.string(),
  phone: z.string(),
  lang: z.string(),
  topic: z.string().nullable(),
  /** The topic in both languages, when it is a service's title (the bot fills it so, in the citizen's language). */
  topicTitle: z.object({ kk: z.string(), ru: z.string() }).optional(),
  createdAt: z.string(),
  status: Status,
  attempts: z.number(),
  handledBy: z.string().optional(),
  handledAt: z.string().optional(),
  note: z.string().optional(),
});
type Callback = z.infer<typeof Callback>;

const filters = { status: Status.optional() };

const withTopicTitle = <T extends { topic: string | null }>(request: T): T & { topicTitle?: { kk: string; ru: string } } => {
  const title = request.topic ? serviceTitleOf(request.topic) : undefined;
  return title ? { ...request, topicTitle: title } : request;
};
const Mark = z.object({ status: z.enum(['reached', 'not_reached']), note: z.string().trim().max(1000).optional() });

/**
 * The call-back list (GET /api/operator/callbacks, as before, now paged) and marking a call
 * (PATCH …/{id}): reached closes the request, not reached counts an attempt and tells the citizen
 * that the operator could not get through. Consoles hear of every mark on the event stream.
 */
export function callbackDesk({ callbacks, handoff, texts }: { callbacks: Callbacks; handoff: Pick<Handoff, 'publish'>; texts: Texts }): Desk<Callback, typeof filters, z.infer<typeof Mark>> {
  return {
    name: 'callback',
    noun: 'call-back request',
    summaries: {
      list: 'The call-back list: pending first, then not reached, then reached; oldest first within each',
      get: 'One call-back request',
      change: 'Mark a call-back as reached or not reached (not reached tells the citizen)',
    },
    record: Callback,
    idOf: (record) => record.id,
    filters,
    // The list was unpaged before: a page holds what a day's list does.
    paging: { default: 1000, max: 1000 },
    list: async ({ status }, page) => {
      const { items, total } = await callbacks.list(status, page);
      return { items: items.map(withTopicTitle), total };
    },
    get: async (id) => {
      const request = await callbacks.get(id);
      return request && withTopicTitle(request);
    },
    patch: Mark,
    async change(request, { status, note }, actor) {
      const updated = await callbacks.mark(request.id, status, actor.login, note || undefined);
      if (!updated) return { refuse: { code: 'not_found', message: 'The call-back request is gone' } };
      await handoff.publish({ type: 'callback', id: updated.id, status: updated.status, at: updated.handledAt ?? new Date().toISOString() });
      return {
        record: updated,
        action: 'mark',
        details: { status: updated.status },
        ...(status === 'not_reached'
          ? { notice: { conversationId: updated.conversationId, text: inBothLanguages(texts, 'operator:callback_missed'), key: `callback:${updated.id}:missed:${updated.attempts}` } }
          : {}),
      };
    },
  };
}
