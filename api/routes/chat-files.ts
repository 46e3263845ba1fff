import type { FastifyError, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { conversationIdForToken, isSessionToken, type EndedSessions } from '../../bot/channels/web';
import { detectFileType } from '../../domain/file-type';
import type { Texts } from '../../locales/i18n';
import type { ConversationStore, Files, Lang, StoredFile } from '../../store/types';
import { bearerToken } from '../bearer';
import { ApiError, apiError } from '../errors';
import { requestLang } from '../request-lang';

export interface ChatFileDeps {
  files: Files;
  conversations: Pick<ConversationStore, 'get'>;
  /** FILE_MAX_BYTES: a larger body is refused with 413 before it is read. */
  maxBytes: number;
  texts: Texts;
  defaultLang: Lang;
  /** Conversations the citizen ended: their token uploads and reads nothing more. */
  endedSessions?: Pick<EndedSessions, 'get'>;
}

/** The types a citizen may attach, as they are named to them. */
const ACCEPTED = 'PDF, JPG, PNG';
const NAME_MAX = 200;

const SentFileBody = z.object({ id: z.string(), name: z.string(), mime: z.string(), size: z.number().int() });

/** The file name the widget sent (URL-encoded), without any path, or `file`. */
export function fileNameFrom(header: string | string[] | undefined): string {
  let name = Array.isArray(header) ? header[0] : header;
  try {
    name = name === undefined ? undefined : decodeURIComponent(name);
  } catch {
    name = undefined;
  }
  const clean = [...((name ?? '').split(/[\\/]/).pop() ?? '')]
    .filter((char) => char.charCodeAt(0) >= 0x20 && char.charCodeAt(0) !== 0x7f)
    .join('')
    .trim();
  return clean.slice(0, NAME_MAX) || 'file';
}

/** Sends a stored file as a download under its own name and detected type. */
export function sendStoredFile(reply: FastifyReply, file: StoredFile): FastifyReply {
  const ascii = file.name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return reply
    .header('content-type', file.mime)
    .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.name)}`)
    .header('cache-control', 'private, no-store')
    .send(file.bytes);
}

/**
 * A citizen's attachment for the complaints desk, which reads any conversation's files: the file,
 * or null when there is none under the id (or it expired). The desk route sends it with `sendStoredFile`.
 */
export async function complaintFileForDesk(files: Pick<Files, 'get'>, id: string): Promise<StoredFile | null> {
  return files.get(id);
}

/**
 * Widget attachments: the raw file posted with the widget's session token, its type found in its
 * content, kept under the token's conversation; read back only with the same token. The file is
 * then sent on the socket as `{ "type": "file", "id" }`.
 */
export const chatFileRoutes: FastifyPluginAsync<ChatFileDeps> = async (fastify, deps) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: deps.maxBytes }, (_request, body, done) => done(null, body));

  const langOf = (request: FastifyRequest): Lang => requestLang(request, deps.defaultLang);
  /** The conversation of the bearer's widget session, when it has one. */
  const conversationOf = async (request: FastifyRequest): Promise<string | null> => {
    const token = bearerToken(request);
    if (!token || !isSessionToken(token)) return null;
    const id = conversationIdForToken(token);
    if (await deps.endedSessions?.get(id)) return null;
    return (await deps.conversations.get(id)) ? id : null;
  };

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error.statusCode === 413) {
      const mb = new Intl.NumberFormat(langOf(request) === 'kk' ? 'kk-KZ' : 'ru-RU', { maximumFractionDigits: 1 }).format(deps.maxBytes / (1024 * 1024));
      return reply.code(413).send(apiError('file_size', deps.texts.t(langOf(request), 'questionnaire:errors.file_size', { size: mb })));
    }
    if (error.statusCode === 415) return reply.code(415).send(apiError('unsupported_media_type', 'Send the file as application/octet-stream'));
    throw error;
  });

  // The widget is embedded on other sites and authorises with a bearer token, not cookies: any origin may call.
  app.addHook('onRequest', async (_request, reply) => {
    reply.header('access-control-allow-origin', '*');
  });
  const preflight = async (_request: FastifyRequest, reply: FastifyReply) =>
    reply
      .code(204)
      .header('access-control-allow-methods', 'GET, POST')
      .header('access-control-allow-headers', 'authorization, content-type, x-file-name, accept-language')
      .header('access-control-max-age', '600')
      .send();
  app.options('/api/chat/files', { schema: { hide: true } }, preflight);
  app.options('/api/chat/files/:id', { schema: { hide: true } }, preflight);

  app.post(
    '/api/chat/files',
    {
      bodyLimit: deps.maxBytes,
      schema: {
        summary: "Attach a file to the widget's conversation (JPEG, PNG or PDF by content), then send the socket frame { type: 'file', id }",
        tags: ['chat'],
        security: [{ bearer: [] }],
        headers: z.object({ 'x-file-name': z.string().max(1000).optional() }),
        response: { 201: SentFileBody, 400: ApiError, 401: ApiError, 413: ApiError },
      },
    },
    async (request, reply) => {
      const conversationId = await conversationOf(request);
      if (!conversationId) return reply.code(401).send(apiError('unauthorized', 'The widget session token is missing or unknown'));
      const bytes = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const mime = detectFileType(bytes);
      if (!mime) return reply.code(400).send(apiError('file_type', deps.texts.t(langOf(request), 'questionnaire:errors.file_type', { types: ACCEPTED })));
      const name = fileNameFrom(request.headers['x-file-name']);
      const { id, size } = await deps.files.put(bytes, { name, mime, owner: conversationId });
      return reply.code(201).send({ id, name, mime, size });
    },
  );

  app.get(
    '/api/chat/files/:id',
    {
      schema: {
        summary: "A file of the widget's own conversation",
        tags: ['chat'],
        security: [{ bearer: [] }],
        params: z.object({ id: z.string().min(1).max(64) }),
        response: { 401: ApiError, 404: ApiError },
      },
    },
    async (request, reply) => {
      const conversationId = await conversationOf(request);
      if (!conversationId) return reply.code(401).send(apiError('unauthorized', 'The widget session token is missing or unknown'));
      const file = await deps.files.get(request.params.id);
      // Another conversation's file is answered as missing, so ids cannot be probed.
      if (!file || file.owner !== conversationId) return reply.code(404).send(apiError('not_found', 'No such file'));
      return sendStoredFile(reply, file);
    },
  );
};
