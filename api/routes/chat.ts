import type { FastifyPluginAsync } from 'fastify';
import { attachWebSocket, ENDED_SESSIONS } from '../../bot/channels/web';
import type { AppDeps } from '../app';

/** The widget WebSocket of DESIGN.md §6. */
export const chatRoutes: FastifyPluginAsync<AppDeps> = async (app, deps) => {
  const perIp = new Map<string, number>();
  const channel = {
    ...deps,
    defaultLang: deps.config.DEFAULT_LANG,
    conversations: deps.store.conversations,
    files: deps.store.files,
    endedSessions: deps.store.collection<{ endedAt: string }>(ENDED_SESSIONS),
    fileMaxBytes: deps.config.FILE_MAX_BYTES,
  };

  app.get('/ws/chat', { websocket: true, schema: { hide: true } }, (socket, request) => {
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
