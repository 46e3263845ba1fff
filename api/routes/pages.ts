import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { FastifyPluginAsync } from 'fastify';
import { browserScript } from '../../widget/build';
import type { AppDeps } from '../app';
import { StaticAsset } from '../static-asset';

const SCRIPT = 'application/javascript; charset=utf-8';
const JSON_TEXT = 'application/json; charset=utf-8';
/** Scripts and texts are checked with the server on every use (a 304 when unchanged)... */
const REVALIDATE = 'no-cache';
/** ...but the widget, embedded in others' pages, may be kept for five minutes first. */
const EMBEDDED = 'public, max-age=300';
/** The console script under its content's hash, as the console page names it: it never changes. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * The demo page with the chat widget and the widget script any page can embed; the 1414 operator
 * console page, its script and its texts, one language at a time. The scripts are built with the
 * server (npm run build), or bundled in memory at start when it runs from its sources. Scripts and
 * texts go out compressed when the browser takes it, with an ETag.
 */
export const pageRoutes: FastifyPluginAsync<AppDeps> = async (app) => {
  const [demoPage, widgetScript, consolePage, consoleScript, kkTexts, ruTexts] = await Promise.all([
    readFile(new URL('../../widget/demo.html', import.meta.url), 'utf8'),
    browserScript('widget.js'),
    readFile(new URL('../../widget/operator/index.html', import.meta.url), 'utf8'),
    browserScript('operator.js'),
    readFile(new URL('../../locales/kk/console.json', import.meta.url)),
    readFile(new URL('../../locales/ru/console.json', import.meta.url)),
  ]);
  const demoPolicy = strictPolicy(demoPage);
  const widget = new StaticAsset(widgetScript, SCRIPT);
  const consoleAsset = new StaticAsset(consoleScript, SCRIPT);
  const consoleTexts = { kk: new StaticAsset(kkTexts, JSON_TEXT), ru: new StaticAsset(ruTexts, JSON_TEXT) };
  const versioned = consolePage.replace('src="/operator.js"', `src="/operator.js?v=${consoleAsset.hash}"`);
  const consoleIn = {
    kk: versioned.replace('<html lang="ru">', '<html lang="kk">'),
    ru: versioned,
  };

  app.get('/', { schema: { hide: true } }, async (_request, reply) => reply.type('text/html; charset=utf-8').header('content-security-policy', demoPolicy).send(demoPage));
  app.get('/widget.js', { schema: { hide: true } }, async (request, reply) => widget.send(request, reply, EMBEDDED));

  // ?lang=kk|ru sets <html lang> (ru otherwise); the console keeps a language chosen in it.
  app.get('/operator', { schema: { hide: true } }, async (request, reply) => {
    const lang = (request.query as { lang?: unknown } | undefined)?.lang === 'kk' ? 'kk' : 'ru';
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(consoleIn[lang]);
  });
  app.get('/operator.js', { schema: { hide: true } }, async (request, reply) => {
    const version = (request.query as { v?: unknown } | undefined)?.v;
    return consoleAsset.send(request, reply, version === consoleAsset.hash ? IMMUTABLE : REVALIDATE);
  });
  app.get('/operator/texts/:lang', { schema: { hide: true } }, async (request, reply) => {
    const { lang } = request.params as { lang: string };
    if (lang !== 'kk' && lang !== 'ru') return reply.callNotFound();
    return consoleTexts[lang].send(request, reply, REVALIDATE);
  });
};

/**
 * The demo page's Content-Security-Policy, as strict as a careful site's: scripts only from files,
 * no inline script or style, the page's own <style> allowed by its hash. The widget works under it:
 * its styles are a constructed stylesheet in its shadow root, which style-src does not govern.
 */
function strictPolicy(page: string): string {
  const styles = [...page.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => `'sha256-${createHash('sha256').update(m[1]!).digest('base64')}'`);
  return [
    "default-src 'self'",
    "script-src 'self'",
    `style-src 'self' ${styles.join(' ')}`.trim(),
    "img-src 'self' data: blob:",
    "connect-src 'self' ws: wss:",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'self'",
  ].join('; ');
}
