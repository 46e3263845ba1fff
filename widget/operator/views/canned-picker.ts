import { h, uid } from '../dom';
import { t } from '../i18n';
import type { CannedAnswer, ConversationLang } from '../types';

/** The `/code` being typed just before the caret, if any. */
function codeAtCaret(area: HTMLTextAreaElement): { start: number; end: number; code: string } | undefined {
  const end = area.selectionStart;
  if (end !== area.selectionEnd) return undefined;
  const match = /(^|\s)\/([a-z0-9_-]{0,32})$/i.exec(area.value.slice(0, end));
  if (!match) return undefined;
  return { start: end - match[2]!.length - 1, end, code: match[2]!.toLowerCase() };
}

/**
 * The canned-answer picker of the reply box: typing `/` shows the codes that match what follows it;
 * arrows move, Enter or Tab inserts the answer in the citizen's language (the conversation's),
 * Escape closes. The reply box is its combobox.
 */
export class CannedPicker {
  readonly element: HTMLElement;
  private readonly list: HTMLUListElement;
  private matches: CannedAnswer[] = [];
  private active = 0;
  private open = false;
  private readonly listId = uid('canned');

  constructor(
    private readonly area: HTMLTextAreaElement,
    private readonly answers: () => CannedAnswer[],
    private readonly lang: () => ConversationLang,
    private readonly opened: () => void = () => undefined,
  ) {
    this.list = h('ul', { id: this.listId, class: 'canned-list', role: 'listbox', 'aria-label': t('reply.canned') });
    this.element = h('div', { class: 'canned', hidden: true }, this.list);
    area.setAttribute('role', 'combobox');
    area.setAttribute('aria-autocomplete', 'list');
    area.setAttribute('aria-controls', this.listId);
    area.setAttribute('aria-expanded', 'false');
    area.addEventListener('input', () => this.refresh());
    area.addEventListener('blur', () => setTimeout(() => this.close(), 150));
  }

  get isOpen(): boolean {
    return this.open;
  }

  /** Handles the keys the picker owns while it is open; true when the key was used. */
  handleKey(event: KeyboardEvent): boolean {
    if (!this.open) return false;
    if (event.key === 'Escape') {
      this.close();
      return true;
    }
    if (this.matches.length === 0) return false;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      this.active = (this.active + (event.key === 'ArrowDown' ? 1 : this.matches.length - 1)) % this.matches.length;
      this.render();
      return true;
    }
    if ((event.key === 'Enter' && !event.shiftKey) || event.key === 'Tab') {
      const answer = this.matches[this.active];
      if (answer) this.insert(answer);
      return true;
    }
    return false;
  }

  refresh(): void {
    const typed = codeAtCaret(this.area);
    if (!typed) {
      this.close();
      return;
    }
    const all = this.answers();
    this.matches = all.filter((a) => a.code.startsWith(typed.code));
    if (this.matches.length === 0) this.matches = all.filter((a) => a.code.includes(typed.code));
    this.active = Math.min(this.active, Math.max(0, this.matches.length - 1));
    const opening = !this.open;
    this.open = true;
    this.render();
    if (opening) this.opened();
  }

  close(): void {
    if (!this.open) return;
    this.open = false;
    this.active = 0;
    this.element.hidden = true;
    this.area.setAttribute('aria-expanded', 'false');
    this.area.removeAttribute('aria-activedescendant');
  }

  private insert(answer: CannedAnswer): void {
    const typed = codeAtCaret(this.area);
    const text = answer[this.lang()];
    const start = typed?.start ?? this.area.selectionStart;
    const end = typed?.end ?? this.area.selectionEnd;
    this.area.setRangeText(text, start, end, 'end');
    this.close();
    this.area.dispatchEvent(new Event('input', { bubbles: true }));
    this.area.focus();
  }

  private render(): void {
    this.element.hidden = false;
    this.area.setAttribute('aria-expanded', 'true');
    if (this.matches.length === 0) {
      this.list.replaceChildren(h('li', { class: 'canned-empty', role: 'option', 'aria-disabled': 'true' }, t('reply.no_canned')));
      this.area.removeAttribute('aria-activedescendant');
      return;
    }
    const lang = this.lang();
    this.list.replaceChildren(
      ...this.matches.map((answer, index) => {
        const option = h(
          'li',
          { id: `${this.listId}-${index}`, role: 'option', class: 'canned-option', 'aria-selected': String(index === this.active), 'data-code': answer.code },
          h('span', { class: 'canned-code' }, `/${answer.code}`),
          h('span', { class: 'canned-text' }, answer[lang]),
        );
        option.addEventListener('mousedown', (event) => {
          event.preventDefault();
          this.insert(answer);
        });
        return option;
      }),
    );
    this.area.setAttribute('aria-activedescendant', `${this.listId}-${this.active}`);
    this.list.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }
}
