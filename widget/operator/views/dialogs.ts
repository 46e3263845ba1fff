import { h, uid } from '../dom';
import { t } from '../i18n';
import { SUPERVISORS_QUEUE, type ColleaguePresence } from '../types';

/**
 * A modal <dialog>: Escape closes it (the browser's cancel), focus starts on its first field and
 * goes back to the button that opened it. `submit` answers whether the dialog may close.
 */
export function modal(heading: string, fields: HTMLElement[], submitLabel: string, submit: () => Promise<boolean>, options: { danger?: boolean; testId?: string } = {}): void {
  const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const headingId = uid('dialog-title');
  const confirm = h('button', { type: 'submit', class: options.danger ? 'primary danger' : 'primary' }, submitLabel);
  const cancel = h('button', { type: 'button', class: 'quiet' }, t('actions.cancel'));
  const form = h('form', { method: 'dialog' }, h('h2', { id: headingId }, heading), fields, h('div', { class: 'dialog-buttons' }, cancel, confirm));
  const dialog = h('dialog', { class: 'dialog', 'aria-labelledby': headingId, 'data-testid': options.testId }, form);
  cancel.addEventListener('click', () => dialog.close());
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    confirm.disabled = true;
    void submit().then((done) => {
      confirm.disabled = false;
      if (done) dialog.close();
    });
  });
  dialog.addEventListener('close', () => {
    dialog.remove();
    if (opener?.isConnected) opener.focus();
    // The opener was drawn again meanwhile (a table after a save): its successor with the same key.
    else if (opener?.dataset.key) document.querySelector<HTMLElement>(`[data-key="${CSS.escape(opener.dataset.key)}"]`)?.focus();
  });
  document.body.append(dialog);
  dialog.showModal();
  (dialog.querySelector<HTMLElement>('select:enabled, input:enabled:not([readonly]), textarea:enabled') ?? (options.danger ? cancel : confirm)).focus();
}

/** A yes/no question before something that cannot be undone; the safe answer has the focus. */
export function confirmDialog(heading: string, question: string, confirmLabel: string, submit: () => Promise<boolean>): void {
  modal(heading, [h('p', { class: 'dialog-text' }, question)], confirmLabel, submit, { danger: true, testId: 'confirm' });
}

/** Transfer: to a colleague (with their presence) or to the supervisors' queue, with a note for them. */
export function transferDialog(colleagues: ColleaguePresence[], me: string, submit: (to: string, note: string) => Promise<boolean>): void {
  const toId = uid('transfer-to');
  const noteId = uid('transfer-note');
  const order = { online: 0, away: 1, offline: 2 } as const;
  const others = colleagues.filter((c) => c.login !== me).sort((a, b) => order[a.status] - order[b.status] || a.name.localeCompare(b.name));
  const to = h(
    'select',
    { id: toId, name: 'to' },
    h('option', { value: SUPERVISORS_QUEUE }, t('transfer.supervisors')),
    others.map((c) => h('option', { value: c.login }, t('transfer.operator', { name: c.name, login: c.login, status: t(`presence.${c.status}`) }))),
  );
  const note = h('textarea', { id: noteId, name: 'note', rows: 3, maxlength: 1000 });
  modal(
    t('transfer.heading'),
    [h('div', { class: 'field' }, h('label', { for: toId }, t('transfer.to')), to), h('div', { class: 'field' }, h('label', { for: noteId }, t('transfer.note')), note)],
    t('transfer.submit'),
    () => submit(to.value, note.value.trim()),
  );
}

/** Close, with an optional reason. */
export function closeDialog(submit: (reason: string) => Promise<boolean>): void {
  const reasonId = uid('close-reason');
  const reason = h('input', { id: reasonId, name: 'reason', type: 'text', maxlength: 500, autocomplete: 'off' });
  modal(t('close.heading'), [h('div', { class: 'field' }, h('label', { for: reasonId }, t('close.reason')), reason)], t('close.submit'), () => submit(reason.value.trim()));
}
