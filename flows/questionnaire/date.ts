import { addWorkingDays, dayOffReason, workingDayOnOrAfter, todayInAlmaty, type IsoDate } from '../../domain/calendar';
import { dayNamedIn, parseTypedDate } from '../../domain/typed-date';
import { formatCivilDate, formatDayAndMonth } from '../../locales/format';
import type { FlowContext } from '../types';
import type { Checked } from './typed';
import type { DateField } from './types';

/** A date field's answer: a working day in the field's range, offered as buttons or typed. */

const DEFAULT_OFFER = 5;
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

/** Today in Almaty, and the first and last day the field allows, counted in working days from it. */
export function rangeOf(field: DateField, ctx: FlowContext): { today: IsoDate; first: IsoDate; last: IsoDate } {
  const today = todayInAlmaty(ctx.now);
  const { from, to } = field.workingDays;
  return { today, first: from === 0 ? workingDayOnOrAfter(today) : addWorkingDays(today, from), last: addWorkingDays(today, to) };
}

/** The days offered as buttons: the first working days of the range. */
export function offeredDays(field: DateField, ctx: FlowContext): IsoDate[] {
  const { first, last } = rangeOf(field, ctx);
  const days: IsoDate[] = [];
  for (let day = first; day <= last && days.length < (field.offer ?? DEFAULT_OFFER); day = addWorkingDays(day, 1)) days.push(day);
  return days;
}

/** "Вт, 15 декабря" / "15 желтоқсан, Сс": a day on a button. */
export function dayLabel(date: IsoDate, ctx: FlowContext): string {
  const weekday = WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()];
  return ctx.t('questionnaire:date_button', { weekday: ctx.t(`questionnaire:weekdays.${weekday}`), date: formatDayAndMonth(date, ctx.lang) });
}

/**
 * A typed date, then checked like a pressed day: the whole text ("12.12", "в пятницу"), else a day
 * it names among other words ("давайте в пятницу", "перенесите на 15 декабря").
 */
export function checkTypedDate(typed: string, field: DateField, ctx: FlowContext): Checked {
  const today = todayInAlmaty(ctx.now);
  const parsed = parseTypedDate(typed, today);
  if (parsed.ok) return checkDay(parsed.date, field, ctx);
  const named = parsed.reason === 'format' ? dayNamedIn(typed, today) : undefined;
  if (named) return checkDay(named, field, ctx);
  return { error: parsed.reason === 'format' ? 'questionnaire:errors.date_format' : 'questionnaire:errors.date_invalid' };
}

/** Within the range, and a working day; a day off is refused with its reason (the holiday's name where known). */
export function checkDay(date: IsoDate, field: DateField, ctx: FlowContext): Checked {
  const { today, first, last } = rangeOf(field, ctx);
  const shown = (day: IsoDate) => formatCivilDate(day, ctx.lang);
  // A day off not yet past is refused for what it is ("завтра" on a Friday is a Saturday), though before the range too.
  const reason = date >= today && date <= last ? dayOffReason(date) : undefined;
  if (!reason && (date < first || date > last)) return { error: 'questionnaire:errors.date_range', vars: { first: shown(first), last: shown(last) } };
  if (!reason) return { value: date };
  const { kind, name } = reason;
  const vars = { date: shown(date), ...(name && { name: name[ctx.lang] }) };
  if (name && (kind === 'holiday' || kind === 'religious')) return { error: 'questionnaire:errors.date_holiday', vars };
  if (name && kind === 'moved_holiday') return { error: 'questionnaire:errors.date_moved_holiday', vars };
  return { error: kind === 'weekend' ? 'questionnaire:errors.date_weekend' : 'questionnaire:errors.date_day_off', vars };
}
