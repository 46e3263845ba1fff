import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { conversationIdForToken } from '../../bot/channels/web';
import { onServerAndBrowser } from '../support/browser';
import { startTestServer, type TestServer } from '../support/server';
import { freshVisit, openChecklist, poll } from '../support/widget';
import { ChatClient } from '../support/ws-client';

const token = (page: Page) => page.evaluate(() => localStorage.getItem('citizen-assistant-token'));

describe('a citizen in the widget (Chromium)', () => {
  let server: TestServer;
  let browser: BrowserContext;
  onServerAndBrowser(
    () => startTestServer(),
    (opened) => {
      ({ server, browser } = opened);
    },
  );

  it('ticks a document and sees the one list updated in place, reloads mid-way and goes on', async () => {
    const page = await browser.newPage();
    await freshVisit(page, server.url);
    await openChecklist(page, 'duplicate-tvet');
    const boxes = page.locator('input[type=checkbox]');
    const total = await boxes.count();
    expect(total).toBeGreaterThan(1);
    const items = await page.getByTestId('chat-log').locator(':scope > li').count();

    const title = await page.locator('fieldset legend').textContent();
    await boxes.first().check();
    await poll(() => page.locator('.state.done').count()).toBe(1);
    // The heading counts the ready ones anew.
    expect(await page.locator('fieldset legend').textContent()).not.toBe(title);
    // One list, changed where it was: no new copy in the log, the state said in words too.
    expect(await page.locator('fieldset').count()).toBe(1);
    expect(await page.getByTestId('chat-log').locator(':scope > li').count()).toBe(items);
    expect(await boxes.first().isChecked()).toBe(true);
    expect(await page.locator('fieldset li').first().locator('.state').textContent()).toBe('дайын');
    expect(await page.locator('fieldset li').nth(1).locator('.state').textContent()).toBe('дайын емес');

    const firstDocument = (await page.locator('fieldset .doc').first().textContent())!.replace(/^1\. /, '');
    await page.reload();
    await poll(() => page.locator('input[type=checkbox]').count()).toBe(total);
    // The history shows the list once, as it was last, and not the tick that changed it.
    expect(await page.locator('li.earlier').filter({ hasText: firstDocument }).count()).toBe(1);
    expect(await page.locator('[data-from="citizen"]').filter({ hasText: /✅|⬜/ }).count()).toBe(0);
    expect(await page.locator('input[type=checkbox]').first().isChecked()).toBe(true);
    await page.locator('input[type=checkbox]').nth(1).check();
    await poll(() => page.locator('fieldset').last().locator('.state.done').count()).toBe(2);
    await page.close();
  });

  it('keeps what is typed without a connection and delivers it once when the connection is back', async () => {
    const page = await browser.newPage();
    await freshVisit(page, server.url);
    const conversationId = conversationIdForToken((await token(page))!);
    await browser.setOffline(true);
    for (const socket of server.app.websocketServer.clients) socket.terminate();
    await poll(() => page.getByTestId('chat-status').textContent()).toBe('Байланыс жоқ. Жазғаныңыз байланыс қалпына келгенде жіберіледі.');
    await page.getByRole('textbox').fill('Аттестатымды жоғалттым');
    await page.keyboard.press('Enter');
    await poll(() => page.locator('[data-from="citizen"]').last().textContent()).toBe('Аттестатымды жоғалттым');

    await browser.setOffline(false);
    await poll(() => page.getByTestId('chat-status').textContent()).toBe('');
    const typed = async () => (await server.store.conversations.transcript(conversationId)).filter((e) => e.from === 'citizen' && e.text === 'Аттестатымды жоғалттым').length;
    await poll(typed).toBe(1);
    // Once more after a reload: nothing waits to be sent again.
    await page.reload();
    await poll(() => page.locator('[data-from="citizen"]').count()).toBeGreaterThan(0);
    expect(await page.evaluate(() => localStorage.getItem('citizen-assistant-pending'))).toBeNull();
    expect(await typed()).toBe(1);
    await page.close();
  });

  it("shows an operator's message with the operator's name, and message text as text, links only http(s)", async () => {
    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await freshVisit(page, server.url);
    await page.getByRole('textbox').fill('<img src=x onerror=alert(1)>');
    await page.keyboard.press('Enter');
    await poll(() => page.locator('[data-from="citizen"]').last().textContent()).toBe('<img src=x onerror=alert(1)>');

    const conversationId = conversationIdForToken((await token(page))!);
    const operator = { login: 'aigerim', name: 'Айгерим Сапарова', role: 'operator' as const };
    await server.handoff.takeover(conversationId, operator);
    await server.handoff.message(conversationId, operator, 'Қараңыз: https://egov.kz/cms/kk және <b onmouseover=alert(2)>javascript:alert(3)</b>');
    const said = page.locator('[data-from="operator"]').last();
    await poll(() => said.textContent()).toContain('<b onmouseover=alert(2)>');
    expect(await said.locator('.author').textContent()).toBe('Айгерим · 1414 операторы');
    const links = said.locator('a');
    expect(await links.count()).toBe(1);
    expect(await links.first().getAttribute('href')).toBe('https://egov.kz/cms/kk');
    expect(await links.first().getAttribute('rel')).toContain('noopener');
    expect(await page.getByTestId('chat-log').locator('img, b').count()).toBe(0);
    expect(dialogs).toEqual([]);
    // A screen reader hears the new message once, from the live region.
    expect(await page.getByTestId('chat-announcer').textContent()).toContain('<b onmouseover=alert(2)>');

    // With the panel closed, the launcher counts what came meanwhile; opening it clears the count.
    await page.evaluate(() => (window as any).CitizenAssistant.close());
    await server.handoff.message(conversationId, operator, 'Тағы сұрағыңыз бар ма?');
    await server.handoff.message(conversationId, operator, 'Мен осындамын.');
    const launcher = page.getByTestId('chat-launcher');
    await poll(() => launcher.getAttribute('aria-label')).toBe('Көмекшімен сөйлесу. Жаңа хабарламалар: 2');
    expect(await launcher.locator('.badge').textContent()).toBe('2');
    await launcher.click();
    await poll(() => launcher.getAttribute('aria-label')).toBe('Көмекшімен сөйлесу');
    await page.close();
  });

  it('ends the conversation: after a reload nothing of it is readable, and the server refuses its token', async () => {
    const page = await browser.newPage();
    await freshVisit(page, server.url);
    await page.getByRole('textbox').fill('Менің ЖСН 900101300123');
    await page.keyboard.press('Enter');
    await poll(() => page.locator('[data-from="citizen"]').count()).toBe(1);
    const old = (await token(page))!;

    await page.getByTestId('chat-end').click();
    await page.getByRole('button', { name: 'Иә, аяқтау' }).click();
    await poll(() => page.getByTestId('chat-log').textContent()).toContain('Сөйлесу аяқталды және осы құрылғыдан өшірілді.');
    await poll(() => token(page)).not.toBe(old);
    await page.reload();
    await poll(() => page.getByTestId('chat-log').textContent()).toContain('Сәлеметсіз бе!');
    expect(await page.getByTestId('chat-log').textContent()).not.toContain('900101300123');
    expect(await page.locator('[data-from="citizen"]').count()).toBe(0);
    expect(await page.getByTestId('chat-number').textContent()).not.toContain(conversationIdForToken(old));

    // Someone who kept the old token gets a new, empty conversation, not the ended one.
    const client = await ChatClient.connect(server.wsUrl);
    const frames = await client.exchange({ type: 'hello', lang: 'kk', token: old }, (f) => f.type === 'message' && Array.isArray(f.choices));
    expect(frames.find((f) => f.type === 'error')?.code).toBe('session_ended');
    const session = frames.find((f) => f.type === 'session')!;
    expect(session.token).not.toBe(old);
    expect(frames.some((f) => f.type === 'history')).toBe(false);
    client.close();
    // Nor can it upload into the ended conversation.
    const upload = await fetch(`${server.url}/api/chat/files`, {
      method: 'POST',
      headers: { authorization: `Bearer ${old}`, 'content-type': 'application/octet-stream' },
      body: Buffer.from('%PDF-1.4 x'),
    });
    expect(upload.status).toBe(401);
    await page.close();
  });
});
