import { h, uid } from '../dom';
import { t } from '../i18n';

/** The API's limit on a conversation id (api/routes/operator/conversations). */
const MAX_ID = 128;

/**
 * "Conversation number": the operator pastes an id (`web-…`, `tg-…`) and Enter opens it, also a
 * conversation still with the bot, which the operator may then take over. `onFind` answers whether
 * it was found; a miss marks the field invalid and keeps the text for correcting.
 */
export class FindConversationView {
  readonly element: HTMLFormElement;
  private readonly label = h('label', {});
  private readonly input: HTMLInputElement;
  private readonly submit = h('button', { type: 'submit' });
  private readonly hint = h('p', { class: 'hint' });
  private busy = false;

  constructor(private readonly onFind: (id: string) => Promise<boolean>) {
    const inputId = uid('find');
    const hintId = uid('find-hint');
    this.label.setAttribute('for', inputId);
    this.hint.id = hintId;
    this.input = h('input', {
      id: inputId,
      type: 'search',
      class: 'find-input',
      maxlength: MAX_ID + 32,
      autocomplete: 'off',
      spellcheck: 'false',
      'aria-describedby': hintId,
      'data-testid': 'find-conversation',
    });
    this.input.addEventListener('input', () => this.input.removeAttribute('aria-invalid'));
    this.element = h('form', { class: 'find', role: 'search' }, this.label, h('div', { class: 'find-row' }, this.input, this.submit), this.hint);
    this.element.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.find();
    });
    this.render();
  }

  render(): void {
    this.label.textContent = t('find.label');
    this.submit.textContent = t('find.submit');
    this.hint.textContent = t('find.hint');
    this.element.setAttribute('aria-label', t('find.region'));
  }

  private async find(): Promise<void> {
    const id = this.input.value.trim();
    this.input.value = id;
    if (!id || this.busy) return this.input.focus();
    this.busy = true;
    try {
      const found = await this.onFind(id);
      if (found) this.input.value = '';
      else {
        this.input.setAttribute('aria-invalid', 'true');
        this.input.focus();
      }
    } finally {
      this.busy = false;
    }
  }
}
