import type { Api } from '../api';
import { h } from '../dom';
import { clock } from '../format';
import { t, type TextKey } from '../i18n';
import type { AuditEntry } from '../types';
import { screenHead, table, type Notify } from './admin';
import { LoadedListScreen } from './list-screen';

const LIMIT = 100;

/** The action ids recorded by api/routes/operator/*.ts, in words; any other id is shown as it is. */
const ACTIONS: Record<string, TextKey> = {
  'conversation.takeover': 'audit.actions.conversation_takeover',
  'conversation.message': 'audit.actions.conversation_message',
  'conversation.release': 'audit.actions.conversation_release',
  'conversation.transfer': 'audit.actions.conversation_transfer',
  'conversation.close': 'audit.actions.conversation_close',
  'conversation.note': 'audit.actions.conversation_note',
  'presence.set': 'audit.actions.presence_set',
  'session.login': 'audit.actions.session_login',
  'account.create': 'audit.actions.account_create',
  'account.update': 'audit.actions.account_update',
  'account.disable': 'audit.actions.account_disable',
  'canned.put': 'audit.actions.canned_put',
  'canned.delete': 'audit.actions.canned_delete',
  'callback.mark': 'audit.actions.callback_mark',
};

export function actionText(action: string): string {
  const key = ACTIONS[action];
  return key ? t(key) : action;
}

const ROLES = new Set(['operator', 'supervisor', 'admin']);
const PRESENCE = new Set(['online', 'away', 'offline']);
const CALLBACK = new Set(['pending', 'reached', 'not_reached']);

/** The details worth reading, in words where the console has them. */
function details(entry: AuditEntry): string {
  const d = entry.details ?? {};
  const parts: string[] = [];
  for (const [name, value] of Object.entries(d)) {
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    if (name === 'status' && PRESENCE.has(text)) parts.push(t(`presence.${text as 'online'}`));
    else if (name === 'status' && CALLBACK.has(text)) parts.push(t(`callbacks.${text as 'reached'}`));
    else if (name === 'role' && ROLES.has(text)) parts.push(t('audit.details.role', { role: t(`roles.${text as 'operator'}`) }));
    else if (name === 'to') parts.push(t('audit.details.to', { to: text }));
    else if (name === 'reason' || name === 'note') parts.push(`«${text}»`);
    else if (name === 'disabled') parts.push(t(value === true ? 'accounts.disabled' : 'accounts.active'));
    else if (name === 'length') parts.push(t('audit.details.length', { n: text }));
    else if (name === 'password') parts.push(t('audit.details.password'));
    else parts.push(`${name}: ${text}`);
  }
  return parts.join('; ');
}

/** Who did what and when, the latest first; a conversation's id opens it. */
export class AuditView extends LoadedListScreen<AuditEntry> {
  constructor(
    api: Api,
    notify: Notify,
    private readonly openConversation: (id: string) => void,
  ) {
    super({ titleId: 'audit-title', testId: 'audit', empty: 'audit.empty' }, api, notify);
    this.render();
  }

  protected fetch() {
    return this.api.audit(LIMIT);
  }

  protected head() {
    return screenHead('audit-title', t('audit.heading'), this.refreshButton('audit-refresh'));
  }

  protected body(items: AuditEntry[]) {
    return table(
      t('audit.caption', { n: items.length }),
      [t('audit.time'), t('audit.who'), t('audit.action'), t('audit.target'), t('audit.details.heading')],
      items.map((item, index) => this.row(item, index)),
      { testId: 'audit-table' },
    );
  }

  private row(item: AuditEntry, index: number): HTMLTableRowElement {
    const target =
      item.target && item.action.startsWith('conversation.')
        ? h('button', { type: 'button', class: 'link', 'data-key': `audit-open-${index}`, title: t('audit.open'), onclick: () => this.openConversation(item.target!) }, item.target)
        : item.target && item.action.startsWith('canned.')
          ? `/${item.target}`
          : (item.target ?? '—');
    return h(
      'tr',
      { 'data-action': item.action },
      h('th', { scope: 'row', class: 'nowrap' }, h('time', { datetime: item.at }, clock(item.at))),
      h('td', {}, item.actor),
      h('td', { class: 'action' }, actionText(item.action)),
      h('td', { class: 'target' }, target),
      h('td', { class: 'long-text' }, details(item)),
    );
  }
}
