import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { attachWebSocket, ENDED_SESSIONS } from '../../bot/channels/web';
import { ConversationNumbers } from '../../bot/conversation-numbers';
import type { AppDeps } from '../app';
import { apiError } from '../errors';

/**
 * Whether a page may open the widget socket: any when no list is set (WIDGET_ALLOWED_ORIGINS),
 * else a listed origin or this server's own pages (the demo page). A socket without an Origin
 * header comes from no browser page and is refused when a list is set.
 */
export function originAllowed(request: Pick<FastifyRequest, 'headers'>, allowed: readonly string[] | undefined): boolean {
  if (!allowed) return true;
  const origin = request.headers.origin;
  if (!origin) return false;
  if (allowed.includes(origin)) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

/** The widget WebSocket of DESIGN.md §6. */
export const chatRoutes: FastifyPluginAsync<AppDeps> = async (app, deps) => {
  const perIp = new Map<string, number>();
  const channel = {
    ...deps,
    defaultLang: deps.config.DEFAULT_LANG,
    conversations: deps.store.conversations,
    files: deps.store.files,
    numbers: new ConversationNumbers(deps.store),
    endedSessions: deps.store.collection<{ endedAt: string }>(ENDED_SESSIONS),
    fileMaxBytes: deps.config.FILE_MAX_BYTES,
    helloTimeoutMs: deps.config.WS_HELLO_TIMEOUT_SECONDS * 1000,
  };

  const checkOrigin = async (request: FastifyRequest, reply: FastifyReply) => {
    if (!originAllowed(request, deps.config.WIDGET_ALLOWED_ORIGINS)) return reply.code(403).send(apiError('origin_not_allowed', 'This page may not open the chat'));
  };

  app.get('/ws/chat', { websocket: true, schema: { hide: true }, onRequest: checkOrigin }, (socket, request) => {
    // request.ip follows TRUST_PROXY: a forged X-Forwarded-For does not open a new allowance.
    const ip = request.ip;
    const open = perIp.get(ip) ?? 0;
    if (open >= deps.config.MAX_WS_CONNECTIONS_PER_IP) {
      socket.close(1008, 'too many connections');
      return;
    }
    perIp.set(ip, open + 1);
    socket.on('close', () => {
      const left = (perIp.get(ip) ?? 1) - 1;
      if (left <= 0) perIp.delete(ip);
      else perIp.set(ip, left);
    });
    attachWebSocket(socket, channel);
  });
};
