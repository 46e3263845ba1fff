import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import websocket from '@fastify/websocket';
import Fastify, { type FastifyInstance, type onRequestAsyncHookHandler, type RawReplyDefaultExpression, type RawRequestDefaultExpression, type RawServerDefault } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import type { Config } from '../config';
import type { Engine } from '../bot/engine';
import type { Metrics } from '../bot/metrics';
import { ENDED_SESSIONS, type WebSocketHub } from '../bot/channels/web';
import type { FormFiles } from '../bot/forms';
import type { TelegramChannel } from '../bot/channels/telegram';
import type { Texts } from '../locales/i18n';
import type { Store } from '../store/types';
import { apiError, clientErrorAnswer, errorAnswer, frameworkErrorAnswer } from './errors';
import { applicationRoutes } from './routes/applications';
import { catalogRoutes } from './routes/catalog';
import { chatRoutes } from './routes/chat';
import { chatFileRoutes } from './routes/chat-files';
import { formRoutes } from './routes/forms';
import { nluRoutes } from './routes/nlu';
import { docsRoutes } from './routes/docs';
import { healthRoutes } from './routes/health';
import { pageRoutes } from './routes/pages';
import { telegramRoutes } from './routes/telegram';
import { operatorRoutes } from './routes/operator';
import type { OperatorDeps } from './routes/operator/deps';

export interface AppDeps {
  config: Config;
  log: Logger;
  store: Store;
  engine: Engine;
  texts: Texts;
  metrics: Metrics;
  hub: WebSocketHub;
  forms: FormFiles;
  operator: OperatorDeps & { jwtSecret: string; sessionHours: number };
  telegram?: TelegramChannel;
}

export type App = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, Logger, ZodTypeProvider>;

/** TRUST_PROXY as Fastify takes it: a hop count trusts that many proxies nearest to this server. */
function trustedProxies(setting: Config['TRUST_PROXY']): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (setting === undefined) return false;
  if (typeof setting === 'number') return (_address, hop) => hop < setting;
  return setting;
}

/**
 * A WebSocket route asked over plain HTTP (no Upgrade) answers 426 in the error shape, instead of
 * the WebSocket plugin's empty 404. The hook is put on the socket routes only, ahead of their own.
 */
function answerPlainHttpOnSockets(app: App): void {
  const upgradeRequired: onRequestAsyncHookHandler = async (request, reply) => {
    if (request.headers.upgrade?.toLowerCase() === 'websocket') return;
    return reply
      .code(426)
      .header('upgrade', 'websocket')
      .send(apiError('upgrade_required', `${request.routeOptions.url} opens a WebSocket: send Upgrade: websocket`));
  };
  app.addHook('onRoute', (route) => {
    if (!(route as { websocket?: boolean }).websocket) return;
    route.onRequest = [upgradeRequired, ...(route.onRequest === undefined ? [] : [route.onRequest].flat())];
  });
}

/** The Fastify app: public API, widget socket, Telegram webhook, health, metrics and OpenAPI. */
export async function buildApp(deps: AppDeps): Promise<App> {
  const answerError = errorAnswer((error, request) => {
    deps.metrics.errors.inc({ where: 'http' });
    request.log.error({ err: error }, 'request failed');
  });
  const app = Fastify({
    loggerInstance: deps.log,
    // Only a configured proxy may tell the client's address: request.ip, which every per-address limit counts, follows it.
    trustProxy: trustedProxies(deps.config.TRUST_PROXY),
    bodyLimit: 256 * 1024,
    // What Fastify and Node refuse before any route runs also answers in the error shape of §6.
    frameworkErrors: frameworkErrorAnswer(answerError),
    clientErrorHandler: clientErrorAnswer,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  app.setErrorHandler(answerError);
  app.setNotFoundHandler((request, reply) => reply.code(404).send(apiError('not_found', `No route ${request.method} ${request.url.split('?')[0]}`)));
  answerPlainHttpOnSockets(app);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'", 'ws:', 'wss:'],
      },
    },
    crossOriginResourcePolicy: { policy: 'cross-origin' }, // the widget script is embedded on other sites
  });
  await app.register(rateLimit, {
    global: true,
    max: deps.config.RATE_LIMIT_PER_MINUTE,
    timeWindow: '1 minute',
    allowList: (request) => request.url === '/health' || request.url === '/metrics',
  });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Citizen assistant API', version: '0.1.0', description: 'Public catalog, widget chat, operator and provider status APIs.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(docsRoutes);
  await app.register(websocket, { options: { maxPayload: 64 * 1024 } });

  await app.register(healthRoutes, deps);
  await app.register(pageRoutes, deps);
  await app.register(chatRoutes, deps);
  await app.register(chatFileRoutes, {
    files: deps.store.files,
    conversations: deps.store.conversations,
    maxBytes: deps.config.FILE_MAX_BYTES,
    texts: deps.texts,
    defaultLang: deps.config.DEFAULT_LANG,
    endedSessions: deps.store.collection<{ endedAt: string }>(ENDED_SESSIONS),
  });
  await app.register(catalogRoutes);
  await app.register(formRoutes, { forms: deps.forms, texts: deps.texts, defaultLang: deps.config.DEFAULT_LANG });
  await app.register(nluRoutes, { defaultLang: deps.config.DEFAULT_LANG });
  await app.register(operatorRoutes, deps.operator);
  await app.register(applicationRoutes, { applications: deps.operator.applications, token: deps.config.STATUS_API_TOKEN });
  if (deps.telegram?.mode === 'webhook') await app.register(telegramRoutes, { telegram: deps.telegram });
  return app;
}
