import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { FastifyPluginAsync } from 'fastify';
import { browserScript } from '../../widget/build';
import type { AppDeps } from '../app';

const SCRIPT = 'application/javascript; charset=utf-8';

/**
 * The demo page with the chat widget and the widget script any page can embed; the 1414 operator
 * console page and its script. Both scripts are bundled in memory at start.
 */
export const pageRoutes: FastifyPluginAsync<AppDeps> = async (app) => {
  const [demoPage, widgetScript, consolePage, consoleScript] = await Promise.all([
    readFile(new URL('../../widget/demo.html', import.meta.url), 'utf8'),
    browserScript('widget.js'),
    readFile(new URL('../../widget/operator/index.html', import.meta.url), 'utf8'),
    browserScript('operator.js'),
  ]);
  const demoPolicy = strictPolicy(demoPage);
  const consoleIn = {
    kk: consolePage.replace('<html lang="ru">', '<html lang="kk">'),
    ru: consolePage,
  };

  app.get('/', { schema: { hide: true } }, async (_request, reply) => reply.type('text/html; charset=utf-8').header('content-security-policy', demoPolicy).send(demoPage));
  app.get('/widget.js', { schema: { hide: true } }, async (_request, reply) => reply.type(SCRIPT).header('cache-control', 'public, max-age=300').send(widgetScript));

  // ?lang=kk|ru sets <html lang> (ru otherwise); the console keeps a language chosen in it.
  app.get('/operator', { schema: { hide: true } }, async (request, reply) => {
    const lang = (request.query as { lang?: unknown } | undefined)?.lang === 'kk' ? 'kk' : 'ru';
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(consoleIn[lang]);
  });
  app.get('/operator.js', { schema: { hide: true } }, async (_request, reply) => reply.type(SCRIPT).header('cache-control', 'no-cache').send(consoleScript));
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
