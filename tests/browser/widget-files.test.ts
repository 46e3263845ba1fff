import { describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { conversationIdForToken } from '../../bot/channels/web';
import { onServerAndBrowser } from '../support/browser';
import { startTestServer, type TestServer } from '../support/server';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 5)]);

describe('attaching a file in the widget (Chromium)', () => {
  let server: TestServer;
  let browser: BrowserContext;
  onServerAndBrowser(
    () => startTestServer(),
    (opened) => {
      ({ server, browser } = opened);
    },
  );

  it('uploads a PNG with the session token and sends it into the conversation; an executable renamed .jpg is refused in Kazakh', async () => {
    const page = await browser.newPage();
    await page.goto(server.url);
    const log = page.getByTestId('chat-log');
    await expect.poll(() => log.textContent()).toContain('Сәлеметсіз бе!');
    expect(await page.getByLabel('Файл тіркеу (JPEG, PNG, PDF)').getAttribute('accept')).toBe('image/jpeg,image/png,application/pdf');

    await page.getByTestId('chat-file').setInputFiles({ name: 'скан.png', mimeType: 'image/png', buffer: PNG });
    // The photo is shown with the size limit before anything is uploaded.
    const preview = page.getByTestId('chat-file-preview');
    await expect.poll(() => preview.textContent()).toContain('Фото немесе PDF, 10 МБ-қа дейін.');
    expect(await preview.locator('img').getAttribute('alt')).toBe('скан.png');
    await preview.getByRole('button', { name: 'Файлды жіберу' }).click();
    await expect.poll(() => page.locator('[data-from="citizen"]').last().textContent()).toBe('📎 скан.png');
    const token = await page.evaluate(() => localStorage.getItem('citizen-assistant-token'));
    const conversationId = conversationIdForToken(token!);
    await expect.poll(async () => (await server.store.conversations.transcript(conversationId)).some((e) => e.from === 'citizen' && e.text === '[📎 скан.png]')).toBe(true);

    await page.getByTestId('chat-file').setInputFiles({ name: 'photo.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('MZ\x90\x00 not a photo') });
    await preview.getByRole('button', { name: 'Файлды жіберу' }).click();
    await expect.poll(() => preview.textContent()).toContain('Бұл файл жарамайды. PDF, JPG, PNG жіберіңіз.');

    // A file over FILE_MAX_BYTES is refused before upload, with the limit said.
    await page.getByTestId('chat-file').setInputFiles({ name: 'big.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(10 * 1024 * 1024 + 1, 1) });
    await expect.poll(() => preview.getByRole('alert').textContent()).toBe('Файл тым үлкен. 10 МБ-қа дейінгі файлды таңдаңыз.');
    expect(await preview.getByRole('button', { name: 'Файлды жіберу' }).count()).toBe(0);
    await page.close();
  });
});
