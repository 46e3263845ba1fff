import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import type { TestServer } from './server';

/** Waits for a browser to show something (pages and sockets take their time on a busy machine). */
export const poll = <T>(look: () => T | Promise<T>) => expect.poll(look, { timeout: 10_000 });

/** Debian's Chromium, headless, with the flags that keep it off the (closed) network, on a fresh profile. */
export async function launchBrowser(): Promise<{ browser: BrowserContext; close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'chromium-test-'));
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    browser,
    close: async () => {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * An operator logged in to the console in Russian on a desktop-sized page, the queue shown. The test
 * accounts' passwords are `<login>-pass-1`.
 */
export async function logInToConsole(browser: BrowserContext, url: string, login: string, options: { height?: number } = {}): Promise<Page> {
  const page = await browser.newPage();
  await page.setViewportSize({ width: 1366, height: options.height ?? 900 });
  await page.goto(`${url}/operator?lang=ru`);
  await page.getByLabel('Логин').fill(login);
  await page.getByLabel('Пароль').fill(`${login}-pass-1`);
  await page.getByRole('button', { name: 'Войти' }).click();
  await expect.poll(() => page.getByTestId('list-queue').isVisible(), { timeout: 8000 }).toBe(true);
  return page;
}

/** What has keyboard focus: its element, its label (or text) and whether a focus outline is drawn. */
export function focused(page: Page): Promise<{ tag: string; text: string; outline: string }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const label = el?.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : undefined;
    return { tag: el?.tagName.toLowerCase() ?? '', text: (label ?? el?.getAttribute('aria-label') ?? el?.textContent ?? '').trim(), outline: el ? getComputedStyle(el).outlineStyle : '' };
  });
}

/**
 * A product server and a browser for a suite: started before its tests, handed to `use`, closed after.
 *
 * @example
 * let server: TestServer;
 * let browser: BrowserContext;
 * onServerAndBrowser(() => startTestServer(), (opened) => {
 *   ({ server, browser } = opened);
 * });
 */
export function onServerAndBrowser(start: () => Promise<TestServer>, use: (opened: { server: TestServer; browser: BrowserContext }) => void): void {
  let server: TestServer | undefined;
  let close: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    server = await start();
    const launched = await launchBrowser();
    close = launched.close;
    use({ server, browser: launched.browser });
  });
  afterAll(async () => {
    await close?.();
    await server?.close();
  });
}
