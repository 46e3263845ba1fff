import { h, replaceChildren } from '../dom';
import { elapsed } from '../format';
import { t } from '../i18n';
import { SUPERVISORS_QUEUE, type ConversationView } from '../types';

export type ListKind = 'queue' | 'mine';

/**
 * The queue or the operator's own conversations: one <button> per conversation (Tab reaches it,
 * Enter opens it) with the priority and supervisors' badges, the topic, the summary, the channel
 * and language, and how long the citizen has been waiting.
 */
export class ConversationListView {
  readonly element: HTMLElement;
  private readonly heading = h('h2', { class: 'list-heading' });
  private readonly list = h('ul', { class: 'conversation-list' });
  private items: ConversationView[] = [];
  private total = 0;
  private loaded = false;
  private selected: string | null = null;
  private unread = new Set<string>();

  constructor(
    private readonly kind: ListKind,
    private readonly onOpen: (id: string) => void,
  ) {
    this.element = h('section', { class: `list-section list-${kind}`, 'data-testid': `list-${kind}` }, this.heading, this.list);
    this.render();
  }

  /** `total`: how many there are in all (the API sends one page of a long queue). */
  update(state: { items?: ConversationView[]; total?: number; selected?: string | null; unread?: Set<string> }): void {
    if (state.items) {
      this.items = state.items;
      this.total = Math.max(state.total ?? 0, state.items.length);
      this.loaded = true;
    }
    if (state.selected !== undefined) this.selected = state.selected;
    if (state.unread) this.unread = state.unread;
    this.render();
  }

  render(): void {
    const title = this.kind === 'queue' ? t('lists.queue') : t('lists.mine');
    replaceChildren(this.heading, title, this.loaded ? h('span', { class: 'count', 'aria-label': `(${this.total})` }, String(this.total)) : null);
    if (this.loaded && this.items.length === 0) {
      replaceChildren(this.list, h('li', { class: 'empty' }, this.kind === 'queue' ? t('lists.empty_queue') : t('lists.empty_mine')));
      return;
    }
    replaceChildren(
      this.list,
      this.items.map((item) => h('li', {}, this.row(item))),
      this.total > this.items.length ? h('li', { class: 'more' }, t('lists.more', { shown: this.items.length, total: this.total })) : null,
    );
  }

  private row(item: ConversationView): HTMLButtonElement {
    const badges = [
      item.priority >= 1 ? h('span', { class: 'badge badge-priority', title: t('lists.priority_hint') }, t('lists.priority')) : null,
      item.queue === SUPERVISORS_QUEUE ? h('span', { class: 'badge badge-supervisors', title: t('lists.supervisors_hint') }, t('lists.supervisors')) : null,
      this.unread.has(item.id) ? h('span', { class: 'badge badge-unread' }, t('lists.unread')) : null,
    ];
    const meta = [...(item.number ? [item.number] : []), t(`channels.${item.channel}`), t(`langs.${item.lang}`)];
    if (this.kind === 'queue' && item.waitingSince) meta.push(t('lists.waiting', { time: elapsed(item.waitingSince) }));
    return h(
      'button',
      {
        type: 'button',
        class: `row${item.priority >= 1 ? ' row-priority' : ''}`,
        'data-key': `${this.kind}-${item.id}`,
        'data-id': item.id,
        'aria-current': item.id === this.selected ? 'true' : undefined,
        onclick: () => this.onOpen(item.id),
      },
      h('span', { class: 'row-top' }, badges, h('span', { class: 'row-topic' }, item.title ?? t('lists.no_topic'))),
      h('span', { class: 'row-summary' }, item.summary),
      h('span', { class: 'row-meta' }, meta.join(' · ')),
    );
  }
}
