import type { FastifyPluginAsync } from 'fastify';
import type { TelegramChannel } from '../../bot/channels/telegram';

/**
 * Telegram's webhook; grammY checks the secret token header and answers 401 without it. Only
 * Telegram's servers call it, so the browser security headers are left off its answers.
 */
export const telegramRoutes: FastifyPluginAsync<{ telegram: TelegramChannel }> = async (app, { telegram }) => {
  app.post('/telegram/webhook', { schema: { hide: true }, config: { rateLimit: false }, helmet: false }, async (request, reply) => {
    await telegram.webhook(request, reply);
    return reply;
  });
};
