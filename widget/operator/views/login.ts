import type { Api } from '../api';
import { h, uid } from '../dom';
import { t } from '../i18n';
import type { Me } from '../types';
import { langSwitch } from './lang-switch';

/**
 * The login form. A wrong login or password (401) shows a clear message in the interface language,
 * marks the fields invalid and puts the cursor back in the password field.
 */
export class LoginView {
  readonly element = h('main', { class: 'login-screen' });
  private values = { login: '', password: '' };
  private error: string | undefined;
  private busy = false;

  constructor(
    private readonly api: Api,
    private readonly onLoggedIn: (me: Me) => void,
    notice?: string,
  ) {
    this.error = notice;
  }

  /** Draws the form (call it once the view is on the page: it places the cursor). */
  render(): void {
    const loginId = uid('login');
    const passwordId = uid('password');
    const errorId = uid('login-error');
    const invalid = this.error ? 'true' : undefined;
    const login = h('input', {
      id: loginId,
      name: 'login',
      type: 'text',
      autocomplete: 'username',
      autocapitalize: 'none',
      spellcheck: 'false',
      required: true,
      value: this.values.login,
      'aria-invalid': invalid,
      'aria-describedby': this.error ? errorId : undefined,
    });
    const password = h('input', {
      id: passwordId,
      name: 'password',
      type: 'password',
      autocomplete: 'current-password',
      required: true,
      'aria-invalid': invalid,
      'aria-describedby': this.error ? errorId : undefined,
    });
    password.value = this.values.password;
    const submit = h('button', { type: 'submit', class: 'primary', disabled: this.busy }, this.busy ? t('login.busy') : t('login.submit'));
    const form = h(
      'form',
      { class: 'login-card', novalidate: true },
      h('div', { class: 'login-top' }, h('span', { class: 'brand', 'aria-hidden': 'true' }, '1414'), langSwitch()),
      h('h1', {}, t('login.heading')),
      h('div', { class: 'field' }, h('label', { for: loginId }, t('login.login')), login),
      h('div', { class: 'field' }, h('label', { for: passwordId }, t('login.password')), password),
      h('p', { id: errorId, class: 'form-error', role: 'alert', 'data-testid': 'login-error' }, this.error ?? ''),
      submit,
    );
    const keep = () => {
      this.values = { login: login.value, password: password.value };
    };
    login.addEventListener('input', keep);
    password.addEventListener('input', keep);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      keep();
      void this.submit();
    });
    const focused = document.activeElement instanceof HTMLElement ? document.activeElement.dataset.key : undefined;
    this.element.replaceChildren(form);
    if (focused) form.querySelector<HTMLElement>(`[data-key="${focused}"]`)?.focus();
    else if (this.error && this.values.login) password.focus();
    else (this.values.login ? password : login).focus();
  }

  private async submit(): Promise<void> {
    if (this.busy) return;
    if (!this.values.login.trim() || !this.values.password) {
      this.error = t('login.invalid');
      this.render();
      return;
    }
    this.busy = true;
    this.error = undefined;
    this.render();
    const result = await this.api.login(this.values.login.trim(), this.values.password);
    this.busy = false;
    if (result.ok) {
      this.api.setToken(result.data.token);
      this.values = { login: '', password: '' };
      this.onLoggedIn(result.data.operator);
      return;
    }
    this.error = result.status === 401 || result.status === 400 ? t('login.invalid') : result.status === 429 ? t('login.rate_limited') : t('login.failed');
    this.values.password = '';
    this.render();
  }
}
