import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApplicationConflict, ApplicationMismatch, type Applications, type ApplicationUpdate } from '../../bot/applications';
import { type Application, APPLICATION_CHANNELS, APPLICATION_STATUSES } from '../../domain/application';
import { findService } from '../../flows/catalog';
import { bearerCheck } from '../bearer';
import { ApiError, apiError } from '../errors';
import { IinField } from '../iin-field';

/** The provider's application number: what the citizen has on the receipt. */
export const APPLICATION_NUMBER = /^[A-Za-z0-9/_-]{1,64}$/;
const NUMBER_RULE = 'use 1–64 of A–Z a–z 0–9 - / _';

/** Updates in one batch at most. */
export const BATCH_LIMIT = 500;
/** Numbers of one batch worked on side by side (the updates of one number in their order). */
const BATCH_PARALLEL = 8;

const Time = z.iso.datetime({ offset: true, error: 'must be an ISO date-time with its offset, e.g. 2026-12-01T10:30:00+05:00' });

const Update = z.object({
  iin: IinField.describe("The applicant's IIN, 12 digits; an application keeps the IIN it was first posted with"),
  serviceId: z.string().refine((id) => findService(id) !== undefined, 'not a service of the catalog (GET /api/services lists them)'),
  status: z.enum(APPLICATION_STATUSES),
  submittedAt: Time,
  channel: z.enum(APPLICATION_CHANNELS),
  note: z.string().trim().max(1000, 'at most 1000 characters').optional().describe("The provider's comment on the status, shown to the citizen."),
  updatedAt: Time.optional().describe('When the status changed at the provider: orders updates that arrive out of order. Unset: when it is received.'),
});

const BatchItem = Update.extend({ number: z.string().regex(APPLICATION_NUMBER, NUMBER_RULE) });

const Answer = z.object({
  number: z.string(),
  status: z.enum(APPLICATION_STATUSES),
  history: z.array(z.object({ status: z.enum(APPLICATION_STATUSES), at: z.string(), note: z.string().optional() })),
});

const BatchResult = z.object({
  number: z.string(),
  status: z.union([z.literal(200), z.literal(201), z.literal(400), z.literal(409)]),
  error: ApiError.shape.error.optional(),
});

export function answerOf(application: Application): z.infer<typeof Answer> {
  return {
    number: application.number,
    status: application.status,
    history: application.history.map(({ status, at, note }) => ({ status, at, ...(note ? { note } : {}) })),
  };
}

const bearer = [{ bearer: [] as string[] }];

export interface ApplicationRouteOptions {
  applications: Applications;
  /** STATUS_API_TOKEN; unset, the routes answer 503 `status_api_off`. */
  token: string | undefined;
}

/**
 * The provider status API (DESIGN §6): providers post what became of applications, one by one or
 * in batches. In a scope of its own whose every request must carry the bearer token.
 */
export const applicationRoutes: FastifyPluginAsync<ApplicationRouteOptions> = async (fastify, { applications, token }) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const carriesToken = token === undefined ? undefined : bearerCheck(token);

  app.addHook('onRequest', async (request, reply) => {
    if (!carriesToken) return reply.code(503).send(apiError('status_api_off', 'The provider status API is off: STATUS_API_TOKEN is not set on this server'));
    if (!carriesToken(request)) {
      return reply.code(401).send(apiError('unauthorized', 'Send the status API token: Authorization: Bearer <STATUS_API_TOKEN>'));
    }
  });

  /** Applies one update; the outcome as the API states it. */
  type Applied = { status: 200 | 201; application: Application } | { status: 409; error: ApiError['error'] };
  const apply = async (number: string, update: ApplicationUpdate, receivedAt: Date): Promise<Applied> => {
    try {
      const outcome = await applications.update(number, update, receivedAt);
      return { status: outcome.created ? 201 : 200, application: outcome.application };
    } catch (error) {
      if (error instanceof ApplicationMismatch) return { status: 409, error: apiError('mismatch', error.message).error };
      if (error instanceof ApplicationConflict) return { status: 409, error: apiError('conflict', error.message).error };
      throw error;
    }
  };

  app.put('/api/applications/:number', {
    schema: {
      tags: ['provider'],
      summary: 'Report the status of an application (201 when it is new); the same update twice changes nothing',
      description:
        'The IIN and service of an application cannot change: an update naming others is refused with 409 `mismatch`. ' +
        'The current status is the one with the latest time (`updatedAt`, else when the update was received); ' +
        "an older update that arrives late goes into the history only. The application's subscribers are told of each new current status.",
      security: bearer,
      params: z.object({ number: z.string().regex(APPLICATION_NUMBER, NUMBER_RULE).describe('The provider\'s application number; a "/" in it is sent as %2F') }),
      body: Update,
      response: { 200: Answer, 201: Answer, 400: ApiError, 401: ApiError, 409: ApiError, 503: ApiError },
    },
    handler: async (request, reply) => {
      const result = await apply(request.params.number, request.body, new Date());
      if ('error' in result) return reply.code(result.status).send({ error: result.error });
      return reply.code(result.status).send(answerOf(result.application));
    },
  });

  app.post('/api/applications::batch', {
    bodyLimit: 2 * 1024 * 1024,
    schema: {
      tags: ['provider'],
      summary: `Report up to ${BATCH_LIMIT} application updates at once, each applied on its own`,
      description:
        'Each element of `updates` is the body of PUT /api/applications/{number} with its `number`. ' +
        'The results are in the order of the updates: 201 created, 200 applied (or already known), 400 invalid, 409 `mismatch`; ' +
        'updates of one number are applied in their order.',
      security: bearer,
      body: z.object({
        updates: z
          .array(z.unknown())
          .min(1)
          .max(BATCH_LIMIT, `at most ${BATCH_LIMIT} updates in one batch`)
          .describe('{ number, iin, serviceId, status, submittedAt, channel, note?, updatedAt? } each'),
      }),
      response: { 200: z.object({ results: z.array(BatchResult) }), 400: ApiError, 401: ApiError, 503: ApiError },
    },
    handler: async (request) => {
      const receivedAt = new Date();
      const { updates } = request.body;
      const results: z.infer<typeof BatchResult>[] = new Array(updates.length);
      const byNumber = new Map<string, { index: number; item: z.infer<typeof BatchItem> }[]>();
      updates.forEach((raw, index) => {
        const parsed = BatchItem.safeParse(raw);
        if (parsed.success) {
          const same = byNumber.get(parsed.data.number) ?? [];
          same.push({ index, item: parsed.data });
          byNumber.set(parsed.data.number, same);
          return;
        }
        const issue = parsed.error.issues[0];
        const where = issue?.path.length ? `${issue.path.join('/')}: ` : '';
        const number = raw !== null && typeof raw === 'object' && typeof (raw as { number?: unknown }).number === 'string' ? (raw as { number: string }).number : '';
        results[index] = { number, status: 400, error: apiError('bad_request', `updates/${index}/${where}${issue?.message ?? 'invalid'}`).error };
      });
      const groups = [...byNumber.values()];
      const worker = async () => {
        for (let group = groups.shift(); group; group = groups.shift()) {
          for (const { index, item } of group) {
            const { number, ...update } = item;
            const result = await apply(number, update, receivedAt);
            results[index] = 'error' in result ? { number, status: result.status, error: result.error } : { number, status: result.status };
          }
        }
      };
      await Promise.all(Array.from({ length: Math.min(BATCH_PARALLEL, groups.length) }, worker));
      return { results };
    },
  });
};
