import { type Application, type ApplicationChannel, type ApplicationStatus, isFinal, type StatusEvent, withEvent } from '../domain/application';
import { addCalendarDays, todayInAlmaty, type IsoDate } from '../domain/calendar';
import { sameSecret } from '../domain/same-secret';
import { dueDateOf } from '../flows/status/due';
import type { JobQueue, Records, RecordSpec, Store, StoredRecord } from '../store/types';
import type { NotifyText } from './notify';
import type { JobHandler } from './scheduler';

/** What a provider reports about one application (PUT /api/applications/{number}). */
export interface ApplicationUpdate {
  iin: string;
  serviceId: string;
  status: ApplicationStatus;
  submittedAt: string;
  channel: ApplicationChannel;
  note?: string | undefined;
  /** When the change happened at the provider; orders updates that arrive out of order. */
  updatedAt?: string | undefined;
}

export interface UpdateOutcome {
  /** The application was seen for the first time. */
  created: boolean;
  /** Something was written; false for an update already known. */
  changed: boolean;
  application: Application;
}

/** A later update names another IIN or service than the application has: it is not applied. */
export class ApplicationMismatch extends Error {
  constructor(readonly field: 'iin' | 'serviceId') {
    super(field === 'iin' ? 'The application is registered with another IIN' : 'The application is registered for another service');
    this.name = 'ApplicationMismatch';
  }
}

/** Other writers kept changing the application: the update was not applied, and may be sent again. */
export class ApplicationConflict extends Error {
  constructor() {
    super('The application kept changing meanwhile; send the update again');
    this.name = 'ApplicationConflict';
  }
}

/** As stored: the application, and the due date whose passing its subscribers were told of. */
interface StoredApplication extends Application {
  overdueTold?: IsoDate;
}

/**
 * A number as a citizen may type it: in either case, with spaces, dashes or slashes anywhere or none
 * ("sc 2026 0417" is "SC-2026-0417"). Two numbers that differ only so would be one to the look-up,
 * which shows an application only with the IIN it was made with.
 */
export function numberKey(number: string): string {
  return number.toUpperCase().replace(/[\s\-_/.]/g, '');
}

/**
 * Applications by the provider's number (`number` index) and by the number as typed (`typed`,
 * {@link numberKey}), those anyone watches (`subscribed`), by status, and by the conversations that
 * watch them (`subscriber`). Neither the IIN nor a phone is in any index. The records' own numbers
 * (AP-YYYY-NNNNNN) are internal: people use the provider's.
 */
export const APPLICATION_RECORDS: RecordSpec<StoredApplication> = {
  name: 'applications',
  prefix: 'AP',
  indexes: ({ number, status, subscribers }) => ({
    number,
    typed: numberKey(number),
    status,
    subscribed: subscribers.length > 0 ? 'yes' : undefined,
    subscriber: subscribers,
  }),
};

/** The job type that tells subscribers an application is past its due date. */
export const APPLICATION_OVERDUE_JOB = 'application.overdue';

export function overdueJobId(number: string): string {
  return `application-overdue:${number}`;
}

/** When subscribers hear that the result is late: 10:00 in Astana the morning after the due date. */
export function overdueAt(due: IsoDate): Date {
  return new Date(`${addCalendarDays(due, 1)}T10:00:00+05:00`);
}

/** Tells one conversation something, once per key (the notifier, in the runtime). */
export type TellSubscriber = (conversationId: string, text: NotifyText, key: string) => Promise<unknown>;

const MAX_UPDATE_ATTEMPTS = 10;

/**
 * Applications as their providers report them: each update merged into the history (an update
 * posted twice changes nothing; one that arrives late goes into the history without changing the
 * current status), conversations that watch an application told of each change of its status, and
 * told once when it is past its due date without a result.
 */
export class Applications {
  readonly records: Records<StoredApplication>;
  private readonly jobs: JobQueue;

  constructor(
    store: Store,
    private readonly tell: TellSubscriber,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.records = store.records(APPLICATION_RECORDS);
    this.jobs = store.jobs;
  }

  /**
   * Applies a provider's update: creates the application on first sight (two instances creating
   * it at once make one), else merges the event (at `updatedAt`, or when it was received) into
   * its history. Throws ApplicationMismatch when the application has another IIN or service, and
   * ApplicationConflict when other writers kept winning.
   */
  async update(number: string, input: ApplicationUpdate, receivedAt: Date = this.now()): Promise<UpdateOutcome> {
    const event: StatusEvent = { status: input.status, at: isoTime(input.updatedAt ?? receivedAt), ...(input.note ? { note: input.note } : {}) };
    const first: StoredApplication = {
      number,
      iin: input.iin,
      serviceId: input.serviceId,
      channel: input.channel,
      submittedAt: isoTime(input.submittedAt),
      status: event.status,
      updatedAt: event.at,
      ...(event.note ? { note: event.note } : {}),
      history: [event],
      subscribers: [],
    };
    const made = await this.records.create(first, { key: creationKey(number), now: this.now() });
    if (made.created) {
      await this.afterChange(null, made.record.value);
      return { created: true, changed: true, application: publicOf(made.record.value) };
    }
    let current: StoredRecord<StoredApplication> = made.record;
    for (let attempt = 0; attempt < MAX_UPDATE_ATTEMPTS; attempt++) {
      if (!sameSecret(current.value.iin, input.iin)) throw new ApplicationMismatch('iin');
      if (current.value.serviceId !== input.serviceId) throw new ApplicationMismatch('serviceId');
      const next = merged(current.value, input, event);
      if (!next) {
        // A provider posts again when it did not hear back: perhaps the change was stored but its
        // subscribers not yet told. Telling again is keyed, so those already told hear nothing twice.
        if (event.status === current.value.status && event.at === current.value.updatedAt) await this.tellStatus(current.value);
        return { created: false, changed: false, application: publicOf(current.value) };
      }
      const written = await this.records.update(current.id, current.revision, next, this.now());
      if (written.updated) {
        await this.afterChange(current.value, next);
        return { created: false, changed: true, application: publicOf(next) };
      }
      if (!written.current) break;
      current = written.current;
    }
    throw new ApplicationConflict();
  }

  /**
   * The application when `iin` is the one it was made with; null for another IIN and for an unknown
   * number alike. The number may be typed in either case and with other separators, or none.
   */
  async find(number: string, iin: string): Promise<Application | null> {
    const record = (await this.recordBy('typed', numberKey(number))) ?? (await this.recordOf(number));
    const typed = iin.replace(/[\s-]/g, '');
    // Compared even when there is no application, so that the answer takes as long either way.
    const matches = sameSecret(record?.value.iin ?? '', typed);
    return record && matches ? publicOf(record.value) : null;
  }

  /** The application by its number, whoever asks: for operators only. */
  async get(number: string): Promise<Application | null> {
    const record = await this.recordOf(number);
    return record ? publicOf(record.value) : null;
  }

  /** The conversation is told of every change of the application (and when it is overdue); null when there is no such application. */
  subscribe(number: string, conversationId: string): Promise<Application | null> {
    return this.changeSubscribers(number, (subscribers) => (subscribers.includes(conversationId) ? null : [...subscribers, conversationId]));
  }

  /** The conversation is told nothing more about the application; null when there is no such application. */
  unsubscribe(number: string, conversationId: string): Promise<Application | null> {
    return this.changeSubscribers(number, (subscribers) => (subscribers.includes(conversationId) ? subscribers.filter((id) => id !== conversationId) : null));
  }

  /** The applications a conversation watches, oldest subscription first by record. */
  async subscribedBy(conversationId: string): Promise<Application[]> {
    return (await this.records.list({ index: 'subscriber', value: conversationId })).items.map((record) => publicOf(record.value));
  }

  /**
   * The overdue job: every subscriber of an application that is still not final after its due
   * date is told so, once (a job run again, or scheduled again for the same due date, tells nobody twice).
   */
  async tellOverdue(number: string): Promise<void> {
    for (let attempt = 0; attempt < MAX_UPDATE_ATTEMPTS; attempt++) {
      const record = await this.recordOf(number);
      if (!record) return;
      const application = record.value;
      const due = dueDateOf(application);
      if (!due || isFinal(application.status) || application.subscribers.length === 0 || application.overdueTold === due.due) return;
      if (todayInAlmaty(this.now()) <= due.due) return;
      for (const conversationId of application.subscribers) {
        await this.tell(conversationId, { key: 'status:told.overdue', vars: { number }, dates: { due: due.due } }, `application:${number}:overdue:${due.due}`);
      }
      const written = await this.records.update(record.id, record.revision, { ...application, overdueTold: due.due }, this.now());
      if (written.updated) return;
      // Changed meanwhile: read again; those already told are not told twice (the keys).
    }
    throw new ApplicationConflict();
  }

  private recordOf(number: string): Promise<StoredRecord<StoredApplication> | null> {
    return this.recordBy('number', number);
  }

  /** By the provider's number, or by the number as typed ({@link numberKey}; an application last stored before that index has only the first). */
  private async recordBy(index: 'number' | 'typed', value: string): Promise<StoredRecord<StoredApplication> | null> {
    return (await this.records.list({ index, value, limit: 1 })).items[0] ?? null;
  }

  private async changeSubscribers(number: string, change: (subscribers: string[]) => string[] | null): Promise<Application | null> {
    for (let attempt = 0; attempt < MAX_UPDATE_ATTEMPTS; attempt++) {
      const record = await this.recordOf(number);
      if (!record) return null;
      const subscribers = change(record.value.subscribers);
      if (!subscribers) return publicOf(record.value);
      const next = { ...record.value, subscribers };
      const written = await this.records.update(record.id, record.revision, next, this.now());
      if (written.updated) {
        await this.watchOverdue(next);
        return publicOf(next);
      }
    }
    throw new ApplicationConflict();
  }

  /** Every subscriber told of the current status, once per status and time (the key makes a repeat a no-op). */
  private async tellStatus(application: StoredApplication): Promise<void> {
    const { number, note, status, updatedAt } = application;
    const text: NotifyText = note
      ? { key: 'status:told.changed_note', vars: { number, note }, texts: { status: `status:status.${status}` } }
      : { key: 'status:told.changed', vars: { number }, texts: { status: `status:status.${status}` } };
    for (const conversationId of application.subscribers) await this.tell(conversationId, text, `application:${number}:${status}:${updatedAt}`);
  }

  /** Subscribers told of a new current status, and the overdue watch kept in step. */
  private async afterChange(before: StoredApplication | null, after: StoredApplication): Promise<void> {
    if (before && before.status !== after.status) await this.tellStatus(after);
    // Without subscribers there is no job to keep: unsubscribing the last one cancelled it.
    if (after.subscribers.length > 0) await this.watchOverdue(after);
  }

  /**
   * A watched application that is not final has its overdue job, due the morning after its due
   * date; it is cancelled once the application is final or nobody watches it. A due date already
   * past is not watched: whoever subscribes then was shown that it is overdue.
   */
  private async watchOverdue(application: StoredApplication): Promise<void> {
    const due = dueDateOf(application);
    const at = due ? overdueAt(due.due) : undefined;
    const watched = application.subscribers.length > 0 && !isFinal(application.status) && due && at && application.overdueTold !== due.due && at.getTime() > this.now().getTime();
    if (watched) {
      await this.jobs.schedule({ id: overdueJobId(application.number), type: APPLICATION_OVERDUE_JOB, dueAt: at.getTime(), payload: { number: application.number } });
    } else if (application.subscribers.length === 0 || isFinal(application.status)) {
      await this.jobs.cancel(overdueJobId(application.number));
    }
  }
}

/** Runs the overdue job of an application. */
export function overdueJobHandler(applications: Applications): JobHandler {
  return async (job) => {
    const { number } = job.payload as { number: string };
    await applications.tellOverdue(number);
  };
}

function creationKey(number: string): string {
  return `application:${number}`;
}

function isoTime(time: string | Date): string {
  return new Date(time).toISOString();
}

/**
 * The application with one more update, or null when it adds nothing: the event goes into the
 * history in time order, the current status (with its note) is the latest event's, and an update
 * that becomes the latest also brings the provider's latest channel and submission time. A status
 * repeated without its own time (no `updatedAt`) while it is the current one is the same update again.
 */
function merged(current: StoredApplication, input: ApplicationUpdate, event: StatusEvent): StoredApplication | null {
  if (input.updatedAt === undefined && current.status === event.status && (current.note ?? '') === (event.note ?? '')) return null;
  const { history, added } = withEvent(current.history, event);
  if (!added) return null;
  const latest = history[history.length - 1]!;
  const { note: _note, ...rest } = current;
  const next: StoredApplication = { ...rest, history, status: latest.status, updatedAt: latest.at, ...(latest.note ? { note: latest.note } : {}) };
  if (latest === event) {
    next.channel = input.channel;
    next.submittedAt = isoTime(input.submittedAt);
  }
  return next;
}

/** What callers see: the application without the store's own bookkeeping. */
function publicOf(stored: StoredApplication): Application {
  const { overdueTold: _told, ...application } = stored;
  return application;
}
