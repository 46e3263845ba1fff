import { h } from './dom';
import { t } from './i18n';

export type NoticeKind = 'info' | 'error';

/**
 * The strip of notices under the header, in one polite live region: what just happened, refusals
 * (409: another operator has the conversation) and the connection state. Info fades after a while,
 * errors stay longer; each has a dismiss button. A notice with a `key` replaces the earlier one.
 */
export class Notices {
  readonly element = h('div', { class: 'notices', role: 'status', 'aria-live': 'polite', 'aria-label': t('notices.region'), 'data-testid': 'notices' });

  show(text: string, kind: NoticeKind = 'info', options: { key?: string; sticky?: boolean } = {}): void {
    if (options.key) this.clear(options.key);
    const dismiss = h('button', { type: 'button', class: 'notice-dismiss', 'aria-label': t('notices.dismiss'), title: t('notices.dismiss') }, '×');
    const notice = h('div', { class: `notice notice-${kind}`, 'data-kind': kind, ...(options.key ? { 'data-notice': options.key } : {}) }, h('span', {}, text), dismiss);
    const remove = () => {
      clearTimeout(timer);
      notice.remove();
    };
    dismiss.addEventListener('click', remove);
    const timer = options.sticky ? undefined : setTimeout(remove, kind === 'error' ? 20_000 : 6_000);
    this.element.append(notice);
    while (this.element.children.length > 4) this.element.firstElementChild?.remove();
  }

  clear(key: string): void {
    for (const node of this.element.querySelectorAll(`[data-notice="${CSS.escape(key)}"]`)) node.remove();
  }

  /** The language changed: earlier notices (in the other language) go. */
  relabel(): void {
    this.element.setAttribute('aria-label', t('notices.region'));
    this.element.replaceChildren();
  }
}
