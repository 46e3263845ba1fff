import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Applications } from '../../bot/applications';
import { renderNotifyText } from '../../bot/notify';
import type { Reply } from '../../flows/types';
import { createTexts } from '../../locales/i18n';
import type { Conversation } from '../../store/types';
import { memoryLog } from '../support/log';
import { startTestServer, type TestServer } from '../support/server';

const TOKEN = 'provider-status-token-0123456789';
const IIN = '850520400003';
const OTHER_IIN = '900101300007';
const texts = createTexts();

/** A duplicate school certificate applied for at the State Corporation in January 2025: long overdue unless issued. */
const body = (change: Record<string, unknown> = {}) => ({
  iin: IIN,
  serviceId: 'duplicate-school',
  status: 'accepted',
  submittedAt: '2025-01-10T10:00:00+05:00',
  channel: 'state_corporation',
  ...change,
});

describe('the provider status API', () => {
  let server: TestServer;
  const captured = memoryLog();
  const operatorToken: { value?: string } = {};

  const put = async (number: string, payload: unknown, token: string | null = TOKEN) => {
    const response = await server.app.inject({ method: 'PUT', url: `/api/applications/${number}`, payload: payload as object, headers: token === null ? {} : { authorization: `Bearer ${token}` } });
    return { status: response.statusCode, body: response.json() };
  };
  const batch = async (updates: unknown[]) => {
    const response = await server.app.inject({ method: 'POST', url: '/api/applications:batch', payload: { updates }, headers: { authorization: `Bearer ${TOKEN}` } });
    return { status: response.statusCode, body: response.json() };
  };
  const lookUp = async (number: string, token = operatorToken.value) => {
    const response = await server.app.inject({ method: 'GET', url: `/api/operator/applications/${number}`, headers: token ? { authorization: `Bearer ${token}` } : {} });
    return { status: response.statusCode, body: response.json() };
  };
  /** What the system told the citizen of a conversation. */
  const toldIn = async (conversationId: string) => (await server.store.conversations.transcript(conversationId)).filter((e) => e.from === 'system').map((e) => e.text);

  beforeAll(async () => {
    server = await startTestServer({ STATUS_API_TOKEN: TOKEN, OPERATOR_BOOTSTRAP: 'aigerim:aigerim-pass-1:operator', JWT_SECRET: 'applications-test-secret-0123456789abcdef' }, { log: captured.log });
    const login = await server.app.inject({ method: 'POST', url: '/api/operator/login', payload: { login: 'aigerim', password: 'aigerim-pass-1' } });
    operatorToken.value = login.json().token;
  });
  afterAll(() => server?.close());

  it('answers 401 without the token, with another one, or with another scheme', async () => {
    expect(await put('KZ-AUTH-1', body(), null)).toEqual({ status: 401, body: { error: { code: 'unauthorized', message: expect.stringContaining('STATUS_API_TOKEN') } } });
    expect((await put('KZ-AUTH-1', body(), `${TOKEN}x`)).status).toBe(401);
    const basic = await server.app.inject({ method: 'PUT', url: '/api/applications/KZ-AUTH-1', payload: body(), headers: { authorization: `Basic ${TOKEN}` } });
    expect(basic.statusCode).toBe(401);
    expect((await batch([])).status).toBe(400); // with the token the batch is read, and an empty one is refused
    const lowerCaseScheme = await server.app.inject({ method: 'POST', url: '/api/applications:batch', payload: { updates: [] }, headers: { authorization: `bearer  ${TOKEN}` } });
    expect(lowerCaseScheme.statusCode).toBe(400); // the scheme's name in any case (RFC 6750), as with "Bearer"
    const unauthorisedBatch = await server.app.inject({ method: 'POST', url: '/api/applications:batch', payload: { updates: [body({ number: 'KZ-AUTH-1' })] } });
    expect(unauthorisedBatch.statusCode).toBe(401);
    expect((await lookUp('KZ-AUTH-1')).status).toBe(404);
  });

  it('answers 400 naming the field for a bad IIN, an unknown service, a bad status, time or number', async () => {
    expect(await put('KZ-BAD-1', body({ iin: '850520400004' }))).toEqual({
      status: 400,
      body: { error: { code: 'bad_request', message: 'body/iin: the IIN check digit does not match: a digit is wrong' } },
    });
    expect((await put('KZ-BAD-1', body({ iin: '12345' }))).body.error.message).toBe('body/iin: an IIN is 12 digits');
    expect((await put('KZ-BAD-1', body({ serviceId: 'passport' }))).body.error.message).toBe('body/serviceId: not a service of the catalog (GET /api/services lists them)');
    const status = await put('KZ-BAD-1', body({ status: 'lost' }));
    expect(status.status).toBe(400);
    expect(status.body.error.message).toMatch(/^body\/status: .*in_review/);
    expect((await put('KZ-BAD-1', body({ submittedAt: '10.01.2025' }))).body.error.message).toMatch(/^body\/submittedAt: must be an ISO date-time/);
    expect((await put('KZ-BAD-1', body({ updatedAt: '2025-01-10' }))).body.error.message).toMatch(/^body\/updatedAt: /);
    expect((await put('KZ%20BAD', body())).body.error.message).toMatch(/^params\/number: use 1–64/);
    expect((await lookUp('KZ-BAD-1')).status).toBe(404);
  });

  it('creates with 201, applies with 200, changes nothing on a repeat, and tells a subscriber once', async () => {
    await server.engine.handle({ conversationId: 'web-status-a', channel: 'web', langHint: 'ru', event: { type: 'start' } });
    const created = await put('KZ-2025-001', body({ updatedAt: '2025-01-10T10:00:00+05:00' }));
    expect(created).toEqual({ status: 201, body: { number: 'KZ-2025-001', status: 'accepted', history: [{ status: 'accepted', at: '2025-01-10T05:00:00.000Z' }] } });
    // The citizen's chat watches it (the status flow subscribes it; here a second handle on the same store does).
    await new Applications(server.store, async () => undefined).subscribe('KZ-2025-001', 'web-status-a');
    const ready = body({ status: 'ready', note: 'Заберите в ЦОН', updatedAt: '2025-01-20T10:00:00+05:00' });
    const applied = await put('KZ-2025-001', ready);
    expect(applied.status).toBe(200);
    expect(applied.body).toEqual({
      number: 'KZ-2025-001',
      status: 'ready',
      history: [
        { status: 'accepted', at: '2025-01-10T05:00:00.000Z' },
        { status: 'ready', at: '2025-01-20T05:00:00.000Z', note: 'Заберите в ЦОН' },
      ],
    });
    expect(await put('KZ-2025-001', ready)).toEqual(applied);
    const said = renderNotifyText({ key: 'status:told.changed_note', vars: { number: 'KZ-2025-001', note: 'Заберите в ЦОН' }, texts: { status: 'status:status.ready' } });
    expect(await toldIn('web-status-a')).toEqual([(said(texts.translator('ru'), { lang: 'ru' } as Conversation) as Reply).text]);
    expect((await toldIn('web-status-a'))[0]).toContain('KZ-2025-001');
  });

  it('keeps the current status when an older update arrives late, and refuses another IIN or service with 409', async () => {
    await put('KZ-2025-002', body({ updatedAt: '2025-01-10T10:00:00+05:00' }));
    await put('KZ-2025-002', body({ status: 'refused', note: 'Неполный пакет', updatedAt: '2025-01-25T10:00:00+05:00' }));
    const late = await put('KZ-2025-002', body({ status: 'in_review', updatedAt: '2025-01-15T10:00:00+05:00' }));
    expect(late.status).toBe(200);
    expect(late.body.status).toBe('refused');
    expect(late.body.history.map((e: { status: string }) => e.status)).toEqual(['accepted', 'in_review', 'refused']);
    expect(await put('KZ-2025-002', body({ iin: OTHER_IIN, status: 'issued' }))).toEqual({
      status: 409,
      body: { error: { code: 'mismatch', message: 'The application is registered with another IIN' } },
    });
    expect((await put('KZ-2025-002', body({ serviceId: 'duplicate-tvet' }))).body.error.code).toBe('mismatch');
  });

  it('takes a number with a slash sent as %2F', async () => {
    expect((await put('ZKO%2F2025%2F77', body())).body.number).toBe('ZKO/2025/77');
    expect((await lookUp('ZKO%2F2025%2F77')).body.number).toBe('ZKO/2025/77');
  });

  it('applies each update of a batch on its own and answers for each in order', async () => {
    await put('KZ-B-EXISTING', body());
    const { status, body: answer } = await batch([
      { number: 'KZ-B-NEW', ...body({ updatedAt: '2025-01-10T10:00:00+05:00' }) },
      { number: 'KZ-B-EXISTING', ...body({ status: 'in_review', updatedAt: '2030-01-01T10:00:00+05:00' }) },
      { number: 'KZ-B-BAD', ...body({ iin: '850520400004' }) },
      { number: 'KZ-B-EXISTING', ...body({ iin: OTHER_IIN }) },
      { number: 'KZ-B-NEW', ...body({ status: 'registered', updatedAt: '2025-01-11T10:00:00+05:00' }) },
      'not an update',
    ]);
    expect(status).toBe(200);
    expect(answer.results).toEqual([
      { number: 'KZ-B-NEW', status: 201 },
      { number: 'KZ-B-EXISTING', status: 200 },
      { number: 'KZ-B-BAD', status: 400, error: { code: 'bad_request', message: 'updates/2/iin: the IIN check digit does not match: a digit is wrong' } },
      { number: 'KZ-B-EXISTING', status: 409, error: { code: 'mismatch', message: 'The application is registered with another IIN' } },
      { number: 'KZ-B-NEW', status: 200 },
      { number: '', status: 400, error: { code: 'bad_request', message: expect.stringMatching(/^updates\/5\//) } },
    ]);
    expect((await lookUp('KZ-B-NEW')).body.status).toBe('registered');
    expect((await lookUp('KZ-B-BAD')).status).toBe(404);
    const tooMany = await batch(Array.from({ length: 501 }, (_, i) => ({ number: `KZ-MANY-${i}`, ...body() })));
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.message).toBe('body/updates: at most 500 updates in one batch');
  });

  it('shows operators an application with its history, due date, overdue flag and subscribers, and 404 for an unknown number', async () => {
    expect(await lookUp('KZ-NOBODY')).toEqual({ status: 404, body: { error: { code: 'not_found', message: 'No application KZ-NOBODY' } } });
    expect((await lookUp('KZ-2025-001', '')).status).toBe(401);
    const { status, body: application } = await lookUp('KZ-2025-001');
    expect(status).toBe(200);
    expect(application).toEqual({
      number: 'KZ-2025-001',
      serviceId: 'duplicate-school',
      channel: 'state_corporation',
      submittedAt: '2025-01-10T05:00:00.000Z',
      status: 'ready',
      updatedAt: '2025-01-20T05:00:00.000Z',
      note: 'Заберите в ЦОН',
      iinMasked: '850520*****3',
      history: [
        { status: 'accepted', at: '2025-01-10T05:00:00.000Z' },
        { status: 'ready', at: '2025-01-20T05:00:00.000Z', note: 'Заберите в ЦОН' },
      ],
      subscriberCount: 1,
      dueDate: '2025-01-31',
      registeredOn: '2025-01-10',
      overdue: true,
    });
    expect((await lookUp('KZ-2025-002')).body).toMatchObject({ status: 'refused', overdue: false, subscriberCount: 0 });
  });

  it('lets no IIN reach the log', () => {
    expect(captured.lines.length).toBeGreaterThan(0);
    for (const iin of [IIN, OTHER_IIN, '850520400004']) expect(captured.lines.join('\n')).not.toContain(iin);
  });
});

describe('the provider status API without STATUS_API_TOKEN', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server?.close());

  it('answers 503 status_api_off, with or without a token', async () => {
    for (const headers of [{}, { authorization: `Bearer ${TOKEN}` }]) {
      const response = await server.app.inject({ method: 'PUT', url: '/api/applications/KZ-OFF-1', payload: body(), headers });
      expect(response.statusCode).toBe(503);
      expect(response.json()).toEqual({ error: { code: 'status_api_off', message: 'The provider status API is off: STATUS_API_TOKEN is not set on this server' } });
    }
    const batch = await server.app.inject({ method: 'POST', url: '/api/applications:batch', payload: { updates: [] } });
    expect(batch.statusCode).toBe(503);
  });
});
