import { afterEach, describe, expect, it } from 'vitest';
import { Audit } from '../../api/operator/audit';
import { LoginThrottle } from '../../api/operator/login-throttle';
import { createMemoryStore } from '../../store/memory';
import { startTestServer, type TestServer } from '../support/server';

const BOOTSTRAP = 'aigerim:aigerim-pass-1:operator,dana:dana-pass-12:operator,sveta:sveta-pass-1:supervisor';

describe('operator login limits', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  const attempt = (login: string, password: string, options: { from?: string; forwardedFor?: string } = {}) =>
    server!.app.inject({
      method: 'POST',
      url: '/api/operator/login',
      payload: { login, password },
      remoteAddress: options.from ?? '203.0.113.7',
      ...(options.forwardedFor ? { headers: { 'x-forwarded-for': options.forwardedFor } } : {}),
    });

  it('ignores a forged X-Forwarded-For by default: the address limit still trips', async () => {
    server = await startTestServer({ OPERATOR_BOOTSTRAP: BOOTSTRAP });
    const statuses: number[] = [];
    // Each guess names another login and claims another address, as an attacker would.
    for (let i = 0; i < 12; i++) statuses.push((await attempt(`guess${i}`, 'wrong-password', { forwardedFor: `198.51.100.${i}` })).statusCode);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses.slice(10)).toEqual([429, 429]);
    const right = await attempt('aigerim', 'aigerim-pass-1', { forwardedFor: '198.51.100.99' });
    expect(right.statusCode).toBe(429);
    expect(right.json().error.code).toBe('rate_limited');
    // Someone else's address, claimed in the header, is not locked out by it.
    expect((await attempt('dana', 'dana-pass-12', { from: '198.51.100.3' })).statusCode).toBe(200);
  });

  it('honours X-Forwarded-For from a configured proxy only', async () => {
    server = await startTestServer({ OPERATOR_BOOTSTRAP: BOOTSTRAP, TRUST_PROXY: '10.0.0.1' });
    // Through the proxy, each citizen address has its own limit.
    for (let i = 0; i < 12; i++) expect((await attempt(`guess${i}`, 'wrong-password', { from: '10.0.0.1', forwardedFor: `198.51.100.${i}` })).statusCode).toBe(401);
    // Straight from elsewhere, the header is a forgery: the connecting address counts.
    const direct: number[] = [];
    for (let i = 0; i < 11; i++) direct.push((await attempt(`other${i}`, 'wrong-password', { from: '203.0.113.50', forwardedFor: `198.51.100.${100 + i}` })).statusCode);
    expect(direct.at(-1)).toBe(429);
    const failures = (await new Audit(server.store).list(100)).filter((e) => e.action === 'session.login_failed');
    expect(failures.find((e) => e.actor === 'guess3')?.details).toMatchObject({ ip: '198.51.100.3' });
    expect(failures.find((e) => e.actor === 'other3')?.details).toMatchObject({ ip: '203.0.113.50' });
  });

  it('with a hop count, takes the address the nearest proxy saw, not what the client claimed before it', async () => {
    server = await startTestServer({ OPERATOR_BOOTSTRAP: BOOTSTRAP, TRUST_PROXY: '1' });
    await attempt('guess-hop', 'wrong-password', { from: '10.0.0.7', forwardedFor: '192.0.2.1, 198.51.100.42' });
    const [failure] = (await new Audit(server.store).list(10)).filter((e) => e.action === 'session.login_failed');
    expect(failure?.details).toMatchObject({ ip: '198.51.100.42' });
  });

  it('backs off one account after five failures, from any address, without locking out colleagues, and lets it in once the wait is over', async () => {
    server = await startTestServer({ OPERATOR_BOOTSTRAP: BOOTSTRAP, TRUST_PROXY: '10.0.0.1' });
    for (let i = 0; i < 6; i++) expect((await attempt('aigerim', `wrong-${i}`, { from: '10.0.0.1', forwardedFor: `198.51.100.${i}` })).statusCode).toBe(401);
    const refused = await attempt('Aigerim', 'aigerim-pass-1', { from: '10.0.0.1', forwardedFor: '198.51.100.77' });
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.code).toBe('too_many_attempts');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    // A colleague behind the same NAT address logs in meanwhile.
    expect((await attempt('dana', 'dana-pass-12', { from: '10.0.0.1', forwardedFor: '198.51.100.1' })).statusCode).toBe(200);
    // The wait ends by itself: not a permanent lock.
    await expect.poll(async () => (await attempt('aigerim', 'aigerim-pass-1', { from: '10.0.0.1', forwardedFor: '198.51.100.77' })).statusCode, { timeout: 4000, interval: 250 }).toBe(200);

    const entries = await new Audit(server.store).list(100);
    const failed = entries.filter((e) => e.action === 'session.login_failed' && e.actor === 'aigerim');
    expect(failed).toHaveLength(6);
    expect(failed[0]!.details).toMatchObject({ throttled: true });
    // The login is recorded, never what was typed as the password.
    expect(JSON.stringify(entries)).not.toMatch(/wrong-\d|aigerim-pass-1|dana-pass-12/);
  });

  it('counts guesses sent all at once one by one: of twenty in parallel, six are checked and fourteen wait', async () => {
    server = await startTestServer({ OPERATOR_BOOTSTRAP: BOOTSTRAP, TRUST_PROXY: '10.0.0.1' });
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => attempt('aigerim', `wrong-${i}`, { from: '10.0.0.1', forwardedFor: `198.51.100.${i}` })));
    const statuses = answers.map((a) => a.statusCode).sort();
    expect(statuses.filter((s) => s === 401)).toHaveLength(6);
    expect(statuses.filter((s) => s === 429)).toHaveLength(14);
  });

  it('forgets the failures of guessed logins after an hour, so they do not pile up in the store', async () => {
    const store = createMemoryStore();
    let now = Date.parse('2026-11-30T09:00:00Z');
    const throttle = new LoginThrottle(store, () => now);
    for (let i = 0; i < 100; i++) await throttle.failed(`guess${i}`, `198.51.100.${i}`);
    const stored = () => store.collection('login-failures').list();
    expect(await stored()).toHaveLength(200);
    now += 2 * 3600_000;
    for (let i = 0; i < 100; i++) await throttle.failed('aigerim', '203.0.113.9');
    expect(await stored()).toHaveLength(2);
  });

  it('backs off an address after thirty failures within the hour, whichever logins it tries, and forgets them after an hour', async () => {
    const store = createMemoryStore();
    let now = Date.parse('2026-11-30T09:00:00Z');
    const throttle = new LoginThrottle(store, () => now);
    for (let i = 0; i < 31; i++) {
      now += 90_000;
      expect(await throttle.check(`someone${i}`, '198.51.100.200')).toEqual({ allowed: true });
      await throttle.failed(`someone${i}`, '198.51.100.200');
    }
    expect(await throttle.check('someone-else', '198.51.100.200')).toMatchObject({ allowed: false });
    expect(await throttle.check('someone-else', '198.51.100.201')).toEqual({ allowed: true });
    now += 3600_000;
    await throttle.failed('someone-else', '198.51.100.200');
    expect(await throttle.check('someone-else', '198.51.100.200')).toEqual({ allowed: true });
  });
});
