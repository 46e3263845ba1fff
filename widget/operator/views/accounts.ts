import type { Api } from '../api';
import { h } from '../dom';
import { t } from '../i18n';
import type { Account, Me, Role } from '../types';
import { failure, field, fieldOf, screenHead, table, validate, type Notify } from './admin';
import { modal } from './dialogs';
import { LoadedListScreen } from './list-screen';

const ROLES: readonly Role[] = ['operator', 'supervisor', 'admin'];
const LOGIN = /^[A-Za-z0-9._-]{2,64}$/;

/**
 * Accounts for admins: the list, adding one, changing a role, disabling and enabling (accounts are
 * never deleted). An admin cannot disable or demote themselves: the API's 409 says so.
 */
export class AccountsView extends LoadedListScreen<Account> {
  constructor(
    api: Api,
    private readonly me: Me,
    notify: Notify,
  ) {
    super({ titleId: 'accounts-title', testId: 'accounts' }, api, notify);
    this.render();
  }

  protected fetch() {
    return this.api.accounts();
  }

  protected override arrange(items: Account[]): Account[] {
    return items.sort((a, b) => Number(a.disabled) - Number(b.disabled) || a.login.localeCompare(b.login));
  }

  protected head() {
    return screenHead(
      'accounts-title',
      t('accounts.heading'),
      this.refreshButton('accounts-refresh'),
      h('button', { type: 'button', class: 'primary', 'data-key': 'accounts-add', onclick: () => this.add() }, t('accounts.add')),
    );
  }

  protected body(items: Account[]) {
    return table(
      t('accounts.caption', { n: items.length }),
      [t('accounts.login'), t('accounts.name'), t('accounts.role'), t('accounts.state'), t('admin.actions')],
      items.map((item) => this.row(item)),
      { hideCaption: true, testId: 'accounts-table' },
    );
  }

  private row(item: Account): HTMLTableRowElement {
    const self = item.login === this.me.login;
    const role = h(
      'select',
      { 'data-key': `role-${item.login}`, 'aria-label': t('accounts.role_of', { login: item.login }), onchange: () => void this.change(item, { role: role.value as Role }) },
      ROLES.map((r) => h('option', { value: r, selected: r === item.role }, t(`roles.${r}`))),
    );
    return h(
      'tr',
      { 'data-login': item.login, class: item.disabled ? 'row-disabled' : undefined },
      h('th', { scope: 'row', class: 'code' }, item.login, self ? h('span', { class: 'badge badge-self' }, t('accounts.you')) : null),
      h('td', {}, item.name),
      h('td', {}, role),
      h('td', {}, h('span', { class: `badge ${item.disabled ? 'badge-not_reached' : 'badge-reached'}` }, t(item.disabled ? 'accounts.disabled' : 'accounts.active'))),
      h(
        'td',
        { class: 'row-actions' },
        item.disabled
          ? h(
              'button',
              { type: 'button', 'data-key': `toggle-${item.login}`, 'aria-label': t('accounts.enable_named', { login: item.login }), onclick: () => void this.change(item, { disabled: false }) },
              t('accounts.enable'),
            )
          : h(
              'button',
              {
                type: 'button',
                class: 'danger',
                'data-key': `toggle-${item.login}`,
                'aria-label': t('accounts.disable_named', { login: item.login }),
                onclick: () => void this.change(item, { disabled: true }),
              },
              t('accounts.disable'),
            ),
      ),
    );
  }

  private async change(item: Account, change: { role?: Role; disabled?: boolean }): Promise<void> {
    const result = await this.api.updateAccount(item.login, change);
    if (!result.ok) {
      this.notify(failure(result, { 409: 'accounts.self' }), 'error');
      this.render(); // the select shows the role the account still has
      return;
    }
    const done =
      change.role !== undefined
        ? t('accounts.role_changed', { login: item.login, role: t(`roles.${change.role}`) })
        : t(change.disabled ? 'accounts.disabled_done' : 'accounts.enabled_done', { login: item.login });
    this.notify(done);
    await this.load();
  }

  private add(): void {
    const login = field(t('accounts.login'), h('input', { type: 'text', name: 'login', maxlength: 64, autocomplete: 'off', spellcheck: 'false' }), t('accounts.login_hint'));
    const name = field(t('accounts.name'), h('input', { type: 'text', name: 'name', maxlength: 100, autocomplete: 'off' }), t('accounts.name_hint'));
    const role = field(
      t('accounts.role'),
      h(
        'select',
        { name: 'role' },
        ROLES.map((r) => h('option', { value: r, selected: r === 'operator' }, t(`roles.${r}`))),
      ),
    );
    const password = field(t('accounts.password'), h('input', { type: 'password', name: 'password', maxlength: 200, autocomplete: 'new-password' }), t('accounts.password_hint'));
    modal(t('accounts.add_heading'), [login.element, name.element, role.element, password.element], t('accounts.create'), async () => {
      const value = { login: login.control.value.trim(), name: name.control.value.trim(), role: role.control.value as Role, password: password.control.value };
      const ok = validate([
        [login, LOGIN.test(value.login) ? null : t('accounts.login_invalid')],
        [password, value.password.length >= 8 ? null : t('accounts.password_short')],
      ]);
      if (!ok) return false;
      const result = await this.api.createAccount({ login: value.login, role: value.role, password: value.password, ...(value.name ? { name: value.name } : {}) });
      if (!result.ok) {
        const wrong = fieldOf(result);
        if (result.status === 409) {
          login.setError(t('accounts.login_taken'));
          login.control.focus();
        } else if (wrong === 'login' || wrong === 'password' || wrong === 'name') {
          const f = { login, password, name }[wrong];
          f.setError(t(wrong === 'login' ? 'accounts.login_invalid' : wrong === 'password' ? 'accounts.password_short' : 'accounts.name_invalid'));
          f.control.focus();
        } else this.notify(failure(result), 'error');
        return false;
      }
      this.notify(t('accounts.created', { login: result.data.login }));
      await this.load();
      return true;
    });
  }
}
