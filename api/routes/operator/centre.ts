import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { describeHours } from '../../../flows/operator';
import { ApiError } from '../../errors';
import { bearer, type OperatorRouteOptions } from './deps';

const Centre = z.object({ open: z.boolean(), hours: z.string() });

/** Whether the contact centre is open now, with its hours in the console's language: the console shows a banner when it is closed. */
export const centreRoutes: FastifyPluginAsync<OperatorRouteOptions> = async (fastify, { handoff, texts, requireRole }) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get('/api/operator/centre', {
    schema: {
      tags: ['operator'],
      summary: 'The contact centre now: open or closed (hours, days off), and its hours in words',
      security: bearer,
      querystring: z.object({ lang: z.enum(['kk', 'ru']).default('ru') }),
      response: { 200: Centre, 401: ApiError },
    },
    onRequest: requireRole(),
    handler: (request) => {
      const { open, hours } = handoff.availability();
      return { open, hours: describeHours(hours, texts.translator(request.query.lang)) };
    },
  });
};
