import { readFile } from 'node:fs/promises';
import type { FastifyPluginAsync } from 'fastify';
import { bundle } from '../../widget/build';
import type { AppDeps } from '../app';

/** The demo page with the chat widget, and the widget script any page can embed. */
export const pageRoutes: FastifyPluginAsync<AppDeps> = async (app) => {
  const [demoPage, widgetScript] = await Promise.all([
    readFile(new URL('../../widget/demo.html', import.meta.url), 'utf8'),
    bundle('chat/index.ts'),
  ]);

  app.get('/', { schema: { hide: true } }, async (_request, reply) => reply.type('text/html; charset=utf-8').send(demoPage));
  app.get('/widget.js', { schema: { hide: true } }, async (_request, reply) =>
    reply.type('application/javascript; charset=utf-8').header('cache-control', 'public, max-age=300').send(widgetScript),
  );
};
