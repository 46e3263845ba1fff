import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Complaints } from '../../../bot/complaints';
import type { Files } from '../../../store/types';
import { ApiError, apiError } from '../../errors';
import { complaintFileForDesk, sendStoredFile } from '../chat-files';
import { actorOf, bearer, type OperatorRouteOptions } from './deps';

/**
 * A complaint's attachment for the complaints desk (`GET /api/operator/complaints/{id}/attachments/{fileId}`):
 * only a file the complaint lists is served, so a file id alone opens nothing.
 */
export const complaintFileRoutes: FastifyPluginAsync<Pick<OperatorRouteOptions, 'requireRole' | 'audit'> & { complaints: Complaints; files: Files }> = async (
  fastify,
  { complaints, files, audit, requireRole },
) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get('/api/operator/complaints/:id/attachments/:fileId', {
    schema: {
      tags: ['operator'],
      summary: "One of a complaint's attachments (JPEG, PNG or PDF)",
      security: bearer,
      params: z.object({ id: z.string().max(64), fileId: z.string().max(64) }),
      response: { 401: ApiError, 404: ApiError },
    },
    onRequest: requireRole(),
    handler: async (request, reply) => {
      const { id, fileId } = request.params;
      const complaint = await complaints.get(id);
      const listed = complaint?.value.attachments.some((a) => a.id === fileId);
      const file = listed ? await complaintFileForDesk(files, fileId) : null;
      if (!file) return reply.code(404).send(apiError('not_found', 'No such attachment of this complaint'));
      await audit.record(actorOf(request).login, 'complaint.attachment_read', id, { fileId });
      return sendStoredFile(reply, file);
    },
  });
};
