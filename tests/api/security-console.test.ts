import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Audit } from '../../api/operator/audit';
import { launchBrowser, logInToConsole } from '../support/browser';
import { OperatorApi } from '../support/operator-api';
import { startTestServer, type TestServer } from '../support/server';

/** What an operator sees of their session ending, in the console (real Chromium). */
describe('the console when a session ends', () => {
  let server: TestServer;
  let browser: BrowserContext;
  let closeBrowser: () => Promise<void>;
  beforeAll(async () => {
    server = await startTestServer({ OPERATOR_BOOTSTRAP: 'aigerim:aigerim-pass-1:operator,dana:dana-pass-1:operator,admin:admin-pass-1:admin', CONTACT_CENTRE_HOURS: 'always' });
    ({ browser, close: closeBrowser } = await launchBrowser());
  });
  afterAll(async () => {
    await closeBrowser?.();
    await server?.close();
  });

  it('logs out on the server: the session ends everywhere and the operator is offline', async () => {
    const page = await logInToConsole(browser, server.url, 'aigerim');
    const elsewhere = await OperatorApi.login(server.url, 'aigerim', 'aigerim-pass-1');
    await page.getByRole('button', { name: 'Выйти' }).click();
    await expect.poll(() => page.getByLabel('Логин').isVisible(), { timeout: 8000 }).toBe(true);
    await expect.poll(async () => (await elsewhere.get('/api/operator/me')).status, { timeout: 5000 }).toBe(401);
    const admin = await OperatorApi.login(server.url, 'admin', 'admin-pass-1');
    expect(((await admin.get('/api/operator/presence')).body as { login: string; status: string }[]).find((p) => p.login === 'aigerim')?.status).toBe('offline');
    expect((await new Audit(server.store).list(10)).map((e) => e.action)).toContain('session.logout');
    await page.close();
  });

  it('sends a disabled operator back to the login form', async () => {
    const page = await logInToConsole(browser, server.url, 'dana');
    const admin = await OperatorApi.login(server.url, 'admin', 'admin-pass-1');
    expect((await admin.call('PATCH', '/api/operator/accounts/dana', { disabled: true })).status).toBe(200);
    await expect.poll(() => page.getByLabel('Логин').isVisible(), { timeout: 8000 }).toBe(true);
    await page.close();
  });
});
