import pino, { type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import { IIN_PATTERN } from '../domain/iin';
import { PHONE_PATTERN } from '../domain/phone';

const REDACTED = '[redacted]';

/** Keys whose values are personal data whatever they hold. */
const PERSONAL_KEYS = ['iin', 'phone', 'address', 'password', 'text', 'fullName'];

/** Replaces IIN- and phone-like runs in free text; logs never carry them. */
export function scrubPersonalData(text: string): string {
  return text.replace(IIN_PATTERN, REDACTED).replace(PHONE_PATTERN, REDACTED);
}

/**
 * A request's URL as logs keep it: the path only. Query strings carry signatures of download links
 * and search filters that may name a person, so they are dropped whole.
 */
export function loggedUrl(url: string): string {
  const query = url.indexOf('?');
  return scrubPersonalData(query < 0 ? url : `${url.slice(0, query)}?${REDACTED}`);
}

function scrubDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrubPersonalData(value);
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => scrubDeep(v, depth + 1));
  if (value instanceof Error) return { type: value.name, message: scrubPersonalData(value.message), stack: value.stack && scrubPersonalData(value.stack) };
  // Requests, replies and other class instances are left to their serializers below.
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) out[key] = PERSONAL_KEYS.includes(key) ? REDACTED : scrubDeep(v, depth + 1);
  return out;
}

export function loggerOptions(level: LoggerOptions['level']): LoggerOptions {
  return {
    level,
    redact: { paths: ['req.headers.authorization', 'req.headers["x-telegram-bot-api-secret-token"]', 'req.headers.cookie'], censor: REDACTED },
    serializers: {
      req: (request: { method?: string; url?: string; ip?: string }) => ({ method: request.method, url: request.url && loggedUrl(request.url) }),
      res: (reply: { statusCode?: number }) => ({ statusCode: reply.statusCode }),
    },
    formatters: { log: (object) => scrubDeep(object) as Record<string, unknown> },
    hooks: {
      logMethod(args, method) {
        method.apply(this, args.map((a) => (typeof a === 'string' ? scrubPersonalData(a) : a)) as Parameters<typeof method>);
      },
    },
  };
}

export function createLogger(level: LoggerOptions['level'], destination?: DestinationStream): Logger {
  return destination ? pino(loggerOptions(level), destination) : pino(loggerOptions(level));
}
