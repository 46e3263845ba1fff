import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { launchBrowser, logInToConsole } from '../support/browser';
import { OperatorApi } from '../support/operator-api';
import { startTestServer, type TestServer } from '../support/server';
import { freshVisit, poll } from '../support/widget';

/**
 * The number a citizen reads out to 1414, from the widget's header to the operator's search box,
 * and the operator's typing shown in the widget while they write back (Chromium).
 */
describe('the conversation number and the operator typing in the widget', () => {
  let server: TestServer;
  let browser: BrowserContext;
  let closeBrowser: () => Promise<void>;
  beforeAll(async () => {
    server = await startTestServer({ OPERATOR_BOOTSTRAP: 'admin:admin-pass-1:admin', CONTACT_CENTRE_HOURS: 'always', JWT_SECRET: 'widget-number-test-secret-0123456789abcdef' });
    const admin = await OperatorApi.login(server.url, 'admin', 'admin-pass-1');
    expect((await admin.post('/api/operator/accounts', { login: 'aigerim.s', password: 'aigerim.s-pass-1', role: 'operator', name: 'Айгерим Сапарова' })).status).toBe(201);
    ({ browser, close: closeBrowser } = await launchBrowser());
  });
  afterAll(async () => {
    await closeBrowser?.();
    await server?.close();
  });

  it('shows the number in the header in both languages; the operator opens the conversation by it, types, and the widget says so until the message comes', async () => {
    const citizen = await browser.newPage();
    await freshVisit(citizen, server.url);
    const number = citizen.getByTestId('chat-number');
    await poll(() => number.textContent()).toMatch(/^Сұрау нөмірі \(1414-ке қоңырау шалғанда айтыңыз\): \d{6}$/);
    const digits = (await number.textContent())!.slice(-6);
    await citizen.getByTestId('chat-lang').click();
    await poll(() => number.textContent()).toBe(`Номер обращения (назовите его, если позвоните в 1414): ${digits}`);
    // Short enough to read out: not the conversation's internal id.
    expect(await number.textContent()).not.toMatch(/web-/);

    // The operator types what the citizen read out into the search box and takes the conversation over.
    const operator = await logInToConsole(browser, server.url, 'aigerim.s');
    const find = operator.getByLabel('Номер разговора');
    await find.fill(digits);
    await find.press('Enter');
    const pane = operator.getByTestId('conversation');
    await poll(() => pane.getByTestId('conversation-number').textContent()).toMatch(new RegExp(`^C-\\d{4}-${digits}$`));
    await pane.getByRole('button', { name: 'Взять разговор' }).click();
    const reply = pane.getByTestId('reply');
    await poll(() => reply.isEnabled()).toBe(true);
    await poll(() => citizen.getByTestId('chat-log').textContent()).toContain('Айгерим');

    const typing = citizen.getByTestId('chat-typing');
    expect(await typing.isVisible()).toBe(false);
    await reply.pressSequentially('Здравствуйте, сейчас', { delay: 20 });
    await poll(() => typing.isVisible()).toBe(true);
    expect(await typing.textContent()).toBe('Айгерим печатает…');
    // Said once to a screen reader, by the polite live region.
    await poll(() => citizen.getByTestId('chat-announcer').textContent()).toBe('Айгерим печатает…');

    // The operator stops typing: the line goes by itself after a few seconds.
    const shownAt = Date.now();
    await poll(() => typing.isVisible()).toBe(false);
    expect(Date.now() - shownAt).toBeGreaterThan(3000);

    await reply.pressSequentially(' посмотрю.', { delay: 20 });
    await poll(() => typing.isVisible()).toBe(true);
    await reply.press('Enter');
    await poll(() => citizen.getByTestId('chat-log').textContent()).toContain('Здравствуйте, сейчас посмотрю.');
    expect(await typing.isVisible()).toBe(false);
    await operator.close();
    await citizen.close();
  }, 60_000);
});
