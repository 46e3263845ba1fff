import { isIP } from 'node:net';
import { z } from 'zod';
import { InvalidCapacityError, parseVisitCapacity } from './domain/home-visit-capacity';
import { InvalidHoursError, parseOpeningHours } from './domain/hours';

/**
 * Every environment variable the product reads, validated once at start. `.env.example` documents
 * each one; a bad value stops the start with a message naming the variable.
 */

const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const optionalUrl = (protocols: string[]) =>
  optionalString.refine((v) => v === undefined || isUrlWith(v, protocols), {
    message: `must be a URL starting with ${protocols.join(' or ')}`,
  });

/** The base of the links the product gives out: http(s), nothing after the path to append to. */
const baseUrl = optionalString.refine((v) => v === undefined || (isUrlWith(v, ['http:', 'https:']) && !/[?#]/.test(v)), {
  message: 'must be an http:// or https:// URL without ? or #, e.g. https://assistant.example.kz',
});

function isUrlWith(value: string, protocols: string[]): boolean {
  try {
    return protocols.includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

/** A token clients send as `Authorization: Bearer <token>`: one word (RFC 6750), long enough not to be guessed. */
const bearerSecret = optionalString
  .refine((v) => v === undefined || v.length >= 24, { message: 'must be at least 24 characters' })
  .refine((v) => v === undefined || !/\s/.test(v), { message: 'must be one word, without spaces (clients send it as Authorization: Bearer <token>)' });

const ACCOUNT = /^[A-Za-z0-9._-]{2,64}:[^,]{8,}:(operator|supervisor|admin)$/;

export const ConfigSchema = z.object({
  HOST: z.string().trim().min(1).default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PUBLIC_URL: baseUrl,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DEFAULT_LANG: z.enum(['kk', 'ru']).default('kk'),
  REDIS_URL: optionalUrl(['redis:', 'rediss:']),
  /** Some nodes of a Redis Cluster, instead of REDIS_URL: the client learns the others from them. */
  REDIS_CLUSTER_NODES: optionalString.transform((v, ctx) => {
    if (v === undefined) return undefined;
    const nodes = v
      .split(',')
      .map((node) => node.trim())
      .filter((node) => node !== '');
    const bad = nodes.find((node) => !(/^[A-Za-z0-9.-]+:\d{1,5}$/.test(node) || isUrlWith(node, ['redis:', 'rediss:'])));
    if (bad === undefined && nodes.length > 0) return nodes;
    ctx.addIssue({ code: 'custom', message: `must be host:port (or redis:// URLs) separated by commas, e.g. 10.0.0.1:7000,10.0.0.2:7000${bad ? `; not: ${bad}` : ''}` });
    return z.NEVER;
  }),
  TELEGRAM_BOT_TOKEN: optionalString.refine((v) => v === undefined || /^\d+:[A-Za-z0-9_-]{20,}$/.test(v), {
    message: 'must look like 123456:ABC-DEF… (the token @BotFather gives)',
  }),
  TELEGRAM_API_ROOT: optionalUrl(['http:', 'https:']),
  TELEGRAM_WEBHOOK_URL: optionalUrl(['https:', 'http:']),
  TELEGRAM_WEBHOOK_SECRET: optionalString.refine((v) => v === undefined || /^[A-Za-z0-9_-]{16,256}$/.test(v), {
    message: 'must be 16–256 characters of A–Z, a–z, 0–9, _ and -',
  }),
  /** Messages a second to Telegram over all chats, every instance together (Telegram allows about 30). */
  TELEGRAM_RATE_PER_SECOND: z.coerce.number().positive().max(10_000).default(30),
  /** Messages a second to one chat (Telegram allows about 1, short bursts tolerated). */
  TELEGRAM_RATE_PER_CHAT_PER_SECOND: z.coerce.number().positive().max(1000).default(1),
  /** Seconds after which an outbox message read by an instance that died unsent goes to another one. */
  TELEGRAM_OUTBOX_TAKEOVER_SECONDS: z.coerce.number().min(1).max(3600).default(60),
  JWT_SECRET: optionalString.refine((v) => v === undefined || v.length >= 32, { message: 'must be at least 32 characters' }),
  OPERATOR_BOOTSTRAP: optionalString.refine((v) => v === undefined || v.split(',').every((a) => ACCOUNT.test(a.trim())), {
    message: 'must be login:password:role[,login:password:role…] with a password of 8+ characters and role operator, supervisor or admin',
  }),
  STATUS_API_TOKEN: bearerSecret,
  /** An external status service asked for applications the providers did not post here. */
  STATUS_SERVICE_URL: baseUrl,
  STATUS_SERVICE_TOKEN: optionalString,
  CONTACT_CENTRE_HOURS: z
    .string()
    .trim()
    .min(1)
    .default('Mon-Fri 09:00-18:00')
    .transform((text, ctx) => {
      try {
        return parseOpeningHours(text);
      } catch (error) {
        if (!(error instanceof InvalidHoursError)) throw error;
        ctx.addIssue({ code: 'custom', message: `${error.message}; expected e.g. "Mon-Fri 09:00-18:00; Sat 09:00-13:00" or "always"` });
        return z.NEVER;
      }
    }),
  /** Home visits per region and window of a working day: `4`, or `4; almaty=6; astana=6`. */
  HOME_VISIT_CAPACITY: z
    .string()
    .trim()
    .min(1)
    .default('4')
    .transform((text, ctx) => {
      try {
        return parseVisitCapacity(text);
      } catch (error) {
        if (!(error instanceof InvalidCapacityError)) throw error;
        ctx.addIssue({ code: 'custom', message: `${error.message}; expected e.g. "4" or "4; almaty=6; astana=6" with region ids of the operator API` });
        return z.NEVER;
      }
    }),
  /** Minutes a queued citizen may stay silent before being asked whether they still wait (and as long again before the conversation closes). */
  QUEUE_IDLE_MINUTES: z.coerce
    .number()
    .positive()
    .max(24 * 60)
    .default(10),
  /** How long an operator's login lasts. */
  OPERATOR_SESSION_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 7)
    .default(12),
  /** Largest attachment a citizen may send (bytes); at most 5 per complaint. */
  FILE_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .max(50 * 1024 * 1024)
    .default(10 * 1024 * 1024),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(300),
  /**
   * Which proxies in front may tell the client's address (X-Forwarded-For), as Fastify's
   * `trustProxy` takes it: a hop count (`1`), or addresses and CIDRs (`10.0.0.1, 10.0.0.0/8`).
   * Unset: none; every per-address limit counts the connecting address.
   */
  TRUST_PROXY: optionalString.transform((v, ctx) => {
    if (v === undefined) return undefined;
    if (/^\d+$/.test(v)) return Number(v);
    const entries = v.split(',').map((e) => e.trim());
    if (entries.every((e) => isIP(e.split('/')[0] ?? '') !== 0 && /^[^/]+(\/\d{1,3})?$/.test(e))) return entries;
    ctx.addIssue({ code: 'custom', message: 'must be a hop count (e.g. 1) or proxy addresses/CIDRs separated by commas (e.g. 10.0.0.1, 10.0.0.0/8)' });
    return z.NEVER;
  }),
  /** Bearer token that opens GET /metrics. Unset: /metrics answers only requests from this machine (loopback). */
  METRICS_TOKEN: bearerSecret,
  /** Days the operator audit log keeps an entry. */
  AUDIT_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(365),
  MAX_WS_CONNECTIONS_PER_IP: z.coerce.number().int().positive().default(20),
  /** Seconds a widget socket may stay open without saying hello. */
  WS_HELLO_TIMEOUT_SECONDS: z.coerce.number().positive().max(300).default(10),
  /** Pages (origins) whose widget may open the socket, comma-separated; unset, any. */
  WIDGET_ALLOWED_ORIGINS: optionalString.transform((v, ctx) => {
    if (v === undefined) return undefined;
    const origins = v
      .split(',')
      .map((o) => o.trim())
      .filter((o) => o !== '');
    const bad = origins.find((o) => !isUrlWith(o, ['http:', 'https:']) || new URL(o).origin !== o);
    if (bad === undefined && origins.length > 0) return origins;
    ctx.addIssue({ code: 'custom', message: `must be origins like https://example.kz separated by commas (scheme, host and port only)${bad ? `; not: ${bad}` : ''}` });
    return z.NEVER;
  }),
  /** Hours a form's download link given in the chat stays valid. */
  LINK_TTL_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(24),
  /** Milliseconds a Redis command may take before the citizen is told the service is unavailable. */
  STORE_TIMEOUT_MS: z.coerce.number().int().min(50).max(60_000).default(1500),
  /** Days after the last message before a conversation's transcript and collected data are anonymised. */
  RETENTION_TRANSCRIPT_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  /** Days after the last message before unfinished questionnaires and status subscriptions are deleted. */
  RETENTION_DRAFT_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  /** Days home-visit bookings and complaints (with their answers) are kept with the applicant's data. */
  RETENTION_RECORD_DAYS: z.coerce.number().int().min(1).max(36500).default(1825),
});

export type Config = z.infer<typeof ConfigSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const config = parsed.data;
  if (config.TELEGRAM_WEBHOOK_URL && !config.TELEGRAM_BOT_TOKEN) {
    throw new ConfigError(['TELEGRAM_WEBHOOK_URL: is set but TELEGRAM_BOT_TOKEN is not']);
  }
  if (config.REDIS_URL && config.REDIS_CLUSTER_NODES) {
    throw new ConfigError(['REDIS_CLUSTER_NODES: is set together with REDIS_URL; set one of them (a single Redis, or a Redis Cluster)']);
  }
  // With a shared store, sessions and form links signed by one instance are checked by another.
  if (config.REDIS_URL && !config.JWT_SECRET) {
    throw new ConfigError(['JWT_SECRET: is required when REDIS_URL is set (every instance must sign operator sessions and form links with the same secret)']);
  }
  if (config.REDIS_CLUSTER_NODES && !config.JWT_SECRET) {
    throw new ConfigError(['JWT_SECRET: is required when REDIS_CLUSTER_NODES is set (every instance must sign operator sessions and form links with the same secret)']);
  }
  return config;
}
