import type { Lang } from './i18n';
import type { Account, AuditEntry, Callback, CannedAnswer, ColleaguePresence, ConversationDetail, ConversationView, Me, Note, PresenceStatus, Rating, Role } from './types';

/**
 * An answer: the body on success (with `total` from x-total-count on lists), the API's error code
 * and message otherwise (status 0: no connection).
 */
export type ApiResult<T> = { ok: true; status: number; data: T; total?: number } | { ok: false; status: number; code: string; message: string };

export type Move = 'takeover' | 'release' | 'transfer' | 'close';

const TOKEN_KEY = 'operator-console-token';

/**
 * The operator API over fetch with the bearer token. The token lives in sessionStorage: it survives
 * a reload of the tab but not closing it, and other tabs log in on their own.
 */
export class Api {
  /** Called when the server no longer accepts the token (expired, account disabled). */
  onUnauthorized: (() => void) | undefined;

  get token(): string | null {
    try {
      return sessionStorage.getItem(TOKEN_KEY);
    } catch {
      return null;
    }
  }

  setToken(token: string | null): void {
    try {
      if (token) sessionStorage.setItem(TOKEN_KEY, token);
      else sessionStorage.removeItem(TOKEN_KEY);
    } catch {
      // storage refused: the session lasts until the page closes
    }
  }

  async call<T>(method: string, path: string, body?: unknown): Promise<ApiResult<T>> {
    const token = this.token;
    const headers: Record<string, string> = {};
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(path, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    } catch (error) {
      return { ok: false, status: 0, code: 'network', message: String(error) };
    }
    const text = await response.text().catch(() => '');
    let parsed: unknown = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = null;
    }
    if (response.ok) {
      const total = Number(response.headers.get('x-total-count') ?? Number.NaN);
      return { ok: true, status: response.status, data: parsed as T, ...(Number.isFinite(total) ? { total } : {}) };
    }
    const error = (parsed as { error?: { code?: string; message?: string } } | null)?.error;
    if (response.status === 401 && token && !path.endsWith('/login')) this.onUnauthorized?.();
    return { ok: false, status: response.status, code: error?.code ?? `http_${response.status}`, message: error?.message ?? response.statusText };
  }

  /** A file the API sends (a route list): its content and the name it gives in Content-Disposition. */
  async file(path: string): Promise<ApiResult<{ blob: Blob; name: string }>> {
    const token = this.token;
    let response: Response;
    try {
      response = await fetch(path, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    } catch (error) {
      return { ok: false, status: 0, code: 'network', message: String(error) };
    }
    if (!response.ok) {
      const error = ((await response.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null)?.error;
      if (response.status === 401 && token) this.onUnauthorized?.();
      return { ok: false, status: response.status, code: error?.code ?? `http_${response.status}`, message: error?.message ?? response.statusText };
    }
    const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? path.split('/').at(-1)!.split('?')[0]!;
    return { ok: true, status: response.status, data: { blob: await response.blob(), name } };
  }

  login(login: string, password: string) {
    return this.call<{ token: string; operator: Me }>('POST', '/api/operator/login', { login, password });
  }

  me() {
    return this.call<Me>('GET', '/api/operator/me');
  }

  /** Ends the session on the server (every session of the account) and sets the operator offline. */
  logout() {
    return this.call<null>('POST', '/api/operator/logout');
  }

  setPresence(status: PresenceStatus) {
    return this.call<{ login: string; status: PresenceStatus }>('POST', '/api/operator/presence', { status });
  }

  colleagues() {
    return this.call<ColleaguePresence[]>('GET', '/api/operator/presence');
  }

  conversations(owner: 'queue' | 'me', lang: Lang) {
    return this.call<ConversationView[]>('GET', `/api/operator/conversations?owner=${owner}&lang=${lang}`);
  }

  conversation(id: string, lang: Lang) {
    return this.call<ConversationDetail>('GET', `/api/operator/conversations/${encodeURIComponent(id)}?lang=${lang}`);
  }

  move(id: string, move: Move, lang: Lang, body: Record<string, string> = {}) {
    return this.call<ConversationView>('POST', `/api/operator/conversations/${encodeURIComponent(id)}/${move}?lang=${lang}`, body);
  }

  send(id: string, text: string, lang: Lang) {
    return this.call<ConversationView>('POST', `/api/operator/conversations/${encodeURIComponent(id)}/messages?lang=${lang}`, { text });
  }

  /** The operator is writing a reply: the citizen's widget shows it (the server answers 204). */
  typing(id: string) {
    return this.call<null>('POST', `/api/operator/conversations/${encodeURIComponent(id)}/typing`);
  }

  addNote(id: string, text: string) {
    return this.call<Note>('POST', `/api/operator/conversations/${encodeURIComponent(id)}/notes`, { text });
  }

  canned() {
    return this.call<CannedAnswer[]>('GET', '/api/operator/canned');
  }

  /** The call-backs waiting: the count is in `total` (one item is fetched). */
  /** Whether the contact centre is open now, and its hours in words. */
  centre(lang: Lang) {
    return this.call<{ open: boolean; hours: string }>('GET', `/api/operator/centre?lang=${lang}`);
  }

  pendingCallbacks() {
    return this.call<Callback[]>('GET', '/api/operator/callbacks?status=pending&limit=1');
  }

  // Supervisors and admins

  putCanned(code: string, texts: { kk: string; ru: string }) {
    return this.call<CannedAnswer>('PUT', `/api/operator/canned/${encodeURIComponent(code)}`, texts);
  }

  deleteCanned(code: string) {
    return this.call<null>('DELETE', `/api/operator/canned/${encodeURIComponent(code)}`);
  }

  ratings(limit = 100) {
    return this.call<Rating[]>('GET', `/api/operator/ratings?limit=${limit}`);
  }

  audit(limit = 100) {
    return this.call<AuditEntry[]>('GET', `/api/operator/audit?limit=${limit}`);
  }

  accounts() {
    return this.call<Account[]>('GET', '/api/operator/accounts');
  }

  createAccount(account: { login: string; name?: string; role: Role; password: string }) {
    return this.call<Account>('POST', '/api/operator/accounts', account);
  }

  updateAccount(login: string, change: { role?: Role; disabled?: boolean; name?: string; password?: string }) {
    return this.call<Account>('PATCH', `/api/operator/accounts/${encodeURIComponent(login)}`, change);
  }
}
