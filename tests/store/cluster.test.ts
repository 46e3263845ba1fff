import { randomUUID } from 'node:crypto';
import { createCluster } from 'redis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { HOME_VISIT_RECORDS } from '../../bot/home-visits';
import { ConfigError, loadConfig } from '../../config';
import { createTexts } from '../../locales/i18n';
import { createRedisStore } from '../../store/redis';
import { HOME_VISIT_BOOKING } from '../support/home-visit-script';
import { OperatorApi } from '../support/operator-api';
import { startRoundRobinProxy, type RoundRobinProxy } from '../support/proxy';
import { type RedisCluster, startRedisCluster } from '../support/redis-cluster';
import { startTestServer, type TestServer } from '../support/server';
import { SseClient } from '../support/sse';
import { onError } from '../support/stores';
import { ChatClient } from '../support/ws-client';

const clusterNodes = inject('redisClusterNodes');
/** Tuesday 8 December 2026, 11:00 in Astana: the day the booking script's dates are bookable from. */
const NOW = new Date('2026-12-08T11:00:00+05:00');

/**
 * The product on the 3-node Redis Cluster the test run starts (REDIS_CLUSTER_NODES), two instances
 * behind a round-robin proxy: every request and every widget socket goes to the next instance, so
 * what one instance writes the other must read from the cluster.
 */
describe.skipIf(clusterNodes.length === 0)('two instances on a Redis Cluster behind a round-robin proxy', () => {
  let a: TestServer;
  let b: TestServer;
  let proxy: RoundRobinProxy;
  beforeAll(async () => {
    const env = {
      REDIS_CLUSTER_NODES: clusterNodes.join(','),
      OPERATOR_BOOTSTRAP: 'aigerim:aigerim-pass-1:operator,dana:dana-pass-12:supervisor',
      CONTACT_CENTRE_HOURS: 'always',
      JWT_SECRET: 'c'.repeat(40),
    };
    [a, b] = await Promise.all([startTestServer(env, { now: () => NOW }), startTestServer(env, { now: () => NOW })]);
    proxy = await startRoundRobinProxy([a.url, b.url]);
  });
  afterAll(async () => {
    await proxy?.close();
    await Promise.all([a?.close(), b?.close()]);
  });

  /** The instance that served the latest request or socket to `path`. */
  const servedBy = (path: string) => proxy.served.findLast((s) => s.path.startsWith(path))!.backend;
  /** Sends health checks through the proxy until its next request goes to the other instance than `backend`. */
  async function nextGoesAwayFrom(backend: number) {
    while (proxy.next === backend) expect((await fetch(`${proxy.url}/health`)).status).toBe(200);
  }

  it('a citizen asks for an operator on one instance, the operator takes over, writes and hands back on the other', async () => {
    const operator = await OperatorApi.login(proxy.url, 'aigerim', 'aigerim-pass-1');
    const events = await SseClient.connect(`${proxy.url}/api/operator/events`, operator.token);
    const client = await ChatClient.connect(proxy.wsUrl);
    const citizenOn = servedBy('/ws/chat');
    const hello = await client.exchange({ type: 'hello', lang: 'ru' });
    const conversationId = hello.find((f) => f.type === 'session')!.conversationId as string;
    await expect
      .poll(async () => {
        const offer = (await client.exchange({ type: 'choice', id: 'menu:operator' })).filter((f) => f.type === 'message').at(-1)!;
        return offer.choices.map((c: { id: string }) => c.id);
      })
      .toContain('op:yes');
    await client.exchange({ type: 'choice', id: 'op:yes' });
    await client.exchange({ type: 'text', text: 'Нужна справка об обучении' });
    await events.waitFor((e) => e.event === 'queued' && e.data.conversationId === conversationId);

    await nextGoesAwayFrom(citizenOn);
    expect((await operator.post(`/api/operator/conversations/${conversationId}/takeover`)).status).toBe(200);
    expect(servedBy(`/api/operator/conversations/${conversationId}/takeover`)).not.toBe(citizenOn);
    await client.waitFor((f) => f.type === 'message' && f.text === 'Оператор Aigerim на связи.');

    await nextGoesAwayFrom(citizenOn);
    await operator.post(`/api/operator/conversations/${conversationId}/messages`, { text: 'Какую справку вам нужно?' });
    expect(servedBy(`/api/operator/conversations/${conversationId}/messages`)).not.toBe(citizenOn);
    await client.waitFor((f) => f.type === 'message' && f.from === 'operator' && f.text === 'Какую справку вам нужно?');

    client.send({ type: 'text', text: 'Справку для военкомата' });
    await events.waitFor((e) => e.event === 'message' && e.data.text === 'Справку для военкомата');

    const from = client.frames.length;
    await nextGoesAwayFrom(citizenOn);
    expect((await operator.post(`/api/operator/conversations/${conversationId}/release`)).status).toBe(200);
    await client.waitFor((f) => f.type === 'message' && /снова бот/.test(f.text), from);
    const menu = (await client.exchange({ type: 'text', text: 'меню' })).filter((f) => f.type === 'message');
    expect(menu.at(-1)!.choices.map((c: { id: string }) => c.id)).toContain('menu:checklist');
    events.close();
    client.close();
  });

  it('a home visit booked over sockets that land on either instance is stored once and listed for the supervisor', async () => {
    let client = await ChatClient.connect(proxy.wsUrl);
    const hello = await client.exchange({ type: 'hello', lang: 'ru' });
    const { conversationId, token } = hello.find((f) => f.type === 'session')!;
    let booked = '';
    for (const [index, [step, expected]] of HOME_VISIT_BOOKING.entries()) {
      // The page is reloaded now and then (a socket may send 20 frames in 10 s); each new socket goes to the next instance.
      if (index > 0 && index % 12 === 0) {
        client.close();
        client = await ChatClient.connect(proxy.wsUrl);
        await client.exchange({ type: 'hello', lang: 'ru', token });
      }
      const said = (await client.exchange('press' in step ? { type: 'choice', id: step.press } : { type: 'text', text: step.type }))
        .filter((f) => f.type === 'message')
        .map((f) => f.text)
        .join('\n');
      if (expected) expect(said, JSON.stringify(step)).toMatch(expected);
      booked = /HV-2026-\d{6}/.exec(said)?.[0] ?? booked;
    }
    client.close();
    expect(new Set(proxy.served.filter((s) => s.path.startsWith('/ws/chat')).map((s) => s.backend))).toEqual(new Set([0, 1]));
    expect(booked).not.toBe('');

    const { items } = await b.store.records(HOME_VISIT_RECORDS).list({ index: 'conversation', value: conversationId });
    expect(items.map((r) => r.number)).toEqual([booked]);
    const supervisor = await OperatorApi.login(proxy.url, 'dana', 'dana-pass-12');
    const listing = '/api/operator/home-visits?date=2026-12-10&region=almaty';
    for (let i = 0; i < 2; i++) {
      const listed = await supervisor.get(listing);
      expect(listed.status).toBe(200);
      expect(listed.body.map((v: { number: string }) => v.number)).toContain(booked);
    }
    // Listed by each instance in turn.
    expect(new Set(proxy.served.filter((s) => s.path === listing).map((s) => s.backend))).toEqual(new Set([0, 1]));
  });
});

describe('REDIS_CLUSTER_NODES', () => {
  const JWT_SECRET = 'j'.repeat(32);

  it('takes host:port or redis:// URLs separated by commas', () => {
    expect(loadConfig({ REDIS_CLUSTER_NODES: '10.0.0.1:7000, 10.0.0.2:7000,redis://10.0.0.3:7000', JWT_SECRET }).REDIS_CLUSTER_NODES).toEqual([
      '10.0.0.1:7000',
      '10.0.0.2:7000',
      'redis://10.0.0.3:7000',
    ]);
    expect(loadConfig({}).REDIS_CLUSTER_NODES).toBeUndefined();
  });

  it('stops the start naming the variable: a node without a port, both Redis variables, no JWT_SECRET', () => {
    expect(() => loadConfig({ REDIS_CLUSTER_NODES: '10.0.0.1', JWT_SECRET })).toThrow(/REDIS_CLUSTER_NODES: must be host:port .*; not: 10\.0\.0\.1/);
    expect(() => loadConfig({ REDIS_CLUSTER_NODES: '10.0.0.1:7000', REDIS_URL: 'redis://10.0.0.1:6379', JWT_SECRET })).toThrow(/REDIS_CLUSTER_NODES: is set together with REDIS_URL/);
    expect(() => loadConfig({ REDIS_CLUSTER_NODES: '10.0.0.1:7000' })).toThrow(ConfigError);
    expect(() => loadConfig({ REDIS_CLUSTER_NODES: '10.0.0.1:7000' })).toThrow(/JWT_SECRET: is required when REDIS_CLUSTER_NODES is set/);
  });
});

describe.skipIf(clusterNodes.length === 0)('the bus on a Redis Cluster', () => {
  it('subscribes on the shard of its channel (sharded pub/sub), so a message is not copied to every node', async () => {
    const space = randomUUID();
    const channel = `test-${space}:bus:events`;
    const store = await createRedisStore({ clusterNodes, prefix: `test-${space}:`, onError });
    const admin = createCluster({ rootNodes: clusterNodes.map((node) => ({ url: `redis://${node}` })) });
    await admin.connect();
    try {
      const shard = await admin.getNodeClientForKey(channel);
      const received: unknown[] = [];
      await store.bus.subscribe('events', (message) => received.push(message));
      expect(await shard.pubSubShardNumSub(channel)).toEqual({ [channel]: 1 });
      for (const master of admin.masters) expect(await (await admin.nodeClient(master)).pubSubNumSub(channel)).toEqual({ [channel]: 0 });
      await store.bus.publish('events', { n: 1 });
      await expect.poll(() => received).toEqual([{ n: 1 }]);
    } finally {
      await store.close();
      await admin.close();
    }
  });
});

describe.skipIf(clusterNodes.length === 0)('a Redis Cluster that asks for a password', () => {
  it('is reached with the password of the first node URL given, on every node the client discovers', async () => {
    const cluster = await startRedisCluster({ password: 'cluster-secret' });
    const [first, ...others] = cluster.nodes;
    try {
      // Only the first node is named, with the password: the others are found and joined with it.
      const store = await createRedisStore({ clusterNodes: [`redis://:cluster-secret@${first}`], prefix: `test-${randomUUID()}:`, onError });
      try {
        // PING, and SCAN for the walk, go to every master.
        expect(await store.ping()).toBe(true);
        const seen: string[] = [];
        for await (const page of store.conversations.ids()) seen.push(...page);
        expect(seen).toEqual([]);
        const { id } = await store.files.put(Buffer.from('сәлем'), { name: 'a.txt', mime: 'text/plain', owner: 'web-auth' });
        expect((await store.files.get(id))?.bytes.toString()).toBe('сәлем');
      } finally {
        await store.close();
      }
      // Without it no node lets the client in.
      await expect(createRedisStore({ clusterNodes: others, prefix: 'test-no-password:' })).rejects.toThrow(/root nodes are unavailable/);
    } finally {
      await cluster.stop();
    }
  });
});

describe.skipIf(clusterNodes.length === 0)('a Redis Cluster whose node holding a conversation crashes', () => {
  const texts = createTexts();
  let cluster: RedisCluster;
  let server: TestServer;
  beforeAll(async () => {
    cluster = await startRedisCluster();
    server = await startTestServer({ REDIS_CLUSTER_NODES: cluster.nodes.join(','), JWT_SECRET: 'o'.repeat(40) });
  });
  afterAll(async () => {
    try {
      await server?.close();
    } finally {
      await cluster?.stop();
    }
  });

  it('tells the citizen at once that the service is temporarily unavailable, and answers again once the node is back', async () => {
    const citizens = await Promise.all(
      (['ru', 'kk'] as const).map(async (lang) => {
        const client = await ChatClient.connect(server.wsUrl);
        const hello = await client.exchange({ type: 'hello', lang });
        return { lang, client, conversationId: hello.find((f) => f.type === 'session')!.conversationId as string };
      }),
    );
    // The master of the Russian citizen's conversation: its hash tag is the conversation's id.
    const admin = createCluster({ rootNodes: cluster.nodes.map((node) => ({ url: `redis://${node}` })) });
    await admin.connect();
    const { port: holder } = (await admin.getNodeClientForKey(`ca:conv:{${citizens[0]!.conversationId}}`)).options!.socket as { port: number };
    await admin.close();
    await cluster.kill(holder);

    const sent = Date.now();
    const answer = await citizens[0]!.client.exchange({ type: 'choice', id: 'menu:checklist' }, (f) => f.type === 'message' && f.from === 'system');
    expect(Date.now() - sent).toBeLessThan(2000);
    expect(answer.filter((f) => f.type === 'message').map((f) => f.text)).toContain(texts.t('ru', 'privacy:unavailable'));

    await cluster.revive(holder);
    // The product's connection to that node comes back on its own.
    while (!(await server.store.ping().catch(() => false))) await new Promise((resolve) => setTimeout(resolve, 50));
    for (const { client } of citizens) {
      const menu = (await client.exchange({ type: 'choice', id: 'menu:checklist' })).filter((f) => f.type === 'message');
      expect(menu.at(-1)!.choices.length).toBeGreaterThan(0);
      client.close();
    }
  }, 30_000);
});
