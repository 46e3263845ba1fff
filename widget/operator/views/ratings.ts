import type { Api } from '../api';
import { h } from '../dom';
import { clock } from '../format';
import { lang, t } from '../i18n';
import type { Rating } from '../types';
import { screenHead, table, type Notify } from './admin';
import { LoadedListScreen } from './list-screen';

const LIMIT = 100;

/** A score as five stars (read out as "4 of 5"). */
function stars(score: number): HTMLElement {
  const full = Math.max(0, Math.min(5, Math.round(score)));
  return h(
    'span',
    { class: 'stars', role: 'img', 'aria-label': t('data.score', { score }) },
    h('span', { 'aria-hidden': 'true' }, '★'.repeat(full)),
    h('span', { class: 'stars-off', 'aria-hidden': 'true' }, '★'.repeat(5 - full)),
  );
}

/**
 * Citizens' latest ratings for supervisors: each with its conversation (opened in the conversation
 * pane), and per operator the number and the average over what is listed.
 */
export class RatingsView extends LoadedListScreen<Rating> {
  constructor(
    api: Api,
    notify: Notify,
    private readonly openConversation: (id: string) => void,
  ) {
    super({ titleId: 'ratings-title', testId: 'ratings', empty: 'ratings.empty' }, api, notify);
    this.render();
  }

  protected fetch() {
    return this.api.ratings(LIMIT);
  }

  protected head() {
    return screenHead('ratings-title', t('ratings.heading'), this.refreshButton('ratings-refresh'));
  }

  protected body(items: Rating[]) {
    return [
      table(t('ratings.by_operator'), [t('ratings.operator'), t('ratings.count'), t('ratings.average')], this.summary(items), { testId: 'ratings-summary', className: 'summary-table' }),
      table(
        t('ratings.latest', { n: items.length }),
        [t('ratings.date'), t('ratings.operator'), t('ratings.score'), t('ratings.comment'), t('ratings.conversation')],
        items.map((item, index) => this.row(item, index)),
        { testId: 'ratings-table' },
      ),
    ];
  }

  private summary(items: Rating[]): HTMLTableRowElement[] {
    const by = new Map<string, { count: number; sum: number }>();
    for (const item of items) {
      const key = item.operator ?? '';
      const entry = by.get(key) ?? { count: 0, sum: 0 };
      entry.count += 1;
      entry.sum += item.score;
      by.set(key, entry);
    }
    const format = new Intl.NumberFormat(lang() === 'kk' ? 'kk-KZ' : 'ru-RU', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    return [...by.entries()]
      .sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0]))
      .map(([operator, { count, sum }]) =>
        h('tr', {}, h('th', { scope: 'row' }, operator || t('ratings.no_operator')), h('td', { class: 'num' }, String(count)), h('td', { class: 'num' }, format.format(sum / count))),
      );
  }

  private row(item: Rating, index: number): HTMLTableRowElement {
    return h(
      'tr',
      {},
      h('th', { scope: 'row', class: 'nowrap' }, h('time', { datetime: item.at }, clock(item.at))),
      h('td', {}, item.operator ?? t('ratings.no_operator')),
      h('td', { class: 'nowrap' }, stars(item.score), h('span', { class: 'score-digits' }, ` ${item.score}`)),
      h('td', { class: 'long-text' }, item.comment ?? h('span', { class: 'muted' }, '—')),
      h(
        'td',
        {},
        h(
          'button',
          {
            type: 'button',
            class: 'link',
            'data-key': `rating-open-${index}`,
            'aria-label': t('ratings.open_named', { time: clock(item.at) }),
            onclick: () => this.openConversation(item.conversationId),
          },
          t('ratings.open'),
        ),
      ),
    );
  }
}
