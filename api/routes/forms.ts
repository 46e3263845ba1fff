import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { FormFiles } from '../../bot/forms';
import { ApiError, apiError } from '../errors';

/** Download of a filled application form by its signed link (the widget's attachments). */
export const formRoutes: FastifyPluginAsync<{ forms: FormFiles }> = async (fastify, { forms }) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get('/api/forms/:conversationId/:file', {
    schema: {
      tags: ['forms'],
      summary: 'A filled application form as PDF (signed link from the chat)',
      params: z.object({
        conversationId: z.string().max(80),
        file: z
          .string()
          .max(80)
          .regex(/^[A-Za-z0-9_-]+\.pdf$/),
      }),
      querystring: z.object({ sig: z.string().max(64) }),
      response: { 200: z.any().describe('application/pdf'), 404: ApiError, 403: ApiError },
    },
    handler: async (request, reply) => {
      const { conversationId, file } = request.params;
      const formId = file.slice(0, -4);
      if (!forms.verify(conversationId, formId, request.query.sig)) return reply.code(403).send(apiError('bad_signature', 'This link is not valid'));
      const pdf = await forms.render(conversationId, formId);
      if (!pdf) return reply.code(404).send(apiError('form_not_found', 'No such form in this conversation'));
      return reply.type('application/pdf').header('content-disposition', `attachment; filename="${formId}.pdf"`).header('cache-control', 'private, no-store').send(pdf);
    },
  });
};
