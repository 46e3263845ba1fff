import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { bundle, gzippedSize } from '../../widget/build';
import { launchBrowser } from '../support/browser';
import { startTestServer, type TestServer } from '../support/server';
import { poll } from '../support/widget';

/** A stylesheet that would break any widget styled from the page: everything unset and tiny, buttons gone. */
const HOSTILE_CSS = '* { all: unset !important; font-size: 3px !important } button { display: none !important } div { position: static !important }';

/** The host page's own script (no inline script under its CSP): records the widget's events and any CSP violation. */
const HOST_JS = `
window.seen = [];
window.violations = [];
document.addEventListener('securitypolicyviolation', (e) => window.violations.push(e.violatedDirective + ' ' + e.blockedURI));
document.addEventListener('citizen-assistant:open', () => window.seen.push('open'));
document.addEventListener('citizen-assistant:close', () => window.seen.push('close'));
`;

/** A site on another origin that embeds the widget with one line, under a strict CSP, with hostile styles. */
async function startHostSite(widgetOrigin: string): Promise<{ url: string; server: Server }> {
  const page = `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Сайт колледжа</title>
<link rel="stylesheet" href="/hostile.css"><script src="/host.js"></script>
<script src="${widgetOrigin}/widget.js" data-lang="ru" data-position="left" data-title="Колледж — помощник" data-color="#5a2d82" async></script>
</head><body><h1>Колледж</h1><p>Страница сайта.</p></body></html>`;
  // Another page of the same site with today's inline box: the chat shows in it, without a launcher.
  const inline = `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Контакты</title><link rel="stylesheet" href="/hostile.css"></head>
<body><h1>Контакты</h1><div id="citizen-assistant"></div><script src="${widgetOrigin}/widget.js" data-lang="ru" defer></script></body></html>`;
  const ws = widgetOrigin.replace(/^http/, 'ws');
  const policy = `default-src 'self'; script-src 'self' ${widgetOrigin}; style-src 'self'; img-src 'self' data: blob:; connect-src 'self' ${widgetOrigin} ${ws}`;
  const server = createServer((request, response) => {
    const files: Record<string, [string, string]> = {
      '/': ['text/html', page],
      '/hostile.css': ['text/css', HOSTILE_CSS],
      '/host.js': ['application/javascript', HOST_JS],
      '/contacts': ['text/html', inline],
    };
    const file = files[request.url ?? ''];
    if (!file) return response.writeHead(404).end();
    response.writeHead(200, { 'content-type': `${file[0]}; charset=utf-8`, 'content-security-policy': policy }).end(file[1]);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server };
}

describe('the widget embedded with one line on another site', () => {
  let server: TestServer;
  let host: { url: string; server: Server };
  let browser: BrowserContext;
  let closeBrowser: () => Promise<void>;
  beforeAll(async () => {
    server = await startTestServer();
    host = await startHostSite(server.url.replace('localhost', '127.0.0.1'));
    ({ browser, close: closeBrowser } = await launchBrowser());
  });
  afterAll(async () => {
    await closeBrowser?.();
    await new Promise((resolve) => host?.server.close(resolve));
    await server?.close();
  });

  it('is one script of at most 30 KB gzipped', async () => {
    const size = gzippedSize(await bundle('chat/index.ts'));
    expect(size).toBeLessThanOrEqual(30 * 1024);
  });

  it("keeps its looks under the page's hostile stylesheet and strict CSP, and answers to its JS API", async () => {
    expect(new URL(host.url).port).not.toBe(new URL(server.url).port);
    const page = await browser.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(host.url);
    const launcher = page.getByTestId('chat-launcher');
    await poll(() => launcher.isVisible()).toBe(true);
    // The launcher is a real, large button on the left as asked, in the site's colour.
    const box = (await launcher.boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(44);
    expect(box.x).toBeLessThan(100);
    expect(await launcher.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(90, 45, 130)');

    await launcher.click();
    const log = page.getByTestId('chat-log');
    await poll(() => log.textContent()).toContain('Здравствуйте!');
    expect(await page.getByRole('heading', { name: 'Колледж — помощник' }).isVisible()).toBe(true);
    // The page's 3 px and display:none do not reach inside: readable text, visible buttons.
    const text = log.locator(':scope > li').first();
    expect(Number.parseFloat(await text.evaluate((el) => getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(16);
    expect(await page.locator('[data-choice="menu:checklist"]').last().isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Отправить' }).isVisible()).toBe(true);
    // And the widget does not restyle the page.
    expect(await page.locator('h1').evaluate((el) => getComputedStyle(el).fontSize)).toBe('3px');

    // The JS API: close, open, the language, and an event each time the panel opens or closes.
    await page.evaluate(() => (window as any).CitizenAssistant.close());
    await poll(() => log.isVisible()).toBe(false);
    await page.evaluate(() => (window as any).CitizenAssistant.open());
    await poll(() => log.isVisible()).toBe(true);
    expect(await page.evaluate(() => (window as any).seen)).toEqual(['open', 'close', 'open']);
    await page.evaluate(() => (window as any).CitizenAssistant.setLanguage('kk'));
    await poll(() => log.textContent()).toContain('Тіл ауыстырылды: қазақ тілі.');
    expect(await page.getByRole('button', { name: 'Жіберу' }).isVisible()).toBe(true);

    // Nothing the widget does needs the host page to loosen its CSP.
    expect(await page.evaluate(() => (window as any).violations)).toEqual([]);
    await page.close();
  });

  it('shows the chat inline in #citizen-assistant, and the conversation follows the citizen to another page of the site', async () => {
    const page = await browser.newPage();
    await page.goto(host.url);
    await page.getByTestId('chat-launcher').click();
    await page.getByRole('textbox').fill('Где получить дубликат диплома?');
    await page.keyboard.press('Enter');
    await poll(() => page.locator('[data-from="citizen"]').last().textContent()).toBe('Где получить дубликат диплома?');

    await page.goto(`${host.url}contacts`);
    await poll(() => page.locator('[data-from="citizen"]').allTextContents()).toContain('Где получить дубликат диплома?');
    expect(await page.getByTestId('chat-launcher').count()).toBe(0);
    expect(await page.locator('#citizen-assistant').getByTestId('chat-log').isVisible()).toBe(true);
    await page.close();
  });
});
