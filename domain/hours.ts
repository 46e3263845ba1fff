import { dayOffReason, timeInAlmaty, todayInAlmaty, type ClockTime, type IsoDate } from './calendar';

/** Days of the week as ISO numbers: 1 = Monday … 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface OpeningSpan {
  days: Weekday[];
  from: ClockTime;
  to: ClockTime;
}

/** When the contact centre answers: every hour, or spans per weekday in Asia/Almaty time. */
export type OpeningHours = 'always' | OpeningSpan[];

const DAY_NAMES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

export class InvalidHoursError extends Error {
  override readonly name = 'InvalidHoursError';
}

function weekday(name: string): Weekday {
  const index = DAY_NAMES.indexOf(name.toLowerCase() as (typeof DAY_NAMES)[number]);
  if (index < 0) throw new InvalidHoursError(`unknown day "${name}" (use Mon, Tue, Wed, Thu, Fri, Sat, Sun)`);
  return (index + 1) as Weekday;
}

/** "Mon-Fri" → [1..5], "Sat" → [6], "Mon,Wed-Thu" → [1, 3, 4]. */
function parseDays(text: string): Weekday[] {
  const days = new Set<Weekday>();
  for (const part of text.split(',')) {
    const [first, last] = part.split('-');
    const start = weekday(first!);
    const end = last ? weekday(last) : start;
    if (end < start) throw new InvalidHoursError(`day range "${part}" runs backwards`);
    for (let d = start; d <= end; d++) days.add(d as Weekday);
  }
  return [...days];
}

/**
 * Parses CONTACT_CENTRE_HOURS: `always`, or spans separated by `;` such as
 * `Mon-Fri 09:00-18:00; Sat 09:00-13:00`.
 */
export function parseOpeningHours(text: string): OpeningHours {
  const trimmed = text.trim();
  if (trimmed.toLowerCase() === 'always') return 'always';
  const spans = trimmed
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((span): OpeningSpan => {
      const [dayPart, timePart] = span.split(/\s+/, 2);
      if (!dayPart || !timePart || span.split(/\s+/).length !== 2) throw new InvalidHoursError(`"${span}" is not like "Mon-Fri 09:00-18:00"`);
      const [from, to] = timePart.split('-') as [string, string];
      if (!TIME.test(from) || !TIME.test(to)) throw new InvalidHoursError(`"${timePart}" is not a valid time range`);
      if (from >= to) throw new InvalidHoursError(`"${timePart}" ends before it starts`);
      return { days: parseDays(dayPart), from, to };
    });
  if (spans.length === 0) throw new InvalidHoursError('no opening hours given');
  return spans;
}

function isoWeekday(date: IsoDate): Weekday {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return (day === 0 ? 7 : day) as Weekday;
}

/**
 * Whether the contact centre answers at `now`: within a span for today's weekday and not on a
 * holiday or a decreed day off (weekends follow the spans, so a Saturday span opens on Saturdays).
 */
export function isOpenAt(hours: OpeningHours, now: Date): boolean {
  if (hours === 'always') return true;
  const date = todayInAlmaty(now);
  const reason = dayOffReason(date);
  if (reason && reason.kind !== 'weekend') return false;
  const time = timeInAlmaty(now);
  const day = isoWeekday(date);
  return hours.some((span) => span.days.includes(day) && time >= span.from && time < span.to);
}

/**
 * `isOpenAt` for a clock that moves forward, worked out once a minute: the hours are whole minutes,
 * so the answer cannot change within one, and every turn may ask.
 */
export function openingClock(hours: OpeningHours): (now: Date) => boolean {
  let minute = Number.NaN;
  let open = false;
  return (now) => {
    const at = Math.floor(now.getTime() / 60_000);
    if (at !== minute) {
      minute = at;
      open = isOpenAt(hours, now);
    }
    return open;
  };
}
