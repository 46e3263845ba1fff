import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { APPLICATION_CHANNELS, APPLICATION_STATUSES } from '../../../domain/application';
import { maskIin } from '../../../domain/iin';
import { dueDateOf, isOverdue } from '../../../flows/status/due';
import { ApiError, apiError } from '../../errors';
import { APPLICATION_NUMBER } from '../applications';
import { actorOf, bearer, type OperatorRouteOptions } from './deps';

const Status = z.enum(APPLICATION_STATUSES);

const ApplicationBody = z.object({
  number: z.string(),
  serviceId: z.string(),
  channel: z.enum(APPLICATION_CHANNELS),
  submittedAt: z.string(),
  status: Status,
  updatedAt: z.string(),
  note: z.string().optional(),
  /** Enough to check with a caller: the birth date part and the last digit. */
  iinMasked: z.string().describe('The IIN with its middle digits hidden (900101*****7)'),
  history: z.array(z.object({ status: Status, at: z.string(), note: z.string().optional() })),
  subscriberCount: z.number().describe('Chats told of every change'),
  dueDate: z.string().optional().describe("YYYY-MM-DD by the service's term on the working-day calendar; absent when the catalog states no term in days"),
  registeredOn: z.string().optional(),
  overdue: z.boolean().describe('Past its due date and not final'),
});

/** GET /api/operator/applications/{number}: an application as its provider reported it, for any operator. */
export const applicationLookupRoutes: FastifyPluginAsync<OperatorRouteOptions> = async (fastify, { applications, audit, requireRole }) => {
  fastify.withTypeProvider<ZodTypeProvider>().get('/api/operator/applications/:number', {
    schema: {
      tags: ['operator'],
      summary: 'One application by its number, with its history, due date and subscribers',
      security: bearer,
      params: z.object({ number: z.string().regex(APPLICATION_NUMBER, 'use 1–64 of A–Z a–z 0–9 - / _') }),
      response: { 200: ApplicationBody, 400: ApiError, 401: ApiError, 404: ApiError },
    },
    onRequest: requireRole(),
    handler: async (request, reply) => {
      const application = await applications.get(request.params.number);
      if (!application) return reply.code(404).send(apiError('not_found', `No application ${request.params.number}`));
      await audit.record(actorOf(request).login, 'application.read', application.number);
      const due = dueDateOf(application);
      return {
        number: application.number,
        serviceId: application.serviceId,
        channel: application.channel,
        submittedAt: application.submittedAt,
        status: application.status,
        updatedAt: application.updatedAt,
        ...(application.note ? { note: application.note } : {}),
        iinMasked: maskIin(application.iin),
        history: application.history.map(({ status, at, note }) => ({ status, at, ...(note ? { note } : {}) })),
        subscriberCount: application.subscribers.length,
        ...(due ? { dueDate: due.due, registeredOn: due.registeredOn } : {}),
        overdue: isOverdue(application, new Date()),
      };
    },
  });
};
