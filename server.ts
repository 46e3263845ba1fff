import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import { buildApp, type App } from './api/app';
import { createLogger } from './api/logger';
import { Engine } from './bot/engine';
import { Metrics } from './bot/metrics';
import { createTelegramChannel, type TelegramChannel } from './bot/channels/telegram';
import { WebSocketHub } from './bot/channels/web';
import { FormFiles } from './bot/forms';
import type { Config } from './config';
import { createFlows } from './flows';
import { createTexts } from './locales/i18n';
import { openStore } from './store';
import type { Store } from './store/types';

export interface Server {
  app: App;
  store: Store;
  engine: Engine;
  log: Logger;
  telegram?: TelegramChannel;
  /** Listens on HOST:PORT and starts the Telegram channel; resolves with the address. */
  listen(): Promise<string>;
  /** Stops taking updates, drains sockets and the Telegram runner, then closes the store. */
  close(): Promise<void>;
}

/** Wires the product together from its configuration: the composition root. */
export async function buildServer(config: Config, overrides: { log?: Logger; metrics?: Metrics } = {}): Promise<Server> {
  const log = overrides.log ?? createLogger(config.LOG_LEVEL);
  const metrics = overrides.metrics ?? new Metrics();
  const store = await openStore(config.REDIS_URL, log);
  const texts = createTexts();
  const engine = new Engine({ store, texts, flows: createFlows(), defaultLang: config.DEFAULT_LANG });
  const hub = new WebSocketHub();
  // Form links must verify on every instance: they share JWT_SECRET when it is set.
  const forms = new FormFiles(store.conversations, config.JWT_SECRET ?? randomBytes(32).toString('base64url'));
  const turnDeps = { engine, texts, metrics, log, forms };

  let telegram: TelegramChannel | undefined;
  if (config.TELEGRAM_BOT_TOKEN) {
    telegram = createTelegramChannel(
      {
        token: config.TELEGRAM_BOT_TOKEN,
        defaultLang: config.DEFAULT_LANG,
        ...(config.TELEGRAM_API_ROOT ? { apiRoot: config.TELEGRAM_API_ROOT } : {}),
        ...(config.TELEGRAM_WEBHOOK_URL ? { webhookUrl: config.TELEGRAM_WEBHOOK_URL } : {}),
        ...(config.TELEGRAM_WEBHOOK_SECRET ? { webhookSecret: config.TELEGRAM_WEBHOOK_SECRET } : {}),
      },
      turnDeps,
    );
  } else {
    log.info('TELEGRAM_BOT_TOKEN is not set: the Telegram channel is off');
  }

  const app = await buildApp({ config, log, store, engine, texts, metrics, hub, forms, ...(telegram ? { telegram } : {}) });

  return {
    app,
    store,
    engine,
    log,
    ...(telegram ? { telegram } : {}),
    async listen() {
      const address = await app.listen({ host: config.HOST, port: config.PORT });
      if (telegram) {
        await telegram.start();
        log.info({ mode: telegram.mode }, 'Telegram channel started');
      }
      return address;
    },
    async close() {
      await telegram?.stop();
      await app.close();
      // Turns already running finish and store their state before the store goes away.
      const deadline = Date.now() + 5000;
      while (engine.busy > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      await store.close();
    },
  };
}
