import { el, icon } from './dom';
import type { Options } from './options';
import { stored } from './storage';
import { text, type Lang } from './texts';

/** Text sizes the switch steps through, in per cent. */
const SCALES = [100, 150, 200];

export interface PanelActions {
  /** The citizen picked the other language in the header. */
  switchLang(lang: Lang): void;
  /** The citizen confirmed "End conversation". */
  end(): void;
  /** The panel opened (true) or closed (false). */
  toggled(open: boolean): void;
}

/**
 * The frame around the conversation: a launcher button and the panel it opens (or the panel alone,
 * inline in a box of the page), with the header's tools, the conversation number, the typing and
 * connection lines, and a live region that reads each new message once. While the floating panel is
 * open, Tab stays inside it and Escape closes it, giving focus back to the launcher.
 */
export class Panel {
  readonly root = el('div', { class: 'root' });
  readonly panel = el('section', { class: 'panel', id: 'ca-panel', 'aria-labelledby': 'ca-title' });
  private readonly launcher = el('button', { type: 'button', class: 'launcher', 'aria-controls': 'ca-panel', 'aria-expanded': 'false', 'data-testid': 'chat-launcher' });
  private readonly launcherLabel = el('span', { class: 'label' });
  private readonly badge = el('span', { class: 'badge', 'aria-hidden': 'true', hidden: '' });
  private readonly title = el('h2', { id: 'ca-title' });
  private readonly langButton = el('button', { type: 'button', class: 'tool', 'data-testid': 'chat-lang' });
  private readonly sizeButton = el('button', { type: 'button', class: 'tool', 'data-testid': 'chat-text-size' }, 'A+');
  private readonly endButton = el('button', { type: 'button', class: 'tool', 'data-testid': 'chat-end' });
  private readonly endText = el('span');
  private readonly closeButton = el('button', { type: 'button', class: 'tool' });
  private readonly number = el('p', { class: 'number', 'data-testid': 'chat-number', hidden: '' });
  private readonly confirm = el('div', { class: 'confirm', role: 'alertdialog', 'aria-labelledby': 'ca-end-question', hidden: '' });
  private readonly confirmQuestion = el('p', { id: 'ca-end-question' });
  private readonly confirmYes = el('button', { type: 'button', class: 'primary' });
  private readonly confirmNo = el('button', { type: 'button' });
  readonly typing = el('p', { class: 'typing', 'data-testid': 'chat-typing', hidden: '' });
  readonly status = el('p', { class: 'status', role: 'status', 'data-testid': 'chat-status' });
  private readonly announcer = el('div', { class: 'visually-hidden', 'aria-live': 'polite', 'data-testid': 'chat-announcer' });
  private readonly floating: boolean;
  private lang: Lang = 'kk';
  private conversationNumber = '';
  private unread = 0;
  private scale = stored.scale();
  private typingTimer: ReturnType<typeof setTimeout> | undefined;
  /** The operator writing now, while the typing line names one. */
  private typingAuthor: string | undefined;

  constructor(
    private readonly options: Options,
    private readonly actions: PanelActions,
    content: { log: HTMLElement; composer: HTMLElement },
  ) {
    this.floating = !options.inline;
    this.root.className = `root ${this.floating ? 'floating' : 'inline'} ${options.position}`;
    if (options.color) this.root.style.setProperty('--ca-accent', options.color);
    this.applyScale();

    this.launcher.append(icon('chat'), this.launcherLabel, this.badge);
    this.endButton.append(icon('end'), this.endText);
    this.closeButton.append(icon('close'));
    const tools = el('div', { class: 'tools' });
    tools.append(this.langButton, this.sizeButton, this.endButton, ...(this.floating ? [this.closeButton] : []));
    const header = el('header', { class: 'header' });
    header.append(this.title, tools);
    const confirmButtons = el('div', { class: 'buttons' });
    confirmButtons.append(this.confirmYes, this.confirmNo);
    this.confirm.append(this.confirmQuestion, confirmButtons);
    this.panel.append(header, this.confirm, this.number, content.log, this.typing, this.status, content.composer, this.announcer);
    if (this.floating) {
      this.panel.setAttribute('role', 'dialog');
      this.panel.hidden = true;
      this.root.append(this.launcher, this.panel);
    } else {
      this.panel.setAttribute('role', 'region');
      this.root.append(this.panel);
    }

    this.launcher.addEventListener('click', () => (this.isOpen ? this.close() : this.open(true)));
    this.closeButton.addEventListener('click', () => this.close());
    this.langButton.addEventListener('click', () => this.actions.switchLang(this.lang === 'kk' ? 'ru' : 'kk'));
    this.sizeButton.addEventListener('click', () => {
      this.scale = SCALES[(SCALES.indexOf(this.scale) + 1) % SCALES.length] ?? 100;
      stored.setScale(this.scale);
      this.applyScale();
      this.setLang(this.lang);
      // Larger text pushes the latest messages down: keep them in view.
      content.log.scrollTop = content.log.scrollHeight;
    });
    this.endButton.addEventListener('click', () => {
      this.confirm.hidden = false;
      this.confirmNo.focus();
    });
    this.confirmNo.addEventListener('click', () => this.closeConfirm());
    this.confirmYes.addEventListener('click', () => {
      this.confirm.hidden = true;
      this.actions.end();
    });
    this.panel.addEventListener('keydown', (event) => this.onKey(event));
  }

  get isOpen(): boolean {
    return !this.panel.hidden;
  }

  /** Opens the panel; `focus` moves the keyboard into it (when the citizen opened it, not on page load). */
  open(focus: boolean): void {
    if (!this.floating || this.isOpen) return;
    this.panel.hidden = false;
    this.launcher.setAttribute('aria-expanded', 'true');
    this.setUnread(0);
    stored.setOpen(true);
    if (focus) (this.panel.querySelector<HTMLElement>('input[type=text]') ?? this.closeButton).focus();
    this.actions.toggled(true);
  }

  close(): void {
    if (!this.floating || !this.isOpen) return;
    this.panel.hidden = true;
    this.launcher.setAttribute('aria-expanded', 'false');
    stored.setOpen(false);
    this.launcher.focus();
    this.actions.toggled(false);
  }

  setLang(lang: Lang): void {
    this.lang = lang;
    const t = (key: Parameters<typeof text>[1], vars?: Record<string, string | number>) => text(lang, key, vars);
    const title = this.options.title ?? t('title');
    this.root.lang = lang;
    this.title.textContent = title;
    this.launcherLabel.textContent = t('open');
    this.launcher.setAttribute('aria-label', this.unread ? `${t('open')}. ${t('unread', { count: this.unread })}` : t('open'));
    const other: Lang = lang === 'kk' ? 'ru' : 'kk';
    this.langButton.textContent = text(other, other === 'kk' ? 'lang_kk' : 'lang_ru');
    this.langButton.lang = other;
    this.langButton.setAttribute('aria-label', `${t('language')}: ${text(other, other === 'kk' ? 'lang_kk' : 'lang_ru')}`);
    // The name starts with what the button shows, so speech control finds it by "A+".
    this.sizeButton.setAttribute('aria-label', `A+ ${t('text_size', { size: this.scale })}`);
    this.sizeButton.title = t('text_size', { size: this.scale });
    this.endText.textContent = t('end');
    this.closeButton.setAttribute('aria-label', t('close'));
    this.confirmQuestion.textContent = t('end_question');
    this.confirmYes.textContent = t('end_yes');
    this.confirmNo.textContent = t('end_no');
    this.typing.textContent = this.typingAuthor ? t('operator_typing', { name: this.typingAuthor }) : t('typing');
    this.showNumber(this.conversationNumber);
  }

  /** The conversation's number to read out to 1414; '' hides the line. */
  showNumber(number: string): void {
    this.conversationNumber = number;
    this.number.hidden = !number;
    this.number.textContent = number ? text(this.lang, 'number', { number }) : '';
  }

  /** A new message from the bot or an operator: read out once, and counted on the launcher while closed. */
  arrived(message: string): void {
    this.announcer.textContent = message;
    this.showTyping(false);
    if (this.floating && !this.isOpen) this.setUnread(this.unread + 1);
  }

  /**
   * Shows that the bot, or the operator named `author`, is writing. An operator's typing is said to
   * screen readers once when it starts, not on each signal, and goes after 6 s without one.
   */
  showTyping(on: boolean, author?: string): void {
    clearTimeout(this.typingTimer);
    const started = on && author !== undefined && (this.typing.hidden || this.typingAuthor !== author);
    this.typingAuthor = on ? author : undefined;
    this.typing.hidden = !on;
    this.typing.textContent = author ? text(this.lang, 'operator_typing', { name: author }) : text(this.lang, 'typing');
    if (started) this.announcer.textContent = this.typing.textContent;
    // A turn that ends without a message (an operator owns the conversation) should not leave it on.
    if (on) this.typingTimer = setTimeout(() => this.showTyping(false), author ? 6_000 : 15_000);
  }

  private setUnread(count: number): void {
    this.unread = count;
    this.badge.hidden = count === 0;
    this.badge.textContent = String(count);
    this.setLang(this.lang);
  }

  private applyScale(): void {
    this.root.style.setProperty('--ca-scale', String(this.scale / 100));
    this.root.dataset.scale = String(this.scale);
  }

  private closeConfirm(): void {
    this.confirm.hidden = true;
    this.endButton.focus();
  }

  private onKey(event: KeyboardEvent): void {
    if (event.key === 'Escape') {
      if (!this.confirm.hidden) this.closeConfirm();
      else this.close();
      return;
    }
    if (event.key !== 'Tab' || !this.floating) return;
    const focusable = [...this.panel.querySelectorAll<HTMLElement>('button:not([disabled]),input:not([disabled]),a[href],[tabindex]:not([tabindex="-1"])')].filter(
      (node) => node.getClientRects().length > 0,
    );
    const first = focusable[0];
    const last = focusable.at(-1);
    const active = (this.panel.getRootNode() as ShadowRoot).activeElement;
    if (event.shiftKey && active === first) {
      event.preventDefault();
      last?.focus();
    } else if (!event.shiftKey && active === last) {
      event.preventDefault();
      first?.focus();
    }
  }
}
