import { readFile } from 'node:fs/promises';
import type { FastifyPluginAsync } from 'fastify';
import { bundle } from '../../widget/build';
import type { AppDeps } from '../app';

const SCRIPT = 'application/javascript; charset=utf-8';

/**
 * The demo page with the chat widget and the widget script any page can embed; the 1414 operator
 * console page and its script. Both scripts are bundled in memory at start.
 */
export const pageRoutes: FastifyPluginAsync<AppDeps> = async (app) => {
  const [demoPage, widgetScript, consolePage, consoleScript] = await Promise.all([
    readFile(new URL('../../widget/demo.html', import.meta.url), 'utf8'),
    bundle('chat/index.ts'),
    readFile(new URL('../../widget/operator/index.html', import.meta.url), 'utf8'),
    bundle('operator/index.ts'),
  ]);
  const consoleIn = {
    kk: consolePage.replace('<html lang="ru">', '<html lang="kk">'),
    ru: consolePage,
  };

  app.get('/', { schema: { hide: true } }, async (_request, reply) => reply.type('text/html; charset=utf-8').send(demoPage));
  app.get('/widget.js', { schema: { hide: true } }, async (_request, reply) => reply.type(SCRIPT).header('cache-control', 'public, max-age=300').send(widgetScript));

  // ?lang=kk|ru sets <html lang> (ru otherwise); the console keeps a language chosen in it.
  app.get('/operator', { schema: { hide: true } }, async (request, reply) => {
    const lang = (request.query as { lang?: unknown } | undefined)?.lang === 'kk' ? 'kk' : 'ru';
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(consoleIn[lang]);
  });
  app.get('/operator.js', { schema: { hide: true } }, async (_request, reply) => reply.type(SCRIPT).header('cache-control', 'no-cache').send(consoleScript));
};
