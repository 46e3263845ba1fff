import { el, icon } from './dom';
import { text, type Lang } from './texts';

/** The longest message the server takes; a question may ask for less, and then a counter shows how much is left. */
const MESSAGE_LIMIT = 2000;
/** FILE_MAX_BYTES until the server says otherwise in its session frame. */
const DEFAULT_FILE_MAX = 10 * 1024 * 1024;

export interface ComposerActions {
  say(message: string): void;
  /** Uploads and sends the file; resolves with a refusal to show, or nothing when it went. */
  attach(file: File): Promise<string | undefined>;
}

function megabytes(bytes: number, lang: Lang): string {
  return new Intl.NumberFormat(lang === 'kk' ? 'kk-KZ' : 'ru-RU', { maximumFractionDigits: 1 }).format(bytes / (1024 * 1024));
}

/**
 * The text box with its send button, the count against the question's limit, and the attach control:
 * a chosen file is shown (a photo as a picture) with the size limit before anything is uploaded.
 */
export class Composer {
  readonly element = el('div', { class: 'composer' });
  readonly input = el('input', { type: 'text', maxlength: String(MESSAGE_LIMIT), autocomplete: 'off', 'aria-describedby': 'ca-counter', enterkeyhint: 'send' });
  private readonly form = el('form', { class: 'form' });
  private readonly counter = el('p', { class: 'counter', id: 'ca-counter', 'data-testid': 'chat-counter', hidden: '' });
  private readonly send = el('button', { type: 'submit', class: 'primary' });
  private readonly sendText = el('span');
  private readonly attachLabel = el('label', { class: 'attach' });
  private readonly attachText = el('span', { class: 'visually-hidden' });
  private readonly fileInput = el('input', { type: 'file', accept: 'image/jpeg,image/png,application/pdf', class: 'visually-hidden', 'data-testid': 'chat-file', 'aria-describedby': 'ca-file-limit' });
  private readonly limitHint = el('p', { class: 'visually-hidden', id: 'ca-file-limit' });
  private readonly preview = el('div', { class: 'preview', hidden: '', 'data-testid': 'chat-file-preview' });
  private inputLimit: number | undefined;
  private fileMax = DEFAULT_FILE_MAX;
  private lang: Lang = 'kk';
  private previewUrl: string | undefined;

  constructor(private readonly actions: ComposerActions) {
    this.send.append(icon('send'), this.sendText);
    this.attachLabel.append(icon('clip'), this.attachText, this.fileInput);
    this.form.append(this.attachLabel, this.input, this.send);
    this.element.append(this.preview, this.form, this.counter, this.limitHint);
    this.input.addEventListener('input', () => this.showCount());
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      const message = this.input.value.trim();
      if (!message) return;
      this.input.value = '';
      this.showCount();
      this.actions.say(message);
    });
    this.fileInput.addEventListener('change', () => {
      const file = this.fileInput.files?.[0];
      this.fileInput.value = '';
      if (file) this.showFile(file);
    });
  }

  setLang(lang: Lang): void {
    this.lang = lang;
    this.input.placeholder = text(lang, 'placeholder');
    this.input.setAttribute('aria-label', text(lang, 'placeholder'));
    this.sendText.textContent = text(lang, 'send');
    this.attachLabel.title = text(lang, 'attach');
    this.attachText.textContent = text(lang, 'attach');
    this.limitHint.textContent = text(lang, 'attach_limit', { size: megabytes(this.fileMax, lang) });
  }

  setFileMax(bytes: number): void {
    this.fileMax = bytes;
    this.setLang(this.lang);
  }

  /** The question's own limit, or none: then the server's. */
  limitInput(limit: number | undefined): void {
    this.inputLimit = limit;
    this.input.maxLength = limit ?? MESSAGE_LIMIT;
    this.showCount();
  }

  private showCount(): void {
    this.counter.hidden = this.inputLimit === undefined;
    if (this.inputLimit !== undefined) this.counter.textContent = `${this.input.value.length} / ${this.inputLimit}`;
  }

  /** The chosen file with the limit, and send / cancel; a file over the limit is refused here, not uploaded. */
  private showFile(file: File): void {
    this.closePreview();
    const lang = this.lang;
    const tooBig = file.size > this.fileMax;
    const size = `${megabytes(file.size, lang)} / ${megabytes(this.fileMax, lang)} МБ`;
    if (file.type.startsWith('image/') && !tooBig) {
      this.previewUrl = URL.createObjectURL(file);
      this.preview.append(el('img', { src: this.previewUrl, alt: file.name }));
    } else this.preview.append(icon('file'));
    const about = el('div', { class: 'about' });
    about.append(el('p', { class: 'name' }, file.name), el('p', {}, size));
    const note = el('p', { class: tooBig ? 'refusal' : 'limit', role: tooBig ? 'alert' : 'status' }, text(lang, tooBig ? 'attach_too_big' : 'attach_limit', { size: megabytes(this.fileMax, lang) }));
    about.append(note);
    const cancel = el('button', { type: 'button' }, text(lang, 'attach_cancel'));
    cancel.addEventListener('click', () => {
      this.closePreview();
      this.input.focus();
    });
    const buttons = el('div', { class: 'buttons' });
    if (!tooBig) {
      const go = el('button', { type: 'button', class: 'primary' }, text(lang, 'attach_send'));
      go.addEventListener('click', async () => {
        go.disabled = true;
        const refusal = await this.actions.attach(file);
        if (refusal) {
          note.className = 'refusal';
          note.setAttribute('role', 'alert');
          note.textContent = refusal;
          go.disabled = false;
          return;
        }
        this.closePreview();
        this.input.focus();
      });
      buttons.append(go);
    }
    buttons.append(cancel);
    about.append(buttons);
    this.preview.append(about);
    this.preview.hidden = false;
    (buttons.firstElementChild as HTMLElement).focus();
  }

  private closePreview(): void {
    if (this.previewUrl) URL.revokeObjectURL(this.previewUrl);
    this.previewUrl = undefined;
    this.preview.replaceChildren();
    this.preview.hidden = true;
  }
}
