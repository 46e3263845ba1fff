import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { EffectRefusal } from '../../../../bot/engine';
import type { HomeVisits, VisitChange } from '../../../../bot/home-visits';
import { isValidCalendarDate } from '../../../../domain/calendar';
import { VISIT_NEEDS, VISIT_STATUSES, VISIT_WINDOWS, type HomeVisit, type VisitRequest } from '../../../../domain/home-visit';
import { normalizeKzPhone } from '../../../../domain/phone';
import { REGIONS, type RegionId } from '../../../../domain/regions';
import { findService } from '../../../../flows/catalog';
import type { Texts } from '../../../../locales/i18n';
import type { RecordQuery, StoredRecord } from '../../../../store/types';
import { ApiError } from '../../../errors';
import { IinField } from '../../../iin-field';
import type { Audit } from '../../../operator/audit';
import { routeListCsv, routeListFileName, routeListPdf, routeListVisits } from '../../../operator/visit-route-list';
import { actorOf, bearer, type RoleGuard } from '../deps';
import type { Desk, DeskOutcome, DeskRefusal } from './desk';

const Status = z.enum(VISIT_STATUSES);
const Window = z.enum(VISIT_WINDOWS);
const Region = z.enum(REGIONS.map((r) => r.id) as [RegionId, ...RegionId[]]);
const Lang = z.enum(['kk', 'ru']);
const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD')
  .refine((date) => isValidCalendarDate(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))), 'no such date');
const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `at most ${max} characters`);

const Address = z.object({
  region: Region,
  settlement: text(100).optional(),
  street: text(100),
  house: text(20),
  flat: text(10).optional(),
  access: text(100).optional(),
  landmark: text(100).optional(),
});

const HistoryEntry = z.object({ status: Status, at: z.string(), by: z.string(), reason: z.string().optional(), date: z.string().optional(), window: Window.optional() });

/** A visit as the operator API answers it (DESIGN §6), with what else the desk shows. No IIN: the desk does not need it. */
export const HomeVisitBody = z.object({
  id: z.string(),
  number: z.string(),
  status: Status,
  date: z.string(),
  window: Window,
  region: Region,
  address: Address,
  /** Whom the visit is for, and the phone the employee calls. */
  applicant: z.object({ name: z.string(), phone: z.string() }),
  /** The relative or carer who booked for the applicant. */
  actingFor: z.object({ name: z.string() }).optional(),
  serviceId: z.string(),
  needs: z.array(z.enum(VISIT_NEEDS)),
  conversationId: z.string().optional(),
  createdAt: z.string(),
  // Additive: whose phone it is, the service's short name, the note on needs, the employee, why it was cancelled or missed, the history.
  phoneOf: z.enum(['applicant', 'representative']),
  serviceTitle: z.object({ kk: z.string(), ru: z.string() }).optional(),
  needsNote: z.string().optional(),
  employee: z.string().optional(),
  reason: z.string().optional(),
  lang: Lang,
  history: z.array(HistoryEntry),
  updatedAt: z.string(),
});
export type HomeVisitBody = z.infer<typeof HomeVisitBody>;

/** The stored record as the API answers it: the region out of the address, the phone with whom it is for. */
export function homeVisitBody(record: StoredRecord<HomeVisit>): HomeVisitBody {
  const visit = record.value;
  const service = findService(visit.serviceId);
  return {
    id: record.id,
    number: record.number,
    status: visit.status,
    date: visit.date,
    window: visit.window,
    region: visit.address.region,
    address: visit.address,
    applicant: { name: visit.applicant.name, phone: visit.phone },
    ...(visit.actingFor ? { actingFor: { name: visit.actingFor.name } } : {}),
    serviceId: visit.serviceId,
    needs: visit.needs,
    ...(visit.conversationId ? { conversationId: visit.conversationId } : {}),
    createdAt: record.createdAt,
    phoneOf: visit.phoneOf,
    ...(service ? { serviceTitle: service.shortTitle } : {}),
    ...(visit.needsNote ? { needsNote: visit.needsNote } : {}),
    ...(visit.employee ? { employee: visit.employee } : {}),
    ...(visit.reason ? { reason: visit.reason } : {}),
    lang: visit.lang,
    history: visit.history.map(({ status, at, by, reason, date, window }) => ({ status, at, by, ...(reason ? { reason } : {}), ...(date ? { date } : {}), ...(window ? { window } : {}) })),
    updatedAt: record.updatedAt,
  };
}

const filters = { date: IsoDate.optional(), region: Region.optional(), status: Status.optional() };
type Filters = { date?: string | undefined; region?: RegionId | undefined; status?: z.infer<typeof Status> | undefined };

/** The one index that holds exactly the visits of the filters (HOME_VISIT_RECORDS declares each combination). */
export function visitQuery({ date, region, status }: Filters): RecordQuery {
  if (date && region && status) return { index: 'dayRegionStatus', value: `${date}|${region}|${status}` };
  if (date && region) return { index: 'dayRegion', value: `${date}|${region}` };
  if (date && status) return { index: 'dayStatus', value: `${date}|${status}` };
  if (date) return { index: 'day', value: date };
  if (region && status) return { index: 'regionStatus', value: `${region}|${status}` };
  if (region) return { index: 'region', value: region };
  if (status) return { index: 'status', value: status };
  return {};
}

const Change = z
  .object({
    status: Status.optional(),
    employee: text(120).optional(),
    date: IsoDate.optional(),
    window: Window.optional(),
    reason: text(500).optional(),
  })
  .refine((change) => Object.values(change).some((value) => value !== undefined), 'nothing to change');
type Change = z.infer<typeof Change>;

const Booking = z
  .object({
    date: IsoDate,
    window: Window,
    address: Address,
    applicant: z.object({
      name: text(150),
      iin: IinField,
    }),
    actingFor: z.object({ name: text(150) }).optional(),
    phone: z
      .string()
      .max(40)
      .transform((value, ctx) => {
        const result = normalizeKzPhone(value);
        if (result.ok) return result.e164;
        ctx.addIssue({ code: 'custom', message: result.reason === 'not_kazakh' ? 'not a Kazakh number: it must start with +7 and a Kazakh code (7xx)' : 'not a phone number, e.g. +7 701 123 45 67' });
        return z.NEVER;
      }),
    phoneOf: z.enum(['applicant', 'representative']).default('applicant'),
    serviceId: z.string().refine((id) => findService(id)?.homeVisit.available === true, 'not a service with home visits'),
    needs: z
      .array(z.enum(VISIT_NEEDS))
      .max(VISIT_NEEDS.length)
      .default([])
      .refine((needs) => new Set(needs).size === needs.length, 'a need is named twice'),
    needsNote: text(300).optional(),
    lang: Lang,
  })
  .refine((booking) => booking.phoneOf === 'applicant' || booking.actingFor !== undefined, { message: "the representative's phone needs actingFor", path: ['phoneOf'] });
type Booking = z.infer<typeof Booking>;

const REFUSALS: Record<string, DeskRefusal> = {
  not_allowed: { code: 'not_allowed', message: 'The visit cannot go to that status, or be moved, from where it is now' },
  slot_full: { code: 'slot_full', message: 'That window has no free place left in the region' },
  not_bookable: { code: 'not_bookable', message: 'Visits are booked on the next ten working days only', status: 400 },
  conflict: { code: 'conflict', message: 'The visit was changed meanwhile; open it again and retry' },
  not_found: { code: 'conflict', message: 'The visit was changed meanwhile; open it again and retry' },
};
const refusal = (code: string): { refuse: DeskRefusal } => ({ refuse: REFUSALS[code] ?? { code, message: `Refused: ${code}` } });

/** What an idempotency key may look like: what clients generate (UUIDs, random ids). */
const IDEMPOTENCY_KEY = /^[\w.:-]{1,128}$/;

/**
 * The contact centre's home-visit desk (DESIGN §6): the visits of a day, region and status, one
 * visit, its changes along the allowed statuses (the citizen is told by HomeVisits itself), and
 * booking for a caller on the phone. Audit details name statuses, days and windows, never the IIN,
 * phone or address.
 */
export function homeVisitDesk({ homeVisits }: { homeVisits: HomeVisits }): Desk<HomeVisitBody, typeof filters, Change, Booking> {
  return {
    name: 'home_visit',
    noun: 'home visit',
    summaries: {
      list: 'Home visits by day (YYYY-MM-DD), region and status, by day and window',
      get: 'One home visit with its history',
      change: "Change a home visit: a status along the allowed moves, the employee, another working day or window (409 slot_full when it is full), a reason; the citizen's chat is told",
      create: 'Book a home visit for a caller (Idempotency-Key makes a retry book once); 409 slot_full when the window is full, 400 not_bookable off the next ten working days',
    },
    record: HomeVisitBody,
    idOf: (visit) => visit.id,
    filters,
    paging: { default: 50, max: 200 },
    async list(filter, { offset, limit }) {
      const { items, total } = await homeVisits.list({ ...visitQuery(filter), offset, limit });
      return { items: items.map(homeVisitBody), total };
    },
    async get(id) {
      const record = await homeVisits.get(id);
      return record && homeVisitBody(record);
    },
    patch: Change,
    async change(visit, patch, actor): Promise<DeskOutcome<HomeVisitBody>> {
      const statusChanges = patch.status !== undefined && patch.status !== visit.status;
      const moves = (patch.date !== undefined && patch.date !== visit.date) || (patch.window !== undefined && patch.window !== visit.window);
      if (patch.status === 'assigned' && !(patch.employee ?? visit.employee)) return { refuse: { code: 'employee_required', message: 'body/employee: name the employee who goes', status: 400 } };
      if (!statusChanges && !moves && (patch.employee === undefined || patch.employee === visit.employee) && (patch.reason === undefined || patch.reason === visit.reason)) {
        return { refuse: { code: 'no_change', message: 'The visit is already so', status: 400 } };
      }
      const change: VisitChange = {
        ...(patch.status ? { status: patch.status } : {}),
        ...(patch.employee !== undefined ? { employee: patch.employee } : {}),
        ...(patch.date ? { date: patch.date } : {}),
        ...(patch.window ? { window: patch.window } : {}),
        ...(patch.reason !== undefined ? { reason: patch.reason } : {}),
      };
      const result = await homeVisits.change(visit.id, change, actor.login);
      if (!result.changed) return refusal(result.code);
      const after = homeVisitBody(result.visit);
      return {
        record: after,
        action: moves ? 'move' : statusChanges ? 'status' : 'update',
        details: {
          ...(statusChanges ? { from: visit.status, status: after.status } : {}),
          ...(moves ? { movedFrom: `${visit.date} ${visit.window}`, date: after.date, window: after.window } : {}),
          ...(patch.employee !== undefined && patch.employee !== visit.employee ? { employee: after.employee } : {}),
          ...(patch.reason !== undefined ? { reason: true } : {}),
        },
      };
    },
    create: {
      body: Booking,
      async run(booking, actor, request) {
        const header = request.headers['idempotency-key'];
        const given = typeof header === 'string' ? header.trim() : undefined;
        if (given !== undefined && !IDEMPOTENCY_KEY.test(given)) return { refuse: { code: 'bad_request', message: 'headers/idempotency-key: use 1–128 of letters, digits and . _ : -', status: 400 } };
        const visit: VisitRequest = {
          date: booking.date,
          window: booking.window,
          address: booking.address,
          applicant: booking.applicant,
          ...(booking.actingFor ? { actingFor: booking.actingFor } : {}),
          phone: booking.phone,
          phoneOf: booking.phoneOf,
          serviceId: booking.serviceId,
          needs: booking.needs,
          ...(booking.needsNote ? { needsNote: booking.needsNote } : {}),
          lang: booking.lang,
        };
        try {
          const record = await homeVisits.book(visit, `desk:${given ?? randomUUID()}`, actor.login);
          return { record: homeVisitBody(record), action: 'book', details: { number: record.number, date: record.value.date, window: record.value.window, region: record.value.address.region } };
        } catch (error) {
          if (error instanceof EffectRefusal) return refusal(error.code);
          throw error;
        }
      },
    },
  };
}

const LoadEntry = z.object({ region: Region, date: z.string(), window: Window, booked: z.number(), capacity: z.number() });

/**
 * Beside the desk, under the same prefix: the supervisors' load view of the bookable days, and the
 * day's route list for the employees who go (CSV or PDF). Static paths, so `/:id` never sees them.
 */
export const homeVisitExtraRoutes: FastifyPluginAsync<{ homeVisits: HomeVisits; texts: Texts; audit: Audit; requireRole: RoleGuard }> = async (fastify, { homeVisits, texts, audit, requireRole }) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['operator'];

  app.get('/load', {
    schema: {
      tags,
      summary: 'Places booked and offered per region, day and window over the next ten working days (supervisors)',
      security: bearer,
      querystring: z.object({ region: Region.optional() }),
      response: { 200: z.array(LoadEntry), 400: ApiError, 401: ApiError, 403: ApiError },
    },
    onRequest: requireRole('supervisor', 'admin'),
    handler: (request) => homeVisits.load(request.query.region ? [request.query.region] : undefined),
  });

  app.get('/route-list', {
    schema: {
      tags,
      summary: "The day's route list of a region for the employees who go (visits not cancelled, by window then address): CSV (UTF-8 with BOM, `;`) or PDF, headed in `lang`",
      security: bearer,
      querystring: z.object({ date: IsoDate, region: Region, format: z.enum(['csv', 'pdf']).default('csv'), lang: Lang.default('ru') }),
      response: { 200: z.any().describe('text/csv or application/pdf'), 400: ApiError, 401: ApiError, 403: ApiError },
    },
    onRequest: requireRole(),
    handler: async (request, reply) => {
      const { date, region, format, lang } = request.query;
      const { items } = await homeVisits.list({ index: 'dayRegion', value: `${date}|${region}` });
      const list = { date, region, lang, visits: routeListVisits(items) };
      await audit.record(actorOf(request).login, 'home_visit.route_list', `${date}|${region}`, { format, visits: list.visits.length });
      const body = format === 'pdf' ? await routeListPdf(list, texts) : routeListCsv(list, texts);
      return reply
        .type(format === 'pdf' ? 'application/pdf' : 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${routeListFileName(list, format)}"`)
        .header('cache-control', 'private, no-store')
        .send(body);
    },
  });
};
