import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OperatorApi } from '../support/operator-api';
import { startTestServer, type TestServer } from '../support/server';
import { SseClient } from '../support/sse';
import { ChatClient, type Frame } from '../support/ws-client';

const BOOTSTRAP = 'aigerim:aigerim-pass-1:operator,dana:dana-pass-12:operator,sveta:sveta-pass-1:supervisor,admin:admin-pass-1:admin';

const messages = (frames: Frame[]) => frames.filter((f) => f.type === 'message');
const isOperatorFrame = (f: Frame) => f.type === 'message' && f.from === 'operator';

/** A widget citizen who asks for an operator in Russian and waits in the queue. */
async function queuedCitizen(server: TestServer, topic = 'Потерял аттестат, что делать?'): Promise<{ client: ChatClient; conversationId: string }> {
  const client = await ChatClient.connect(server.wsUrl);
  const hello = await client.exchange({ type: 'hello', lang: 'ru' });
  const conversationId = hello.find((f) => f.type === 'session')!.conversationId as string;
  const confirm = messages(await client.exchange({ type: 'text', text: 'оператор' }));
  expect(confirm.at(-1)!.choices.map((c: { id: string }) => c.id)).toEqual(['op:yes', 'op:no']);
  const ask = messages(await client.exchange({ type: 'choice', id: 'op:yes' }));
  expect(ask.at(-1)!.text).toMatch(/одной строкой/);
  const queued = messages(await client.exchange({ type: 'text', text: topic }));
  expect(queued.at(-1)!.text).toMatch(/Вы в очереди/);
  expect(queued.at(-1)!.choices.map((c: { id: string }) => c.id)).toEqual(['queue:cancel']);
  return { client, conversationId };
}

describe('operator hand-over over the API and the widget socket', () => {
  let server: TestServer;
  let aigerim: OperatorApi;
  let dana: OperatorApi;
  let sveta: OperatorApi;

  beforeAll(async () => {
    server = await startTestServer({ OPERATOR_BOOTSTRAP: BOOTSTRAP, CONTACT_CENTRE_HOURS: 'always', JWT_SECRET: 'x'.repeat(40) });
    [aigerim, dana, sveta] = await Promise.all([
      OperatorApi.login(server.url, 'aigerim', 'aigerim-pass-1'),
      OperatorApi.login(server.url, 'dana', 'dana-pass-12'),
      OperatorApi.login(server.url, 'sveta', 'sveta-pass-1'),
    ]);
  });
  afterAll(() => server.close());

  it('queues the citizen, streams it, lets one operator take over, and keeps the bot silent until hand-back', async () => {
    const events = await SseClient.connect(`${server.url}/api/operator/events`, aigerim.token);
    const { client, conversationId } = await queuedCitizen(server);
    await events.waitFor((e) => e.event === 'queued' && e.data.conversationId === conversationId);

    // The citizen hears their place in the queue.
    await client.waitFor((f) => f.type === 'message' && /место в очереди: 1/.test(f.text));

    const queue = await aigerim.get('/api/operator/conversations?owner=queue');
    expect(queue.status).toBe(200);
    const listed = queue.body.find((c: { id: string }) => c.id === conversationId);
    expect(listed).toMatchObject({ channel: 'web', lang: 'ru', owner: 'queue', status: 'open', priority: 0, topic: 'Потерял аттестат, что делать?' });
    expect(Date.parse(listed.waitingSince)).toBeGreaterThan(0);
    expect(listed.summary).toMatch(/виджет, русский\. Вопрос: «Потерял аттестат/);

    // Two operators press "take over" at once: exactly one wins.
    const [first, second] = await Promise.all([aigerim.post(`/api/operator/conversations/${conversationId}/takeover`), dana.post(`/api/operator/conversations/${conversationId}/takeover`)]);
    expect([first.status, second.status].sort()).toEqual([200, 409]);
    const winner = first.status === 200 ? aigerim : dana;
    const loser = first.status === 200 ? dana : aigerim;
    const winnerName = winner === aigerim ? 'Aigerim' : 'Dana';
    expect((first.status === 409 ? first : second).body.error.code).toBe('conflict');
    await client.waitFor((f) => f.type === 'message' && f.text === `Оператор ${winnerName} на связи.`);

    // The operator writes; the citizen gets it as an operator message.
    const reply = await winner.post(`/api/operator/conversations/${conversationId}/messages`, { text: 'Здравствуйте! Какой документ вы потеряли?' });
    expect(reply.status).toBe(200);
    const [operatorFrame] = (await client.waitFor(isOperatorFrame)).filter(isOperatorFrame);
    expect(operatorFrame).toMatchObject({ from: 'operator', author: winnerName, text: 'Здравствуйте! Какой документ вы потеряли?' });
    expect((await loser.post(`/api/operator/conversations/${conversationId}/messages`, { text: 'я тоже тут' })).status).toBe(409);

    // The citizen answers: the bot stays silent, the operator sees it live and in the transcript.
    const before = client.frames.length;
    client.send({ type: 'text', text: 'Аттестат за 11 класс' });
    await events.waitFor((e) => e.event === 'message' && e.data.conversationId === conversationId && e.data.text === 'Аттестат за 11 класс');
    const detail = await winner.get(`/api/operator/conversations/${conversationId}`);
    expect(detail.body.transcript.map((e: { from: string; text: string }) => `${e.from}: ${e.text}`)).toEqual(
      expect.arrayContaining(['operator: Здравствуйте! Какой документ вы потеряли?', 'citizen: Аттестат за 11 класс']),
    );
    expect(client.frames.slice(before).filter((f) => f.type === 'message')).toEqual([]);

    // A reload while the operator has the conversation shows what was said, and the bot stays silent.
    const token = client.frames.find((f) => f.type === 'session')!.token as string;
    const reloaded = await ChatClient.connect(server.wsUrl);
    const resumed = await reloaded.exchange({ type: 'hello', lang: 'ru', token }, (f) => f.type === 'history');
    expect(resumed.find((f) => f.type === 'history')!.messages.slice(-2)).toEqual([
      expect.objectContaining({ from: 'operator', text: 'Здравствуйте! Какой документ вы потеряли?' }),
      expect.objectContaining({ from: 'citizen', text: 'Аттестат за 11 класс' }),
    ]);
    reloaded.close();

    // Hand-back: the bot speaks again.
    const released = await winner.post(`/api/operator/conversations/${conversationId}/release`);
    expect(released.body.owner).toBe('bot');
    await client.waitFor((f) => f.type === 'message' && /снова бот/.test(f.text), before);
    const menu = messages(await client.exchange({ type: 'text', text: 'меню' }));
    expect(menu.at(-1)!.choices.map((c: { id: string }) => c.id)).toContain('menu:checklist');
    await events.waitFor((e) => e.event === 'released' && e.data.conversationId === conversationId);
    events.close();
    client.close();
  });

  it('resumes the checklist step the citizen left when the operator hands back', async () => {
    const client = await ChatClient.connect(server.wsUrl);
    const hello = await client.exchange({ type: 'hello', lang: 'ru' });
    const conversationId = hello.find((f) => f.type === 'session')!.conversationId as string;
    for (const id of ['menu:checklist', 'svc:duplicate-school']) await client.exchange({ type: 'choice', id });
    const question = messages(client.frames).at(-1)!;
    // The service is known, so the operator request skips the topic question.
    await client.exchange({ type: 'choice', id: 'menu:operator' });
    const queued = messages(await client.exchange({ type: 'choice', id: 'op:yes' }));
    expect(queued.at(-1)!.text).toMatch(/Вы в очереди/);
    const listed = (await sveta.get('/api/operator/conversations?owner=queue')).body.find((c: { id: string }) => c.id === conversationId);
    expect(listed.topic).toMatch(/дубликат/i);

    expect((await sveta.post(`/api/operator/conversations/${conversationId}/takeover`)).status).toBe(200);
    const from = client.frames.length;
    await sveta.post(`/api/operator/conversations/${conversationId}/release`);
    const back = await client.waitFor((f) => f.type === 'message' && f.text === question.text, from);
    expect(back.find((f) => f.text === question.text)!.choices).toEqual(question.choices);
    client.close();
  });

  it('lets a waiting citizen leave the queue and return to the bot', async () => {
    const { client, conversationId } = await queuedCitizen(server, 'Вопрос про общежитие');
    const left = messages(await client.exchange({ type: 'choice', id: 'queue:cancel' }));
    expect(left[0]!.text).toBe('Вы вышли из очереди к оператору.');
    expect(left.at(-1)!.choices.map((c: { id: string }) => c.id)).toContain('menu:operator');
    const queue = (await aigerim.get('/api/operator/conversations?owner=queue')).body as { id: string }[];
    expect(queue.map((c) => c.id)).not.toContain(conversationId);
    client.close();
  });

  it('serves people with limited mobility first', async () => {
    const ordinary = await queuedCitizen(server, 'Обычный вопрос');
    const client = await ChatClient.connect(server.wsUrl);
    const hello = await client.exchange({ type: 'hello', lang: 'ru' });
    const conversationId = hello.find((f) => f.type === 'session')!.conversationId as string;
    for (const id of ['menu:checklist', 'svc:duplicate-school', 'ans:channel:state_corporation', 'ans:applicant:self', 'ans:reason:lost']) await client.exchange({ type: 'choice', id });
    await client.exchange({ type: 'choice', id: 'nav:cannot_come' });
    await client.exchange({ type: 'choice', id: 'menu:operator' });
    await client.exchange({ type: 'choice', id: 'op:yes' });
    const queue = (await aigerim.get('/api/operator/conversations?owner=queue')).body as { id: string; priority: number }[];
    const ids = queue.map((c) => c.id);
    expect(ids.indexOf(conversationId)).toBeLessThan(ids.indexOf(ordinary.conversationId));
    expect(queue.find((c) => c.id === conversationId)!.priority).toBe(1);
    ordinary.client.close();
    client.close();
  });
});
