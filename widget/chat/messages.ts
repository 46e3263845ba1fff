import { el, icon, linkify, safeHref } from './dom';
import type { Checklist, Choice, Message } from './frames';
import { text, type Lang } from './texts';

export interface LogActions {
  /** A button or checkbox was pressed; `echo` is what the citizen's side of the log shows for it. */
  choose(choice: Choice, echo: boolean): void;
  lang(): Lang;
  /** The server's address, against which attachment links are resolved. */
  server: URL;
}

/**
 * The conversation as an ordered list. Message text is only ever set as text; addresses in it become
 * http(s) links. A message that replaces another (a ticked checklist) takes its place.
 */
export class MessageLog {
  readonly element = el('ol', { class: 'log', 'data-testid': 'chat-log' });
  /** The message whose button or checkbox was pressed last: a replacing answer goes in its place. */
  private pressed: HTMLLIElement | undefined;

  constructor(private readonly actions: LogActions) {}

  /**
   * Shows a message; `replace` puts it in place of the message whose button was pressed (live) or of
   * the last bot message (in the history, where nothing was pressed on this page).
   */
  add(message: Message, options: { replace?: 'pressed' | 'last-bot'; earlier?: boolean } = {}): HTMLLIElement {
    const item = this.render(message, options.earlier ?? false);
    const old = options.replace === 'pressed' ? this.pressed : options.replace === 'last-bot' ? this.lastBot() : undefined;
    if (old?.isConnected) {
      // Keep the keyboard where it was: on the same checkbox or button of the new version.
      const focusedId = (old.getRootNode() as ShadowRoot).activeElement?.getAttribute('data-choice');
      old.replaceWith(item);
      this.pressed = item;
      if (focusedId) item.querySelector<HTMLElement>(`[data-choice="${CSS.escape(focusedId)}"]`)?.focus();
    } else {
      this.element.append(item);
      this.element.scrollTop = this.element.scrollHeight;
    }
    return item;
  }

  private lastBot(): HTMLLIElement | undefined {
    const items = this.element.querySelectorAll<HTMLLIElement>(':scope > li[data-from="bot"]');
    return items[items.length - 1];
  }

  get empty(): boolean {
    return this.element.childElementCount === 0;
  }

  clear(): void {
    this.element.replaceChildren();
    this.pressed = undefined;
  }

  private render(message: Message, earlier: boolean): HTMLLIElement {
    const lang = this.actions.lang();
    const item = el('li', { class: `msg from-${message.from}${earlier ? ' earlier' : ''}`, 'data-from': message.from });
    // An operator's message says who wrote it: "Айгерим · 1414 операторы".
    if (message.from === 'operator' && message.author) item.append(el('span', { class: 'author' }, `${message.author} · ${text(lang, 'operator')}`));
    if (message.checklist) item.append(this.checklist(message.checklist, item));
    else item.append(el('span', { class: 'text' }));
    if (!message.checklist) item.lastElementChild!.append(linkify(message.text));
    if (message.attachment) item.append(this.attachment(message.attachment));
    const ticks = new Set(message.checklist?.items.map((i) => i.choiceId));
    const choices = (message.choices ?? []).filter((c) => !ticks.has(c.id));
    if (choices.length && !earlier) {
      const group = el('div', { class: 'choices' });
      for (const choice of choices) {
        const button = el('button', { type: 'button', 'data-choice': choice.id }, choice.label);
        button.addEventListener('click', () => {
          this.pressed = item;
          this.actions.choose(choice, true);
        });
        group.append(button);
      }
      item.append(group);
    }
    return item;
  }

  /** The documents as checkboxes; the state is said in words too, not by the box alone. */
  private checklist(list: Checklist, item: HTMLLIElement): HTMLElement {
    const lang = this.actions.lang();
    const box = el('fieldset', { class: 'checklist' });
    box.append(el('legend', {}, list.title));
    const ul = el('ul');
    list.items.forEach((entry, i) => {
      const id = `ca-${entry.choiceId.replace(/[^\w-]/g, '_')}`;
      const input = el('input', { type: 'checkbox', id, 'data-choice': entry.choiceId });
      input.checked = entry.done;
      const state = el('span', { class: entry.done ? 'state done' : 'state' }, text(lang, entry.done ? 'done' : 'not_done'));
      const label = el('label', { for: id });
      label.append(el('span', { class: 'doc' }, `${i + 1}. ${entry.text}`), state);
      const li = el('li');
      li.append(input, label);
      for (const note of entry.notes) li.append(el('p', { class: 'note' }, note));
      input.addEventListener('change', () => {
        this.pressed = item;
        this.actions.choose({ id: entry.choiceId, label: entry.text }, false);
      });
      ul.append(li);
    });
    box.append(ul, el('p', { class: 'hint' }, text(lang, 'checklist_hint')));
    return box;
  }

  /** A download named for what it is ("Заявление … (PDF)"), not by its file name. */
  private attachment(attachment: NonNullable<Message['attachment']>): HTMLElement {
    const href = safeHref(attachment.url, this.actions.server.href);
    const name = attachment.title ?? attachment.fileName;
    if (!href) return el('span', { class: 'file' }, name);
    const link = el('a', { class: 'file', href, download: attachment.fileName, target: '_blank', rel: 'noopener noreferrer' });
    link.append(icon('file'), el('span', {}, `${name} — ${text(this.actions.lang(), 'download')}`));
    return link;
  }
}
