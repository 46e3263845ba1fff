import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../app';

export const healthRoutes: FastifyPluginAsync<AppDeps> = async (fastify, { store, metrics }) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get('/health', {
    schema: { tags: ['health'], summary: 'Liveness', response: { 200: z.object({ status: z.literal('ok') }) } },
    config: { rateLimit: false },
    handler: async () => ({ status: 'ok' as const }),
  });

  app.get('/health/ready', {
    schema: {
      tags: ['health'],
      summary: 'Readiness: the store answers',
      response: { 200: z.object({ status: z.literal('ok'), store: z.string() }), 503: z.object({ status: z.literal('unavailable'), store: z.string() }) },
    },
    handler: async (_request, reply) => {
      const ok = await store.ping().catch(() => false);
      return ok ? { status: 'ok' as const, store: store.kind } : reply.code(503).send({ status: 'unavailable' as const, store: store.kind });
    },
  });

  app.get('/metrics', { schema: { hide: true }, config: { rateLimit: false } }, async (_request, reply) => {
    reply.type(metrics.registry.contentType);
    return metrics.registry.metrics();
  });
};
