import { describe, expect, it } from 'vitest';
import type { BrowserContext, Route } from 'playwright-core';
import { Callbacks } from '../../bot/callbacks';
import { logInToConsole, onServerAndBrowser, poll } from '../support/browser';
import { startTestServer, type TestServer } from '../support/server';

describe('a desk of the operator console in Chromium', () => {
  let server: TestServer;
  let browser: BrowserContext;
  onServerAndBrowser(
    () => startTestServer({ OPERATOR_BOOTSTRAP: 'aigerim:aigerim-pass-1:operator', CONTACT_CENTRE_HOURS: 'always', JWT_SECRET: 'operator-desk-test-secret-0123456789abcdef' }),
    (opened) => ({ server, browser } = opened),
  );

  it('keeps showing a mark made while an older fetch of the list was still on its way', async () => {
    await new Callbacks(server.store).effect(
      { type: 'callback.request', phone: '+77010000077', topic: 'Вопрос 77' },
      { conversation: { id: 'web-callback-77', lang: 'ru' } as never, idempotencyKey: 'callback-77' },
    );
    const page = await logInToConsole(browser, server.url, 'aigerim');
    await page.getByRole('button', { name: /^Обратные звонки/ }).click();
    const desk = page.getByTestId('callbacks');
    await poll(() => desk.getByRole('status').textContent()).toBe('Показаны 1–1 из 1.');
    await desk.getByRole('listitem').first().getByRole('button').click();
    const detail = page.getByTestId('callbacks-detail');
    await poll(() => detail.textContent()).toMatch(/Статус\s*Ждёт звонка/);

    // The next fetch of the list is answered, and the answer held until the record is marked (the header's count goes through).
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let held!: () => void;
    const holding = new Promise<void>((resolve) => (held = resolve));
    let first = true;
    await page.route('**/api/operator/callbacks?*', async (route: Route) => {
      if (!first || !route.request().url().includes('offset=')) return route.continue();
      first = false;
      const answer = await route.fetch();
      held();
      await released;
      await route.fulfill({ response: answer });
    });
    await desk.getByRole('button', { name: 'Обновить' }).click();
    await holding;
    await detail.getByRole('button', { name: 'Дозвонились', exact: true }).click();
    await poll(() => page.getByTestId('notices').textContent()).toContain('Отмечено: Дозвонились.');
    await poll(() => detail.textContent()).toMatch(/Статус\s*Дозвонились/);

    // The old answer comes last: it still lists the record as waiting, and must not bring that back.
    release();
    await poll(() => desk.getAttribute('aria-busy')).toBe('false');
    expect(await detail.textContent()).toMatch(/Статус\s*Дозвонились/);
    expect(await desk.getByRole('listitem').first().textContent()).toContain('Дозвонились');
    await page.close();
  }, 60_000);
});
