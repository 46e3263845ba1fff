import { h, uid } from '../dom';
import { clock } from '../format';
import { isLang, t } from '../i18n';
import type { Callback } from '../types';
import { ListScreen } from './list-screen';

/**
 * Citizens who left a number: pending first, then not reached, then reached (the API's order).
 * Each pending or unreached request can be marked reached or not reached, with an optional note.
 */
export class CallbacksView extends ListScreen<Callback> {
  private readonly notes = new Map<string, string>();

  constructor(
    private readonly onMark: (id: string, status: 'reached' | 'not_reached', note: string) => Promise<boolean>,
    private readonly onRefresh: () => void,
  ) {
    super({ titleId: 'callbacks-title', testId: 'callbacks', className: 'callbacks', loading: 'pane.loading', empty: 'callbacks.empty' });
    this.render();
  }

  update(items: Callback[]): void {
    this.items = items;
    this.render();
  }

  protected head() {
    return h(
      'div',
      { class: 'callbacks-head' },
      h('h2', { id: 'callbacks-title', tabindex: '-1' }, t('callbacks.heading')),
      h('button', { type: 'button', class: 'quiet', 'data-key': 'callbacks-refresh', onclick: () => this.onRefresh() }, t('callbacks.refresh')),
    );
  }

  protected body(items: Callback[]) {
    return h('ul', { class: 'callback-list' }, items.map((item) => this.card(item)));
  }

  private card(item: Callback): HTMLElement {
    const noteId = uid('callback-note');
    const note = h('input', { id: noteId, type: 'text', maxlength: 1000, autocomplete: 'off', 'data-key': `note-${item.id}`, value: this.notes.get(item.id) ?? '' });
    note.addEventListener('input', () => this.notes.set(item.id, note.value));
    const mark = (status: 'reached' | 'not_reached') => async () => {
      if (await this.onMark(item.id, status, note.value.trim())) this.notes.delete(item.id);
    };
    const handled = item.handledBy && item.handledAt ? t('callbacks.handled', { login: item.handledBy, time: clock(item.handledAt) }) : null;
    return h(
      'li',
      { class: `callback callback-${item.status}`, 'data-id': item.id },
      h(
        'div',
        { class: 'callback-main' },
        h('a', { class: 'phone', href: `tel:${item.phone.replace(/[^\d+]/g, '')}`, 'data-key': `phone-${item.id}` }, item.phone),
        h('span', { class: `badge badge-${item.status}` }, t(`callbacks.${item.status}`)),
      ),
      h(
        'dl',
        { class: 'facts' },
        item.topic ? h('div', {}, h('dt', {}, t('callbacks.topic')), h('dd', {}, item.topic)) : null,
        h('div', {}, h('dt', {}, t('callbacks.language')), h('dd', {}, isLang(item.lang) ? t(`langs.${item.lang}`) : item.lang)),
        h('div', {}, h('dt', {}, t('callbacks.created')), h('dd', {}, clock(item.createdAt))),
      ),
      h('p', { class: 'muted' }, [t('callbacks.attempts', { n: item.attempts }), handled].filter(Boolean).join(' · ')),
      item.note ? h('p', { class: 'callback-note' }, item.note) : null,
      item.status === 'reached'
        ? null
        : h(
            'div',
            { class: 'callback-actions' },
            h('label', { for: noteId }, t('callbacks.note')),
            note,
            h('button', { type: 'button', class: 'primary', 'data-key': `reached-${item.id}`, onclick: mark('reached') }, t('callbacks.reached')),
            h('button', { type: 'button', 'data-key': `not-reached-${item.id}`, onclick: mark('not_reached') }, t('callbacks.not_reached')),
          ),
    );
  }
}
