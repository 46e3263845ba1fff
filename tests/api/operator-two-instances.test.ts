import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OperatorApi } from '../support/operator-api';
import { startRedisServer, type RedisServer } from '../support/redis-server';
import { startTestServer, type TestServer } from '../support/server';
import { SseClient } from '../support/sse';
import { ChatClient } from '../support/ws-client';

/**
 * Two instances behind a load balancer share one Redis: the citizen's widget socket is held by
 * instance A, the operator works on instance B. Queue, events, messages and the ownership gate must
 * all cross between them.
 */
describe('hand-over across two instances sharing one Redis', () => {
  let redis: RedisServer;
  let a: TestServer;
  let b: TestServer;
  beforeAll(async () => {
    redis = await startRedisServer();
    const env = { REDIS_URL: redis.url, OPERATOR_BOOTSTRAP: 'aigerim:aigerim-pass-1:operator', CONTACT_CENTRE_HOURS: 'always', JWT_SECRET: 's'.repeat(40) };
    [a, b] = await Promise.all([startTestServer(env), startTestServer(env)]);
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await redis?.stop();
  });

  it('widget on A, operator on B: queue, take-over, messages both ways, silent bot, hand-back', async () => {
    const operator = await OperatorApi.login(b.url, 'aigerim', 'aigerim-pass-1');
    const events = await SseClient.connect(`${b.url}/api/operator/events`, operator.token);

    const client = await ChatClient.connect(a.wsUrl);
    const hello = await client.exchange({ type: 'hello', lang: 'ru' });
    const conversationId = hello.find((f) => f.type === 'session')!.conversationId as string;
    // A learns from B that an operator is online, so the citizen is offered the queue, not a call-back.
    await expect
      .poll(async () => {
        const offer = (await client.exchange({ type: 'choice', id: 'menu:operator' })).filter((f) => f.type === 'message').at(-1)!;
        return offer.choices.map((c: { id: string }) => c.id);
      })
      .toContain('op:yes');
    await client.exchange({ type: 'choice', id: 'op:yes' });
    await client.exchange({ type: 'text', text: 'Нужна справка об обучении' });
    await events.waitFor((e) => e.event === 'queued' && e.data.conversationId === conversationId);
    expect((await operator.get('/api/operator/conversations?owner=queue')).body.map((c: { id: string }) => c.id)).toEqual([conversationId]);

    expect((await operator.post(`/api/operator/conversations/${conversationId}/takeover`)).status).toBe(200);
    await client.waitFor((f) => f.type === 'message' && f.text === 'Оператор Aigerim на связи.');
    await operator.post(`/api/operator/conversations/${conversationId}/messages`, { text: 'Какую справку вам нужно?' });
    await client.waitFor((f) => f.type === 'message' && f.from === 'operator' && f.text === 'Какую справку вам нужно?');

    const from = client.frames.length;
    client.send({ type: 'text', text: 'Справку для военкомата' });
    await events.waitFor((e) => e.event === 'message' && e.data.text === 'Справку для военкомата');
    const transcript = (await operator.get(`/api/operator/conversations/${conversationId}`)).body.transcript.map((e: { text: string }) => e.text);
    expect(transcript).toContain('Справку для военкомата');
    expect(client.frames.slice(from).filter((f) => f.type === 'message')).toEqual([]);

    await operator.post(`/api/operator/conversations/${conversationId}/release`);
    await client.waitFor((f) => f.type === 'message' && /снова бот/.test(f.text), from);
    const menu = (await client.exchange({ type: 'text', text: 'меню' })).filter((f) => f.type === 'message');
    expect(menu.at(-1)!.choices.map((c: { id: string }) => c.id)).toContain('menu:checklist');
    events.close();
    client.close();
  });
});
