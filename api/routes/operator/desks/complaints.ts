import { z } from 'zod';
import type { Complaints } from '../../../../bot/complaints';
import type { OperatorRole } from '../../../../bot/handoff';
import { todayInAlmaty } from '../../../../domain/calendar';
import {
  allowedActions,
  COMPLAINT_ACTIONS,
  COMPLAINT_ADDRESSEES,
  COMPLAINT_AGAINST,
  COMPLAINT_CATEGORIES,
  COMPLAINT_STATUSES,
  currentDueDate,
  isOverdue,
  type Complaint,
} from '../../../../domain/complaint';
import { maskIin } from '../../../../domain/iin';
import { findService } from '../../../../flows/catalog';
import type { StoredRecord } from '../../../../store/types';
import type { Desk, DeskOutcome, DeskRefusal } from './desk';

const Status = z.enum(COMPLAINT_STATUSES);
const Action = z.enum(COMPLAINT_ACTIONS);
const Addressee = z.enum(COMPLAINT_ADDRESSEES);
const Localized = z.object({ kk: z.string(), ru: z.string() });

const HistoryEntry = z.object({
  status: Status,
  action: z.union([Action, z.literal('file')]),
  at: z.string(),
  by: z.string(),
  reason: z.string().optional(),
  workingDays: z.number().optional(),
  extendedTo: z.string().optional(),
});

/**
 * A complaint as the operator API answers it (DESIGN §6): `addressee` is the addressee's id (what
 * `?addressee=` filters by), with what else the desk shows. The complainant's IIN only masked.
 */
export const ComplaintBody = z.object({
  id: z.string(),
  number: z.string(),
  status: Status,
  against: z.enum(COMPLAINT_AGAINST),
  addressee: Addressee,
  serviceId: z.string().optional(),
  applicationNumber: z.string().optional(),
  category: z.enum(COMPLAINT_CATEGORIES),
  text: z.string(),
  registeredOn: z.string(),
  dueDate: z.string(),
  extendedTo: z.string().optional(),
  attachments: z.array(z.object({ id: z.string(), name: z.string(), type: z.string(), size: z.number() })),
  conversationId: z.string().optional(),
  createdAt: z.string(),
  // Additive: the addressee's and the service's names, what the citizen asks, who complains, the answer, the state of the term, the history.
  addresseeName: Localized,
  serviceTitle: Localized.optional(),
  asks: z.string(),
  incidentDate: z.string().optional(),
  complainant: z.object({ name: z.string(), iinMasked: z.string(), contact: z.string(), postalAddress: z.string().optional() }),
  lang: z.enum(['kk', 'ru']),
  answer: z.string().optional(),
  /** The day the answer is due now (the extended one once extended). */
  due: z.string(),
  overdue: z.boolean(),
  /** What the desk can do with it now. */
  actions: z.array(Action),
  history: z.array(HistoryEntry),
  updatedAt: z.string(),
});
export type ComplaintBody = z.infer<typeof ComplaintBody>;

/** The stored record as the API answers it, overdue as of `today` (Asia/Almaty). */
export function complaintBody(record: StoredRecord<Complaint>, today: string = todayInAlmaty()): ComplaintBody {
  const c = record.value;
  const service = findService(c.serviceId);
  return {
    id: record.id,
    number: record.number,
    status: c.status,
    against: c.against,
    addressee: c.addresseeId,
    serviceId: c.serviceId,
    ...(c.applicationNumber ? { applicationNumber: c.applicationNumber } : {}),
    category: c.category,
    text: c.text,
    registeredOn: c.registeredOn,
    dueDate: c.dueDate,
    ...(c.extendedTo ? { extendedTo: c.extendedTo } : {}),
    attachments: c.attachments.map(({ id, name, type, size }) => ({ id, name, type, size })),
    ...(c.conversationId ? { conversationId: c.conversationId } : {}),
    createdAt: record.createdAt,
    addresseeName: c.addressee,
    ...(service ? { serviceTitle: service.shortTitle } : {}),
    asks: c.asks,
    ...(c.incidentDate ? { incidentDate: c.incidentDate } : {}),
    complainant: {
      name: c.complainant.name,
      iinMasked: maskIin(c.complainant.iin),
      contact: c.complainant.contact,
      ...(c.complainant.postalAddress ? { postalAddress: c.complainant.postalAddress } : {}),
    },
    lang: c.lang,
    ...(c.answer ? { answer: c.answer } : {}),
    due: currentDueDate(c),
    overdue: isOverdue(c, today),
    actions: [...allowedActions(c.status)],
    history: c.history.map(({ status, action, at, by, reason, workingDays, extendedTo }) => ({
      status,
      action,
      at,
      by,
      ...(reason ? { reason } : {}),
      ...(workingDays ? { workingDays } : {}),
      ...(extendedTo ? { extendedTo } : {}),
    })),
    updatedAt: record.updatedAt,
  };
}

const filters = {
  status: Status.optional(),
  addressee: Addressee.optional(),
  overdue: z
    .enum(['true', 'false'])
    .optional()
    .transform((value) => value === 'true'),
  serviceId: z.string().max(64).optional(),
};

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `at most ${max} characters`);

const Change = z
  .object({
    action: Action,
    reason: text(1000).optional(),
    workingDays: z.number().int().min(1).max(10).optional(),
    text: text(10_000).optional(),
  })
  .refine((change) => change.action !== 'answer' || change.text !== undefined, { message: 'the answer needs its text', path: ['text'] })
  .refine((change) => change.action !== 'extend' || change.reason !== undefined, { message: 'an extension needs its reason', path: ['reason'] });
type Change = z.infer<typeof Change>;

const SUPERVISING: readonly OperatorRole[] = ['supervisor', 'admin'];

const REFUSALS: Record<string, DeskRefusal> = {
  not_allowed: { code: 'not_allowed', message: 'The complaint does not allow that action from where it is now' },
  extended_once: { code: 'extended_once', message: 'The review term has already been extended once' },
  no_extension: { code: 'no_extension', message: "The service's complaint procedure gives no extension" },
  too_long: { code: 'too_long', message: "An extension is at most the procedure's working days (10)", status: 400 },
  reason_required: { code: 'reason_required', message: 'body/reason: an extension needs its reason', status: 400 },
  text_required: { code: 'text_required', message: 'body/text: the answer needs its text', status: 400 },
  conflict: { code: 'conflict', message: 'The complaint was changed meanwhile; open it again and retry' },
  not_found: { code: 'conflict', message: 'The complaint was changed meanwhile; open it again and retry' },
};

/**
 * The contact centre's complaint desk (DESIGN §6): complaints by status, addressee, service and
 * overdue (open ones first by their due date, so the overdue lead), one complaint, and its actions
 * (the citizen is told by Complaints itself); extending and closing unanswered are for supervisors. Audit details name actions, statuses and dates, never
 * the complainant, their IIN, contact or address, nor the texts.
 */
export function complaintDesk({ complaints }: { complaints: Complaints }): Desk<ComplaintBody, typeof filters, Change> {
  return {
    name: 'complaint',
    noun: 'complaint',
    summaries: {
      list: 'Complaints by status, addressee, service and overdue=true (not answered or closed, past the due date); open ones first by their due date',
      get: 'One complaint with its history',
      change:
        "Act on a complaint: accept, forward, extend (once, 1–10 working days from the due date, with a reason, where the service's procedure gives an extension), answer (with its text) or close; the citizen's chat is told",
    },
    record: ComplaintBody,
    idOf: (complaint) => complaint.id,
    filters,
    paging: { default: 50, max: 200 },
    async list({ status, addressee, serviceId, overdue }, { offset, limit }) {
      const { items, total } = await complaints.list({ status, addressee, serviceId, overdue }, { offset, limit });
      const today = todayInAlmaty();
      return { items: items.map((record) => complaintBody(record, today)), total };
    },
    async get(id) {
      const record = await complaints.get(id);
      return record && complaintBody(record);
    },
    patch: Change,
    async change(complaint, patch, actor): Promise<DeskOutcome<ComplaintBody>> {
      // Extending the statutory term, and closing a complaint nobody answered, are a supervisor's decisions.
      const decision = patch.action === 'extend' || (patch.action === 'close' && complaint.status !== 'answered');
      if (decision && !SUPERVISING.includes(actor.role))
        return { refuse: { code: 'forbidden', message: 'Extending a complaint or closing it unanswered needs the role supervisor or admin', status: 403 } };
      const result = await complaints.act(
        complaint.id,
        patch.action,
        {
          ...(patch.reason !== undefined ? { reason: patch.reason } : {}),
          ...(patch.workingDays !== undefined ? { workingDays: patch.workingDays } : {}),
          ...(patch.text !== undefined ? { text: patch.text } : {}),
        },
        actor.login,
      );
      if (!result.done) return { refuse: REFUSALS[result.code] ?? { code: result.code, message: `Refused: ${result.code}` } };
      const after = complaintBody(result.complaint);
      return {
        record: after,
        action: patch.action,
        details: {
          number: after.number,
          from: complaint.status,
          status: after.status,
          ...(after.extendedTo && patch.action === 'extend' ? { workingDays: result.complaint.value.history.at(-1)?.workingDays, extendedTo: after.extendedTo } : {}),
          ...(patch.reason !== undefined ? { reason: true } : {}),
        },
      };
    },
  };
}
