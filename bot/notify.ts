import type { Logger } from 'pino';
import type { Reply } from '../flows/types';
import { formatCivilDate } from '../locales/format';
import type { Translate } from '../locales/i18n';
import type { Conversation, JobQueue } from '../store/types';
import type { Delivery } from './delivery';
import type { ChangeDecision, ChangeResult, Engine } from './engine';
import type { JobHandler } from './scheduler';

/** What to tell a citizen, made in their language when the conversation is read. */
export type Message = (t: Translate, conversation: Conversation) => Reply | Reply[];

/**
 * Tells citizens things outside their own turns (an operator's message, a reminder, a status
 * change): each is appended to the conversation through the engine, with the same compare-and-set
 * as the citizen's turns, and only once stored delivered in the citizen's channel — Telegram
 * through the outbox, the widget through the bus, and a widget that was away gets it when it
 * comes back.
 *
 * @example
 * await notifier.tell(visit.conversationId, (t) => ({ text: t('home_visit:reminder', { date }) }), `reminder:${visit.id}:${date}`);
 */
export class Notifier {
  constructor(
    private readonly engine: Engine,
    private readonly delivery: Delivery,
    private readonly texts: { translator(lang: Conversation['lang']): Translate },
    private readonly log: Logger,
  ) {}

  /**
   * A message for the citizen, written and sent once per `key`: a retried job or a repeated call
   * with the same key changes nothing (`reason: 'duplicate'`).
   */
  tell(conversationId: string, message: Message, key: string): Promise<ChangeResult> {
    return this.change(
      conversationId,
      (conversation) => {
        const said = message(this.texts.translator(conversation.lang), conversation);
        const replies = (Array.isArray(said) ? said : [said]).map((reply) => ({ from: 'system' as const, ...reply }));
        return { conversation, replies };
      },
      'system',
      key,
    );
  }

  /**
   * Any change of a conversation by an operator or the system, and delivery of what it says.
   * With a `key` the change is made once, and the delivery is keyed by it too.
   */
  async change(id: string, decide: (conversation: Conversation) => ChangeDecision, origin: 'operator' | 'system' = 'operator', key?: string): Promise<ChangeResult> {
    const eventId = key === undefined ? undefined : `notify:${key}`;
    const result = await this.engine.change(id, decide, origin, eventId);
    if (result.changed) {
      await this.delivery.deliver(result.conversation, result.replies, eventId).catch((error: unknown) => {
        // Stored, so a widget sees it when it comes back; Telegram's outbox write is what failed here.
        this.log.error({ err: error, conversationId: id }, 'delivering to the citizen failed');
      });
    }
    return result;
  }
}

/** A scheduled message for a citizen (a reminder): the job's type. */
export const NOTIFY_JOB = 'notify';

/**
 * A message kept until it is sent (in a job, or decided before the citizen's language is read): a
 * text key with its values, dates ('YYYY-MM-DD') written out and text keys translated in the
 * citizen's language when it is sent.
 *
 * @example
 * { key: 'home_visit:reminder', vars: { number: 'HV-2026-000123' }, dates: { date: '2026-12-03' }, texts: { window: 'home_visit:window.morning' } }
 */
export interface NotifyText {
  key: string;
  vars?: Record<string, string | number>;
  dates?: Record<string, string>;
  texts?: Record<string, string>;
}

/** What a notify job says, to whom. */
export interface NotifyJobPayload {
  conversationId: string;
  text: NotifyText;
}

/** The message in the citizen's language. */
export function renderNotifyText(text: NotifyText): Message {
  return (t, conversation) => {
    const vars: Record<string, unknown> = { ...text.vars };
    for (const [name, date] of Object.entries(text.dates ?? {})) vars[name] = formatCivilDate(date, conversation.lang);
    for (const [name, key] of Object.entries(text.texts ?? {})) vars[name] = t(key);
    return { text: t(text.key, vars) };
  };
}

/**
 * Schedules a message for a citizen at `at`; the same `id` again moves it (a moved visit moves its
 * reminder). It is sent once even when the job runs twice.
 *
 * @example
 * await scheduleNotification(store.jobs, `visit-reminder:${visit.id}`, dayBefore, { conversationId, text: { key: 'home_visit:reminder', vars: { date } } });
 */
export function scheduleNotification(jobs: JobQueue, id: string, at: Date, payload: NotifyJobPayload): Promise<void> {
  return jobs.schedule({ id, type: NOTIFY_JOB, dueAt: at.getTime(), payload });
}

/** Runs a notify job: the message, keyed by the job's schedule, so a retried job tells the citizen once. */
export function notifyJobHandler(notifier: Notifier): JobHandler {
  return async (job, { idempotencyKey }) => {
    const { conversationId, text } = job.payload as NotifyJobPayload;
    await notifier.tell(conversationId, renderNotifyText(text), idempotencyKey);
  };
}
