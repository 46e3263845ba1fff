import { todayInAlmaty, type IsoDate } from '../domain/calendar';
import { capacityOf, type VisitCapacity } from '../domain/home-visit-capacity';
import { bookableDays, canBecome, isPending, reminderAt, VISIT_WINDOWS, windowKey, type HomeVisit, type VisitRequest, type VisitStatus, type VisitWindow } from '../domain/home-visit';
import { REGIONS, regionById, type RegionId } from '../domain/regions';
import { HOME_VISIT_EFFECTS, type BookedVisit } from '../flows/home-visit';
import type { JobQueue, RecordQuery, Records, RecordSpec, Reservations, Store, StoredRecord } from '../store/types';
import { EffectRefusal, type EffectHandler } from './engine';
import { scheduleNotification, type NotifyText } from './notify';

/**
 * Home visits as records: numbered HV-YYYY-NNNNNN, listed by day, day and region, status and
 * conversation, and by every other combination of day, region and status the contact centre's desk
 * filters by, so that each of its pages is read from one index.
 */
export const HOME_VISIT_RECORDS: RecordSpec<HomeVisit> = {
  name: 'home-visits',
  prefix: 'HV',
  indexes: ({ status, date, address: { region }, conversationId }) => ({
    status,
    day: date,
    dayRegion: `${date}|${region}`,
    conversation: conversationId,
    region,
    dayStatus: `${date}|${status}`,
    regionStatus: `${region}|${status}`,
    dayRegionStatus: `${date}|${region}|${status}`,
  }),
  // By day, the morning before the afternoon.
  sortKey: ({ value }) => Date.parse(`${value.date}T00:00:00Z`) + VISIT_WINDOWS.indexOf(value.window),
};

/** A window a visit can still be booked in, with the places left. */
export interface FreeWindow {
  date: IsoDate;
  window: VisitWindow;
  left: number;
}

/** The places taken and offered in one region's window: the supervisors' load view. */
export interface WindowLoad {
  region: RegionId;
  date: IsoDate;
  window: VisitWindow;
  booked: number;
  capacity: number;
}

/** What the contact centre changes in a visit (PATCH /api/operator/home-visits/{id}). */
export interface VisitChange {
  status?: VisitStatus;
  employee?: string;
  date?: IsoDate;
  window?: VisitWindow;
  reason?: string;
}

export type VisitChangeResult = { changed: true; visit: StoredRecord<HomeVisit> } | { changed: false; code: 'not_found' | 'not_allowed' | 'slot_full' | 'not_bookable' | 'conflict' };

/** Tells the citizen of a visit what became of it, once per key. */
export type TellCitizen = (conversationId: string, text: NotifyText, key: string) => Promise<unknown>;

const MAX_UPDATE_ATTEMPTS = 5;

/**
 * The home visits: free windows from the capacity and the places taken, booking with an atomic
 * reservation of a place, the reminder the working day before, and every change the contact
 * centre makes, each told to the citizen.
 */
export class HomeVisits {
  readonly records: Records<HomeVisit>;
  private readonly reservations: Reservations;
  private readonly jobs: JobQueue;

  constructor(
    store: Store,
    private readonly capacity: VisitCapacity,
    private readonly tell: TellCitizen,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.records = store.records(HOME_VISIT_RECORDS);
    this.reservations = store.reservations;
    this.jobs = store.jobs;
  }

  /** Windows of the bookable working days in a region that still have a place, in order. */
  async freeWindows(region: RegionId): Promise<FreeWindow[]> {
    const load = await this.load([region]);
    return load.filter((w) => w.booked < w.capacity).map(({ date, window, booked, capacity }) => ({ date, window, left: capacity - booked }));
  }

  /** Places taken in every window of the bookable days, per region (all regions unless named). */
  async load(regions: readonly RegionId[] = REGIONS.map((r) => r.id)): Promise<WindowLoad[]> {
    const days = bookableDays(todayInAlmaty(this.now()));
    const windows = regions.flatMap((region) => days.flatMap((date) => VISIT_WINDOWS.map((window) => ({ region, date, window }))));
    const taken = await this.reservations.counts(windows.map((w) => windowKey(w.date, w.region, w.window)));
    return windows.map((w, i) => ({ region: w.region, date: w.date, window: w.window, booked: taken[i] ?? 0, capacity: capacityOf(this.capacity, w.region) }));
  }

  /**
   * Books a visit: a place in its window is reserved first (atomically: of many citizens racing for
   * the last place, one gets it), then the record is written and the reminder scheduled. `key`
   * makes it once: booking again with the same key gives the same visit.
   * Refuses with `slot_full` or `not_bookable` (a day that is not one of the bookable working days).
   */
  async book(request: VisitRequest, key: string, by = 'citizen'): Promise<StoredRecord<HomeVisit>> {
    if (!this.bookable(request.date)) throw new EffectRefusal('not_bookable');
    const region = request.address.region;
    const holder = `visit:${key}`;
    if (!(await this.reservations.reserve(windowKey(request.date, region, request.window), holder, capacityOf(this.capacity, region)))) throw new EffectRefusal('slot_full');
    const at = this.now();
    const visit: HomeVisit = { ...request, status: 'requested', holder, history: [{ status: 'requested', at: at.toISOString(), by, date: request.date, window: request.window }] };
    const { record } = await this.records.create(visit, { key: `visit:${key}`, now: at });
    await this.scheduleReminder(record);
    return record;
  }

  get(id: string): Promise<StoredRecord<HomeVisit> | null> {
    return this.records.get(id);
  }

  list(query: RecordQuery): Promise<{ items: StoredRecord<HomeVisit>[]; total: number }> {
    return this.records.list(query);
  }

  /** The visits a conversation booked, newest first. */
  async ofConversation(conversationId: string): Promise<StoredRecord<HomeVisit>[]> {
    return (await this.records.list({ index: 'conversation', value: conversationId, descending: true })).items;
  }

  /**
   * A change by the contact centre or the citizen: a status (along the allowed moves), an employee,
   * another day or window (a place there is reserved before the old one is freed), a reason. The
   * citizen is told what changed.
   */
  async change(id: string, change: VisitChange, by: string): Promise<VisitChangeResult> {
    for (let attempt = 0; attempt < MAX_UPDATE_ATTEMPTS; attempt++) {
      const current = await this.records.get(id);
      if (!current) return { changed: false, code: 'not_found' };
      const decided = await this.decide(current, change, by);
      if ('code' in decided) return { changed: false, code: decided.code };
      const updated = await this.records.update(id, current.revision, decided.visit, this.now());
      if (!updated.updated) {
        if (decided.moved) await this.reservations.release(decided.moved.newKey, decided.visit.holder);
        continue;
      }
      if (decided.moved) await this.reservations.release(decided.moved.oldKey, current.value.holder);
      if (updated.record.value.status === 'cancelled') await this.reservations.release(windowKey(current.value.date, current.value.address.region, current.value.window), current.value.holder);
      await this.afterChange(current, updated.record, by);
      return { changed: true, visit: updated.record };
    }
    return { changed: false, code: 'conflict' };
  }

  private async decide(
    current: StoredRecord<HomeVisit>,
    change: VisitChange,
    by: string,
  ): Promise<{ visit: HomeVisit; moved?: { oldKey: string; newKey: string } } | { code: 'not_allowed' | 'slot_full' | 'not_bookable' }> {
    const visit = current.value;
    const at = this.now().toISOString();
    let next: HomeVisit = { ...visit };
    let moved: { oldKey: string; newKey: string } | undefined;
    if (change.status && change.status !== visit.status) {
      if (!canBecome(visit.status, change.status)) return { code: 'not_allowed' };
      next.status = change.status;
    }
    if (change.employee !== undefined) next.employee = change.employee;
    if (change.reason !== undefined) next.reason = change.reason;
    const date = change.date ?? visit.date;
    const window = change.window ?? visit.window;
    if (date !== visit.date || window !== visit.window) {
      if (!isPending(visit.status) || next.status === 'cancelled') return { code: 'not_allowed' };
      if (!this.bookable(date)) return { code: 'not_bookable' };
      const region = visit.address.region;
      const holder = `${visit.holder}:r${current.revision + 1}`;
      const newKey = windowKey(date, region, window);
      if (!(await this.reservations.reserve(newKey, holder, capacityOf(this.capacity, region)))) return { code: 'slot_full' };
      moved = { oldKey: windowKey(visit.date, region, visit.window), newKey };
      next = { ...next, date, window, holder };
    }
    next.history = [...visit.history, { status: next.status, at, by, ...(change.reason ? { reason: change.reason } : {}), ...(moved ? { date, window } : {}) }];
    return { visit: next, ...(moved ? { moved } : {}) };
  }

  /** Reminder rescheduled or cancelled, and the citizen told. */
  private async afterChange(before: StoredRecord<HomeVisit>, after: StoredRecord<HomeVisit>, by: string): Promise<void> {
    const visit = after.value;
    if (isPending(visit.status)) await this.scheduleReminder(after);
    else await this.jobs.cancel(reminderJobId(after.id));
    // The citizen's own change is answered by the chat itself.
    if (!visit.conversationId || by === 'citizen') return;
    const vars = { number: after.number };
    const when = { dates: { date: visit.date }, texts: { window: `home_visit:window.${visit.window}` } };
    const key = `home-visit:${after.id}:${after.revision}`;
    if (visit.date !== before.value.date || visit.window !== before.value.window) {
      await this.tell(visit.conversationId, { key: 'home_visit:told.moved', vars, ...when }, key);
    } else if (visit.status !== before.value.status) {
      const reason = visit.reason ?? '';
      await this.tell(visit.conversationId, { key: `home_visit:told.${visit.status}`, vars: { ...vars, reason, employee: visit.employee ?? '' }, ...when }, key);
    } else if (visit.employee && visit.employee !== before.value.employee) {
      await this.tell(visit.conversationId, { key: 'home_visit:told.assigned', vars: { ...vars, employee: visit.employee }, ...when }, key);
    }
  }

  /** The reminder the working day before, unless that moment has passed (booked the day before). */
  private async scheduleReminder(record: StoredRecord<HomeVisit>): Promise<void> {
    const { conversationId, date, window } = record.value;
    const at = reminderAt(date);
    if (!conversationId || at.getTime() <= this.now().getTime()) return;
    await scheduleNotification(this.jobs, reminderJobId(record.id), at, {
      conversationId,
      text: { key: 'home_visit:told.reminder', vars: { number: record.number }, dates: { date }, texts: { window: `home_visit:window.${window}` } },
    });
  }

  private bookable(date: IsoDate): boolean {
    return bookableDays(todayInAlmaty(this.now())).includes(date);
  }
}

export function reminderJobId(visitId: string): string {
  return `home-visit-reminder:${visitId}`;
}

/** A visit as the citizen's flow keeps and shows it. */
function bookedOf(record: StoredRecord<HomeVisit>): BookedVisit {
  const { date, window, status, address } = record.value;
  return { id: record.id, number: record.number, date, window, status, region: address.region };
}

/**
 * The effects of the home-visit flow. A citizen changes only the visits their own conversation
 * booked; a forged id is refused as not found.
 */
export function homeVisitEffects(visits: HomeVisits): Record<string, EffectHandler> {
  const own = async (id: unknown, conversationId: string) => {
    const record = typeof id === 'string' ? await visits.get(id) : null;
    if (!record || record.value.conversationId !== conversationId) throw new EffectRefusal('not_found');
    return record;
  };
  return {
    [HOME_VISIT_EFFECTS.windows]: async (effect) => {
      const region = regionById(String(effect.region));
      if (!region) throw new EffectRefusal('not_found');
      return visits.freeWindows(region.id);
    },
    [HOME_VISIT_EFFECTS.book]: async (effect, { conversation, idempotencyKey }) => {
      const request = { ...(effect.request as VisitRequest), conversationId: conversation.id };
      return bookedOf(await visits.book(request, idempotencyKey));
    },
    [HOME_VISIT_EFFECTS.mine]: async (_effect, { conversation }) => (await visits.ofConversation(conversation.id)).map(bookedOf),
    [HOME_VISIT_EFFECTS.change]: async (effect, { conversation }) => {
      const record = await own(effect.id, conversation.id);
      const result = await visits.change(record.id, effect.change as VisitChange, 'citizen');
      if (!result.changed) throw new EffectRefusal(result.code);
      return bookedOf(result.visit);
    },
  };
}
