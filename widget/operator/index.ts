/**
 * The 1414 operator console (GET /operator, this bundle is /operator.js): log in, then the queue,
 * one's own conversations, the open conversation and the call-back list, live from the event stream.
 * Plain DOM, no framework; texts from locales/{kk,ru}/console.json.
 */
import { Api } from './api';
import { ConsoleApp } from './console';
import { h } from './dom';
import { loadTexts, onLangChange, t } from './i18n';
import type { Me } from './types';
import { LoginView } from './views/login';

const root = document.getElementById('app') ?? document.body;
const api = new Api();
let screen: { relabel(): void } | undefined;

function showLogin(notice?: string): void {
  const view = new LoginView(api, showConsole, notice);
  root.replaceChildren(view.element);
  view.render();
  screen = { relabel: () => view.render() };
}

function showConsole(me: Me): void {
  const app = new ConsoleApp(api, me, showLogin);
  root.replaceChildren(app.element);
  app.start();
  screen = app;
}

onLangChange(() => screen?.relabel());

async function boot(): Promise<void> {
  // The texts and the session's operator are asked for at once.
  const session = api.token ? api.me() : undefined;
  await loadTexts();
  if (session) {
    root.replaceChildren(h('p', { class: 'booting', 'aria-busy': 'true' }, '…'));
    const me = await session;
    if (me.ok) return showConsole(me.data);
    api.setToken(null);
    return showLogin(me.status === 401 ? t('login.expired') : undefined);
  }
  showLogin();
}

void boot();
