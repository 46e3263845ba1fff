import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillParams, type RouteEntry, routeTable } from '../support/route-table';
import { startTestServer, type TestServer } from '../support/server';

const SECRET = 'matrix-secret-of-at-least-32-characters';
const STATUS_TOKEN = 'status-api-token-of-24-chars-or-more';
const METRICS_TOKEN = 'metrics-token-of-24-chars-or-more';
const BOOTSTRAP = [
  'op:op-pass-123:operator',
  'sup:sup-pass-123:supervisor',
  'adm:adm-pass-123:admin',
  'gone:gone-pass-123:operator',
  'out:out-pass-123:operator',
  'pw:pw-pass-1234:operator',
  'boss:boss-pass-123:supervisor',
].join(',');

/** Routes anyone may call: the citizen side, pages, docs, health, and logging in. */
const isPublic = (route: RouteEntry) => !route.url.startsWith('/api/operator/') && !route.url.startsWith('/api/applications') && route.url !== '/metrics';
const PUBLIC_OPERATOR_ROUTES = new Set(['POST /api/operator/login']);
/** Routes an operator (not a supervisor) is refused with 403. */
const SUPERVISORS_ONLY = new Set(['PUT /api/operator/canned/:code', 'DELETE /api/operator/canned/:code', 'GET /api/operator/ratings', 'GET /api/operator/audit', 'GET /api/operator/home-visits/load']);
/** Routes only an admin may call. */
const ADMINS_ONLY = new Set(['GET /api/operator/accounts', 'POST /api/operator/accounts', 'PATCH /api/operator/accounts/:login']);

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
function hs256(payload: object, secret: string): string {
  const head = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(payload)}`;
  return `${head}.${createHmac('sha256', secret).update(head).digest('base64url')}`;
}
const now = () => Math.floor(Date.now() / 1000);

describe('authorisation matrix over the route table', () => {
  let server: TestServer;
  let routes: RouteEntry[];
  const tokens: Record<string, string> = {};

  const login = async (name: string, password: string) => {
    const response = await server.app.inject({ method: 'POST', url: '/api/operator/login', payload: { login: name, password }, remoteAddress: `10.9.0.${Object.keys(tokens).length + 1}` });
    expect(response.statusCode).toBe(200);
    return response.json().token as string;
  };
  const call = (route: RouteEntry, authorization?: string) =>
    server.app.inject({
      method: route.method as 'GET',
      url: fillParams(route.url, (name) => (name === 'login' ? 'op' : `x${name}1`)),
      headers: { ...(authorization ? { authorization } : {}), ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { 'content-type': 'application/json' }) },
      ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { payload: '{}' }),
    });

  beforeAll(async () => {
    server = await startTestServer({ OPERATOR_BOOTSTRAP: BOOTSTRAP, JWT_SECRET: SECRET, STATUS_API_TOKEN: STATUS_TOKEN, METRICS_TOKEN, RATE_LIMIT_PER_MINUTE: '100000' });
    routes = routeTable(server.app).filter((route) => !isPublic(route) && !PUBLIC_OPERATOR_ROUTES.has(`${route.method} ${route.url}`));
    for (const [name, password] of [
      ['op', 'op-pass-123'],
      ['sup', 'sup-pass-123'],
      ['adm', 'adm-pass-123'],
      ['gone', 'gone-pass-123'],
      ['out', 'out-pass-123'],
      ['pw', 'pw-pass-1234'],
      ['boss', 'boss-pass-123'],
    ] as const) {
      tokens[name] = await login(name, password);
    }
    const admin = { authorization: `Bearer ${tokens.adm}` };
    expect((await server.app.inject({ method: 'PATCH', url: '/api/operator/accounts/gone', headers: admin, payload: { disabled: true } })).statusCode).toBe(200);
    expect((await server.app.inject({ method: 'PATCH', url: '/api/operator/accounts/pw', headers: admin, payload: { password: 'a-new-password-1' } })).statusCode).toBe(200);
    expect((await server.app.inject({ method: 'PATCH', url: '/api/operator/accounts/boss', headers: admin, payload: { role: 'operator' } })).statusCode).toBe(200);
    expect((await server.app.inject({ method: 'POST', url: '/api/operator/logout', headers: { authorization: `Bearer ${tokens.out}` } })).statusCode).toBe(204);
  });
  afterAll(() => server?.close());

  it('finds the operator, status and metrics routes in the table', () => {
    const names = routes.map((r) => `${r.method} ${r.url}`);
    expect(names).toEqual(
      expect.arrayContaining([
        'GET /api/operator/conversations/:id',
        'POST /api/operator/logout',
        'GET /api/operator/events',
        'PUT /api/applications/:number',
        'GET /metrics',
        ...ADMINS_ONLY,
        ...SUPERVISORS_ONLY,
      ]),
    );
    expect(routes.length).toBeGreaterThan(35);
  });

  const badCredentials: [string, () => string | undefined][] = [
    ['no token', () => undefined],
    ['a malformed token', () => 'Bearer not.a.token'],
    ['another scheme', () => `Basic ${Buffer.from('adm:adm-pass-123').toString('base64')}`],
    ['a token signed with another secret', () => `Bearer ${hs256({ sub: 'adm', gen: 0, iat: now() }, 'another-secret-of-at-least-32-characters')}`],
    ['an expired token', () => `Bearer ${hs256({ sub: 'adm', gen: 0, iat: now() - 50_000, exp: now() - 3600 }, SECRET)}`],
    ['an alg:none token', () => `Bearer ${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: 'adm', gen: 0, iat: now() })}.`],
    ['a token for an unknown login', () => `Bearer ${hs256({ sub: 'nobody', gen: 0, iat: now() }, SECRET)}`],
    ['a token of a disabled account', () => `Bearer ${tokens.gone}`],
    ['a token after logout', () => `Bearer ${tokens.out}`],
    ['a token from before a password change', () => `Bearer ${tokens.pw}`],
    ['a token from before a role change', () => `Bearer ${tokens.boss}`],
  ];

  it.each(badCredentials)('refuses %s on every protected route with 401 in the error shape', async (_what, credential) => {
    const answers: string[] = [];
    for (const route of routes) {
      const response = await call(route, credential());
      const body = response.json();
      if (response.statusCode !== 401 || typeof body?.error?.code !== 'string' || typeof body?.error?.message !== 'string')
        answers.push(`${route.method} ${route.url} → ${response.statusCode} ${response.body.slice(0, 80)}`);
    }
    expect(answers).toEqual([]);
  });

  it('refuses the wrong role with 403 in the error shape, and lets the right one through', async () => {
    const wrong: string[] = [];
    for (const route of routes.filter((r) => r.url.startsWith('/api/operator/'))) {
      const name = `${route.method} ${route.url}`;
      // The event stream stays open and logout ends the session: both are covered by their own tests.
      if (name === 'GET /api/operator/events' || name === 'POST /api/operator/logout') continue;
      for (const [who, refused] of [
        ['op', SUPERVISORS_ONLY.has(name) || ADMINS_ONLY.has(name)],
        ['sup', ADMINS_ONLY.has(name)],
      ] as const) {
        const response = await call(route, `Bearer ${tokens[who]}`);
        const ok = refused ? response.statusCode === 403 && response.json().error.code === 'forbidden' : response.statusCode !== 401 && response.statusCode !== 403 && response.statusCode < 500;
        if (!ok) wrong.push(`${who} ${name} → ${response.statusCode}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
