import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../app';
import { bearerCheck } from '../bearer';
import { apiError } from '../errors';

/** Readiness answers within a second: a store that does not answer by then counts as down. */
export const READY_TIMEOUT_MS = 800;

/** The store's ping, false when it fails or does not answer within `ms`. */
async function pingWithin(ping: () => Promise<boolean>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([ping().catch(() => false), late]);
  } finally {
    clearTimeout(timer);
  }
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
const FORWARDING = ['x-forwarded-for', 'forwarded', 'x-real-ip'];

/** A request made on this machine itself, not relayed by a proxy (which would connect from loopback too). */
function fromThisMachine(request: FastifyRequest): boolean {
  return LOOPBACK.has(request.socket.remoteAddress ?? '') && FORWARDING.every((header) => request.headers[header] === undefined);
}

export const healthRoutes: FastifyPluginAsync<AppDeps> = async (fastify, { store, metrics, config }) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const carriesMetricsToken = config.METRICS_TOKEN ? bearerCheck(config.METRICS_TOKEN) : undefined;

  app.get('/health', {
    schema: { tags: ['health'], summary: 'Liveness', response: { 200: z.object({ status: z.literal('ok') }) } },
    config: { rateLimit: false },
    handler: async () => ({ status: 'ok' as const }),
  });

  app.get('/health/ready', {
    schema: {
      tags: ['health'],
      summary: 'Readiness: the store answers (within a second; otherwise 503)',
      response: { 200: z.object({ status: z.literal('ok'), store: z.string() }), 503: z.object({ status: z.literal('unavailable'), store: z.string() }) },
    },
    handler: async (_request, reply) => {
      const ok = await pingWithin(() => store.ping(), READY_TIMEOUT_MS);
      return ok ? { status: 'ok' as const, store: store.kind } : reply.code(503).send({ status: 'unavailable' as const, store: store.kind });
    },
  });

  // Metrics tell how busy the service is and how it fails: with METRICS_TOKEN they need it as a
  // bearer token; without, only a request made on this machine gets them.
  app.get('/metrics', { schema: { hide: true }, config: { rateLimit: false } }, async (request, reply) => {
    if (carriesMetricsToken ? !carriesMetricsToken(request) : !fromThisMachine(request)) {
      const message = carriesMetricsToken ? 'Send Authorization: Bearer <METRICS_TOKEN>' : 'Metrics are served to this machine only: set METRICS_TOKEN to read them from elsewhere';
      return reply.code(401).send(apiError('unauthorized', message));
    }
    reply.type(metrics.registry.contentType);
    return metrics.registry.metrics();
  });
};
