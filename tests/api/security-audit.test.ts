import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Audit } from '../../api/operator/audit';
import { Callbacks } from '../../bot/callbacks';
import { createMemoryStore } from '../../store/memory';
import { routeTable } from '../support/route-table';
import { startTestServer, type TestServer } from '../support/server';
import { ChatClient } from '../support/ws-client';

const STATUS_TOKEN = 'provider-status-token-0123456789';
const BOOTSTRAP = 'aigerim:aigerim-pass-1:operator,sveta:sveta-pass-1:supervisor';

describe('the operator audit log', () => {
  let server: TestServer;
  const headers: Record<string, { authorization: string }> = {};
  const auditOf = async (limit = 1000) => {
    const response = await server.app.inject({ method: 'GET', url: `/api/operator/audit?limit=${limit}`, headers: headers.sveta });
    expect(response.statusCode).toBe(200);
    return response.json() as { actor: string; action: string; target?: string; details?: Record<string, unknown> }[];
  };

  beforeAll(async () => {
    server = await startTestServer({ OPERATOR_BOOTSTRAP: BOOTSTRAP, STATUS_API_TOKEN: STATUS_TOKEN, RATE_LIMIT_PER_MINUTE: '1000000', CONTACT_CENTRE_HOURS: 'always' });
    for (const [login, password] of [
      ['aigerim', 'aigerim-pass-1'],
      ['sveta', 'sveta-pass-1'],
    ]) {
      const response = await server.app.inject({ method: 'POST', url: '/api/operator/login', payload: { login, password } });
      headers[login!] = { authorization: `Bearer ${response.json().token}` };
    }
  });
  afterAll(() => server?.close());

  it('survives 10 000 presence calls: only real changes are recorded, and older entries are still there', async () => {
    const marker = await server.app.inject({ method: 'PUT', url: '/api/operator/canned/docs', headers: headers.sveta, payload: { kk: 'Құжаттар', ru: 'Документы' } });
    expect(marker.statusCode).toBe(200);
    const started = Date.now();
    for (let i = 0; i < 10_000; i++) {
      // A console repeating its status, with a real change to away and back every thousand calls.
      const status = i % 1000 === 500 ? 'away' : 'online';
      const response = await server.app.inject({ method: 'POST', url: '/api/operator/presence', headers: headers.aigerim, payload: { status } });
      if (response.statusCode !== 200) throw new Error(`presence call ${i} answered ${response.statusCode}`);
    }
    const entries = await auditOf();
    const changes = entries.filter((e) => e.action === 'presence.set' && e.actor === 'aigerim');
    // Online at login, then ten times away and back.
    expect(changes).toHaveLength(21);
    expect(entries.find((e) => e.action === 'canned.put' && e.target === 'docs')).toBeDefined();
    expect(entries.filter((e) => e.action === 'session.login').map((e) => e.actor)).toEqual(['sveta', 'aigerim']);
    console.info(`10 000 presence calls in ${Date.now() - started} ms`);
  }, 120_000);

  it("records every read of a citizen's data: a conversation, an application, a desk record", async () => {
    const client = await ChatClient.connect(server.wsUrl);
    const hello = await client.exchange({ type: 'hello', lang: 'ru' });
    const conversationId = hello.find((f) => f.type === 'session')!.conversationId as string;
    client.close();
    expect((await server.app.inject({ method: 'GET', url: `/api/operator/conversations/${conversationId}`, headers: headers.aigerim })).statusCode).toBe(200);

    const put = await server.app.inject({
      method: 'PUT',
      url: '/api/applications/KZ-AUDIT-1',
      headers: { authorization: `Bearer ${STATUS_TOKEN}` },
      payload: { iin: '850520400003', serviceId: 'duplicate-school', status: 'accepted', submittedAt: '2025-01-10T10:00:00+05:00', channel: 'state_corporation' },
    });
    expect(put.statusCode).toBe(201);
    expect((await server.app.inject({ method: 'GET', url: '/api/operator/applications/KZ-AUDIT-1', headers: headers.aigerim })).statusCode).toBe(200);
    // Asking for what is not there reads nobody's data.
    expect((await server.app.inject({ method: 'GET', url: '/api/operator/applications/KZ-NONE-1', headers: headers.aigerim })).statusCode).toBe(404);

    const callbacks = new Callbacks(server.store);
    await callbacks.effect({ type: 'callback.request', phone: '+77012345678', topic: null }, { conversation: { id: conversationId, lang: 'ru' } as never, idempotencyKey: 'audit-turn-1' });
    const callback = (await callbacks.list()).items[0]!;
    expect((await server.app.inject({ method: 'GET', url: `/api/operator/callbacks/${callback.id}`, headers: headers.aigerim })).statusCode).toBe(200);

    const reads = (await auditOf(20)).filter((e) => e.action.endsWith('.read')).map((e) => [e.actor, e.action, e.target]);
    expect(reads).toEqual([
      ['aigerim', 'callback.read', callback.id],
      ['aigerim', 'application.read', 'KZ-AUDIT-1'],
      ['aigerim', 'conversation.read', conversationId],
    ]);
    // The log names what was read, never what it holds.
    const everything = JSON.stringify(await auditOf());
    expect(everything).not.toContain('850520400003');
    expect(everything).not.toContain('+77012345678');
  });

  it('is append-only through the API: it can only be read', () => {
    const routes = routeTable(server.app).filter((r) => r.url.startsWith('/api/operator/audit'));
    expect(routes).toEqual([{ method: 'GET', url: '/api/operator/audit' }]);
  });
});

describe('audit retention', () => {
  it('keeps entries for the retention days and drops older days whole, however many entries came since', async () => {
    const store = createMemoryStore();
    let now = new Date('2025-01-01T10:00:00Z');
    const audit = new Audit(store, { retentionDays: 365, now: () => now });
    await audit.record('sveta', 'account.create', 'dana');
    now = new Date('2025-06-01T10:00:00Z');
    await audit.record('sveta', 'account.update', 'dana');
    for (let i = 0; i < 1000; i++) await audit.record('dana', 'conversation.read', `web-${i}`);
    expect((await audit.list(5000)).map((e) => e.action).slice(-2)).toEqual(['account.update', 'account.create']);

    now = new Date('2026-01-02T10:00:00Z');
    await audit.record('sveta', 'account.disable', 'dana');
    const kept = await audit.list(5000);
    expect(kept.map((e) => e.action)).not.toContain('account.create');
    expect(kept.at(-1)!.action).toBe('account.update');
    expect(kept[0]!.action).toBe('account.disable');
    // Another instance's handle on the same store sees the same, newest first.
    expect((await new Audit(store, { retentionDays: 365, now: () => now }).list(2)).map((e) => e.action)).toEqual(['account.disable', 'conversation.read']);
  });

  it('cannot be rolled out by volume: 100 000 entries after it, the first entry of the day is still there', async () => {
    const store = createMemoryStore();
    const audit = new Audit(store, { retentionDays: 365, now: () => new Date('2026-11-30T09:00:00Z') });
    await audit.record('sveta', 'account.disable', 'dana');
    for (let i = 0; i < 100_000; i++) await audit.record('aigerim', 'presence.set', 'aigerim', { status: i % 2 ? 'online' : 'away' });
    const all = await audit.list(100_001);
    expect(all).toHaveLength(100_001);
    expect(all.at(-1)).toMatchObject({ actor: 'sveta', action: 'account.disable', target: 'dana' });
  }, 60_000);

  it('still shows the entries written before the log was kept by day, until they age out', async () => {
    const store = createMemoryStore();
    const before = store.log<{ at: string; actor: string; action: string }>('audit', 100_000);
    await before.append('all', { at: '2025-03-01T10:00:00.000Z', actor: 'sveta', action: 'account.create' });
    let now = new Date('2025-06-01T10:00:00Z');
    const audit = new Audit(store, { retentionDays: 365, now: () => now });
    await audit.record('sveta', 'account.update', 'dana');
    expect((await audit.list(10)).map((e) => e.action)).toEqual(['account.update', 'account.create']);
    now = new Date('2026-05-01T10:00:00Z');
    expect((await audit.list(10)).map((e) => e.action)).toEqual(['account.update']);
    await audit.record('sveta', 'account.disable', 'dana');
    expect(await before.list('all')).toEqual([]);
  });
});
