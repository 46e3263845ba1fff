import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatClient } from '../support/ws-client';
import { startTestServer, type TestServer } from '../support/server';

describe('HTTP basics', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('reports health', async () => {
    const response = await fetch(`${server.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
    expect(await (await fetch(`${server.url}/health/ready`)).json()).toEqual({ status: 'ok', store: 'memory' });
  });

  it('serves the demo page with the widget script', async () => {
    const page = await fetch(`${server.url}/`);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(await page.text()).toContain('<script src="/widget.js"');
    const script = await fetch(`${server.url}/widget.js`);
    expect(script.headers.get('content-type')).toMatch(/javascript/);
    expect(await script.text()).toContain('/ws/chat');
  });

  it('answers unknown routes with the error contract, never a 5xx', async () => {
    const response = await fetch(`${server.url}/api/unknown?iin=900101300007`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: 'not_found', message: 'No route GET /api/unknown' } });
    // Also under /docs, whose pages are served by an instance loaded on first use.
    const underDocs = await fetch(`${server.url}/docs/web-1`);
    expect(underDocs.status).toBe(404);
    expect(await underDocs.json()).toEqual({ error: { code: 'not_found', message: 'No route GET /docs/web-1' } });
  });

  it('publishes OpenAPI at /docs', async () => {
    const spec = await fetch(`${server.url}/docs/json`);
    expect(spec.status).toBe(200);
    const json = (await spec.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(json.openapi).toMatch(/^3\./);
    expect(Object.keys(json.paths)).toContain('/health');
    expect((await fetch(`${server.url}/docs/`)).status).toBe(200);
  });

  it('counts updates and replies in Prometheus metrics', async () => {
    const client = await ChatClient.connect(server.wsUrl);
    await client.exchange({ type: 'hello', lang: 'kk' });
    client.close();
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toMatch(/assistant_updates_in_total\{channel="web"\} [1-9]/);
    expect(metrics).toMatch(/assistant_replies_out_total\{channel="web"\} [1-9]/);
    expect(metrics).toContain('assistant_turn_seconds_bucket');
  });

  it('sets security headers', async () => {
    const response = await fetch(`${server.url}/`);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('rate limits on public routes', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ RATE_LIMIT_PER_MINUTE: '3' });
  });
  afterAll(() => server.close());

  it('answers the request over the limit with 429 in the error contract, and keeps /health open', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await fetch(`${server.url}/api/services`)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await fetch(`${server.url}/api/services`);
    expect(await limited.json()).toEqual({ error: { code: 'rate_limited', message: expect.any(String) } });
    for (let i = 0; i < 5; i++) expect((await fetch(`${server.url}/health`)).status).toBe(200);
  });
});
