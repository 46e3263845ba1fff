import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillParams, type RouteEntry, routeTable } from '../support/route-table';
import { startTestServer, type TestServer } from '../support/server';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;
/** Routes a valid session would keep open (the event stream) or end (logout): called without one. */
const NOT_WITH_A_SESSION = new Set(['/api/operator/events', '/api/operator/logout']);

/** A path segment as an attacker types it: words, numbers, unicode, escapes (broken ones too), dots. */
const segment = fc.oneof(
  fc.constantFrom('1', 'x', 'web-1', 'KZ-2025-001', '..', '%2e%2e', '%00', '%zz', '%', '%E0%A4%A', 'a'.repeat(300), '__proto__', 'constructor', "'; DROP TABLE--", '<script>'),
  fc.string({ maxLength: 20 }).map(encodeURIComponent),
  fc.string({ unit: 'grapheme', maxLength: 12 }).map(encodeURIComponent),
);

const query = fc.oneof(
  fc.constant(''),
  fc
    .dictionary(
      fc.constantFrom('limit', 'offset', 'lang', 'owner', 'status', 'queue', 'date', 'region', 'format', 'iin', '__proto__', 'x'),
      fc.oneof(fc.string({ maxLength: 10 }), fc.integer().map(String), fc.constantFrom('-1', '1e999', 'NaN', 'kk', 'ru', 'me', 'any', 'pdf')),
    )
    .map((q) => (Object.keys(q).length ? `?${new URLSearchParams(q).toString()}` : '')),
  fc.string({ maxLength: 30 }).map((raw) => `?${raw}`),
);

const body = fc.oneof(
  fc.constant(undefined),
  fc.json({ maxDepth: 3 }),
  fc.string({ maxLength: 200 }),
  fc.constantFrom('{', '{"__proto__":{"admin":true}}', '[]', 'null', '{"status":"online"}', '{"login":"a","password":"b"}', '{"text":""}', '\u0000'),
);

const contentType = fc.constantFrom(
  undefined,
  'application/json',
  'text/plain',
  'multipart/form-data; boundary=x',
  'application/x-www-form-urlencoded',
  'application/json; charset=utf-16',
  'image/png',
  '*/*',
);

describe('every route under random requests', () => {
  let server: TestServer;
  let routes: RouteEntry[];
  let session: string;
  beforeAll(async () => {
    server = await startTestServer({ OPERATOR_BOOTSTRAP: 'sveta:sveta-pass-1:supervisor', RATE_LIMIT_PER_MINUTE: '1000000', STATUS_API_TOKEN: 'provider-status-token-0123456789' });
    routes = routeTable(server.app);
    const login = await server.app.inject({ method: 'POST', url: '/api/operator/login', payload: { login: 'sveta', password: 'sveta-pass-1' } });
    session = `Bearer ${login.json().token}`;
  });
  afterAll(() => server?.close());

  it('never answers 5xx, and answers every 4xx in the error shape', async () => {
    const started = Date.now();
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          route: fc.integer({ min: 0, max: 10_000 }),
          // Mostly the route's own method, so requests reach the handlers.
          method: fc.oneof({ arbitrary: fc.constant(undefined), weight: 4 }, { arbitrary: fc.constantFrom(...METHODS), weight: 1 }),
          params: fc.array(segment, { minLength: 4, maxLength: 4 }),
          extra: fc.oneof({ arbitrary: fc.constant(''), weight: 4 }, { arbitrary: segment.map((s) => `/${s}`), weight: 1 }),
          query,
          body,
          contentType,
          auth: fc.constantFrom('none', 'session', 'session', 'garbage'),
          header: fc.option(fc.tuple(fc.constantFrom('accept', 'accept-language', 'x-forwarded-for', 'origin', 'idempotency-key', 'cookie'), fc.string({ maxLength: 40 }))),
        }),
        async (input) => {
          const route = routes[input.route % routes.length]!;
          const method = input.method ?? route.method;
          let n = 0;
          const url = fillParams(route.url, () => input.params[n++ % 4]!) + input.extra + input.query;
          const withSession = input.auth === 'session' && !NOT_WITH_A_SESSION.has(route.url);
          const headers: Record<string, string> = {};
          if (input.contentType) headers['content-type'] = input.contentType;
          if (withSession) headers.authorization = session;
          if (input.auth === 'garbage') headers.authorization = 'Bearer eyJhbGciOiJub25lIn0.e30.';
          if (input.header) headers[input.header[0]] = input.header[1].replace(/[^\t\x20-\x7e]/g, '');
          const payload = input.body === undefined || method === 'GET' || method === 'HEAD' ? undefined : typeof input.body === 'string' ? input.body : JSON.stringify(input.body);
          const response = await server.app.inject({ method, url, headers, ...(payload !== undefined ? { payload } : {}) });
          statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
          const what = `${method} ${url} (${input.auth}) → ${response.statusCode} ${response.body.slice(0, 120)}`;
          if (response.statusCode >= 500) failures.push(what);
          else if (response.statusCode >= 400 && method !== 'HEAD') {
            let shaped = false;
            try {
              const parsed = JSON.parse(response.body) as { error?: { code?: unknown; message?: unknown } };
              shaped = typeof parsed.error?.code === 'string' && typeof parsed.error.message === 'string';
            } catch {}
            if (!shaped) failures.push(what);
          }
          return failures.length === 0;
        },
      ),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 400), seed: Number(process.env.FUZZ_SEED ?? Date.now() % 100_000), endOnFailure: true },
    );
    expect(failures).toEqual([]);
    console.info(`random requests in ${Date.now() - started} ms, by status: ${JSON.stringify(Object.fromEntries(statuses))}`);
  }, 60_000);
});
