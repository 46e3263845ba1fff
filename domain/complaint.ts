import { addWorkingDays, registrationDay, timeInAlmaty, todayInAlmaty, type ClockTime, type IsoDate } from './calendar';

/**
 * A pre-trial complaint about a state service (seed 000 §4, seed 001 point 14, seed 002's slides):
 * what the citizen files, and the rules of its life that hold wherever it is handled (the citizen's
 * chat, the contact centre's desk): statuses and the actions that move them, the day it is
 * registered, the day it must be answered by, and its one extension.
 */

/** What a complaint is about, as the citizen picks it. */
export const COMPLAINT_CATEGORIES = ['documents_refused', 'extra_documents', 'term_missed', 'refusal_without_reasons', 'improper_treatment', 'error_in_result', 'other'] as const;
export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number];

/** Whom it is against: the provider's decisions and actions, a State Corporation employee, the result of the service. */
export const COMPLAINT_AGAINST = ['provider', 'state_corporation', 'result'] as const;
export type ComplaintAgainst = (typeof COMPLAINT_AGAINST)[number];

/** The bodies that receive complaints (the catalog's addressee ids). */
export const COMPLAINT_ADDRESSEES = ['provider', 'state_corporation', 'authorised_body', 'ministry', 'akimat'] as const;
export type ComplaintAddresseeId = (typeof COMPLAINT_ADDRESSEES)[number];

export const COMPLAINT_STATUSES = ['registered', 'accepted', 'forwarded', 'extended', 'answered', 'closed'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

export const COMPLAINT_ACTIONS = ['accept', 'forward', 'extend', 'answer', 'close'] as const;
export type ComplaintAction = (typeof COMPLAINT_ACTIONS)[number];

/** The end of the working day after which a complaint is registered on the next working day, unless the catalog gives another. */
export const DEFAULT_CLOSING_TIME: ClockTime = '18:00';

/** The most an extension may add, in working days, whatever a procedure says. */
export const MAX_EXTENSION_WORKING_DAYS = 10;

const ALLOWED: Record<ComplaintStatus, readonly ComplaintAction[]> = {
  registered: ['accept', 'forward', 'extend', 'answer', 'close'],
  accepted: ['forward', 'extend', 'answer', 'close'],
  forwarded: ['answer', 'close'],
  extended: ['answer', 'close'],
  answered: ['close'],
  closed: [],
};

const RESULT: Record<ComplaintAction, ComplaintStatus> = {
  accept: 'accepted',
  forward: 'forwarded',
  extend: 'extended',
  answer: 'answered',
  close: 'closed',
};

/** Whether `action` may be taken on a complaint in `status`. */
export function canAct(status: ComplaintStatus, action: ComplaintAction): boolean {
  return ALLOWED[status].includes(action);
}

/** The actions a complaint in `status` allows, for the desk's buttons. */
export function allowedActions(status: ComplaintStatus): readonly ComplaintAction[] {
  return ALLOWED[status];
}

/** Still waiting for its answer: not answered and not closed. */
export function isOpen(status: ComplaintStatus): boolean {
  return status !== 'answered' && status !== 'closed';
}

/** Who complains: the IIN and contact are personal data, never in logs or audit texts. */
export interface Complainant {
  name: string;
  iin: string;
  /** A phone (E.164) or an e-mail the answer can reach. */
  contact: string;
  postalAddress?: string;
}

export interface ComplaintAttachment {
  id: string;
  name: string;
  /** The MIME type. */
  type: string;
  /** Bytes. */
  size: number;
}

/** What a citizen (or an operator for a caller) files. */
export interface ComplaintFiling {
  against: ComplaintAgainst;
  serviceId: string;
  /** The addressee the citizen chose among those that receive complaints about `against`; the first of them when omitted. */
  addresseeId?: ComplaintAddresseeId;
  /** The application the complaint is about, when there is one. */
  applicationNumber?: string;
  category: ComplaintCategory;
  /** What happened, in the citizen's words. */
  text: string;
  /** What the citizen asks for. */
  asks: string;
  incidentDate?: IsoDate;
  complainant: Complainant;
  attachments?: ComplaintAttachment[];
  /** The conversation that filed it, to tell the citizen what happens to it; none when filed by phone. */
  conversationId?: string;
  lang: 'kk' | 'ru';
}

export interface ComplaintEvent {
  status: ComplaintStatus;
  /** `file` for the filing itself. */
  action: ComplaintAction | 'file';
  at: string;
  /** An operator's login, or `citizen`. */
  by: string;
  reason?: string;
  /** For an extension: the working days added and the new due date. */
  workingDays?: number;
  extendedTo?: IsoDate;
}

export interface Complaint extends Omit<ComplaintFiling, 'addresseeId' | 'attachments'> {
  status: ComplaintStatus;
  addresseeId: ComplaintAddresseeId;
  /** The addressee's name at filing, in both languages. */
  addressee: { kk: string; ru: string };
  attachments: ComplaintAttachment[];
  /** When it was filed (ISO time). */
  filedAt: string;
  /** The day it is registered; the review term counts from it (not counting it). */
  registeredOn: IsoDate;
  /** The addressee's review term from registration. */
  dueDate: IsoDate;
  /** The due date after the one extension. */
  extendedTo?: IsoDate;
  /** The answer given (action `answer`). */
  answer?: string;
  history: ComplaintEvent[];
}

/**
 * The day a complaint filed at `filedAt` is registered: the filing day, or the next working day
 * when it is filed at or after the end of the working day (`closesAt`, Asia/Almaty) or on a day off.
 */
export function complaintRegisteredOn(filedAt: Date, closesAt: ClockTime = DEFAULT_CLOSING_TIME): IsoDate {
  return registrationDay(todayInAlmaty(filedAt), timeInAlmaty(filedAt), closesAt).date;
}

/** The last day of the review: `reviewWorkingDays` working days after registration. */
export function complaintDueDate(registeredOn: IsoDate, reviewWorkingDays: number): IsoDate {
  return addWorkingDays(registeredOn, reviewWorkingDays);
}

/** The day the answer is due now: the extended date once extended. */
export function currentDueDate(complaint: Pick<Complaint, 'dueDate' | 'extendedTo'>): IsoDate {
  return complaint.extendedTo ?? complaint.dueDate;
}

/** Not answered or closed, and today (Asia/Almaty) is after the day it was due. */
export function isOverdue(complaint: Pick<Complaint, 'status' | 'dueDate' | 'extendedTo'>, today: IsoDate): boolean {
  return isOpen(complaint.status) && today > currentDueDate(complaint);
}

/** The procedure's extension (catalog `complaint.extension`), absent where the seed gives none. */
export interface ExtensionRule {
  maxWorkingDays: number;
  noticeWorkingDays: number;
}

export type ComplaintRefusalCode = 'not_allowed' | 'extended_once' | 'no_extension' | 'too_long' | 'reason_required' | 'text_required';

/** What an action carries: a reason (extension, forwarding, closing), working days (extension), the answer's text. */
export interface ComplaintActInput {
  reason?: string;
  workingDays?: number;
  text?: string;
}

/**
 * The complaint after `action`, or why not: the status must allow it; an extension needs a
 * procedure with one, a reason, at most its `maxWorkingDays` (and never more than 10) working days
 * counted from the current due date, and is given once; an answer needs its text.
 */
export function applyComplaintAction(
  complaint: Complaint,
  action: ComplaintAction,
  input: ComplaintActInput,
  context: { at: Date; by: string; extension: ExtensionRule | undefined },
): { complaint: Complaint } | { code: ComplaintRefusalCode } {
  if (action === 'extend' && complaint.extendedTo !== undefined) return { code: 'extended_once' };
  if (!canAct(complaint.status, action)) return { code: 'not_allowed' };
  const event: ComplaintEvent = { status: RESULT[action], action, at: context.at.toISOString(), by: context.by, ...(input.reason ? { reason: input.reason } : {}) };
  const next: Complaint = { ...complaint, status: RESULT[action] };
  if (action === 'extend') {
    if (!context.extension) return { code: 'no_extension' };
    const days = input.workingDays ?? Math.min(context.extension.maxWorkingDays, MAX_EXTENSION_WORKING_DAYS);
    if (!Number.isInteger(days) || days < 1 || days > Math.min(context.extension.maxWorkingDays, MAX_EXTENSION_WORKING_DAYS)) return { code: 'too_long' };
    if (!input.reason?.trim()) return { code: 'reason_required' };
    next.extendedTo = addWorkingDays(complaint.dueDate, days);
    event.workingDays = days;
    event.extendedTo = next.extendedTo;
  }
  if (action === 'answer') {
    if (!input.text?.trim()) return { code: 'text_required' };
    next.answer = input.text;
  }
  next.history = [...complaint.history, event];
  return { complaint: next };
}
