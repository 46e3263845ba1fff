import { todayInAlmaty, type ClockTime } from '../domain/calendar';
import {
  applyComplaintAction,
  complaintDueDate,
  complaintRegisteredOn,
  currentDueDate,
  DEFAULT_CLOSING_TIME,
  isOpen,
  isOverdue,
  type Complaint,
  type ComplaintActInput,
  type ComplaintAction,
  type ComplaintAddresseeId,
  type ComplaintFiling,
  type ComplaintRefusalCode,
  type ComplaintStatus,
} from '../domain/complaint';
import { findService, type ChannelId, type Service } from '../flows/catalog';
import type { RecordQuery, Records, RecordSpec, Store, StoredRecord } from '../store/types';
import { addresseeFor, type ComplaintFilingRefusal } from '../flows/catalog/complaint';
import { EffectRefusal } from './engine';

export { addresseeFor, type ComplaintFilingRefusal };
import type { NotifyText } from './notify';

/** The filters the desk combines; every combination is one index, so each page is read from one listing. */
const FILTERS = ['status', 'addressee', 'serviceId', 'open'] as const;
type FilterName = (typeof FILTERS)[number];

/** The index of a combination of filters: their names in FILTERS order joined by `+`, values by `|`. */
function indexOf(values: Partial<Record<FilterName, string>>): { index: string; value: string } | null {
  const named = FILTERS.filter((name) => values[name] !== undefined);
  if (named.length === 0) return null;
  return { index: named.join('+'), value: named.map((name) => values[name]).join('|') };
}

function filterValues(complaint: Complaint): Partial<Record<FilterName, string>> {
  return { status: complaint.status, addressee: complaint.addresseeId, serviceId: complaint.serviceId, ...(isOpen(complaint.status) ? { open: 'yes' } : {}) };
}

const DAY_MS = 86_400_000;
/** Open complaints before the others; within each, by the day the answer is due. */
const CLOSED_OFFSET = 1e6 * DAY_MS;

/**
 * Complaints as records: numbered CMP-YYYY-NNNNNN, listed by every combination of status,
 * addressee, service and "open", and by conversation; open ones first, by their current due date,
 * so the overdue come first.
 */
export const COMPLAINT_RECORDS: RecordSpec<Complaint> = {
  name: 'complaints',
  prefix: 'CMP',
  indexes: (complaint) => {
    const values = filterValues(complaint);
    const names = FILTERS.filter((name) => values[name] !== undefined);
    const indexes: Record<string, string | undefined> = { conversation: complaint.conversationId };
    for (let mask = 1; mask < 1 << names.length; mask++) {
      const subset = Object.fromEntries(names.filter((_, i) => mask & (1 << i)).map((name) => [name, values[name]]));
      const entry = indexOf(subset);
      if (entry) indexes[entry.index] = entry.value;
    }
    return indexes;
  },
  sortKey: ({ value }) => Date.parse(`${currentDueDate(value)}T00:00:00Z`) + (isOpen(value.status) ? 0 : CLOSED_OFFSET),
};

/** What the desk filters by. */
export interface ComplaintFilters {
  status?: ComplaintStatus | undefined;
  addressee?: ComplaintAddresseeId | undefined;
  serviceId?: string | undefined;
  /** Only those not answered or closed whose due date has passed (Asia/Almaty). */
  overdue?: boolean | undefined;
}

export type ComplaintActResult = { done: true; complaint: StoredRecord<Complaint> } | { done: false; code: ComplaintRefusalCode | 'not_found' | 'conflict' };

/** Tells the citizen of a complaint what became of it, once per key. */
export type TellCitizen = (conversationId: string, text: NotifyText, key: string) => Promise<unknown>;

const MAX_UPDATE_ATTEMPTS = 5;

/** The end of the working day of the addressee's office, where the service's after-hours rule gives one; 18:00 otherwise. */
export function closingTimeFor(service: Service, addresseeId: ComplaintAddresseeId): ClockTime {
  const channel: ChannelId | undefined = addresseeId === 'state_corporation' ? 'state_corporation' : addresseeId === 'provider' ? 'provider_office' : undefined;
  const given = channel && service.afterHours?.closingTimes.find((c) => c.channels.includes(channel));
  return given ? given.closesAt : DEFAULT_CLOSING_TIME;
}

/**
 * The complaints: filing (numbered, registered and given its due date by the service's procedure),
 * the contact centre's actions along the allowed statuses, each told to the citizen, and the desk's
 * lists.
 */
export class Complaints {
  readonly records: Records<Complaint>;

  constructor(
    store: Store,
    private readonly tell: TellCitizen,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.records = store.records(COMPLAINT_RECORDS);
  }

  /**
   * Files a complaint: the addressee from the service's procedure and `against` (a service without
   * a State Corporation addressee refuses `against: state_corporation` with `no_state_corporation`),
   * registered on the filing day or the next working day, due after the addressee's review term.
   * `key` makes it once: filing again with the same key gives the same complaint.
   * Refuses (EffectRefusal) with `unknown_service`, `no_state_corporation` or `wrong_addressee`.
   */
  async file(filing: ComplaintFiling, key: string, by = 'citizen'): Promise<StoredRecord<Complaint>> {
    const service = findService(filing.serviceId);
    if (!service) throw new EffectRefusal('unknown_service');
    const addressee = addresseeFor(service, filing);
    if (typeof addressee === 'string') throw new EffectRefusal(addressee);
    const at = this.now();
    const registeredOn = complaintRegisteredOn(at, closingTimeFor(service, addressee.id));
    const { addresseeId: _chosen, attachments, ...rest } = filing;
    const complaint: Complaint = {
      ...rest,
      status: 'registered',
      addresseeId: addressee.id,
      addressee: { kk: addressee.name.kk, ru: addressee.name.ru },
      attachments: attachments ?? [],
      filedAt: at.toISOString(),
      registeredOn,
      dueDate: complaintDueDate(registeredOn, addressee.reviewWorkingDays),
      history: [{ status: 'registered', action: 'file', at: at.toISOString(), by }],
    };
    const { record } = await this.records.create(complaint, { key: `complaint:${key}`, now: at });
    return record;
  }

  get(id: string): Promise<StoredRecord<Complaint> | null> {
    return this.records.get(id);
  }

  getByNumber(number: string): Promise<StoredRecord<Complaint> | null> {
    return this.records.getByNumber(number);
  }

  /** The complaints a conversation filed, newest first. */
  async ofConversation(conversationId: string): Promise<StoredRecord<Complaint>[]> {
    const { items } = await this.records.list({ index: 'conversation', value: conversationId });
    return items.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
  }

  /**
   * A page of the desk's list: open complaints first by their due date (so the overdue lead), then
   * answered and closed ones. `overdue` keeps the open ones past their due date.
   */
  async list(filters: ComplaintFilters, page: { offset?: number; limit?: number } = {}): Promise<{ items: StoredRecord<Complaint>[]; total: number }> {
    const { status, addressee, serviceId, overdue } = filters;
    const values: Partial<Record<FilterName, string>> = { ...(status ? { status } : {}), ...(addressee ? { addressee } : {}), ...(serviceId ? { serviceId } : {}) };
    if (!overdue) {
      const index = indexOf(values);
      return this.records.list({ ...(index ?? {}), ...page } as RecordQuery);
    }
    if (status && !isOpen(status)) return { items: [], total: 0 };
    // Open ones are sorted by their due date: the overdue are the head of the listing.
    const index = indexOf({ ...values, open: 'yes' }) as { index: string; value: string };
    const today = todayInAlmaty(this.now());
    const { items } = await this.records.list(index);
    const late = items.filter((record) => isOverdue(record.value, today));
    const offset = page.offset ?? 0;
    return { items: late.slice(offset, page.limit === undefined ? undefined : offset + page.limit), total: late.length };
  }

  /**
   * An action of the contact centre (or a close by the citizen): along the allowed statuses, with
   * the extension rules of the service's procedure; recorded in the history, and the citizen told.
   */
  async act(id: string, action: ComplaintAction, input: ComplaintActInput, by: string): Promise<ComplaintActResult> {
    for (let attempt = 0; attempt < MAX_UPDATE_ATTEMPTS; attempt++) {
      const current = await this.records.get(id);
      if (!current) return { done: false, code: 'not_found' };
      const extension = findService(current.value.serviceId)?.complaint.extension;
      const at = this.now();
      const decided = applyComplaintAction(current.value, action, input, { at, by, extension });
      if ('code' in decided) return { done: false, code: decided.code };
      const updated = await this.records.update(id, current.revision, decided.complaint, at);
      if (!updated.updated) continue;
      await this.told(updated.record, action, by);
      return { done: true, complaint: updated.record };
    }
    return { done: false, code: 'conflict' };
  }

  /** The citizen's chat is told what was done; their own close is answered by the chat itself. */
  private async told(record: StoredRecord<Complaint>, action: ComplaintAction, by: string): Promise<void> {
    const complaint = record.value;
    if (!complaint.conversationId || by === 'citizen') return;
    const text: NotifyText = {
      key: `complaint:told.${action}`,
      vars: { number: record.number, reason: complaint.history.at(-1)?.reason ?? '', ...(action === 'answer' ? { answer: complaint.answer ?? '' } : {}) },
      dates: { due: currentDueDate(complaint) },
    };
    await this.tell(complaint.conversationId, text, `complaint:${record.id}:${record.revision}`);
  }
}
