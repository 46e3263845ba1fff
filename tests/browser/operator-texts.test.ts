import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { Callbacks } from '../../bot/callbacks';
import { findService } from '../../flows/catalog';
import { launchBrowser, poll } from '../support/browser';
import { startTestServer, type TestServer } from '../support/server';
import { ChatClient } from '../support/ws-client';

/** Sunday 29 November 2026, 10:00 in Almaty: the contact centre (weekdays only) is closed. */
const SUNDAY_MORNING = new Date('2026-11-29T05:00:00Z');

async function logIn(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/operator?lang=ru`);
  await page.getByLabel('Логин').fill('aigerim');
  await page.getByLabel('Пароль').fill('aigerim-pass-1');
  await page.getByRole('button', { name: 'Войти' }).click();
  await poll(() => page.getByTestId('list-queue').isVisible()).toBe(true);
}

/** What runs off the right edge of a phone-sized window: the page's own width, and the header's controls that end beyond it. */
function overflow(page: Page): Promise<{ scrollWidth: number; outside: string[] }> {
  return page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    outside: [...document.querySelectorAll('.topbar button, .topbar select, .topbar a:not(.skip-link), .topbar .who')]
      .filter((el) => {
        const box = el.getBoundingClientRect();
        return box.width > 0 && (box.left < 0 || box.right > window.innerWidth + 0.5);
      })
      .map((el) => el.textContent?.trim() ?? el.tagName),
  }));
}

describe('what operators read in the console', () => {
  let server: TestServer;
  let browser: BrowserContext;
  let closeBrowser: () => Promise<void>;

  beforeAll(async () => {
    server = await startTestServer(
      { OPERATOR_BOOTSTRAP: 'aigerim:aigerim-pass-1:operator', CONTACT_CENTRE_HOURS: 'Mon-Fri 09:00-18:00', JWT_SECRET: 'operator-texts-test-secret-0123456789abcdef' },
      { now: () => SUNDAY_MORNING },
    );
    ({ browser, close: closeBrowser } = await launchBrowser());
  });
  afterAll(async () => {
    await closeBrowser?.();
    await server?.close();
  });

  it('fits the header into a 360 px phone screen and says that the contact centre is closed, with its hours', async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 360, height: 740 });
    await logIn(page, server.url);
    const banner = page.getByTestId('centre-closed');
    await poll(() => banner.textContent()).toBe('Контакт-центр сейчас закрыт. Часы работы — Пн–Пт 09:00–18:00. Граждане могут оставить номер для обратного звонка.');
    expect(await overflow(page)).toEqual({ scrollWidth: 360, outside: [] });
    for (const name of ['Разговоры', 'Обратные звонки', 'Выйти']) expect(await page.getByRole('button', { name, exact: false }).first().isVisible(), name).toBe(true);
    // In Kazakh, whose words are longer, too.
    await page.getByRole('button', { name: 'Қазақша' }).click();
    await poll(() => banner.textContent()).toContain('Байланыс орталығы қазір жабық. Жұмыс уақыты — Дс–Жм 09:00–18:00.');
    expect(await overflow(page)).toEqual({ scrollWidth: 360, outside: [] });
    await page.close();
  }, 60_000);

  it('calls a conversation run by the bot after its service in the console language, shows no raw ids, and names the operator in the transcript', async () => {
    // A Kazakh citizen in the widget looks at the checklist of a service and ticks a document.
    const citizen = await ChatClient.connect(server.wsUrl);
    const [session] = await citizen.exchange({ type: 'hello', lang: 'kk' }, (f) => f.type === 'session');
    await citizen.exchange({ type: 'choice', id: 'menu:checklist' });
    await citizen.exchange({ type: 'choice', id: 'svc:correct-education-document' });
    await citizen.exchange({ type: 'choice', id: 'tick:e_application' });
    await citizen.exchange({ type: 'choice', id: 'nav:details' });
    const conversationId = session!.conversationId as string;

    const page = await browser.newPage();
    await page.setViewportSize({ width: 1366, height: 800 });
    await logIn(page, server.url);
    const find = page.getByLabel('Номер разговора');
    await find.fill(conversationId);
    await find.press('Enter');
    const pane = page.getByTestId('conversation');
    await poll(() => pane.getByRole('heading', { level: 2 }).first().textContent()).toBe(findService('correct-education-document')!.shortTitle.ru);
    const transcript = pane.getByTestId('transcript');
    await poll(() => transcript.textContent()).toContain('[Құжаттар тізбесі және өтініш]');
    expect(await transcript.textContent()).not.toMatch(/\[(tick|nav|svc|menu|ans):/);
    // Outside the transcript (what the citizen and the bot said), everything is in the console's language.
    const console = await pane.evaluate((el) => {
      const copy = el.cloneNode(true) as HTMLElement;
      copy.querySelector('[data-testid="transcript"]')?.remove();
      return copy.textContent ?? '';
    });
    expect(console).toContain('Способ подачиНа портале egov.kz');
    expect(console).not.toMatch(/egov_portal|state_corporation|provider_office|e_application/);
    expect(console).not.toContain(findService('correct-education-document')!.title.kk);

    await pane.getByRole('button', { name: 'Взять разговор' }).click();
    const reply = pane.getByRole('combobox', { name: /Ответ гражданину/ });
    await poll(() => reply.isEnabled()).toBe(true);
    await reply.fill('Сәлеметсіз бе! Көмектесейін.');
    await reply.press('Enter');
    const mine = transcript.locator('[data-from="operator"]').last();
    await poll(() => mine.textContent()).toContain('Көмектесейін');
    expect(await mine.locator('.msg-from').textContent()).toBe('Оператор Aigerim');
    // After a reload the name comes from the stored transcript, not only from the live event.
    await page.reload();
    await find.fill(conversationId);
    await find.press('Enter');
    await poll(() => transcript.locator('[data-from="operator"] .msg-from').last().textContent()).toBe('Оператор Aigerim');
    citizen.close();
    await page.close();
  }, 60_000);

  it('shows a call-back whose topic the bot filled with a Kazakh service title in Russian, and opens its conversation', async () => {
    const service = findService('duplicate-school')!;
    await new Callbacks(server.store).effect(
      { type: 'callback.request', phone: '+77010000099', topic: service.title.kk },
      { conversation: { id: 'web-callback-kk', lang: 'kk' } as never, idempotencyKey: 'callback-kk' },
    );
    const page = await browser.newPage();
    await page.setViewportSize({ width: 1366, height: 800 });
    await logIn(page, server.url);
    await page.getByRole('button', { name: /^Обратные звонки/ }).click();
    const desk = page.getByTestId('callbacks');
    await poll(() => desk.textContent()).toContain(service.title.ru);
    expect(await desk.textContent()).not.toContain(service.title.kk);
    await desk.getByRole('listitem').first().getByRole('button').click();
    await page.getByTestId('callbacks-detail').getByRole('button', { name: 'Открыть разговор' }).click();
    await poll(() => page.getByTestId('conversation').isVisible()).toBe(true);
    await page.close();
  }, 60_000);
});
