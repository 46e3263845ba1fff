import { formatKzPhone } from '../../../domain/phone';
import { h } from '../dom';
import { clock } from '../format';
import { isLang, lang, t } from '../i18n';
import type { Callback, CallbackStatus } from '../types';
import type { DeskAction, DeskView } from './desk-screen';

const STATUSES: readonly CallbackStatus[] = ['pending', 'not_reached', 'reached'];

/** What the citizen asked about, a service's title in the console's language. */
const topicOf = (item: Callback): string => item.topicTitle?.[lang()] ?? item.topic ?? t('callbacks.no_topic');

const mark = (status: Exclude<CallbackStatus, 'pending'>): DeskAction => ({
  key: status,
  label: `callbacks.${status}`,
  primary: status === 'reached',
  patch: ({ note }) => ({ status, ...(note ? { note } : {}) }),
});

/**
 * Citizens who left a number, on the desk screen: pending first, then not reached, then reached
 * (the API's order), each with what the citizen asked about and a way to the conversation. A
 * request not yet reached is marked reached or not reached, with a note.
 */
export const callbacksDesk = (openConversation: (id: string) => void): DeskView<Callback> => ({
  name: 'callbacks',
  path: '/api/operator/callbacks',
  pageSize: 20,
  heading: 'callbacks.heading',
  empty: 'callbacks.empty',
  filters: [{ name: 'status', label: 'callbacks.status', any: 'callbacks.any_status', options: STATUSES.map((status) => ({ value: status, label: `callbacks.${status}` })) }],
  idOf: (item) => item.id,
  row: (item) => ({
    title: formatKzPhone(item.phone),
    badge: { text: t(`callbacks.${item.status}`), kind: item.status },
    meta: [topicOf(item), clock(item.createdAt), t('callbacks.attempts', { n: item.attempts })].join(' · '),
  }),
  title: (item) => formatKzPhone(item.phone),
  facts: (item) => [
    [t('callbacks.phone'), h('a', { class: 'phone', href: `tel:${item.phone}` }, formatKzPhone(item.phone))],
    [t('callbacks.status'), t(`callbacks.${item.status}`)],
    [t('callbacks.topic'), topicOf(item)],
    [
      t('callbacks.conversation'),
      h('button', { type: 'button', class: 'link', 'data-key': 'open-conversation', onclick: () => openConversation(item.conversationId) }, t('callbacks.open_conversation')),
    ],
    [t('callbacks.language'), isLang(item.lang) ? t(`langs.${item.lang}`) : item.lang],
    [t('callbacks.created'), clock(item.createdAt)],
    [t('callbacks.tries'), String(item.attempts)],
    ...(item.handledBy && item.handledAt ? [[t('callbacks.last_mark'), t('callbacks.handled', { login: item.handledBy, time: clock(item.handledAt) })] as [string, string]] : []),
    ...(item.note ? [[t('callbacks.last_note'), item.note] as [string, string]] : []),
  ],
  fields: [{ name: 'note', label: 'callbacks.note', maxLength: 1000 }],
  actions: (item) => (item.status === 'reached' ? [] : [mark('reached'), mark('not_reached')]),
  done: (item) => t('callbacks.marked', { status: t(`callbacks.${item.status}`) }),
});
