import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiError, apiError } from '../../errors';
import { CANNED_CODE } from '../../operator/canned';
import { actorOf, bearer, type OperatorRouteOptions } from './deps';

const Canned = z.object({ code: z.string(), kk: z.string(), ru: z.string(), updatedBy: z.string(), updatedAt: z.string() });

/** The operator's desk: canned answers, and (for supervisors) ratings and the audit log. */
export const deskRoutes: FastifyPluginAsync<OperatorRouteOptions> = async (fastify, { canned, ratings, audit, requireRole }) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get('/api/operator/canned', {
    schema: { tags: ['operator'], summary: 'Canned answers in kk and ru', security: bearer, response: { 200: z.array(Canned), 401: ApiError } },
    onRequest: requireRole(),
    handler: () => canned.list(),
  });

  app.put('/api/operator/canned/:code', {
    schema: {
      tags: ['operator'],
      summary: 'Add or change a canned answer (supervisors)',
      security: bearer,
      params: z.object({ code: z.string().regex(CANNED_CODE, 'use 1–32 of a–z 0–9 _ -') }),
      body: z.object({ kk: z.string().trim().min(1).max(2000), ru: z.string().trim().min(1).max(2000) }),
      response: { 200: Canned, 400: ApiError, 401: ApiError, 403: ApiError },
    },
    onRequest: requireRole('supervisor', 'admin'),
    handler: async (request) => {
      const actor = actorOf(request);
      const answer = await canned.put(request.params.code, request.body, actor.login);
      await audit.record(actor.login, 'canned.put', answer.code);
      return answer;
    },
  });

  app.delete('/api/operator/canned/:code', {
    schema: {
      tags: ['operator'],
      summary: 'Remove a canned answer (supervisors)',
      security: bearer,
      params: z.object({ code: z.string().max(32) }),
      response: { 204: z.null(), 401: ApiError, 403: ApiError, 404: ApiError },
    },
    onRequest: requireRole('supervisor', 'admin'),
    handler: async (request, reply) => {
      const actor = actorOf(request);
      if (!(await canned.remove(request.params.code))) return reply.code(404).send(apiError('not_found', `No canned answer ${request.params.code}`));
      await audit.record(actor.login, 'canned.delete', request.params.code);
      return reply.code(204).send(null);
    },
  });

  app.get('/api/operator/ratings', {
    schema: {
      tags: ['operator'],
      summary: "Citizens' ratings of operators' help, newest first (supervisors)",
      security: bearer,
      querystring: z.object({ limit: z.coerce.number().int().min(1).max(1000).default(100) }),
      response: {
        200: z.array(z.object({ conversationId: z.string(), score: z.number(), comment: z.string().optional(), operator: z.string().optional(), at: z.string() })),
        401: ApiError,
        403: ApiError,
      },
    },
    onRequest: requireRole('supervisor', 'admin'),
    handler: (request) => ratings.list(request.query.limit),
  });

  app.get('/api/operator/audit', {
    schema: {
      tags: ['operator'],
      summary: 'Who changed what and when, newest first (supervisors)',
      security: bearer,
      querystring: z.object({ limit: z.coerce.number().int().min(1).max(1000).default(100) }),
      response: {
        200: z.array(z.object({ at: z.string(), actor: z.string(), action: z.string(), target: z.string().optional(), details: z.record(z.string(), z.unknown()).optional() })),
        401: ApiError,
        403: ApiError,
      },
    },
    onRequest: requireRole('supervisor', 'admin'),
    handler: (request) => audit.list(request.query.limit),
  });
};
