import type { Logger } from 'pino';
import { z } from 'zod';
import { type Application, APPLICATION_CHANNELS, APPLICATION_STATUSES } from '../domain/application';
import type { Applications } from './applications';

/** What a look-up of one application by its number and the applicant's IIN came to. */
export type StatusLookup = { found: Application } | { notFound: true } | { unavailable: true };

/**
 * Where the status of an application is looked up. A wrong IIN and an unknown number are the same
 * `notFound`; `unavailable` says that the answer is not known now (try later), never that there is
 * no application.
 */
export interface StatusSource {
  lookup(number: string, iin: string): Promise<StatusLookup>;
}

const NOT_FOUND = { notFound: true } as const;
const UNAVAILABLE = { unavailable: true } as const;

/** The applications providers posted to this product (the provider status API). */
export class RegistryStatusSource implements StatusSource {
  constructor(
    private readonly applications: Pick<Applications, 'find'>,
    private readonly log: Logger,
  ) {}

  async lookup(number: string, iin: string): Promise<StatusLookup> {
    try {
      const found = await this.applications.find(number, iin);
      return found ? { found } : NOT_FOUND;
    } catch (error) {
      this.log.error({ source: 'registry', reason: error instanceof Error ? error.name : 'unknown' }, 'status look-up in the registry failed');
      return UNAVAILABLE;
    }
  }
}

const Status = z.enum(APPLICATION_STATUSES);
const Time = z.iso.datetime({ offset: true });

/** What the external status service answers for one application. */
const ExternalApplication = z.object({
  number: z.string().min(1).max(64),
  serviceId: z.string().min(1).max(64),
  status: Status,
  submittedAt: Time,
  channel: z.enum(APPLICATION_CHANNELS).default('other'),
  note: z.string().max(2000).optional(),
  updatedAt: Time.optional(),
  history: z
    .array(z.object({ status: Status, at: Time, note: z.string().max(2000).optional() }))
    .max(200)
    .optional(),
});

export interface HttpStatusSourceOptions {
  /** STATUS_SERVICE_URL: `GET <url>/applications/<number>?iin=…` is asked. */
  url: string;
  /** STATUS_SERVICE_TOKEN, sent as a bearer token when set. */
  token?: string | undefined;
  log: Logger;
  /** How long an answer may take before the service counts as unavailable (default 3 s). */
  timeoutMs?: number;
}

/** The default wait for the external status service. */
export const STATUS_SERVICE_TIMEOUT_MS = 3000;

/**
 * An external status service over HTTP. The IIN goes in the query string only and is never logged
 * (neither is the URL that carries it). A timeout, a connection error, a 5xx or any answer that is
 * not a valid application is `unavailable`; 404 is `notFound`. Nothing is kept: every look-up asks.
 */
export class HttpStatusSource implements StatusSource {
  private readonly base: string;
  private readonly timeoutMs: number;

  constructor(private readonly options: HttpStatusSourceOptions) {
    this.base = options.url.replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs ?? STATUS_SERVICE_TIMEOUT_MS;
  }

  async lookup(number: string, iin: string): Promise<StatusLookup> {
    const url = `${this.base}/applications/${encodeURIComponent(number)}?iin=${encodeURIComponent(iin)}`;
    const headers: Record<string, string> = { accept: 'application/json', ...(this.options.token ? { authorization: `Bearer ${this.options.token}` } : {}) };
    const signal = AbortSignal.timeout(this.timeoutMs);
    let response: Response;
    try {
      response = await fetch(url, { headers, signal });
    } catch (error) {
      return this.unavailable(signal.aborted ? 'timeout' : 'connection', error);
    }
    if (response.status === 404) {
      await response.body?.cancel().catch(() => undefined);
      return NOT_FOUND;
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      return this.unavailable(response.status >= 500 ? 'server_error' : 'refused', undefined, response.status);
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch (error) {
      return this.unavailable(signal.aborted ? 'timeout' : 'malformed', error, response.status);
    }
    const parsed = ExternalApplication.safeParse(body);
    if (!parsed.success) return this.unavailable('malformed', undefined, response.status);
    const answer = parsed.data;
    if (answer.number !== number) return this.unavailable('malformed', undefined, response.status);
    const current = { status: answer.status, at: answer.updatedAt ?? answer.submittedAt, ...(answer.note ? { note: answer.note } : {}) };
    const history = answer.history?.length ? [...answer.history].sort((a, b) => Date.parse(a.at) - Date.parse(b.at)) : [current];
    return {
      found: {
        number,
        iin,
        serviceId: answer.serviceId,
        channel: answer.channel,
        submittedAt: answer.submittedAt,
        status: answer.status,
        updatedAt: current.at,
        ...(answer.note ? { note: answer.note } : {}),
        history,
        subscribers: [],
      },
    };
  }

  /** Logged by what went wrong only: the URL carries the IIN, and error messages may repeat it. */
  private unavailable(reason: 'timeout' | 'connection' | 'server_error' | 'refused' | 'malformed', error?: unknown, statusCode?: number): StatusLookup {
    const level = reason === 'refused' ? 'error' : 'warn';
    this.options.log[level]({ source: 'http', reason, ...(statusCode ? { statusCode } : {}), ...(error instanceof Error ? { error: error.name } : {}) }, 'status service gave no answer');
    return UNAVAILABLE;
  }
}

/**
 * Asks its sources in order: the first that finds the application answers. Not found anywhere is
 * `notFound` only when every source answered; one that was unavailable makes it `unavailable`.
 */
export class LayeredStatusSource implements StatusSource {
  constructor(private readonly sources: readonly StatusSource[]) {}

  async lookup(number: string, iin: string): Promise<StatusLookup> {
    let unavailable = false;
    for (const source of this.sources) {
      const result = await source.lookup(number, iin);
      if ('found' in result) return result;
      if ('unavailable' in result) unavailable = true;
    }
    return unavailable ? UNAVAILABLE : NOT_FOUND;
  }
}

export interface StatusSourceOptions {
  applications: Pick<Applications, 'find'>;
  /** STATUS_SERVICE_URL; unset, only the registry is asked. */
  url?: string | undefined;
  /** STATUS_SERVICE_TOKEN. */
  token?: string | undefined;
  log: Logger;
  timeoutMs?: number;
}

/** The registry first, then the external status service when one is configured. */
export function createStatusSource({ applications, url, token, log, timeoutMs }: StatusSourceOptions): StatusSource {
  const registry = new RegistryStatusSource(applications, log);
  if (!url) return registry;
  return new LayeredStatusSource([registry, new HttpStatusSource({ url, token, log, ...(timeoutMs !== undefined ? { timeoutMs } : {}) })]);
}
