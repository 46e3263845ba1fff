import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { FormFiles } from '../../bot/forms';
import type { Texts } from '../../locales/i18n';
import type { Lang } from '../../store/types';
import { ApiError, apiError } from '../errors';
import { requestLang } from '../request-lang';

export interface FormRouteDeps {
  forms: FormFiles;
  /** Refusals are worded in the language the browser asks for, else this one. */
  texts: Texts;
  defaultLang: Lang;
}

/**
 * Download of a filled application form by its signed link (the widget's attachments). A link is
 * good for one conversation and form until its expiry; an expired one answers 410, a foreign or
 * altered one 403, both in the error shape with a message the citizen reads.
 */
export const formRoutes: FastifyPluginAsync<FormRouteDeps> = async (fastify, { forms, texts, defaultLang }) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get('/api/forms/:conversationId/:file', {
    schema: {
      tags: ['forms'],
      summary: 'A filled application form as PDF (signed link from the chat, good until exp)',
      params: z.object({
        conversationId: z.string().max(80),
        file: z
          .string()
          .max(80)
          .regex(/^[A-Za-z0-9_-]+\.pdf$/),
      }),
      querystring: z.object({ sig: z.string().max(64), exp: z.coerce.number().int().optional() }),
      response: { 200: z.any().describe('application/pdf'), 403: ApiError, 404: ApiError, 410: ApiError },
    },
    handler: async (request, reply) => {
      const { conversationId, file } = request.params;
      const formId = file.slice(0, -4);
      const lang = requestLang(request, defaultLang);
      const check = forms.verify(conversationId, formId, request.query.sig, request.query.exp);
      if (check === 'expired') return reply.code(410).send(apiError('link_expired', texts.t(lang, 'privacy:links.expired')));
      if (check === 'invalid') return reply.code(403).send(apiError('bad_signature', texts.t(lang, 'privacy:links.invalid')));
      const pdf = await forms.render(conversationId, formId);
      if (!pdf) return reply.code(404).send(apiError('form_not_found', texts.t(lang, 'privacy:links.not_found')));
      return reply.type('application/pdf').header('content-disposition', `attachment; filename="${formId}.pdf"`).header('cache-control', 'private, no-store').send(pdf);
    },
  });
};
