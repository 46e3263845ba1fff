import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { COMPLAINT_AGAINST } from '../../domain/complaint';
import { SERVICE_IDS } from '../../flows/catalog/schema';
import { INTENTS, parse, QUESTION_TOPICS } from '../../flows/nlu';
import type { Lang } from '../../store/types';
import { ApiError } from '../errors';

const guess = z.object({ intent: z.enum(INTENTS), serviceId: z.enum(SERVICE_IDS).nullable(), confidence: z.number().min(0).max(1) });

/** What the assistant understands of a text (DESIGN.md §6): intent, service, language, and the next best guesses. */
export const nluRoutes: FastifyPluginAsync<{ defaultLang: Lang }> = async (fastify, { defaultLang }) => {
  fastify.withTypeProvider<ZodTypeProvider>().post('/api/nlu/parse', {
    schema: {
      tags: ['nlu'],
      summary: 'Intent, service and language of a citizen text',
      body: z.object({ text: z.string().min(1).max(10_000) }),
      response: {
        200: z.object({
          intent: z.enum(INTENTS),
          serviceId: z.enum(SERVICE_IDS).nullable(),
          lang: z.enum(['kk', 'ru']),
          confidence: z.number().min(0).max(1),
          langCertain: z.boolean(),
          alternatives: z.array(guess),
          ambiguous: z.array(z.enum(SERVICE_IDS)).optional(),
          applicationNumber: z.string().optional(),
          against: z.enum(COMPLAINT_AGAINST).optional(),
          topic: z.enum(QUESTION_TOPICS).optional(),
        }),
        400: ApiError,
      },
    },
    handler: async (request) => parse(request.body.text, defaultLang),
  });
};
