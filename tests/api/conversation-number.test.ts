import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OperatorApi } from '../support/operator-api';
import { startRedisServer, type RedisServer } from '../support/redis-server';
import { startTestServer, type TestServer } from '../support/server';
import { ChatClient, type Frame } from '../support/ws-client';

const NUMBER = /^C-\d{4}-\d{6}$/;
const operatorTyping = (f: Frame) => f.type === 'typing' && f.from === 'operator';

/**
 * Two instances sharing one Redis: the citizen's socket on A, operators on B. The number the widget
 * shows finds the conversation in the operator API, and an operator's typing crosses to the widget.
 */
describe('conversation numbers and operator typing across two instances', () => {
  let redis: RedisServer;
  let a: TestServer;
  let b: TestServer;
  let aigerim: OperatorApi;
  let dana: OperatorApi;

  beforeAll(async () => {
    redis = await startRedisServer();
    const env = { REDIS_URL: redis.url, OPERATOR_BOOTSTRAP: 'aigerim:aigerim-pass-1:operator,dana:dana-pass-12:operator', CONTACT_CENTRE_HOURS: 'always', JWT_SECRET: 's'.repeat(40) };
    [a, b] = await Promise.all([startTestServer(env), startTestServer(env)]);
    [aigerim, dana] = await Promise.all([OperatorApi.login(b.url, 'aigerim', 'aigerim-pass-1'), OperatorApi.login(b.url, 'dana', 'dana-pass-12')]);
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await redis?.stop();
  });

  async function citizen() {
    const client = await ChatClient.connect(a.wsUrl);
    const session = (await client.exchange({ type: 'hello', lang: 'ru' })).find((f) => f.type === 'session')!;
    return { client, token: session.token as string, conversationId: session.conversationId as string, number: session.number as string };
  }

  it('gives a new conversation a short number in the session frame, the same one on resuming, and operators find the conversation by it', async () => {
    const first = await citizen();
    const second = await citizen();
    expect(first.number).toMatch(NUMBER);
    expect(second.number).toMatch(NUMBER);
    // One sequence for every instance: the next conversation gets the next number.
    expect(Number(second.number.slice(-6))).toBe(Number(first.number.slice(-6)) + 1);

    first.client.close();
    const again = await ChatClient.connect(a.wsUrl);
    const resumed = (await again.exchange({ type: 'hello', lang: 'ru', token: first.token })).find((f) => f.type === 'session')!;
    expect(resumed).toMatchObject({ conversationId: first.conversationId, number: first.number });
    again.close();

    // What the citizen reads out: the six digits, or without the leading zeros, or the whole number.
    const digits = first.number.slice(-6);
    for (const typed of [digits, String(Number(digits)), first.number.toLowerCase(), `№ ${digits}`]) {
      const found = await aigerim.get(`/api/operator/conversations?number=${encodeURIComponent(typed)}`);
      expect(found.status).toBe(200);
      expect(found.body).toEqual([expect.objectContaining({ id: first.conversationId, number: first.number, channel: 'web' })]);
    }
    // The console's search box opens a conversation by id or by number through the same route.
    const detail = await aigerim.get(`/api/operator/conversations/${digits}`);
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({ id: first.conversationId, number: first.number });

    expect((await aigerim.get('/api/operator/conversations?number=999999')).body).toEqual([]);
    const unknown = await aigerim.get('/api/operator/conversations/999999');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('not_found');
    second.client.close();
  });

  it('numbers a Telegram conversation too, and lists show the number', async () => {
    await a.engine.handle({ conversationId: 'tg-7001', channel: 'telegram', event: { type: 'start' } });
    const stored = await b.store.conversations.get('tg-7001');
    expect(stored?.number).toMatch(NUMBER);
    const found = await aigerim.get(`/api/operator/conversations?number=${stored!.number!.slice(-6)}`);
    expect(found.body).toEqual([expect.objectContaining({ id: 'tg-7001', number: stored!.number, channel: 'telegram' })]);

    const { client, conversationId, number } = await citizen();
    await client.exchange({ type: 'choice', id: 'menu:operator' });
    await client.exchange({ type: 'choice', id: 'op:yes' });
    await client.exchange({ type: 'text', text: 'Справка об учёбе' }, (f) => f.type === 'message');
    await expect.poll(async () => (await aigerim.get('/api/operator/conversations')).body.find((c: { id: string }) => c.id === conversationId)?.number).toBe(number);
    client.close();
  });

  it("shows the owning operator's typing in the widget until the message comes; anyone else is refused", async () => {
    const { client, conversationId } = await citizen();
    await client.exchange({ type: 'choice', id: 'menu:operator' });
    await client.exchange({ type: 'choice', id: 'op:yes' });
    await client.exchange({ type: 'text', text: 'Справка об учёбе' }, (f) => f.type === 'message');

    // Queued, nobody's yet: nobody may say they type.
    const notTaken = await aigerim.post(`/api/operator/conversations/${conversationId}/typing`);
    expect(notTaken.status).toBe(409);
    expect(notTaken.body).toEqual({ error: { code: 'not_yours', message: expect.any(String) } });
    expect((await aigerim.post(`/api/operator/conversations/${conversationId}/takeover`)).status).toBe(200);
    const from = client.frames.length;
    const other = await dana.post(`/api/operator/conversations/${conversationId}/typing`);
    expect(other.status).toBe(409);
    expect(other.body.error.code).toBe('not_yours');
    expect((await dana.post('/api/operator/conversations/web-nobody/typing')).status).toBe(404);

    expect((await aigerim.post(`/api/operator/conversations/${conversationId}/typing`)).status).toBe(204);
    const typing = (await client.waitFor(operatorTyping, from)).find(operatorTyping)!;
    // A second signal within 3 s is not passed on: the widget's line is already showing.
    expect((await aigerim.post(`/api/operator/conversations/${conversationId}/typing`)).status).toBe(204);
    expect((await aigerim.post(`/api/operator/conversations/${conversationId}/messages`, { text: 'Здравствуйте! Сейчас посмотрю.' })).status).toBe(200);
    const since = await client.waitFor((f) => f.type === 'message' && f.from === 'operator', from);
    const message = since.find((f) => f.type === 'message' && f.from === 'operator')!;
    expect(typing.author).toBe(message.author);
    expect(typing.author).toBeTruthy();
    // Dana's refused signal reached nobody, Aigerim's second neither.
    expect(since.filter(operatorTyping)).toHaveLength(1);
    client.close();
  });
});
