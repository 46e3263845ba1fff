import type { Api } from '../api';
import { h } from '../dom';
import { clock } from '../format';
import { t } from '../i18n';
import type { CannedAnswer } from '../types';
import { failure, field, fieldOf, screenHead, table, validate, type Notify } from './admin';
import { confirmDialog, modal } from './dialogs';
import { LoadedListScreen } from './list-screen';

const CODE = /^[a-z0-9_-]{1,32}$/;

/**
 * Canned answers for supervisors and admins: the list, adding and changing one in a dialog, and
 * removing one after a question. `changed` runs after every save so the reply box's picker sees it.
 */
export class CannedAdminView extends LoadedListScreen<CannedAnswer> {
  constructor(
    api: Api,
    notify: Notify,
    private readonly changed: (items: CannedAnswer[]) => void,
  ) {
    super({ titleId: 'canned-admin-title', testId: 'canned-admin', empty: 'canned.empty' }, api, notify);
    this.render();
  }

  protected fetch() {
    return this.api.canned();
  }

  protected override loaded(items: CannedAnswer[]): void {
    this.changed(items);
  }

  protected head() {
    return [
      screenHead(
        'canned-admin-title',
        t('canned.heading'),
        this.refreshButton('canned-refresh'),
        h('button', { type: 'button', class: 'primary', 'data-key': 'canned-add', onclick: () => this.edit() }, t('canned.add')),
      ),
      h('p', { class: 'muted screen-intro' }, t('canned.intro')),
    ];
  }

  protected body(items: CannedAnswer[]) {
    return table(
      t('canned.caption', { n: items.length }),
      [t('canned.code'), t('canned.kk'), t('canned.ru'), t('canned.changed'), t('admin.actions')],
      items.map((item) => this.row(item)),
      { hideCaption: true, testId: 'canned-table', className: 'canned-table' },
    );
  }

  private row(item: CannedAnswer): HTMLTableRowElement {
    return h(
      'tr',
      { 'data-code': item.code },
      h('th', { scope: 'row', class: 'code' }, `/${item.code}`),
      h('td', { lang: 'kk', class: 'long-text' }, item.kk),
      h('td', { lang: 'ru', class: 'long-text' }, item.ru),
      h('td', { class: 'nowrap' }, item.updatedBy, h('br'), h('time', { datetime: item.updatedAt, class: 'muted' }, clock(item.updatedAt))),
      h(
        'td',
        { class: 'row-actions' },
        h('button', { type: 'button', 'data-key': `canned-edit-${item.code}`, 'aria-label': t('canned.edit_named', { code: item.code }), onclick: () => this.edit(item) }, t('admin.edit')),
        h(
          'button',
          { type: 'button', class: 'danger', 'data-key': `canned-delete-${item.code}`, 'aria-label': t('canned.delete_named', { code: item.code }), onclick: () => this.remove(item) },
          t('admin.delete'),
        ),
      ),
    );
  }

  /** Adding (no `item`) or changing an answer; the code of an existing one stays. */
  private edit(item?: CannedAnswer): void {
    const code = field(
      t('canned.code'),
      h('input', { type: 'text', name: 'code', maxlength: 32, autocomplete: 'off', spellcheck: 'false', value: item?.code ?? '', readonly: Boolean(item) }),
      t('canned.code_hint'),
    );
    const kk = field(t('canned.kk'), h('textarea', { name: 'kk', rows: 3, maxlength: 2000, lang: 'kk' }));
    const ru = field(t('canned.ru'), h('textarea', { name: 'ru', rows: 3, maxlength: 2000, lang: 'ru' }));
    kk.control.value = item?.kk ?? '';
    ru.control.value = item?.ru ?? '';
    modal(item ? t('canned.edit_heading', { code: item.code }) : t('canned.add_heading'), [code.element, kk.element, ru.element], t('admin.save'), async () => {
      const value = { code: code.control.value.trim().toLowerCase(), kk: kk.control.value.trim(), ru: ru.control.value.trim() };
      const ok = validate([
        [code, CODE.test(value.code) ? null : t('canned.code_invalid')],
        [kk, value.kk ? null : t('canned.text_required')],
        [ru, value.ru ? null : t('canned.text_required')],
      ]);
      if (!ok) return false;
      if (!item && this.items?.some((a) => a.code === value.code)) {
        code.setError(t('canned.code_taken'));
        code.control.focus();
        return false;
      }
      const result = await this.api.putCanned(value.code, { kk: value.kk, ru: value.ru });
      if (!result.ok) {
        const name = fieldOf(result);
        const wrong = name === 'code' ? code : name === 'kk' ? kk : name === 'ru' ? ru : undefined;
        if (wrong) {
          wrong.setError(name === 'code' ? t('canned.code_invalid') : t('canned.text_required'));
          wrong.control.focus();
        } else this.notify(failure(result), 'error');
        return false;
      }
      this.notify(t('canned.saved', { code: value.code }));
      await this.load();
      return true;
    });
  }

  private remove(item: CannedAnswer): void {
    confirmDialog(t('canned.delete_heading'), t('canned.delete_question', { code: item.code }), t('admin.delete'), async () => {
      const result = await this.api.deleteCanned(item.code);
      if (!result.ok && result.status !== 404) {
        this.notify(failure(result), 'error');
        return false;
      }
      this.notify(t('canned.deleted', { code: item.code }));
      await this.load();
      // The row and its button are gone: once the dialog has closed, the cursor goes to the heading.
      setTimeout(() => this.focusHeading());
      return true;
    });
  }
}
