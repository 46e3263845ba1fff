import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OperatorApi } from '../support/operator-api';
import { startRedisServer, type RedisServer } from '../support/redis-server';
import { startTestServer, type TestServer } from '../support/server';
import { SseClient } from '../support/sse';

const BOOTSTRAP = 'admin:admin-pass-1:admin,aigerim:aigerim-pass-1:operator,dana:dana-pass-12:operator,erlan:erlan-pass-1:operator,sveta:sveta-pass-1:supervisor';

/** Resolves with how long the stream took to end, or fails after `ms`. */
async function endsWithin(stream: SseClient, ms: number): Promise<number> {
  const started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    stream.ended,
    new Promise((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`the event stream was still open after ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
  return Date.now() - started;
}

/** Two instances on one Redis: the admin acts on A, the operator's console is on B. */
describe('sessions end at once, on every instance', () => {
  let redis: RedisServer;
  let a: TestServer;
  let b: TestServer;
  let admin: OperatorApi;
  beforeAll(async () => {
    redis = await startRedisServer();
    const env = { REDIS_URL: redis.url, OPERATOR_BOOTSTRAP: BOOTSTRAP, JWT_SECRET: 's'.repeat(40) };
    [a, b] = await Promise.all([startTestServer(env), startTestServer(env)]);
    admin = await OperatorApi.login(a.url, 'admin', 'admin-pass-1');
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await redis?.stop();
  });

  it("closes a disabled account's event stream on the other instance within a second, and refuses its token there", async () => {
    const aigerim = await OperatorApi.login(b.url, 'aigerim', 'aigerim-pass-1');
    const events = await SseClient.connect(`${b.url}/api/operator/events`, aigerim.token);
    expect((await admin.call('PATCH', '/api/operator/accounts/aigerim', { disabled: true })).status).toBe(200);
    expect(await endsWithin(events, 1000)).toBeLessThan(1000);
    const refused = await aigerim.get('/api/operator/me');
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe('unauthorized');
  });

  it('ends every session of the account on logout, event streams included, and sets it offline', async () => {
    const dana = await OperatorApi.login(b.url, 'dana', 'dana-pass-12');
    const events = await SseClient.connect(`${a.url}/api/operator/events`, dana.token);
    expect((await dana.post('/api/operator/logout')).status).toBe(204);
    await endsWithin(events, 1000);
    expect((await dana.get('/api/operator/me')).status).toBe(401);
    const presence = (await admin.get('/api/operator/presence')).body as { login: string; status: string }[];
    expect(presence.find((p) => p.login === 'dana')?.status).toBe('offline');
    // Logging in again works: a logout is not a lock.
    expect((await (await OperatorApi.login(b.url, 'dana', 'dana-pass-12')).get('/api/operator/me')).status).toBe(200);
  });

  it('ends the sessions of an account whose password or role changes; the new password works', async () => {
    const erlan = await OperatorApi.login(b.url, 'erlan', 'erlan-pass-1');
    const events = await SseClient.connect(`${b.url}/api/operator/events`, erlan.token);
    expect((await admin.call('PATCH', '/api/operator/accounts/erlan', { password: 'erlan-new-pass' })).status).toBe(200);
    await endsWithin(events, 1000);
    expect((await erlan.get('/api/operator/me')).status).toBe(401);
    await expect(OperatorApi.login(b.url, 'erlan', 'erlan-pass-1')).rejects.toThrow(/401/);
    expect((await (await OperatorApi.login(b.url, 'erlan', 'erlan-new-pass')).get('/api/operator/me')).status).toBe(200);

    // A supervisor made an operator stops seeing what supervisors see, at once.
    const sveta = await OperatorApi.login(b.url, 'sveta', 'sveta-pass-1');
    const svetaEvents = await SseClient.connect(`${b.url}/api/operator/events`, sveta.token);
    expect((await sveta.get('/api/operator/audit')).status).toBe(200);
    expect((await admin.call('PATCH', '/api/operator/accounts/sveta', { role: 'operator' })).status).toBe(200);
    await endsWithin(svetaEvents, 1000);
    expect((await sveta.get('/api/operator/audit')).status).toBe(401);
    const again = await OperatorApi.login(b.url, 'sveta', 'sveta-pass-1');
    expect((await again.get('/api/operator/audit')).status).toBe(403);
  });

  it('keeps the sessions of an account whose name alone changes', async () => {
    const dana = await OperatorApi.login(b.url, 'dana', 'dana-pass-12');
    expect((await admin.call('PATCH', '/api/operator/accounts/dana', { name: 'Дана' })).status).toBe(200);
    expect((await dana.get('/api/operator/me')).body).toMatchObject({ login: 'dana', name: 'Дана' });
  });
});
