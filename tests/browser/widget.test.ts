import { describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { conversationIdForToken } from '../../bot/channels/web';
import { onServerAndBrowser } from '../support/browser';
import { startTestServer, type TestServer } from '../support/server';

describe('the demo page in Chromium', () => {
  let server: TestServer;
  let browser: BrowserContext;
  onServerAndBrowser(
    () => startTestServer(),
    (opened) => {
      ({ server, browser } = opened);
    },
  );

  it('lets a person talk to the bot: Kazakh greeting, switch to Russian, and a reload resumes the conversation', async () => {
    const page = await browser.newPage();
    await page.goto(server.url);
    const log = page.getByTestId('chat-log');
    await expect.poll(() => log.textContent()).toContain('Сәлеметсіз бе!');
    await page.getByRole('button', { name: 'Тіл / Язык' }).last().click();
    await page.getByRole('button', { name: 'Русский' }).last().click();
    await expect.poll(() => log.textContent()).toContain('Язык переключён: русский.');
    // The widget's own labels follow the language chosen in the chat.
    await expect.poll(() => page.getByRole('button', { name: 'Отправить' }).count()).toBe(1);
    await expect.poll(() => page.getByRole('textbox').getAttribute('placeholder')).toBe('Напишите сообщение…');
    await expect.poll(() => page.getByRole('button', { name: 'Документы и заявление' }).count()).toBeGreaterThan(0);

    await page.getByRole('textbox').fill('меню');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-from="citizen"]').last().textContent()).toBe('меню');

    await page.reload();
    await expect.poll(() => page.getByTestId('chat-log').textContent()).toContain('Что вам нужно?');
    // The conversation so far is shown again, the pressed buttons by their labels.
    await expect.poll(() => page.locator('[data-from="citizen"]').allTextContents()).toEqual(['Тіл / Язык', 'Русский', 'меню']);
    await expect.poll(() => page.locator('.earlier').first().textContent()).toContain('Сәлеметсіз бе!');
    await page.screenshot({ path: 'tests/browser/widget.png' }).catch(() => undefined);
    await page.close();
  });

  it("counts what the citizen types against the question's limit, and drops the count when the question has none", async () => {
    const page = await browser.newPage();
    await page.goto(server.url);
    const log = page.getByTestId('chat-log');
    await expect.poll(() => log.textContent()).toContain('Сәлеметсіз бе!');
    const press = async (id: string) => {
      const before = await page.locator('[data-choice]').count();
      await page.locator(`[data-choice="${id}"]`).last().click();
      await expect.poll(() => page.locator('[data-choice]').count()).toBeGreaterThan(before);
    };
    for (const id of ['menu:complaint', 'cp:against:provider', 'cp:svc:duplicate-school', 'cp:go', 'q:category:term_missed']) await press(id);
    const counter = page.getByTestId('chat-counter');
    await expect.poll(() => counter.textContent()).toBe('0 / 2000');
    await page.getByRole('textbox').fill('Дубликат бермеді');
    await expect.poll(() => counter.textContent()).toBe('16 / 2000');
    expect(await page.getByRole('textbox').getAttribute('maxlength')).toBe('2000');
    await page.keyboard.press('Enter');
    await expect.poll(() => counter.textContent()).toBe('0 / 100');
    await page.locator('[data-choice="menu:language"]').last().click();
    await expect.poll(() => counter.isHidden()).toBe(true);
    await page.close();
  });

  it('shows, once, an operator message written while the connection was down', async () => {
    const page = await browser.newPage();
    await page.goto(server.url);
    const log = page.getByTestId('chat-log');
    await expect.poll(() => log.textContent()).toContain('Сәлеметсіз бе!');
    const token = await page.evaluate(() => localStorage.getItem('citizen-assistant-token'));
    const conversationId = conversationIdForToken(token!);
    const operator = { login: 'aigerim', name: 'Айгерим Сапарова', role: 'operator' as const };
    await server.handoff.takeover(conversationId, operator);
    await expect.poll(() => log.textContent()).toContain('Айгерим');

    // The connection drops (a network blip); the operator writes before the widget is back.
    for (const socket of server.app.websocketServer.clients) socket.terminate();
    await expect.poll(() => server.app.websocketServer.clients.size).toBe(0);
    await server.handoff.message(conversationId, operator, 'Құжаттарыңызды тексердім.');

    await expect.poll(() => page.locator('[data-from="operator"]').allTextContents()).toEqual([expect.stringContaining('Құжаттарыңызды тексердім.')]);
    await expect.poll(() => page.getByTestId('chat-status').textContent()).toBe('');
    // Reconnected: the next message arrives live, and nothing is shown twice.
    await server.handoff.message(conversationId, operator, 'Тағы сұрағыңыз бар ма?');
    await expect.poll(() => page.locator('[data-from="operator"]').count()).toBe(2);
    expect(await page.locator('[data-from="system"]').filter({ hasText: 'Айгерим' }).count()).toBe(1);
    await page.close();
  });
});
