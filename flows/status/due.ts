import { addCalendarDays, addWorkingDays, registrationDay, timeInAlmaty, todayInAlmaty, type IsoDate } from '../../domain/calendar';
import { isFinal, type Application } from '../../domain/application';
import { findService } from '../catalog';
import { afterHoursFor, termsFor } from '../catalog/personalise';

/** When an application's result is due, and the day its term counts from. */
export interface DueDate {
  /** The day the application was registered: the day it was submitted, or the next working day under the after-hours rule. */
  registeredOn: IsoDate;
  due: IsoDate;
  unit: 'working' | 'calendar';
  count: number;
}

/**
 * The due date of an application by its service's term on its channel, counted on the working-day
 * calendar from the day it was registered (the after-hours rule moves an application made after
 * hours or on a day off to the next working day). Undefined when the catalog states no term in days.
 */
export function dueDateOf(application: Pick<Application, 'serviceId' | 'channel' | 'submittedAt'>): DueDate | undefined {
  const service = findService(application.serviceId);
  if (!service) return undefined;
  const answers = { channel: application.channel };
  const terms = termsFor(service, answers);
  const term = terms.find((t) => t.kind === 'total') ?? terms[0] ?? service.term;
  const submitted = new Date(application.submittedAt);
  const day = todayInAlmaty(submitted);
  const afterHours = afterHoursFor(service, answers);
  const registeredOn = afterHours ? registrationDay(day, timeInAlmaty(submitted), afterHours.closesAt).date : day;
  if (term.workingDays) return { registeredOn, due: addWorkingDays(registeredOn, term.workingDays), unit: 'working', count: term.workingDays };
  if (term.calendarDays) return { registeredOn, due: addCalendarDays(registeredOn, term.calendarDays), unit: 'calendar', count: term.calendarDays };
  return undefined;
}

/** The due date when it has passed and the application is not finished, seen from `now`. */
export function overdueSince(due: DueDate | undefined, status: Application['status'], now: Date): IsoDate | undefined {
  return due !== undefined && !isFinal(status) && todayInAlmaty(now) > due.due ? due.due : undefined;
}

/** Past its due date and not finished. */
export function isOverdue(application: Pick<Application, 'serviceId' | 'channel' | 'submittedAt' | 'status'>, now: Date): boolean {
  return overdueSince(dueDateOf(application), application.status, now) !== undefined;
}
