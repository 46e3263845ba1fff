import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConversationViewBody } from '../../api/routes/operator/conversations';
import type { Conversation } from '../../store/types';
import { OperatorApi } from '../support/operator-api';
import { startRedisServer, type RedisServer } from '../support/redis-server';
import { startTestServer, type TestServer } from '../support/server';

function waiting(i: number): Conversation {
  const at = new Date(Date.now() - (10 - i) * 60_000).toISOString();
  return {
    id: `web-lists-${i}`,
    channel: 'web',
    lang: 'ru',
    owner: 'queue',
    status: 'open',
    state: { flow: 'operator', v: 1, step: 'queued', data: {} },
    offered: [],
    data: {},
    address: {},
    handoff: { queue: 'general', priority: 0, waitingSince: at, lastCitizenAt: at, topic: `Вопрос ${i}` },
    createdAt: at,
    updatedAt: at,
    revision: 1,
  };
}

/**
 * Lists keep the rows they drew per conversation revision; two instances share one Redis, and a
 * list on one must show at once what an operator did on the other.
 */
describe('conversation lists on one instance follow the changes made on another', () => {
  let redis: RedisServer;
  let a: TestServer;
  let b: TestServer;
  let onA: OperatorApi;
  let onB: OperatorApi;
  const ids = [0, 1, 2].map((i) => `web-lists-${i}`);

  beforeAll(async () => {
    redis = await startRedisServer();
    const env = { REDIS_URL: redis.url, OPERATOR_BOOTSTRAP: 'aigerim:aigerim-pass-1:operator', CONTACT_CENTRE_HOURS: 'always', JWT_SECRET: 's'.repeat(40) };
    [a, b] = await Promise.all([startTestServer(env), startTestServer(env)]);
    for (const conversation of [0, 1, 2].map(waiting)) {
      await a.store.conversations.save(conversation, 0, []);
      await a.handoff.refile(conversation);
    }
    [onA, onB] = await Promise.all([OperatorApi.login(a.url, 'aigerim', 'aigerim-pass-1'), OperatorApi.login(b.url, 'aigerim', 'aigerim-pass-1')]);
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await redis?.stop();
  });

  const listOnA = async (query: string) => {
    const response = await onA.get(`/api/operator/conversations?${query}`);
    expect(response.status).toBe(200);
    return response.body as ConversationViewBody[];
  };
  const rowOnA = async (id: string) => (await listOnA('owner=any')).find((row) => row.id === id);

  it('shows a take-over, a message and a hand-back made on B in the lists A drew before', async () => {
    const [first] = ids as [string];
    expect((await listOnA('owner=queue')).map((row) => row.id)).toEqual(ids);
    const queued = await rowOnA(first);
    expect(queued).toMatchObject({ owner: 'queue', queue: 'general', operator: null, title: 'Вопрос 0' });

    expect((await onB.post(`/api/operator/conversations/${first}/takeover`)).status).toBe(200);
    expect((await listOnA('owner=queue')).map((row) => row.id)).toEqual(ids.slice(1));
    const taken = await rowOnA(first);
    expect(taken).toMatchObject({ owner: 'operator:aigerim', operator: 'aigerim', queue: null, waitingSince: null });
    expect((await listOnA('owner=me')).map((row) => row.id)).toEqual([first]);

    // A change that leaves the conversation where it is filed (a message) is seen too.
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect((await onB.post(`/api/operator/conversations/${first}/messages`, { text: 'Здравствуйте' })).status).toBe(200);
    const { updatedAt } = (await onB.get(`/api/operator/conversations/${first}`)).body as ConversationViewBody;
    expect(updatedAt).not.toBe(taken!.updatedAt);
    expect((await rowOnA(first))?.updatedAt).toBe(updatedAt);

    expect((await onB.post(`/api/operator/conversations/${first}/release`)).status).toBe(200);
    expect((await listOnA('owner=any')).map((row) => row.id)).toEqual(ids.slice(1));
    expect(await listOnA('owner=me')).toEqual([]);
  });

  it('draws the rows of each console language apart', async () => {
    const [ru, kk] = [await listOnA('owner=queue&lang=ru'), await listOnA('owner=queue&lang=kk')];
    expect(ru.map((row) => row.id)).toEqual(kk.map((row) => row.id));
    expect(ru[0]!.summary).toMatch(/^виджет, русский\. Вопрос: «Вопрос 1»\./);
    expect(kk[0]!.summary).toMatch(/^виджет, орысша\. Сұрақ: «Вопрос 1»\./);
  });
});
