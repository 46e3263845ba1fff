import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { INTENTS, parse } from '../../flows/nlu';
import { SERVICE_IDS } from '../../flows/catalog/schema';
import type { Lang } from '../../store/types';
import { ApiError } from '../errors';

/** What the assistant understands of a text (DESIGN.md §6): intent, service, language. */
export const nluRoutes: FastifyPluginAsync<{ defaultLang: Lang }> = async (fastify, { defaultLang }) => {
  fastify.withTypeProvider<ZodTypeProvider>().post('/api/nlu/parse', {
    schema: {
      tags: ['nlu'],
      summary: 'Intent, service and language of a citizen text',
      body: z.object({ text: z.string().min(1).max(10_000) }),
      response: {
        200: z.object({ intent: z.enum(INTENTS), serviceId: z.enum(SERVICE_IDS).nullable(), lang: z.enum(['kk', 'ru']), confidence: z.number().min(0).max(1) }),
        400: ApiError,
      },
    },
    handler: async (request) => parse(request.body.text, defaultLang),
  });
};
