import type { Page } from 'playwright-core';
import { poll } from './browser';

export { poll };

/** Texts of the widget's log, one per message. */
export function messages(page: Page): Promise<string[]> {
  return page.getByTestId('chat-log').locator(':scope > li').allTextContents();
}

/** Presses a bot button by its choice id (the last one offered) and waits for the bot's answer. */
export async function press(page: Page, id: string): Promise<void> {
  const before = await page.getByTestId('chat-log').locator(':scope > li').count();
  await page.locator(`[data-choice="${id}"]`).last().click();
  await poll(() => page.getByTestId('chat-log').locator(':scope > li').count()).toBeGreaterThan(before + 1);
}

/**
 * From the greeting to a service's checklist: the menu's "documents", the service, then the first
 * answer to each question until the list of checkboxes shows.
 */
export async function openChecklist(page: Page, serviceId: string): Promise<void> {
  await press(page, 'menu:checklist');
  await press(page, `svc:${serviceId}`);
  const items = page.getByTestId('chat-log').locator(':scope > li');
  while ((await page.locator('input[type=checkbox]').count()) === 0) {
    const before = await items.count();
    await items.last().locator('[data-choice^="ans:"]').first().click();
    await poll(() => items.count()).toBeGreaterThan(before + 1);
  }
}

/** Whether the page scrolls sideways (content wider than the viewport). */
export function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
}

/** Opens the demo page as a first-time visitor: no conversation kept from an earlier test on this profile. */
export async function freshVisit(page: Page, url: string): Promise<void> {
  // Storage is cleared on a page of the same origin without the widget, so no socket can write a token back.
  await page.goto(`${url}/health`);
  await page.evaluate(() => {
    localStorage.clear();
    sessionStorage.clear();
  });
  await page.goto(url);
  await poll(() => page.locator('[data-choice="menu:checklist"]').count()).toBeGreaterThan(0);
}
