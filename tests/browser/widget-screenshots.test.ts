import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { onServerAndBrowser } from '../support/browser';
import { startTestServer, type TestServer } from '../support/server';
import { freshVisit, openChecklist, poll, scrollsSideways } from '../support/widget';

/**
 * The screenshots in docs/: the open widget with a checklist at 320 px, at 1280 px, and at 1280 px
 * with the text-size switch at 200 %. None scrolls sideways. The suite checks that on every run;
 * `SCREENSHOTS=docs npx vitest run tests/browser/widget-screenshots.test.ts` takes them again.
 */
const SHOTS_DIR = process.env.SCREENSHOTS === 'docs' ? 'docs' : mkdtempSync(join(tmpdir(), 'widget-shots-'));

describe('widget screenshots for docs/', () => {
  let server: TestServer;
  let browser: BrowserContext;
  onServerAndBrowser(
    () => startTestServer(),
    (opened) => {
      ({ server, browser } = opened);
    },
  );

  it.each([
    { name: 'widget-320', width: 320, height: 640, scale: 100 },
    { name: 'widget-1280', width: 1280, height: 800, scale: 100 },
    { name: 'widget-200', width: 1280, height: 800, scale: 200 },
  ])('$name', async ({ name, width, height, scale }) => {
    const page = await browser.newPage();
    await page.setViewportSize({ width, height });
    await freshVisit(page, server.url);
    await openChecklist(page, 'duplicate-tvet');
    await page.locator('input[type=checkbox]').first().check();
    await poll(() => page.locator('.state.done').count()).toBe(1);
    for (let size = 100; size < scale; size += 50) await page.getByTestId('chat-text-size').click();
    expect(await scrollsSideways(page)).toBe(false);
    await page.screenshot({ path: join(SHOTS_DIR, `${name}.png`) });
    await page.close();
  });
});
