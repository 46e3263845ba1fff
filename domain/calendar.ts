/**
 * Kazakhstan's working-day calendar for a 5-day week (Mon–Fri). Dates are Asia/Almaty civil dates
 * as 'YYYY-MM-DD' strings; arithmetic runs on UTC day numbers, so the host time zone never matters.
 */
import { DECREED_TRANSFERS, FIRST_SUPPORTED_YEAR, FIXED_HOLIDAYS, KURBAN_AIT, KURBAN_AIT_NAME, LAST_SUPPORTED_YEAR, type LocalizedName } from './holidays';

export type IsoDate = string;

export type DayOffKind = 'weekend' | 'holiday' | 'moved_holiday' | 'religious' | 'decreed';

export interface DayOffReason {
  readonly kind: DayOffKind;
  readonly name?: LocalizedName;
  /** For a moved holiday, the holiday's own date; for a decreed day off, the weekend day worked instead. */
  readonly movedFrom?: IsoDate;
}

export type InvalidDateReason = 'format' | 'date' | 'unsupported_year';

export class InvalidDateError extends Error {
  override readonly name = 'InvalidDateError';
  constructor(
    readonly value: unknown,
    readonly reason: InvalidDateReason,
  ) {
    super(`Invalid date ${JSON.stringify(value)} (${reason})`);
  }
}

export const MAX_DAY_COUNT = 3660;

export class InvalidDayCountError extends RangeError {
  override readonly name = 'InvalidDayCountError';
  constructor(readonly value: unknown) {
    super(`Day count must be an integer from 0 to ${MAX_DAY_COUNT}, got ${String(value)}`);
  }
}

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isValidCalendarDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days since 1970-01-01. Date.UTC is safe here because parsed years have four digits. */
function dayNumberOf(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

function parse(value: unknown): { year: number; dayNumber: number } {
  const match = typeof value === 'string' ? ISO_DATE.exec(value) : null;
  if (!match) throw new InvalidDateError(value, 'format');
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (!isValidCalendarDate(year, month, day)) throw new InvalidDateError(value, 'date');
  if (year < 1000) throw new InvalidDateError(value, 'unsupported_year');
  return { year, dayNumber: dayNumberOf(year, month, day) };
}

/**
 * The date of a day number (days since 1970-01-01), by the proleptic Gregorian arithmetic of
 * H. Hinnant's `civil_from_days`: several times faster than formatting a `Date`, and due dates,
 * bookable days and calendars format many a turn.
 */
function format(dayNumber: number): IsoDate {
  const shifted = dayNumber + 719_468; // days since 0000-03-01
  const era = Math.floor(shifted / 146_097);
  const dayOfEra = shifted - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  if (year < 0 || year > 9999) throw new InvalidDateError(String(year), 'unsupported_year');
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
}

function isWeekend(dayNumber: number): boolean {
  const weekday = (((dayNumber + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
  return weekday === 0 || weekday === 6;
}

function checkCount(n: unknown): asserts n is number {
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > MAX_DAY_COUNT) {
    throw new InvalidDayCountError(n);
  }
}

export interface MovedHoliday {
  readonly from: IsoDate;
  readonly to: IsoDate;
}

/**
 * The moving rule: each movable holiday on a Saturday or Sunday, in date order, gives a day off on
 * the next weekday that is neither a day off already nor taken by an earlier move
 * (2022: 7 May, a Saturday, goes to Tue 10 May because Mon 9 May is Victory Day).
 * `daysOff` lists every day off the law sets on its own date, movable or not.
 */
export function moveWeekendHolidays(daysOff: ReadonlyArray<{ readonly date: IsoDate; readonly movable: boolean }>): MovedHoliday[] {
  const parsed = daysOff.map((d) => ({ dayNumber: parse(d.date).dayNumber, movable: d.movable }));
  const taken = new Set(parsed.map((d) => d.dayNumber));
  const moves: MovedHoliday[] = [];
  const onWeekend = parsed.filter((d) => d.movable && isWeekend(d.dayNumber));
  for (const { dayNumber } of onWeekend.sort((a, b) => a.dayNumber - b.dayNumber)) {
    let to = dayNumber + 1;
    while (isWeekend(to) || taken.has(to)) to += 1;
    taken.add(to);
    moves.push({ from: format(dayNumber), to: format(to) });
  }
  return moves;
}

interface YearCalendar {
  readonly start: number;
  /** 1 where the day (by index from 1 January) is a day off. */
  readonly off: Uint8Array;
  /** Reasons other than a plain weekend, by day number. */
  readonly reasons: ReadonlyMap<number, DayOffReason>;
}

const WEEKEND: DayOffReason = Object.freeze({ kind: 'weekend' });
const calendars = new Map<number, YearCalendar>();

function calendarFor(year: number): YearCalendar {
  let calendar = calendars.get(year);
  if (!calendar) {
    if (year < FIRST_SUPPORTED_YEAR || year > LAST_SUPPORTED_YEAR) {
      throw new InvalidDateError(String(year), 'unsupported_year');
    }
    calendar = buildYear(year);
    calendars.set(year, calendar);
  }
  return calendar;
}

function buildYear(year: number): YearCalendar {
  const start = dayNumberOf(year, 1, 1);
  const length = dayNumberOf(year + 1, 1, 1) - start;
  const reasons = new Map<number, DayOffReason>();
  const lawful: Array<{ date: IsoDate; movable: boolean }> = [];

  for (const holiday of FIXED_HOLIDAYS) {
    if ((holiday.fromYear ?? year) > year || (holiday.toYear ?? year) < year) continue;
    const date = `${year}-${pad(holiday.month)}-${pad(holiday.day)}`;
    reasons.set(parse(date).dayNumber, { kind: holiday.movable ? 'holiday' : 'religious', name: holiday.name });
    lawful.push({ date, movable: holiday.movable });
  }

  const kurbanAit = KURBAN_AIT[year];
  if (kurbanAit) {
    const dayNumber = parse(kurbanAit.date).dayNumber;
    if (!reasons.has(dayNumber)) reasons.set(dayNumber, { kind: 'religious', name: KURBAN_AIT_NAME });
    lawful.push({ date: kurbanAit.date, movable: false });
  }

  for (const { from, to } of moveWeekendHolidays(lawful)) {
    const name = reasons.get(parse(from).dayNumber)?.name;
    reasons.set(parse(to).dayNumber, { kind: 'moved_holiday', movedFrom: from, ...(name && { name }) });
  }

  const off = new Uint8Array(length);
  for (let i = 0; i < length; i += 1) {
    off[i] = reasons.has(start + i) || isWeekend(start + i) ? 1 : 0;
  }

  // Decreed transfers come last and override everything above; a swap may straddle two years.
  for (const { transfers } of Object.values(DECREED_TRANSFERS)) {
    for (const transfer of transfers) {
      const dayOff = parse(transfer.dayOff).dayNumber - start;
      if (dayOff >= 0 && dayOff < length) {
        off[dayOff] = 1;
        reasons.set(start + dayOff, { kind: 'decreed', movedFrom: transfer.workingDay });
      }
      const worked = parse(transfer.workingDay).dayNumber - start;
      if (worked >= 0 && worked < length) {
        off[worked] = 0;
        reasons.delete(start + worked);
      }
    }
  }

  return { start, off, reasons };
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** Walks forward day by day, switching year calendars at year boundaries. */
class DayCursor {
  private year: number;
  private calendar: YearCalendar;

  constructor(
    year: number,
    public dayNumber: number,
  ) {
    this.year = year;
    this.calendar = calendarFor(year);
  }

  step(): void {
    this.dayNumber += 1;
    if (this.dayNumber - this.calendar.start >= this.calendar.off.length) {
      this.year += 1;
      this.calendar = calendarFor(this.year);
    }
  }

  isWorking(): boolean {
    return this.calendar.off[this.dayNumber - this.calendar.start] === 0;
  }

  reason(): DayOffReason | null {
    if (this.isWorking()) return null;
    return this.calendar.reasons.get(this.dayNumber) ?? WEEKEND;
  }
}

function cursorAt(date: IsoDate): DayCursor {
  const { year, dayNumber } = parse(date);
  return new DayCursor(year, dayNumber);
}

export function isWorkingDay(date: IsoDate): boolean {
  return cursorAt(date).isWorking();
}

export function dayOffReason(date: IsoDate): DayOffReason | null {
  return cursorAt(date).reason();
}

/** The n-th working day after `from`; `from` itself is not counted. n = 0 returns `from`. */
export function addWorkingDays(from: IsoDate, n: number): IsoDate {
  checkCount(n);
  const cursor = cursorAt(from);
  for (let left = n; left > 0; ) {
    cursor.step();
    if (cursor.isWorking()) left -= 1;
  }
  return format(cursor.dayNumber);
}

/** The first `count` working days after `from` (`from` itself not counted), in order: one walk where `addWorkingDays` would take one each. */
export function workingDaysAfter(from: IsoDate, count: number): IsoDate[] {
  checkCount(count);
  const cursor = cursorAt(from);
  const days: IsoDate[] = [];
  while (days.length < count) {
    cursor.step();
    if (cursor.isWorking()) days.push(format(cursor.dayNumber));
  }
  return days;
}

export function addCalendarDays(from: IsoDate, n: number): IsoDate {
  checkCount(n);
  return format(parse(from).dayNumber + n);
}

/** The first working day strictly after `date`. */
export function nextWorkingDay(date: IsoDate): IsoDate {
  return addWorkingDays(date, 1);
}

/** The last working day strictly before `date` (the day a reminder of a visit on `date` goes out). */
export function previousWorkingDay(date: IsoDate): IsoDate {
  let day = parse(date).dayNumber - 1;
  while (!isWorkingDay(format(day))) day -= 1;
  return format(day);
}

/** `date` itself when it is a working day, otherwise the next working day. */
export function workingDayOnOrAfter(date: IsoDate): IsoDate {
  return isWorkingDay(date) ? date : nextWorkingDay(date);
}

/**
 * Working days in (from, to]: the count n for which addWorkingDays(from, n) === to when `to` is a
 * working day. Negative when `to` is before `from`.
 */
export function workingDaysBetween(from: IsoDate, to: IsoDate): number {
  const end = parse(to).dayNumber;
  const cursor = cursorAt(from);
  if (end < cursor.dayNumber) return -workingDaysBetween(to, from);
  cursorAt(to); // validates the year of `to` before walking
  let count = 0;
  while (cursor.dayNumber < end) {
    cursor.step();
    if (cursor.isWorking()) count += 1;
  }
  return count;
}

/** True while the year's Kurban Ait date or its decreed transfers are not confirmed. */
export function isProvisional(year: number): boolean {
  const kurbanAit = KURBAN_AIT[year];
  const transfers = DECREED_TRANSFERS[year];
  return !kurbanAit || kurbanAit.provisional || !transfers || !transfers.confirmed;
}

/**
 * True when a count from `from` to `to` crosses a provisional year: the days off there may still
 * change, so a date counted through it holds by the calendar as it stands today.
 */
export function countsThroughProvisionalYear(from: IsoDate, to: IsoDate): boolean {
  const first = Number(from.slice(0, 4));
  const last = Number(to.slice(0, 4));
  for (let year = Math.min(first, last); year <= Math.max(first, last); year++) if (isProvisional(year)) return true;
  return false;
}

/**
 * Kazakhstan keeps one zone, UTC+5, since 00:00 on 1 March 2024 (Asia/Almaty was UTC+6 before):
 * from then on the civil date and time are plain arithmetic, which every turn can afford. Earlier
 * instants go through the time-zone database.
 */
const SINGLE_ZONE_SINCE = Date.UTC(2024, 1, 29, 18); // 2024-03-01T00:00 at UTC+6
const UTC_PLUS_5 = 5 * 3_600_000;

const almatyParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Almaty',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The Almaty wall clock at `now` as 'YYYY-MM-DDTHH:MM'. */
function almatyClock(now: Date): string {
  const ms = now.getTime();
  if (ms >= SINGLE_ZONE_SINCE) return new Date(ms + UTC_PLUS_5).toISOString().slice(0, 16);
  const parts = almatyParts.formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}`;
}

/** Today's civil date in Asia/Almaty (UTC+5 since March 2024). */
export function todayInAlmaty(now: Date = new Date()): IsoDate {
  return almatyClock(now).slice(0, 10);
}

/** A time of day, 'HH:MM' on the 24-hour clock, Asia/Almaty. */
export type ClockTime = string;

const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export class InvalidTimeError extends Error {
  override readonly name = 'InvalidTimeError';
  constructor(readonly value: unknown) {
    super(`Invalid time ${JSON.stringify(value)} (expected HH:MM, 00:00 to 23:59)`);
  }
}

export function isClockTime(value: unknown): value is ClockTime {
  return typeof value === 'string' && CLOCK_TIME.test(value);
}

function checkTime(value: unknown): asserts value is ClockTime {
  if (!isClockTime(value)) throw new InvalidTimeError(value);
}

/** The time of day in Asia/Almaty (UTC+5 since March 2024) as 'HH:MM'; the clock `todayInAlmaty` reads. */
export function timeInAlmaty(now: Date = new Date()): ClockTime {
  return almatyClock(now).slice(11, 16);
}

/** Why an application is registered on a later day than the one it was made on. */
export type RegistrationDelay = { readonly kind: 'day_off'; readonly reason: DayOffReason } | { readonly kind: 'after_hours'; readonly closesAt: ClockTime };

export interface Registration {
  /** The day the application is registered, from which the service term is counted (not counting it). */
  readonly date: IsoDate;
  /** Null when it is registered on the day it was made. */
  readonly delay: RegistrationDelay | null;
}

/**
 * The day an application made on `date` at `time` (Asia/Almaty) is registered under the after-hours
 * rule ("made after working hours, on a day off or a holiday, it is registered on the next working
 * day"): `date` itself when it is a working day and `time` is before `closesAt`, the end of the
 * working day; otherwise the next working day. Without `closesAt` only days off move it. A time
 * before the working day starts still registers on that day: the rule speaks of the end of the
 * working day, and an application made at night is made after the previous one ended.
 */
export function registrationDay(date: IsoDate, time: ClockTime, closesAt?: ClockTime): Registration {
  checkTime(time);
  if (closesAt !== undefined) checkTime(closesAt);
  const reason = dayOffReason(date);
  if (reason) return { date: nextWorkingDay(date), delay: { kind: 'day_off', reason } };
  if (closesAt !== undefined && time >= closesAt) return { date: nextWorkingDay(date), delay: { kind: 'after_hours', closesAt } };
  return { date, delay: null };
}
