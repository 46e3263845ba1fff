import { execFileSync } from 'node:child_process';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../config';
import { startRedisServer, type RedisServer } from '../support/redis-server';
import { startTestServer, type TestServer } from '../support/server';
import { ChatClient } from '../support/ws-client';

const METRICS_TOKEN = 'metrics-token-of-24-chars-or-more';

/** Sends raw bytes and reads the whole answer: for requests fetch would not send as they are. */
function rawRequest(url: string, request: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(request));
    let data = '';
    socket.on('data', (chunk) => {
      data += chunk.toString();
    });
    socket.on('error', reject);
    socket.on('close', () => resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(data)?.[1] ?? 0), body: data.slice(data.indexOf('\r\n\r\n') + 4) }));
  });
}

const inErrorShape = (body: string) => {
  const parsed = JSON.parse(body) as { error?: { code?: unknown; message?: unknown } };
  return typeof parsed.error?.code === 'string' && typeof parsed.error.message === 'string';
};

describe('HTTP answers of the server itself, in the error shape', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ METRICS_TOKEN });
  });
  afterAll(() => server?.close());

  it('answers an unknown route 404, a bad URL 400, a URL too long 414, headers too large 431', async () => {
    const cases: [string, Promise<{ status: number; body: string }>, number, string][] = [
      ['unknown route', fetch(`${server.url}/nowhere`).then(async (r) => ({ status: r.status, body: await r.text() })), 404, 'not_found'],
      ['bad % escape', rawRequest(server.url, 'GET /api/services/%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'), 400, 'bad_url'],
      ['URL too long', rawRequest(server.url, `GET /${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`), 414, 'uri_too_long'],
      ['headers too large', rawRequest(server.url, `GET /health HTTP/1.1\r\nHost: x\r\nX-Big: ${'b'.repeat(20_000)}\r\nConnection: close\r\n\r\n`), 431, 'headers_too_large'],
      ['not HTTP', rawRequest(server.url, 'HELLO THERE\r\n\r\n'), 400, 'bad_request'],
      ['path parameter too long', fetch(`${server.url}/api/services/${'s'.repeat(200)}`).then(async (r) => ({ status: r.status, body: await r.text() })), 414, 'uri_too_long'],
    ];
    for (const [what, answer, status, code] of cases) {
      const { status: got, body } = await answer;
      expect({ what, status: got, code: inErrorShape(body) ? JSON.parse(body).error.code : body.slice(0, 80) }).toEqual({ what, status, code });
    }
  });

  it('answers a plain GET of the widget socket 426 in the error shape, and still opens it as a WebSocket', async () => {
    const response = await fetch(`${server.url}/ws/chat`);
    expect(response.status).toBe(426);
    expect(await response.json()).toEqual({ error: { code: 'upgrade_required', message: '/ws/chat opens a WebSocket: send Upgrade: websocket' } });
    const client = await ChatClient.connect(server.wsUrl);
    expect((await client.exchange({ type: 'hello', lang: 'ru' })).some((f) => f.type === 'session')).toBe(true);
    client.close();
  });

  it('serves /metrics only with METRICS_TOKEN', async () => {
    expect((await fetch(`${server.url}/metrics`)).status).toBe(401);
    const wrong = await fetch(`${server.url}/metrics`, { headers: { authorization: 'Bearer not-the-metrics-token-at-all' } });
    expect(wrong.status).toBe(401);
    expect(inErrorShape(await wrong.text())).toBe(true);
    expect((await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}x` } })).status).toBe(401);
    const right = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(right.status).toBe(200);
    expect(await right.text()).toContain('# HELP');
    // The scheme's name is not case-sensitive (RFC 6750).
    expect((await fetch(`${server.url}/metrics`, { headers: { authorization: `bearer ${METRICS_TOKEN}` } })).status).toBe(200);
  });
});

describe('/metrics without METRICS_TOKEN', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ TRUST_PROXY: '127.0.0.1' });
  });
  afterAll(() => server?.close());

  it('is served on this machine, not through a proxy nor to another address', async () => {
    expect((await fetch(`${server.url}/metrics`)).status).toBe(200);
    expect((await fetch(`${server.url}/metrics`, { headers: { 'x-forwarded-for': '198.51.100.1' } })).status).toBe(401);
    expect((await server.app.inject({ method: 'GET', url: '/metrics', remoteAddress: '198.51.100.1' })).statusCode).toBe(401);
  });
});

describe('readiness while the store is down', () => {
  let redis: RedisServer;
  let server: TestServer;
  beforeAll(async () => {
    redis = await startRedisServer();
    server = await startTestServer({ REDIS_URL: redis.url, JWT_SECRET: 'r'.repeat(40) });
  });
  afterAll(async () => {
    await server?.close().catch(() => undefined);
  });

  const readyWithin = async (ms: number) => {
    const started = Date.now();
    const response = await fetch(`${server.url}/health/ready`);
    const took = Date.now() - started;
    expect({ status: response.status, body: await response.json() }).toEqual({ status: 503, body: { status: 'unavailable', store: 'redis' } });
    expect(took).toBeLessThan(ms);
  };

  it('answers 503 within a second while Redis hangs, and 200 while it answers', async () => {
    expect((await fetch(`${server.url}/health/ready`)).status).toBe(200);
    // Redis holds every command for 3 s, as a stalled server or a broken network would.
    execFileSync('redis-cli', ['-p', String(redis.port), 'CLIENT', 'PAUSE', '3000', 'ALL']);
    await readyWithin(1000);
    await expect.poll(async () => (await fetch(`${server.url}/health/ready`)).status, { timeout: 5000, interval: 200 }).toBe(200);
  });

  it('answers 503 within a second once Redis is gone', async () => {
    await redis.stop();
    for (let i = 0; i < 3; i++) await readyWithin(1000);
    // Liveness does not depend on the store.
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
  });
});

describe('configuration of a deployment', () => {
  it('requires JWT_SECRET with REDIS_URL, naming the variable', () => {
    expect(() => loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379' })).toThrow(ConfigError);
    expect(() => loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379' })).toThrow(/JWT_SECRET: is required when REDIS_URL is set/);
    expect(loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379', JWT_SECRET: 'j'.repeat(32) }).JWT_SECRET).toHaveLength(32);
    expect(loadConfig({}).JWT_SECRET).toBeUndefined();
  });

  it('reads TRUST_PROXY as a hop count or addresses and CIDRs, off when unset', () => {
    expect(loadConfig({}).TRUST_PROXY).toBeUndefined();
    expect(loadConfig({ TRUST_PROXY: '1' }).TRUST_PROXY).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.1, 10.1.0.0/16, ::1' }).TRUST_PROXY).toEqual(['10.0.0.1', '10.1.0.0/16', '::1']);
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY: must be a hop count/);
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.1/x' })).toThrow(/TRUST_PROXY/);
  });

  it('keeps the audit log 365 days unless told', () => {
    expect(loadConfig({}).AUDIT_RETENTION_DAYS).toBe(365);
    expect(loadConfig({ AUDIT_RETENTION_DAYS: '90' }).AUDIT_RETENTION_DAYS).toBe(90);
    expect(() => loadConfig({ AUDIT_RETENTION_DAYS: '0' })).toThrow(/AUDIT_RETENTION_DAYS/);
  });
});
