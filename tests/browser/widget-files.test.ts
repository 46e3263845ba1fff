import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { conversationIdForToken } from '../../bot/channels/web';
import { launchBrowser } from '../support/browser';
import { startTestServer, type TestServer } from '../support/server';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 5)]);

describe('attaching a file in the widget (Chromium)', () => {
  let server: TestServer;
  let browser: BrowserContext;
  let closeBrowser: () => Promise<void>;
  beforeAll(async () => {
    server = await startTestServer();
    ({ browser, close: closeBrowser } = await launchBrowser());
  });
  afterAll(async () => {
    await closeBrowser?.();
    await server?.close();
  });

  it('uploads a PNG with the session token and sends it into the conversation; an executable renamed .jpg is refused in Kazakh', async () => {
    const page = await browser.newPage();
    await page.goto(server.url);
    const log = page.getByTestId('chat-log');
    await expect.poll(() => log.textContent()).toContain('Сәлеметсіз бе!');
    expect(await page.getByLabel('Файл тіркеу (JPEG, PNG, PDF)').getAttribute('accept')).toBe('image/jpeg,image/png,application/pdf');

    await page.getByTestId('chat-file').setInputFiles({ name: 'скан.png', mimeType: 'image/png', buffer: PNG });
    await expect.poll(() => page.locator('[data-from="citizen"]').last().textContent()).toBe('📎 скан.png');
    const token = await page.evaluate(() => localStorage.getItem('citizen-assistant-token'));
    const conversationId = conversationIdForToken(token!);
    await expect.poll(async () => (await server.store.conversations.transcript(conversationId)).some((e) => e.from === 'citizen' && e.text === '[📎 скан.png]')).toBe(true);

    await page.getByTestId('chat-file').setInputFiles({ name: 'photo.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('MZ\x90\x00 not a photo') });
    await expect.poll(() => log.textContent()).toContain('Бұл файл жарамайды. PDF, JPG, PNG жіберіңіз.');
    await page.close();
  });
});
