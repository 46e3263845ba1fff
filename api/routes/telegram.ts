import type { FastifyPluginAsync } from 'fastify';
import type { TelegramChannel } from '../../bot/channels/telegram';

/** Telegram's webhook; grammY checks the secret token header and answers 401 without it. */
export const telegramRoutes: FastifyPluginAsync<{ telegram: TelegramChannel }> = async (app, { telegram }) => {
  app.post('/telegram/webhook', { schema: { hide: true }, config: { rateLimit: false } }, async (request, reply) => {
    await telegram.webhook(request, reply);
    return reply;
  });
};
