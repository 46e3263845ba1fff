import type { ApiResult } from '../api';
import { h, uid, type Child } from '../dom';
import { t, type TextKey } from '../i18n';
import type { NoticeKind } from '../notices';

/** Shows a line in the console's notices. */
export type Notify = (text: string, kind?: NoticeKind) => void;

/** The head of a supervisor's screen: its heading (focusable, for moving there, and keeping focus when the screen is drawn again) and buttons. */
export function screenHead(titleId: string, title: string, ...buttons: Child[]): HTMLElement {
  return h('div', { class: 'screen-head' }, h('h2', { id: titleId, tabindex: '-1', 'data-key': titleId }, title), h('div', { class: 'screen-tools' }, buttons));
}

/** A table with a caption (read out by screen readers, hidden when `hideCaption`) and column headers. */
export function table(caption: string, columns: string[], rows: HTMLTableRowElement[], options: { hideCaption?: boolean; testId?: string; className?: string } = {}): HTMLTableElement {
  return h(
    'table',
    { class: `data-table ${options.className ?? ''}`.trim(), 'data-testid': options.testId },
    h('caption', { class: options.hideCaption ? 'sr-only' : undefined }, caption),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        columns.map((column) => h('th', { scope: 'col' }, column)),
      ),
    ),
    h('tbody', {}, rows),
  );
}

/** A labelled field of a dialog's form, with an optional hint and a place for its error. */
export interface Field<E extends HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement> {
  element: HTMLElement;
  control: E;
  setError(text: string | null): void;
}

export function field<E extends HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(label: string, control: E, hint?: string): Field<E> {
  const id = uid('field');
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = `${id}-error`;
  control.id = id;
  control.setAttribute('aria-describedby', [hintId, errorId].filter(Boolean).join(' '));
  const error = h('p', { id: errorId, class: 'field-error' });
  const setError = (text: string | null) => {
    error.textContent = text ?? '';
    if (text) control.setAttribute('aria-invalid', 'true');
    else control.removeAttribute('aria-invalid');
  };
  // A corrected field no longer says it is wrong.
  control.addEventListener('input', () => setError(null));
  return {
    element: h('div', { class: 'field' }, h('label', { for: id }, label), control, hint ? h('p', { id: hintId, class: 'hint' }, hint) : null, error),
    control,
    setError,
  };
}

/**
 * Validates fields in order; shows each field's error (or clears it) and puts the cursor in the
 * first wrong one. True when all are right.
 */
export function validate(checks: [Field<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>, string | null][]): boolean {
  let first: HTMLElement | undefined;
  for (const [f, error] of checks) {
    f.setError(error);
    if (error && !first) first = f.control;
  }
  first?.focus();
  return !first;
}

/**
 * The field a 400 of the API names: its messages start with where the problem is, e.g.
 * `params/code: use 1–32 of a–z 0–9 _ -` or `body/password: must be at least 8 characters`.
 */
export function fieldOf(result: ApiResult<unknown>): string | undefined {
  if (result.ok || result.status !== 400) return undefined;
  return /^(?:params|body)\/(\w+)/.exec(result.message)?.[1];
}

/** A refusal the screen has no words of its own for. */
export function failure(result: ApiResult<unknown>, known: Record<string, TextKey> = {}): string {
  if (result.ok) return '';
  const key = known[result.code] ?? known[String(result.status)];
  if (key) return t(key);
  if (result.status === 0) return t('notices.network');
  if (result.status === 403) return t('admin.forbidden');
  return t('notices.failed', { message: result.message });
}
