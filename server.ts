import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import { buildApp, type App } from './api/app';
import { createLogger } from './api/logger';
import { Metrics } from './bot/metrics';
import { conversationIdForChat, createTelegramChannel, type TelegramChannel } from './bot/channels/telegram';
import { OutboxDrainer, sendRates } from './bot/outbox';
import type { Engine } from './bot/engine';
import type { Handoff } from './bot/handoff';
import { createRuntime } from './bot/runtime';
import { Accounts } from './api/operator/accounts';
import { Audit } from './api/operator/audit';
import { CannedAnswers } from './api/operator/canned';
import type { Config } from './config';
import { createTexts } from './locales/i18n';
import { openStore } from './store';
import type { Store } from './store/types';

export interface Server {
  app: App;
  store: Store;
  engine: Engine;
  handoff: Handoff;
  log: Logger;
  telegram?: TelegramChannel;
  /** Listens on HOST:PORT and starts the Telegram channel; resolves with the address. */
  listen(): Promise<string>;
  /** Stops taking updates, drains sockets and the Telegram runner, then closes the store. */
  close(): Promise<void>;
}

/** Wires the product together from its configuration: the composition root. */
/** `overrides`: a log or metrics of the caller's, and a clock for the conversations (tests). */
export async function buildServer(config: Config, overrides: { log?: Logger; metrics?: Metrics; now?: () => Date } = {}): Promise<Server> {
  const log = overrides.log ?? createLogger(config.LOG_LEVEL);
  const metrics = overrides.metrics ?? new Metrics();
  const store = await openStore(config.REDIS_URL, log, { commandTimeoutMs: config.STORE_TIMEOUT_MS, clusterNodes: config.REDIS_CLUSTER_NODES });
  const texts = createTexts();
  // Form links and operator sessions must verify on every instance: they share JWT_SECRET when it is set.
  const secret = config.JWT_SECRET ?? randomBytes(32).toString('base64url');
  const runtime = createRuntime({
    store,
    texts,
    log,
    defaultLang: config.DEFAULT_LANG,
    hours: config.CONTACT_CENTRE_HOURS,
    idleMs: config.QUEUE_IDLE_MINUTES * 60_000,
    secret,
    publicUrl: config.PUBLIC_URL,
    linkTtlMs: config.LINK_TTL_HOURS * 3600_000,
    retention: { transcriptDays: config.RETENTION_TRANSCRIPT_DAYS, draftDays: config.RETENTION_DRAFT_DAYS, recordDays: config.RETENTION_RECORD_DAYS },
    homeVisitCapacity: config.HOME_VISIT_CAPACITY,
    statusService: { url: config.STATUS_SERVICE_URL, token: config.STATUS_SERVICE_TOKEN },
    telegram: config.TELEGRAM_BOT_TOKEN !== undefined,
    ...(overrides.now ? { now: overrides.now } : {}),
  });
  const { engine, handoff, presence, callbacks, ratings, hub, forms } = runtime;
  const accounts = new Accounts(store);
  const created = await accounts.bootstrap(config.OPERATOR_BOOTSTRAP);
  if (created.length > 0) log.info({ logins: created }, 'Operator accounts created from OPERATOR_BOOTSTRAP');
  await runtime.start();
  const turnDeps = { engine, texts, metrics, log, forms };

  let telegram: TelegramChannel | undefined;
  let drainer: OutboxDrainer | undefined;
  if (config.TELEGRAM_BOT_TOKEN) {
    telegram = createTelegramChannel(
      {
        token: config.TELEGRAM_BOT_TOKEN,
        defaultLang: config.DEFAULT_LANG,
        ...(config.TELEGRAM_API_ROOT ? { apiRoot: config.TELEGRAM_API_ROOT } : {}),
        ...(config.TELEGRAM_WEBHOOK_URL ? { webhookUrl: config.TELEGRAM_WEBHOOK_URL } : {}),
        ...(config.TELEGRAM_WEBHOOK_SECRET ? { webhookSecret: config.TELEGRAM_WEBHOOK_SECRET } : {}),
        fileMaxBytes: config.FILE_MAX_BYTES,
      },
      { ...turnDeps, files: store.files, outbox: store.liveOutbox },
    );
    const channel = telegram;
    drainer = new OutboxDrainer({
      outbox: store.outbox,
      liveOutbox: store.liveOutbox,
      idempotency: store.idempotency,
      send: (payload, control) => channel.send(payload, control),
      // A chat that blocked the bot is marked on its conversation, so nothing more is queued for it until the citizen writes.
      onBlocked: async (chatId) => void (await engine.change(conversationIdForChat(chatId), (c) => ({ conversation: { ...c, address: { ...c.address, blocked: true } } }), 'system')),
      log,
      // Telegram counts per bot: every instance of this bot takes its tokens from the same limits.
      limits: store.sendLimits,
      bot: config.TELEGRAM_BOT_TOKEN.split(':')[0]!,
      rates: sendRates(config.TELEGRAM_RATE_PER_SECOND, config.TELEGRAM_RATE_PER_CHAT_PER_SECOND),
      visibilityMs: config.TELEGRAM_OUTBOX_TAKEOVER_SECONDS * 1000,
    });
  } else {
    log.info('TELEGRAM_BOT_TOKEN is not set: the Telegram channel is off');
  }

  const operator = {
    store,
    accounts,
    presence,
    audit: new Audit(store, { retentionDays: config.AUDIT_RETENTION_DAYS }),
    handoff,
    callbacks,
    homeVisits: runtime.homeVisits,
    complaints: runtime.complaints,
    applications: runtime.applications,
    ratings,
    canned: new CannedAnswers(store),
    describe: runtime.describe,
    texts,
    // A desk's word to the citizen, in the conversation's language, written and delivered once per key.
    notify: async (conversationId: string, text: { kk: string; ru: string }, key: string) =>
      void (await runtime.notifier.tell(conversationId, (_t, conversation) => ({ text: text[conversation.lang] }), key)),
    jwtSecret: secret,
    sessionHours: config.OPERATOR_SESSION_HOURS,
  };
  const app = await buildApp({ config, log, store, engine, texts, metrics, hub, forms, operator, ...(telegram ? { telegram } : {}) });

  return {
    app,
    store,
    engine,
    handoff,
    log,
    ...(telegram ? { telegram } : {}),
    async listen() {
      const address = await app.listen({ host: config.HOST, port: config.PORT });
      if (telegram) {
        await telegram.start();
        drainer?.start();
        log.info({ mode: telegram.mode }, 'Telegram channel started');
      }
      return address;
    },
    async close() {
      await telegram?.stop();
      await app.close();
      await runtime.stop();
      // Turns already running finish and store their state before the store goes away.
      const deadline = Date.now() + 5000;
      while (engine.busy > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      // The message in flight finishes; the rest stays in the outbox for the next instance.
      await drainer?.stop();
      await store.close();
    },
  };
}
