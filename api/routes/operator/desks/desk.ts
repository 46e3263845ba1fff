import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Actor, OperatorRole } from '../../../../bot/handoff';
import type { Texts } from '../../../../locales/i18n';
import { ApiError, apiError } from '../../../errors';
import type { Audit } from '../../../operator/audit';
import { actorOf, bearer, type RoleGuard } from '../deps';

/** A text for the citizen in both languages; the notifier picks the conversation's. */
export interface CitizenText {
  kk: string;
  ru: string;
}

/** A citizen text of the locales in both languages. */
export function inBothLanguages(texts: Texts, key: string, vars?: Record<string, unknown>): CitizenText {
  return { kk: texts.t('kk', key, vars), ru: texts.t('ru', key, vars) };
}

/** Tells the citizen of a conversation something; `key` makes a repeated notice go out once. */
export type CitizenNotifier = (conversationId: string, text: CitizenText, key: string) => Promise<void>;

/** Why a desk refuses a change or a creation: 409 (the record's state does not allow it) unless told. */
export interface DeskRefusal {
  code: string;
  message: string;
  status?: 400 | 403 | 409;
}

/**
 * What a declaration's `change` or `create` decided: the record as now stored, with the audit
 * action (`<desk name>.<action>`, `update` or `create` unless told) and its details (no personal
 * data), and what the citizen is to be told, if anything; or a refusal.
 */
export type DeskOutcome<R> =
  | {
      record: R;
      action?: string;
      details?: Record<string, unknown>;
      notice?: { conversationId: string; text: CitizenText; key: string };
    }
  | { refuse: DeskRefusal };

/** Page sizes of a desk's list: `limit` defaults to `default` and may not exceed `max`. */
export interface DeskPaging {
  default: number;
  max: number;
}

/**
 * An operator desk: records of one kind that operators list, open and change (call-backs, home
 * visits, complaints). `deskPlugin` turns it into routes under the prefix it is registered with:
 * `GET /` (the filters, `offset`, `limit`; X-Total-Count), `GET /:id`, `PATCH /:id` and, with
 * `create`, `POST /`.
 */
export interface Desk<R, Filters extends z.ZodRawShape, Patch, Create = never> {
  /** Audit actions are `<name>.<action>`, e.g. `callback.mark`. */
  name: string;
  /** The record in words for error messages: `call-back request` gives "No such call-back request". */
  noun: string;
  /** Who may use the desk; any operator when omitted. */
  roles?: readonly OperatorRole[];
  /** OpenAPI tag; `operator` when omitted. */
  tag?: string;
  /** OpenAPI summaries of the routes. */
  summaries: { list: string; get: string; change: string; create?: string };
  /** One record as the API answers it. */
  record: z.ZodType<R>;
  idOf(record: R): string;
  /** The list's query fields besides `offset` and `limit` (all optional, or with defaults). */
  filters: Filters;
  paging?: DeskPaging;
  list(filters: z.infer<z.ZodObject<Filters>>, page: { offset: number; limit: number }): Promise<{ items: R[]; total: number }>;
  get(id: string): Promise<R | null>;
  /** The body of PATCH /:id. */
  patch: z.ZodType<Patch>;
  /** Applies a validated change to the record (as `get` read it) and stores it, or refuses. */
  change(record: R, patch: Patch, actor: Actor): Promise<DeskOutcome<R>>;
  /** POST /: the body, and what creates and stores the record (or refuses); the request gives its headers (e.g. Idempotency-Key). */
  create?: { body: z.ZodType<Create>; run(body: Create, actor: Actor, request: FastifyRequest): Promise<DeskOutcome<R>> };
}

export interface DeskOptions {
  audit: Audit;
  requireRole: RoleGuard;
  /** Where a change's message for the citizen goes; without it, nobody is told. */
  notify?: CitizenNotifier | undefined;
}

const DEFAULT_PAGING: DeskPaging = { default: 50, max: 200 };
const Id = z.object({ id: z.string().min(1).max(128) });
const paramId = (request: FastifyRequest) => (request.params as z.infer<typeof Id>).id;

/**
 * The routes of a desk as an encapsulated plugin: register it with a `prefix`. Every request needs
 * an operator session with one of the desk's roles (401 without, 403 with another role); opening
 * a record (personal data) and every change made are audited and its message, if any, handed to `notify`.
 */
export function deskPlugin<R, Filters extends z.ZodRawShape, Patch, Create = never>(desk: Desk<R, Filters, Patch, Create>): FastifyPluginAsync<DeskOptions> {
  // The routes take their schemas from the declaration: its types are the handlers' types, and the
  // zod compilers of the app validate and serialise as on every other route.
  return async (app, { audit, requireRole, notify }) => {
    app.addHook('onRequest', requireRole(...(desk.roles ?? [])));

    const tags = [desk.tag ?? 'operator'];
    const paging = desk.paging ?? DEFAULT_PAGING;
    const errors = { 400: ApiError, 401: ApiError, 403: ApiError } as const;
    const notFound = (reply: FastifyReply) => reply.code(404).send(apiError('not_found', `No such ${desk.noun}`));

    /** Sends a refusal, or audits the change, tells the citizen when there is something to tell, and sends the record. */
    const conclude = async (request: FastifyRequest, reply: FastifyReply, outcome: DeskOutcome<R>, action: string, status: 200 | 201) => {
      if ('refuse' in outcome) return reply.code(outcome.refuse.status ?? 409).send(apiError(outcome.refuse.code, outcome.refuse.message));
      const { record, details, notice } = outcome;
      const id = desk.idOf(record);
      await audit.record(actorOf(request).login, `${desk.name}.${outcome.action ?? action}`, id, details);
      if (notice && notify) {
        // The change is stored: a notifier that fails is logged, never turned into a failed change.
        await notify(notice.conversationId, notice.text, notice.key).catch((err: unknown) => request.log.error({ err, desk: desk.name, id }, 'the citizen could not be told of a change'));
      }
      return reply.code(status).send(record);
    };

    app.get('/', {
      schema: {
        tags,
        summary: `${desk.summaries.list}. A page of \`limit\` (${paging.default}) from \`offset\`; X-Total-Count gives the whole count`,
        security: bearer,
        querystring: z.object(desk.filters).extend({
          offset: z.coerce.number().int().min(0).default(0),
          limit: z.coerce.number().int().min(1).max(paging.max).default(paging.default),
        }),
        response: { 200: z.array(desk.record), ...errors },
      },
      handler: async (request, reply) => {
        const { offset, limit, ...filters } = request.query as { offset: number; limit: number } & z.infer<z.ZodObject<Filters>>;
        const { items, total } = await desk.list(filters as z.infer<z.ZodObject<Filters>>, { offset, limit });
        reply.header('x-total-count', String(total));
        return items;
      },
    });

    app.get('/:id', {
      schema: { tags, summary: desk.summaries.get, security: bearer, params: Id, response: { 200: desk.record, ...errors, 404: ApiError } },
      handler: async (request, reply) => {
        const record = await desk.get(paramId(request));
        if (!record) return notFound(reply);
        await audit.record(actorOf(request).login, `${desk.name}.read`, desk.idOf(record));
        return record;
      },
    });

    app.patch('/:id', {
      schema: { tags, summary: desk.summaries.change, security: bearer, params: Id, body: desk.patch, response: { 200: desk.record, ...errors, 404: ApiError, 409: ApiError } },
      handler: async (request, reply) => {
        const record = await desk.get(paramId(request));
        if (!record) return notFound(reply);
        return conclude(request, reply, await desk.change(record, request.body as Patch, actorOf(request)), 'update', 200);
      },
    });

    const { create } = desk;
    if (create) {
      app.post('/', {
        schema: { tags, summary: desk.summaries.create ?? `Create a ${desk.noun}`, security: bearer, body: create.body, response: { 201: desk.record, ...errors, 409: ApiError } },
        handler: async (request, reply) => conclude(request, reply, await create.run(request.body as Create, actorOf(request), request), 'create', 201),
      });
    }
  };
}
