import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { texts } from '../support/engine';
import { OperatorApi } from '../support/operator-api';
import { startTestServer, type TestServer } from '../support/server';
import { SseClient } from '../support/sse';
import { ChatClient, type Frame } from '../support/ws-client';

const BOOTSTRAP = 'aigerim:aigerim-pass-1:operator,dana:dana-pass-12:operator,sveta:sveta-pass-1:supervisor,admin:admin-pass-1:admin';
const messages = (frames: Frame[]) => frames.filter((f) => f.type === 'message');

/** Every operator route with a harmless body: each must refuse a request without a valid session. */
const ROUTES: [string, string, unknown?][] = [
  ['GET', '/api/operator/me'],
  ['POST', '/api/operator/presence', { status: 'away' }],
  ['GET', '/api/operator/presence'],
  ['GET', '/api/operator/accounts'],
  ['POST', '/api/operator/accounts', { login: 'x1', password: 'password-1', role: 'operator' }],
  ['PATCH', '/api/operator/accounts/dana', { disabled: true }],
  ['GET', '/api/operator/conversations?owner=queue'],
  ['GET', '/api/operator/conversations/web-x'],
  ['POST', '/api/operator/conversations/web-x/takeover', {}],
  ['POST', '/api/operator/conversations/web-x/messages', { text: 'hi' }],
  ['POST', '/api/operator/conversations/web-x/release', {}],
  ['POST', '/api/operator/conversations/web-x/transfer', { to: 'dana' }],
  ['POST', '/api/operator/conversations/web-x/close', {}],
  ['POST', '/api/operator/conversations/web-x/notes', { text: 'note' }],
  ['GET', '/api/operator/events'],
  ['GET', '/api/operator/canned'],
  ['PUT', '/api/operator/canned/docs', { kk: 'a', ru: 'b' }],
  ['DELETE', '/api/operator/canned/docs'],
  ['GET', '/api/operator/callbacks'],
  ['GET', '/api/operator/callbacks/x'],
  ['PATCH', '/api/operator/callbacks/x', { status: 'reached' }],
  ['GET', '/api/operator/ratings'],
  ['GET', '/api/operator/audit'],
];

async function citizen(server: TestServer, lang: 'kk' | 'ru' = 'ru') {
  const client = await ChatClient.connect(server.wsUrl);
  const hello = await client.exchange({ type: 'hello', lang });
  return { client, conversationId: hello.find((f) => f.type === 'session')!.conversationId as string };
}

async function queued(server: TestServer, topic: string) {
  const c = await citizen(server);
  await c.client.exchange({ type: 'choice', id: 'menu:operator' });
  await c.client.exchange({ type: 'choice', id: 'op:yes' });
  await c.client.exchange({ type: 'text', text: topic });
  return c;
}

describe('operator API', () => {
  let server: TestServer;
  let aigerim: OperatorApi;
  let dana: OperatorApi;
  let sveta: OperatorApi;
  let admin: OperatorApi;

  beforeAll(async () => {
    server = await startTestServer({ OPERATOR_BOOTSTRAP: BOOTSTRAP, CONTACT_CENTRE_HOURS: 'always' });
    [aigerim, dana, sveta, admin] = await Promise.all([
      OperatorApi.login(server.url, 'aigerim', 'aigerim-pass-1'),
      OperatorApi.login(server.url, 'dana', 'dana-pass-12'),
      OperatorApi.login(server.url, 'sveta', 'sveta-pass-1'),
      OperatorApi.login(server.url, 'admin', 'admin-pass-1'),
    ]);
  });
  afterAll(() => server.close());

  it('refuses a wrong password and an unknown login alike', async () => {
    for (const body of [
      { login: 'aigerim', password: 'wrong-password' },
      { login: 'nobody', password: 'aigerim-pass-1' },
    ]) {
      const response = await fetch(`${server.url}/api/operator/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ error: { code: 'invalid_credentials', message: expect.any(String) } });
    }
  });

  it.each(ROUTES)('%s %s rejects a missing or forged token', async (method, path, body) => {
    for (const authorization of [undefined, 'Bearer not-a-token', `Bearer ${aigerim.token.slice(0, -4)}AAAA`]) {
      const response = await fetch(`${server.url}${path}`, {
        method,
        headers: { ...(authorization ? { authorization } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      expect(response.status).toBe(401);
      expect((await response.json()).error.code).toBe('unauthorized');
    }
  });

  it('keeps supervisor routes from operators and admin routes from supervisors', async () => {
    for (const [method, path, body] of [
      ['PUT', '/api/operator/canned/docs', { kk: 'a', ru: 'b' }],
      ['GET', '/api/operator/audit'],
      ['GET', '/api/operator/ratings'],
    ] as const) {
      const response = await aigerim.call(method, path, body);
      expect(response.status).toBe(403);
      expect(response.body.error.code).toBe('forbidden');
    }
    expect((await sveta.get('/api/operator/accounts')).status).toBe(403);
    expect((await sveta.get('/api/operator/audit')).status).toBe(200);
  });

  it('lets an admin add an account and disable it, which ends its sessions at once', async () => {
    const created = await admin.post('/api/operator/accounts', { login: 'Marat.K', password: 'marat-pass-1', role: 'operator', name: 'Марат Касымов' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ login: 'marat.k', name: 'Марат Касымов', role: 'operator', disabled: false });
    expect(created.body).not.toHaveProperty('passwordHash');
    expect((await admin.post('/api/operator/accounts', { login: 'marat.k', password: 'marat-pass-1', role: 'operator' })).status).toBe(409);
    expect((await admin.post('/api/operator/accounts', { login: 'short', password: 'short', role: 'operator' })).status).toBe(400);

    const marat = await OperatorApi.login(server.url, 'marat.k', 'marat-pass-1');
    expect((await marat.get('/api/operator/me')).body).toMatchObject({ login: 'marat.k', role: 'operator', status: 'online' });
    expect((await admin.call('PATCH', '/api/operator/accounts/marat.k', { disabled: true })).status).toBe(200);
    expect((await marat.get('/api/operator/me')).status).toBe(401);
    await expect(OperatorApi.login(server.url, 'marat.k', 'marat-pass-1')).rejects.toThrow(/401/);
    expect((await admin.call('PATCH', '/api/operator/accounts/admin', { disabled: true })).status).toBe(409);
  });

  it('titles a conversation taken over from the bot by the citizen’s first words in the list too', async () => {
    const { client, conversationId } = await citizen(server);
    await client.exchange({ type: 'text', text: 'Подскажите по пенсии моей мамы' });
    expect((await dana.post(`/api/operator/conversations/${conversationId}/takeover`)).status).toBe(200);
    const mine = (await dana.get('/api/operator/conversations?owner=me')).body as { id: string; title: string | null }[];
    expect(mine.find((c) => c.id === conversationId)?.title).toBe('Подскажите по пенсии моей мамы');
    expect((await dana.post(`/api/operator/conversations/${conversationId}/release`)).status).toBe(200);
    client.close();
  });

  it("transfers to a colleague and to the supervisors' queue, keeps notes private, and audits every move", async () => {
    const { client, conversationId } = await queued(server, 'Сложный вопрос о переводе');
    expect((await aigerim.post(`/api/operator/conversations/${conversationId}/takeover`)).status).toBe(200);
    expect((await aigerim.post(`/api/operator/conversations/${conversationId}/notes`, { text: 'Гражданин просит перезвонить после 15:00' })).status).toBe(201);

    const toDana = await aigerim.post(`/api/operator/conversations/${conversationId}/transfer`, { to: 'dana', note: 'Про перевод из колледжа' });
    expect(toDana.body).toMatchObject({ owner: 'operator:dana', operator: 'dana' });
    expect((await dana.get('/api/operator/conversations?owner=me')).body.map((c: { id: string }) => c.id)).toContain(conversationId);
    expect((await aigerim.post(`/api/operator/conversations/${conversationId}/messages`, { text: 'ещё я' })).status).toBe(409);
    expect((await aigerim.post(`/api/operator/conversations/${conversationId}/transfer`, { to: 'nobody' })).status).toBe(400);

    const toSupervisors = await dana.post(`/api/operator/conversations/${conversationId}/transfer`, { to: 'supervisors', note: 'Нужен старший смены' });
    expect(toSupervisors.body).toMatchObject({ owner: 'queue', queue: 'supervisors' });
    expect((await aigerim.get('/api/operator/conversations?owner=queue')).body.map((c: { id: string }) => c.id)).not.toContain(conversationId);
    const supervisorsQueue = (await sveta.get('/api/operator/conversations?owner=queue')).body;
    expect(supervisorsQueue[0]).toMatchObject({ id: conversationId, queue: 'supervisors' });

    const detail = (await sveta.get(`/api/operator/conversations/${conversationId}`)).body;
    expect(detail.notes).toEqual([{ at: expect.any(String), author: 'aigerim', text: 'Гражданин просит перезвонить после 15:00' }]);
    expect(detail.transferNote).toBe('Нужен старший смены');
    // The supervisor who takes it over still reads the note.
    expect((await sveta.post(`/api/operator/conversations/${conversationId}/takeover`)).body.owner).toBe('operator:sveta');
    expect((await sveta.get(`/api/operator/conversations/${conversationId}`)).body.transferNote).toBe('Нужен старший смены');
    // Private notes never reach the citizen.
    expect(client.frames.some((f) => JSON.stringify(f).includes('перезвонить после 15:00'))).toBe(false);
    await client.waitFor((f) => f.type === 'message' && /передан другому специалисту/.test(f.text));

    const audit = (await sveta.get('/api/operator/audit?limit=200')).body as { actor: string; action: string; target?: string }[];
    const moves = audit.filter((e) => e.target === conversationId).map((e) => `${e.actor} ${e.action}`);
    expect(moves).toEqual(expect.arrayContaining(['aigerim conversation.takeover', 'aigerim conversation.note', 'aigerim conversation.transfer', 'dana conversation.transfer']));
    expect(audit.map((e) => e.action)).toEqual(expect.arrayContaining(['session.login', 'presence.set', 'account.create', 'account.disable']));
    client.close();
  });

  it("sends canned answers by code in the citizen's language, managed by supervisors", async () => {
    expect((await sveta.call('PUT', '/api/operator/canned/docs', { kk: 'Құжаттар тізімі мәзірде.', ru: 'Список документов — в меню.' })).status).toBe(200);
    expect((await aigerim.get('/api/operator/canned')).body.map((c: { code: string }) => c.code)).toContain('docs');
    const { client, conversationId } = await citizen(server, 'kk');
    await aigerim.post(`/api/operator/conversations/${conversationId}/takeover`);
    await aigerim.post(`/api/operator/conversations/${conversationId}/messages`, { text: '/docs' });
    await client.waitFor((f) => f.type === 'message' && f.from === 'operator' && f.text === 'Құжаттар тізімі мәзірде.');
    await aigerim.post(`/api/operator/conversations/${conversationId}/release`);
    expect((await sveta.call('DELETE', '/api/operator/canned/docs')).status).toBe(204);
    client.close();
  });

  it('asks the citizen to rate after close and stores the rating', async () => {
    const { client, conversationId } = await queued(server, 'Про академический отпуск');
    await aigerim.post(`/api/operator/conversations/${conversationId}/takeover`);
    const from = client.frames.length;
    const closed = await aigerim.post(`/api/operator/conversations/${conversationId}/close`, { reason: 'Вопрос решён' });
    expect(closed.body).toMatchObject({ status: 'closed', owner: 'bot' });
    const rate = (await client.waitFor((f) => f.type === 'message' && /Оцените/.test(f.text), from)).find((f) => /Оцените/.test(f.text))!;
    expect(rate.choices.map((c: { id: string }) => c.id)).toEqual(['rate:1', 'rate:2', 'rate:3', 'rate:4', 'rate:5', 'rate:skip']);
    await client.exchange({ type: 'choice', id: 'rate:5' });
    const thanks = messages(await client.exchange({ type: 'text', text: 'Очень помогли, спасибо' }));
    expect(thanks[0]!.text).toBe('Спасибо за оценку!');

    const ratings = (await sveta.get('/api/operator/ratings')).body;
    expect(ratings[0]).toMatchObject({ conversationId, score: 5, comment: 'Очень помогли, спасибо', operator: 'aigerim' });
    const detail = (await aigerim.get(`/api/operator/conversations/${conversationId}`)).body;
    expect(detail.data.rating).toMatchObject({ score: 5, comment: 'Очень помогли, спасибо' });
    expect(detail.described).toContainEqual({
      section: 'rating',
      title: 'Оценка гражданина',
      items: [
        { label: 'Оценка помощи', value: '5/5' },
        { label: 'Комментарий', value: 'Очень помогли, спасибо' },
      ],
    });
    expect((await aigerim.get('/api/operator/conversations?status=closed&owner=me')).body.map((c: { id: string }) => c.id)).toContain(conversationId);
    client.close();
  });

  it("describes what the checklist collected in words, in the console's language, without ids", async () => {
    const { client, conversationId } = await citizen(server);
    for (const id of ['menu:checklist', 'svc:correct-education-document', 'tick:e_application', 'nav:form']) await client.exchange({ type: 'choice', id });
    for (const text of ['Султанбеков Адиль Куанышевич', 'Жангирова Нургуль Шахмардановна', '850520400003', '+7 701 234 56 78', 'Диплом колледжа, 2012', 'Жангирова Нургул', 'Жангирова Нургуль'])
      await client.exchange({ type: 'text', text });
    await client.exchange({ type: 'choice', id: 'q:confirm' });

    const ru = (await aigerim.get(`/api/operator/conversations/${conversationId}?lang=ru`)).body;
    // The stored data stays as it was (the contract), under the checklist's own namespace.
    expect(ru.data.checklist).toMatchObject({
      serviceId: 'correct-education-document',
      answers: { channel: 'egov_portal' },
      ticked: ['e_application'],
      forms: { 'seed001-annex1': { lang: 'ru' } },
    });
    expect(ru.described).toEqual([
      {
        section: 'checklist',
        title: 'Перечень документов',
        items: [
          { label: 'Услуга', value: 'Актуализация (корректировка) сведений в документах об образовании' },
          { label: 'Способ подачи', value: 'На портале egov.kz' },
          { label: 'Готовые документы', value: expect.stringMatching(/^Электронное заявление на имя руководителя колледжа/) },
          { label: 'Заполненное заявление', value: 'Заявление об актуализации (корректировке) сведений в документах об образовании (на русском)' },
        ],
      },
    ]);
    expect(ru.summary).toMatch(
      /^виджет, русский\. Услуга: Актуализация \(корректировка\) сведений в документах об образовании\. Способ подачи: На портале egov\.kz\. Готовые документы: Электронное заявление/,
    );

    const kk = (await aigerim.get(`/api/operator/conversations/${conversationId}?lang=kk`)).body;
    expect(kk.described[0]).toMatchObject({ section: 'checklist', title: 'Құжаттар тізбесі' });
    expect(kk.described[0].items.map((i: { label: string }) => i.label)).toEqual(['Қызмет', 'Өтініш беру тәсілі', 'Дайын құжаттар', 'Толтырылған өтініш']);
    expect(kk.described[0].items[1].value).toBe('egov.kz порталында');
    expect(kk.summary).toMatch(/^виджет, орысша\. Қызмет: /);

    for (const detail of [ru, kk]) {
      const words = JSON.stringify([detail.described, detail.summary]);
      expect(words).not.toMatch(/egov_portal|tick:|e_application|seed001|correct-education-document|limitedMobility/);
      // Personal data typed into the form is not repeated in the description.
      expect(words).not.toMatch(/850520400003|701 234/);
    }
    client.close();
  });

  it('answers bad input with the error contract, never a 5xx', async () => {
    expect((await aigerim.post('/api/operator/conversations/web-nope/takeover')).status).toBe(404);
    expect((await aigerim.post('/api/operator/conversations/web-nope/messages', { text: '' })).status).toBe(400);
    expect((await aigerim.get('/api/operator/conversations?owner=everyone')).status).toBe(400);
    expect((await aigerim.call('POST', '/api/operator/presence', { status: 'busy' })).status).toBe(400);
  });
});

describe('operator API when nobody can answer', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ OPERATOR_BOOTSTRAP: 'aigerim:aigerim-pass-1:operator', CONTACT_CENTRE_HOURS: 'always' });
  });
  afterAll(() => server.close());

  it('takes a call-back number when no operator is online, and the call-back list is worked through', async () => {
    const { client, conversationId } = await citizen(server);
    const offer = messages(await client.exchange({ type: 'text', text: 'оператор' })).at(-1)!;
    expect(offer.text).toMatch(/Сейчас все операторы заняты/);
    await client.exchange({ type: 'choice', id: 'op:callback' });
    const wrong = messages(await client.exchange({ type: 'text', text: '12345' }));
    expect(wrong[0]!.text).toMatch(/В номере телефона 10 цифр после \+7/);
    const saved = messages(await client.exchange({ type: 'text', text: '8 (701) 234-56-78' }));
    expect(saved[0]!.text).toBe('Записали номер +7 701 234 56 78. Оператор перезвонит вам в рабочее время контакт-центра.');

    const aigerim = await OperatorApi.login(server.url, 'aigerim', 'aigerim-pass-1');
    const list = (await aigerim.get('/api/operator/callbacks')).body;
    expect(list).toEqual([expect.objectContaining({ conversationId, phone: '+77012345678', status: 'pending', attempts: 0 })]);
    const pending = await fetch(`${server.url}/api/operator/callbacks?status=pending&limit=1`, { headers: { authorization: `Bearer ${aigerim.token}` } });
    expect(pending.headers.get('x-total-count')).toBe('1');
    expect((await aigerim.get(`/api/operator/callbacks/${list[0].id}`)).body).toEqual(list[0]);
    expect((await aigerim.call('PATCH', `/api/operator/callbacks/${list[0].id}`, { status: 'called' })).body.error.code).toBe('bad_request');
    const mark = client.frames.length;
    const missed = await aigerim.call('PATCH', `/api/operator/callbacks/${list[0].id}`, { status: 'not_reached' });
    expect(missed.body).toMatchObject({ status: 'not_reached', attempts: 1, handledBy: 'aigerim' });
    // The citizen hears in the chat that the operator could not get through.
    const told = await client.waitFor((f) => f.type === 'message' && f.from === 'system', mark);
    expect(told.find((f) => f.type === 'message')!.text).toBe(texts.t('ru', 'operator:callback_missed'));
    expect((await aigerim.call('PATCH', `/api/operator/callbacks/${list[0].id}`, { status: 'reached' })).body.status).toBe('reached');
    client.close();
  });

  it('ends open event streams when the server stops, so a restart never hangs on a console', async () => {
    const other = await startTestServer({ OPERATOR_BOOTSTRAP: 'aigerim:aigerim-pass-1:operator' });
    const aigerim = await OperatorApi.login(other.url, 'aigerim', 'aigerim-pass-1');
    const events = await SseClient.connect(`${other.url}/api/operator/events`, aigerim.token);
    // Without ending the stream, close() waits for it and the test times out.
    await other.close();
    events.close();
  });

  it('asks a silent citizen whether they still wait, then closes the request', async () => {
    const idle = await startTestServer({ OPERATOR_BOOTSTRAP: 'aigerim:aigerim-pass-1:operator', CONTACT_CENTRE_HOURS: 'always', QUEUE_IDLE_MINUTES: '0.002' });
    try {
      await OperatorApi.login(idle.url, 'aigerim', 'aigerim-pass-1');
      const { client, conversationId } = await queued(idle, 'Вопрос');
      await expect
        .poll(async () => {
          await idle.handoff.sweep();
          return client.frames.some((f) => f.type === 'message' && /ещё ждёте оператора/.test(f.text));
        })
        .toBe(true);
      await expect
        .poll(async () => {
          await idle.handoff.sweep();
          return client.frames.some((f) => f.type === 'message' && /запрос к оператору закрыт/.test(f.text));
        })
        .toBe(true);
      const conversation = await idle.store.conversations.get(conversationId);
      expect(conversation).toMatchObject({ owner: 'bot', status: 'closed', handoff: { closedReason: 'idle' } });
      client.close();
    } finally {
      await idle.close();
    }
  });
});
