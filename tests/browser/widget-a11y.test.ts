import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { onServerAndBrowser } from '../support/browser';
import { startTestServer, type TestServer } from '../support/server';
import { freshVisit, openChecklist, poll, scrollsSideways } from '../support/widget';

const AXE = readFileSync(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');

/** What has focus inside the widget's shadow root: its choice id, or its tag and label. */
function focusedInWidget(page: Page): Promise<{ choice: string | null; label: string; inPanel: boolean } | null> {
  return page.evaluate(() => {
    const active = document.querySelector('citizen-assistant')?.shadowRoot?.activeElement as HTMLElement | null | undefined;
    if (!active) return null;
    return { choice: active.getAttribute('data-choice'), label: active.getAttribute('aria-label') ?? active.textContent ?? '', inPanel: !!active.closest('#ca-panel') };
  });
}

/** Presses Tab until the focused control in the widget has the choice id. */
async function tabTo(page: Page, choice: string): Promise<void> {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    if ((await focusedInWidget(page))?.choice === choice) return;
  }
  throw new Error(`Tab never reached ${choice}`);
}

/** axe-core on the widget (its shadow root included): the serious and critical violations. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE); // evaluated by the browser's devtools protocol, which the page's CSP does not govern
  return page.evaluate(async () => {
    const result = await (window as any).axe.run({ include: [['citizen-assistant']] }, { resultTypes: ['violations'] });
    return result.violations.filter((v: any) => v.impact === 'serious' || v.impact === 'critical').map((v: any) => `${v.id}: ${v.nodes.map((n: any) => n.target.join(' ')).join(', ')}`);
  });
}

describe('the widget with the keyboard, a screen reader and large text (Chromium)', () => {
  let server: TestServer;
  let browser: BrowserContext;
  onServerAndBrowser(
    () => startTestServer(),
    (opened) => {
      ({ server, browser } = opened);
    },
  );

  it('goes through a checklist with the keyboard alone; Tab stays in the panel, Escape closes it and focus returns to the launcher', async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    await freshVisit(page, server.url);
    for (const choice of ['menu:checklist', 'svc:duplicate-tvet']) {
      await tabTo(page, choice);
      const before = await page.getByTestId('chat-log').locator(':scope > li').count();
      await page.keyboard.press('Enter');
      await poll(() => page.getByTestId('chat-log').locator(':scope > li').count()).toBeGreaterThan(before + 1);
    }
    while ((await page.locator('input[type=checkbox]').count()) === 0) {
      const answer = await page.getByTestId('chat-log').locator(':scope > li').last().locator('[data-choice^="ans:"]').first().getAttribute('data-choice');
      await tabTo(page, answer!);
      const before = await page.getByTestId('chat-log').locator(':scope > li').count();
      await page.keyboard.press('Enter');
      await poll(() => page.getByTestId('chat-log').locator(':scope > li').count()).toBeGreaterThan(before + 1);
    }
    const first = (await page.locator('input[type=checkbox]').first().getAttribute('data-choice'))!;
    await tabTo(page, first);
    await page.keyboard.press('Space');
    await poll(() => page.locator('.state.done').count()).toBe(1);
    // The list was replaced in place and the keyboard is still on the same checkbox.
    expect(await page.locator('fieldset').count()).toBe(1);
    expect((await focusedInWidget(page))?.choice).toBe(first);
    expect(await page.locator('input[type=checkbox]').first().isChecked()).toBe(true);

    // Focus never leaves the open panel, however far one tabs.
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      expect((await focusedInWidget(page))?.inPanel).toBe(true);
    }
    await page.keyboard.press('Escape');
    await poll(() => page.getByTestId('chat-log').isVisible()).toBe(false);
    expect(await focusedInWidget(page)).toMatchObject({ label: 'Көмекшімен сөйлесу', inPanel: false });
    await page.keyboard.press('Enter');
    await poll(() => page.getByTestId('chat-log').isVisible()).toBe(true);
    expect((await focusedInWidget(page))?.label).toBe('Хабарлама жазыңыз…');
    await page.close();
  });

  it.each([
    { width: 1280, lang: 'kk' },
    { width: 320, lang: 'kk' },
    { width: 1280, lang: 'ru' },
    { width: 320, lang: 'ru' },
  ])('has no serious or critical axe violations at $width px in $lang, and no sideways scrolling up to 200 % text', async ({ width, lang }) => {
    const page = await browser.newPage();
    await page.setViewportSize({ width, height: 720 });
    await freshVisit(page, server.url);
    if (lang === 'ru') {
      await page.getByTestId('chat-lang').click();
      await poll(() => page.getByTestId('chat-log').textContent()).toContain('Язык переключён: русский.');
    }
    await openChecklist(page, 'duplicate-tvet');
    await page.locator('input[type=checkbox]').first().check();
    await poll(() => page.locator('.state.done').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    for (const _ of [150, 200]) {
      await page.getByTestId('chat-text-size').click();
      expect(await scrollsSideways(page)).toBe(false);
      expect(await page.getByTestId('chat-log').evaluate((log) => log.scrollWidth <= log.clientWidth)).toBe(true);
    }
    // The send button is whole on screen, also on the narrowest phone at the largest text.
    const send = page.getByRole('button', { name: lang === 'kk' ? 'Жіберу' : 'Отправить' });
    const box = (await send.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(width);
    expect(await send.evaluate((button) => button.scrollWidth <= button.clientWidth)).toBe(true);
    // Every control is a touch target of at least 44 px.
    const small = await page.evaluate(() => {
      const root = document.querySelector('citizen-assistant')!.shadowRoot!;
      return [...root.querySelectorAll('button, label.attach, .checklist label, input[type=text]')]
        .filter((el) => (el as HTMLElement).getClientRects().length > 0)
        .filter((el) => el.getBoundingClientRect().height < 44)
        .map((el) => el.textContent);
    });
    expect(small).toEqual([]);
    await page.close();
  });
});
