import { h, replaceChildren, uid } from '../dom';
import { clock } from '../format';
import { t } from '../i18n';
import type { CannedAnswer, ConversationDetail, Me, Note, TranscriptEntry } from '../types';
import { CannedPicker } from './canned-picker';
import { collectedData } from './collected-data';

export interface PaneActions {
  onTakeover: (id: string) => void;
  onRelease: (id: string) => void;
  onTransfer: (id: string) => void;
  onClose: (id: string) => void;
  /** Sends a reply; true when the server took it (the box is then emptied). */
  onSend: (id: string, text: string) => Promise<boolean>;
  onNote: (id: string, text: string) => Promise<boolean>;
  /** The operator is typing a reply (called at most every TYPING_EVERY_MS): the citizen sees it. */
  onTyping?: (id: string) => void;
}

/** How often typing in the reply box is told to the citizen at most. */
const TYPING_EVERY_MS = 3000;

const FROM = new Set(['citizen', 'bot', 'operator', 'system']);
const entryKey = (e: TranscriptEntry) => `${e.at}\u0000${e.from}\u0000${e.text}`;

/** Who said it: an operator by name ("Оператор Айгерим") where the transcript has it. */
const speaker = (from: string, author: string | undefined): string => (from === 'operator' && author ? t('from.operator_named', { name: author }) : t(`from.${from as 'citizen'}`));

/**
 * The open conversation: channel, language, owner, summary, collected data, the transcript
 * (citizen, bot, operator and system styled apart, new messages appended live), private notes,
 * the reply box with the canned-answer picker, and the moves (take over, hand back, transfer, close).
 * The skeleton is built once per conversation, so refreshing it never disturbs what is being typed.
 */
export class ConversationPane {
  readonly element = h('section', { id: 'conversation', class: 'pane', tabindex: '-1', 'data-testid': 'conversation' });
  private detail: ConversationDetail | undefined;
  private builtFor: string | undefined;
  private seen = new Set<string>();
  private heading!: HTMLHeadingElement;
  private meta!: HTMLElement;
  private actions!: HTMLElement;
  private transcript!: HTMLOListElement;
  private area!: HTMLTextAreaElement;
  private send!: HTMLButtonElement;
  private replyNote!: HTMLElement;
  private side!: HTMLElement;
  private notesList!: HTMLUListElement;
  private noteArea!: HTMLTextAreaElement;
  private picker: CannedPicker | undefined;
  private loadingId: string | undefined;
  private resize: ResizeObserver | undefined;
  private sending: Promise<void> = Promise.resolve();
  /** When typing in the reply box was last told (ms). */
  private typingToldAt = 0;

  constructor(
    private readonly me: Me,
    private readonly act: PaneActions,
    private readonly canned: () => CannedAnswer[],
    private readonly drafts: Map<string, string>,
    private readonly pickerOpened: () => void = () => undefined,
  ) {
    this.clear();
  }

  get openId(): string | undefined {
    return this.builtFor;
  }

  clear(): void {
    this.detail = undefined;
    this.loadingId = undefined;
    this.builtFor = undefined;
    this.element.setAttribute('aria-busy', 'false');
    this.element.replaceChildren(h('p', { class: 'pane-empty' }, t('pane.empty')));
  }

  loading(id: string): void {
    if (this.builtFor === id) return;
    this.detail = undefined;
    this.builtFor = undefined;
    this.loadingId = id;
    this.element.setAttribute('aria-busy', 'true');
    this.element.replaceChildren(h('p', { class: 'pane-empty' }, t('pane.loading')));
  }

  show(detail: ConversationDetail): void {
    this.element.setAttribute('aria-busy', 'false');
    this.loadingId = undefined;
    if (this.builtFor !== detail.id) this.build(detail.id);
    this.detail = detail;
    this.update();
    for (const entry of detail.transcript) this.append(entry);
  }

  /** Builds the skeleton again in the current interface language (what is typed stays). */
  relabel(): void {
    const detail = this.detail;
    if (!detail) {
      if (this.loadingId) this.element.replaceChildren(h('p', { class: 'pane-empty' }, t('pane.loading')));
      else this.clear();
      return;
    }
    const note = this.noteArea.value;
    this.builtFor = undefined;
    this.show(detail);
    this.noteArea.value = note;
  }

  focusHeading(): void {
    this.heading?.focus();
  }

  /** The canned answers changed: an open picker lists them again. */
  cannedChanged(): void {
    if (this.picker?.isOpen) this.picker.refresh();
  }

  focusReply(): void {
    if (this.area && !this.area.disabled) this.area.focus();
  }

  /** A message of this conversation, from the event stream or the transcript; each is shown once. */
  append(entry: TranscriptEntry): void {
    const key = entryKey(entry);
    if (!this.transcript || this.seen.has(key)) return;
    this.seen.add(key);
    const from = FROM.has(entry.from) ? entry.from : 'system';
    const stick = this.atBottom();
    this.transcript.querySelector('.transcript-empty')?.remove();
    const item = h(
      'li',
      { class: `msg msg-${from}`, 'data-from': from, 'data-at': entry.at },
      h('span', { class: 'msg-head' }, h('span', { class: 'msg-from' }, speaker(from, entry.author)), h('time', { datetime: entry.at }, clock(entry.at))),
      h('span', { class: 'msg-text' }, entry.text),
    );
    // In time order, also when a refreshed transcript brings an entry older than one the stream brought.
    const later = [...this.transcript.children].find((li) => ((li as HTMLElement).dataset.at ?? '') > entry.at);
    this.transcript.insertBefore(item, later ?? null);
    if (stick) this.transcript.scrollTop = this.transcript.scrollHeight;
  }

  private atBottom(): boolean {
    return this.transcript.scrollHeight - this.transcript.scrollTop - this.transcript.clientHeight < 80;
  }

  addNote(note: Note): void {
    if (!this.detail) return;
    this.detail = { ...this.detail, notes: [...this.detail.notes, note] };
    this.renderNotes();
  }

  private build(id: string): void {
    this.builtFor = id;
    this.seen = new Set();
    const headingId = uid('pane-title');
    this.heading = h('h2', { id: headingId, class: 'pane-title', tabindex: '-1' });
    this.element.setAttribute('aria-labelledby', headingId);
    this.meta = h('div', { class: 'pane-meta' });
    this.actions = h('div', { class: 'pane-actions', role: 'group', 'aria-label': t('pane.actions') });
    this.transcript = h('ol', { class: 'transcript', role: 'log', 'aria-live': 'polite', 'aria-label': t('pane.transcript'), tabindex: '0', 'data-testid': 'transcript' });
    this.transcript.append(h('li', { class: 'transcript-empty' }, t('pane.empty_transcript')));
    // Read to the end, the transcript stays at its end when the window or the layout changes size.
    const transcript = this.transcript;
    let stuck = true;
    transcript.addEventListener('scroll', () => (stuck = this.atBottom()), { passive: true });
    this.resize?.disconnect();
    this.resize = new ResizeObserver(() => {
      if (stuck) transcript.scrollTop = transcript.scrollHeight;
    });
    this.resize.observe(transcript);

    const areaId = uid('reply');
    const hintId = uid('reply-hint');
    const labelId = uid('reply-label');
    this.area = h('textarea', { id: areaId, class: 'reply-text', rows: 3, maxlength: 2000, 'aria-describedby': hintId, 'data-testid': 'reply' });
    this.area.value = this.drafts.get(id) ?? '';
    this.send = h('button', { type: 'submit', class: 'primary' }, t('reply.send'));
    this.replyNote = h('p', { class: 'reply-note' });
    this.picker = new CannedPicker(this.area, this.canned, () => this.detail?.lang ?? 'ru', this.pickerOpened);
    const form = h(
      'form',
      { class: 'reply' },
      h('label', { id: labelId, for: areaId, class: 'reply-label' }),
      h('div', { class: 'reply-row' }, h('div', { class: 'reply-box' }, this.picker.element, this.area), this.send),
      h('p', { id: hintId, class: 'hint' }, t('reply.hint')),
      this.replyNote,
    );
    this.area.addEventListener('input', () => {
      if (this.area.value) this.drafts.set(id, this.area.value);
      else this.drafts.delete(id);
      const now = Date.now();
      if (this.area.value.trim() && !this.area.disabled && now - this.typingToldAt >= TYPING_EVERY_MS) {
        this.typingToldAt = now;
        this.act.onTyping?.(id);
      }
    });
    this.area.addEventListener('keydown', (event) => {
      if (this.picker?.handleKey(event)) {
        event.preventDefault();
        event.stopPropagation();
        return;
      }
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        form.requestSubmit();
      }
    });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.submitReply(id);
    });

    const noteId = uid('note');
    this.notesList = h('ul', { class: 'notes', 'data-testid': 'notes' });
    this.noteArea = h('textarea', { id: noteId, rows: 2, maxlength: 2000 });
    const noteForm = h('form', { class: 'note-form' }, h('label', { for: noteId }, t('notes.label')), this.noteArea, h('button', { type: 'submit' }, t('notes.add')));
    noteForm.addEventListener('submit', (event) => {
      event.preventDefault();
      const text = this.noteArea.value.trim();
      if (!text) return this.noteArea.focus();
      void this.act.onNote(id, text).then((ok) => {
        if (ok) this.noteArea.value = '';
      });
    });
    this.side = h('div', { class: 'side-info' });

    this.element.replaceChildren(
      h('div', { class: 'pane-head' }, this.heading, this.meta, this.actions),
      h(
        'div',
        { class: 'pane-body' },
        h('div', { class: 'talk' }, this.transcript, form),
        h('aside', { class: 'side', 'aria-label': t('pane.details') }, this.side, h('section', { class: 'side-block' }, h('h3', {}, t('notes.heading')), this.notesList, noteForm)),
      ),
    );
  }

  private update(): void {
    const d = this.detail;
    if (!d) return;
    const mine = d.owner === `operator:${this.me.login}`;
    const open = d.status === 'open';
    const otherOperator = d.operator && !mine ? d.operator : undefined;
    const supervisor = this.me.role !== 'operator';

    this.heading.textContent = d.title ?? t('lists.no_topic');
    const owner = !open ? t('owners.closed') : mine ? t('owners.me') : d.owner === 'queue' ? t('owners.queue') : d.operator ? t('owners.operator', { login: d.operator }) : t('owners.bot');
    replaceChildren(
      this.meta,
      h(
        'dl',
        { class: 'facts' },
        d.number ? h('div', {}, h('dt', {}, t('pane.number')), h('dd', { 'data-testid': 'conversation-number' }, d.number)) : null,
        h('div', {}, h('dt', {}, t('pane.channel')), h('dd', {}, t(`channels.${d.channel}`))),
        h('div', {}, h('dt', {}, t('pane.language')), h('dd', {}, t(`langs.${d.lang}`))),
        h('div', {}, h('dt', {}, t('pane.owner')), h('dd', { class: mine ? 'owner-me' : '' }, owner)),
      ),
      open && otherOperator ? h('p', { class: 'owner-note' }, t('pane.owned_elsewhere', { login: otherOperator })) : null,
    );

    const button = (key: string, label: string, onclick: () => void, kind = '') => h('button', { type: 'button', class: kind, 'data-key': key, onclick }, label);
    const manage = open && d.owner !== 'bot' && (mine || supervisor);
    replaceChildren(
      this.actions,
      open && !mine && !otherOperator ? button('takeover', t('actions.takeover'), () => this.act.onTakeover(d.id), 'primary') : null,
      manage ? button('release', t('actions.release'), () => this.act.onRelease(d.id)) : null,
      manage ? button('transfer', t('actions.transfer'), () => this.act.onTransfer(d.id)) : null,
      manage ? button('close', t('actions.close'), () => this.act.onClose(d.id), 'danger') : null,
    );

    const canWrite = open && mine;
    const label = this.element.querySelector('.reply-label');
    if (label) label.textContent = t('reply.label', { lang: t(`langs.${d.lang}`) });
    this.area.disabled = !canWrite;
    this.send.disabled = !canWrite;
    this.replyNote.textContent = canWrite || !open ? '' : t('reply.take_first');
    if (!canWrite) this.picker?.close();

    replaceChildren(
      this.side,
      h('section', { class: 'side-block' }, h('h3', {}, t('pane.summary')), h('p', { class: 'summary' }, d.summary)),
      d.transferNote ? h('section', { class: 'side-block' }, h('h3', {}, t('pane.transfer_note')), h('p', {}, d.transferNote)) : null,
      h('section', { class: 'side-block' }, h('h3', {}, t('data.heading')), collectedData(d.described)),
    );
    this.renderNotes();
  }

  private renderNotes(): void {
    const notes = this.detail?.notes ?? [];
    replaceChildren(
      this.notesList,
      notes.length === 0
        ? h('li', { class: 'muted' }, t('notes.empty'))
        : notes.map((note) => h('li', { class: 'note' }, h('span', { class: 'note-head' }, `${note.author} · ${clock(note.at)}`), h('span', { class: 'note-text' }, note.text))),
    );
  }

  /**
   * Sends what is in the box and empties it at once, so the operator can type the next message;
   * sends go out one after another, in order. A refused text comes back into the box.
   */
  private submitReply(id: string): void {
    const text = this.area.value.trim();
    if (!text || this.area.disabled) return;
    this.area.value = '';
    this.drafts.delete(id);
    this.picker?.close();
    this.sending = this.sending.then(async () => {
      if (await this.act.onSend(id, text)) return;
      const area = this.builtFor === id ? this.area : undefined;
      const restored = area ? [text, area.value].filter(Boolean).join('\n') : [text, this.drafts.get(id)].filter(Boolean).join('\n');
      if (area) area.value = restored;
      this.drafts.set(id, restored);
    });
  }
}
