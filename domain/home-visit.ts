import { previousWorkingDay, workingDaysAfter, type IsoDate } from './calendar';
import type { RegionId } from './regions';

/**
 * A home visit of a State Corporation employee who takes the documents of a person who cannot
 * come (seed 000 App. 2, 4, 6 row 10; seed 004 row 10): what is booked, and the rules of its life
 * that hold wherever it is changed (the citizen's chat, the contact centre's desk).
 */

export const VISIT_WINDOWS = ['morning', 'afternoon'] as const;
export type VisitWindow = (typeof VISIT_WINDOWS)[number];

export const VISIT_STATUSES = ['requested', 'confirmed', 'assigned', 'done', 'missed', 'cancelled'] as const;
export type VisitStatus = (typeof VISIT_STATUSES)[number];

/** What the employee should know to come prepared. */
export const VISIT_NEEDS = ['wheelchair', 'hearing', 'sign_language', 'other'] as const;
export type VisitNeed = (typeof VISIT_NEEDS)[number];

/** Where the employee goes; a city of republican significance has no settlement. */
export interface VisitAddress {
  region: RegionId;
  settlement?: string;
  street: string;
  house: string;
  flat?: string;
  /** Entrance, floor, intercom code. */
  access?: string;
  landmark?: string;
}

/** What a citizen (or an operator for a caller) books. */
export interface VisitRequest {
  date: IsoDate;
  window: VisitWindow;
  address: VisitAddress;
  /** The person whose documents are taken: the visit is for them. */
  applicant: { name: string; iin: string };
  /** A relative or carer who booked for the applicant. */
  actingFor?: { name: string };
  /** The number the employee calls (E.164), and whose it is. */
  phone: string;
  phoneOf: 'applicant' | 'representative';
  serviceId: string;
  needs: VisitNeed[];
  /** What "other" needs are, in the citizen's words. */
  needsNote?: string;
  /** The conversation that booked it, to tell the citizen what happens to it; none when booked by phone. */
  conversationId?: string;
  lang: 'kk' | 'ru';
}

export interface VisitEvent {
  status: VisitStatus;
  at: string;
  /** An operator's login, or `citizen`. */
  by: string;
  reason?: string;
  date?: IsoDate;
  window?: VisitWindow;
}

export interface HomeVisit extends VisitRequest {
  status: VisitStatus;
  /** The employee who goes, once assigned. */
  employee?: string;
  /** Why it was cancelled or missed. */
  reason?: string;
  /** Who holds the visit's place in its window (released when the visit is cancelled or moved). */
  holder: string;
  history: VisitEvent[];
}

const NEXT: Record<VisitStatus, readonly VisitStatus[]> = {
  requested: ['confirmed', 'assigned', 'cancelled'],
  confirmed: ['assigned', 'done', 'missed', 'cancelled'],
  assigned: ['done', 'missed', 'cancelled'],
  done: [],
  missed: [],
  cancelled: [],
};

/** Whether a visit may go from one status to another; a finished, missed or cancelled visit stays so. */
export function canBecome(from: VisitStatus, to: VisitStatus): boolean {
  return NEXT[from].includes(to);
}

/** A visit that is still to happen, and so can be moved or cancelled. */
export function isPending(status: VisitStatus): boolean {
  return NEXT[status].includes('cancelled');
}

/** Working days a visit can be booked on: from the next working day, this many ahead. */
export const BOOKABLE_WORKING_DAYS = 10;

/** The working days a visit can be booked on, seen from `today`. */
export function bookableDays(today: IsoDate, count = BOOKABLE_WORKING_DAYS): IsoDate[] {
  return workingDaysAfter(today, count);
}

/** The key of a region's window on a day, whose places are reserved. */
export function windowKey(date: IsoDate, region: RegionId, window: VisitWindow): string {
  return `home-visit:${date}:${region}:${window}`;
}

/** Reminders go out at 10:00 Astana time on the working day before the visit. */
export function reminderAt(date: IsoDate): Date {
  return new Date(`${previousWorkingDay(date)}T10:00:00+05:00`);
}
