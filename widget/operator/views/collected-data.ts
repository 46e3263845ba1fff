import { h } from '../dom';
import { t } from '../i18n';
import type { ConversationDetail } from '../types';

/**
 * What the flows collected, as the API describes it in the console's language: a titled group per
 * flow (the checklist, the rating…), each thing as its label and value in words.
 */
export function collectedData(described: ConversationDetail['described']): HTMLElement {
  if (described.length === 0) return h('p', { class: 'muted' }, t('data.none'));
  return h(
    'div',
    { class: 'collected', 'data-testid': 'collected-data' },
    described.map((section) =>
      h(
        'section',
        { class: 'collected-section', 'data-section': section.section },
        h('h4', {}, section.title),
        h(
          'dl',
          { class: 'pairs' },
          section.items.map((item) => h('div', {}, h('dt', {}, item.label), h('dd', {}, item.value))),
        ),
      ),
    ),
  );
}
