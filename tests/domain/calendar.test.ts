import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  addWorkingDays,
  dayOffReason,
  InvalidDateError,
  InvalidDayCountError,
  InvalidTimeError,
  isProvisional,
  isWorkingDay,
  moveWeekendHolidays,
  nextWorkingDay,
  registrationDay,
  timeInAlmaty,
  todayInAlmaty,
  workingDayOnOrAfter,
  workingDaysAfter,
  workingDaysBetween,
} from '../../domain/calendar';

/** Every Monday–Friday of the year on which isWorkingDay is false. */
function weekdaysOff(year: number): string[] {
  const off: string[] = [];
  for (let d = new Date(Date.UTC(year, 0, 1)); d.getUTCFullYear() === year; d.setUTCDate(d.getUTCDate() + 1)) {
    const weekday = d.getUTCDay();
    const iso = d.toISOString().slice(0, 10);
    if (weekday !== 0 && weekday !== 6 && !isWorkingDay(iso)) off.push(iso);
  }
  return off;
}

/** Every Saturday and Sunday of the year on which isWorkingDay is true. */
function weekendsWorked(year: number): string[] {
  const worked: string[] = [];
  for (let d = new Date(Date.UTC(year, 0, 1)); d.getUTCFullYear() === year; d.setUTCDate(d.getUTCDate() + 1)) {
    const weekday = d.getUTCDay();
    const iso = d.toISOString().slice(0, 10);
    if ((weekday === 0 || weekday === 6) && isWorkingDay(iso)) worked.push(iso);
  }
  return worked;
}

describe('published lists of weekday days off (facts §2.4)', () => {
  it('2025', () => {
    expect(weekdaysOff(2025)).toEqual([
      '2025-01-01',
      '2025-01-02',
      '2025-01-03',
      '2025-01-07',
      '2025-03-10',
      '2025-03-21',
      '2025-03-24',
      '2025-03-25',
      '2025-05-01',
      '2025-05-07',
      '2025-05-09',
      '2025-06-06',
      '2025-07-07',
      '2025-09-01',
      '2025-10-27',
      '2025-12-16',
    ]);
    expect(weekendsWorked(2025)).toEqual(['2025-01-05']);
    expect(isProvisional(2025)).toBe(false);
  });

  it('2026, with 30 Aug no longer a holiday', () => {
    expect(weekdaysOff(2026)).toEqual([
      '2026-01-01',
      '2026-01-02',
      '2026-01-07',
      '2026-03-09',
      '2026-03-23',
      '2026-03-24',
      '2026-03-25',
      '2026-05-01',
      '2026-05-07',
      '2026-05-11',
      '2026-05-27',
      '2026-07-06',
      '2026-10-26',
      '2026-12-16',
    ]);
    expect(weekendsWorked(2026)).toEqual([]);
    expect(isWorkingDay('2026-08-31')).toBe(true);
    expect(isProvisional(2026)).toBe(false);
  });

  it('2027 is projected from the rules and marked provisional', () => {
    expect(weekdaysOff(2027)).toEqual([
      '2027-01-01',
      '2027-01-04',
      '2027-01-07',
      '2027-03-08',
      '2027-03-15',
      '2027-03-22',
      '2027-03-23',
      '2027-03-24',
      '2027-05-03',
      '2027-05-07',
      '2027-05-10',
      '2027-07-06',
      '2027-10-25',
      '2027-12-16',
    ]);
    expect(isProvisional(2027)).toBe(true);
  });

  it('years without confirmed data are provisional', () => {
    expect(isProvisional(2028)).toBe(true);
  });

  it('2024: Saturday 4 May was worked and Wednesday 8 May was off (order of 17 April 2024), so the year is decreed', () => {
    expect(isWorkingDay('2024-05-04')).toBe(true);
    expect(dayOffReason('2024-05-08')).toEqual({ kind: 'decreed', movedFrom: '2024-05-04' });
    // 7, 8 and 9 May off: from Friday 3 May, the first working day is Saturday 4 May, the next Friday 10 May.
    expect(addWorkingDays('2024-05-03', 1)).toBe('2024-05-04');
    expect(addWorkingDays('2024-05-06', 1)).toBe('2024-05-10');
    expect(isProvisional(2024)).toBe(false);
  });
});

describe('dayOffReason', () => {
  it('names the reason', () => {
    expect(dayOffReason('2026-03-23')).toEqual({
      kind: 'holiday',
      name: { kk: 'Наурыз мейрамы', ru: 'Наурыз мейрамы' },
    });
    expect(dayOffReason('2026-03-25')).toMatchObject({ kind: 'moved_holiday', movedFrom: '2026-03-22' });
    expect(dayOffReason('2026-03-24')).toMatchObject({ kind: 'moved_holiday', movedFrom: '2026-03-21' });
    expect(dayOffReason('2026-01-07')).toMatchObject({ kind: 'religious', name: { ru: 'Православное Рождество' } });
    expect(dayOffReason('2025-06-06')).toMatchObject({ kind: 'religious', name: { kk: 'Құрбан айт' } });
    expect(dayOffReason('2025-01-03')).toEqual({ kind: 'decreed', movedFrom: '2025-01-05' });
    expect(dayOffReason('2026-03-28')).toEqual({ kind: 'weekend' });
    expect(dayOffReason('2026-03-26')).toBeNull();
    expect(dayOffReason('2025-01-05')).toBeNull();
  });

  it('a holiday on a weekend is reported as the holiday', () => {
    expect(dayOffReason('2026-03-21')).toMatchObject({ kind: 'holiday', name: { ru: 'Наурыз мейрамы' } });
  });

  it('religious days off on a weekend are not moved (Kurban Ait 2024 on Sunday 16 June)', () => {
    expect(dayOffReason('2024-06-16')).toMatchObject({ kind: 'religious' });
    expect(isWorkingDay('2024-06-17')).toBe(true);
  });

  it('Constitution Day: 30 Aug up to 2025, 15 Mar from 2027', () => {
    expect(dayOffReason('2024-08-30')).toMatchObject({ kind: 'holiday', name: { ru: 'День Конституции Республики Казахстан' } });
    expect(dayOffReason('2026-08-31')).toBeNull();
    expect(isWorkingDay('2026-03-16')).toBe(true);
    expect(dayOffReason('2027-03-15')).toMatchObject({ kind: 'holiday', name: { ru: 'День Конституции' } });
  });
});

describe('moving rule', () => {
  it('chains past a holiday: 2022, 7 May (Sat) goes to Tue 10 May', () => {
    const may2022 = [
      { date: '2022-05-01', movable: true },
      { date: '2022-05-07', movable: true },
      { date: '2022-05-09', movable: true },
    ];
    expect(moveWeekendHolidays(may2022)).toEqual([
      { from: '2022-05-01', to: '2022-05-02' },
      { from: '2022-05-07', to: '2022-05-10' },
    ]);
  });

  it('chains past earlier moves: Nauryz 2026', () => {
    const nauryz = ['2026-03-21', '2026-03-22', '2026-03-23'].map((date) => ({ date, movable: true }));
    expect(moveWeekendHolidays(nauryz)).toEqual([
      { from: '2026-03-21', to: '2026-03-24' },
      { from: '2026-03-22', to: '2026-03-25' },
    ]);
  });

  it('skips religious days off and never moves them', () => {
    expect(
      moveWeekendHolidays([
        { date: '2023-01-01', movable: true },
        { date: '2023-01-02', movable: true },
        { date: '2023-01-07', movable: false },
      ]),
    ).toEqual([{ from: '2023-01-01', to: '2023-01-03' }]);
  });
});

describe('addWorkingDays: the day of `from` is not counted', () => {
  it.each([
    ['2026-03-20', 5, '2026-04-01'],
    ['2025-12-30', 3, '2026-01-06'],
    ['2025-01-02', 2, '2025-01-06'],
    ['2025-01-03', 1, '2025-01-05'],
    ['2026-03-28', 1, '2026-03-30'],
    ['2026-03-21', 1, '2026-03-26'],
    ['2026-05-26', 1, '2026-05-28'],
    ['2026-12-30', 2, '2027-01-05'],
    ['2026-03-20', 0, '2026-03-20'],
    ['2026-03-21', 0, '2026-03-21'],
  ])('from %s plus %i working days is %s', (from, n, expected) => {
    expect(addWorkingDays(from, n)).toBe(expected);
  });

  it('agrees with workingDaysBetween', () => {
    expect(workingDaysBetween('2026-03-20', '2026-04-01')).toBe(5);
    expect(workingDaysBetween('2025-12-30', '2026-01-06')).toBe(3);
    expect(workingDaysBetween('2026-04-01', '2026-03-20')).toBe(-5);
    expect(workingDaysBetween('2026-03-20', '2026-03-20')).toBe(0);
    for (const n of [0, 1, 10, 15, 250, 3660]) {
      expect(workingDaysBetween('2025-01-01', addWorkingDays('2025-01-01', n))).toBe(n);
    }
  });

  it('lists the next working days in one walk, as adding them one by one finds them, across the new year and its holidays', () => {
    for (const from of ['2026-12-25', '2026-03-05', '2025-12-30', '2026-05-01']) {
      expect(workingDaysAfter(from, 12)).toEqual(Array.from({ length: 12 }, (_, i) => addWorkingDays(from, i + 1)));
    }
    expect(workingDaysAfter('2026-12-29', 4)).toEqual(['2026-12-30', '2026-12-31', '2027-01-05', '2027-01-06']);
    expect(workingDaysAfter('2026-03-20', 0)).toEqual([]);
  });

  it('counts a year of working days', () => {
    expect(workingDaysBetween('2025-12-31', '2026-12-31')).toBe(261 - 14);
  });
});

describe('other helpers', () => {
  it('addCalendarDays', () => {
    expect(addCalendarDays('2026-03-20', 10)).toBe('2026-03-30');
    expect(addCalendarDays('2026-12-25', 10)).toBe('2027-01-04');
    expect(addCalendarDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addCalendarDays('2026-03-20', 0)).toBe('2026-03-20');
    expect(addCalendarDays('2100-02-28', 1)).toBe('2100-03-01');
    expect(addCalendarDays('2000-02-28', 1)).toBe('2000-02-29');
  });

  it('names every day of ten years as the calendar does', () => {
    const start = Date.UTC(2024, 0, 1);
    for (let n = 0; n < 3660; n++) expect(addCalendarDays('2024-01-01', n)).toBe(new Date(start + n * 86_400_000).toISOString().slice(0, 10));
  });

  it('nextWorkingDay is strictly after; workingDayOnOrAfter may be the same day', () => {
    expect(nextWorkingDay('2026-03-20')).toBe('2026-03-26');
    expect(nextWorkingDay('2026-03-26')).toBe('2026-03-27');
    expect(workingDayOnOrAfter('2026-03-26')).toBe('2026-03-26');
    expect(workingDayOnOrAfter('2026-03-22')).toBe('2026-03-26');
  });

  it('todayInAlmaty uses UTC+5', () => {
    expect(todayInAlmaty(new Date('2026-03-20T18:59:59Z'))).toBe('2026-03-20');
    expect(todayInAlmaty(new Date('2026-03-20T19:00:00Z'))).toBe('2026-03-21');
    expect(todayInAlmaty()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe('invalid input', () => {
  it.each(['2026-02-30', '2026-13-01', '2026-00-10', '2025-02-29'])('%s is not a date', (value) => {
    expect(() => isWorkingDay(value)).toThrow(InvalidDateError);
    expect(() => addWorkingDays(value, 1)).toThrow(expect.objectContaining({ reason: 'date' }));
  });

  it.each(['2026-3-20', '20.03.2026', '2026-03-20T00:00:00Z', '', ' 2026-03-20'])('%j is badly formatted', (value) => {
    expect(() => addWorkingDays(value, 1)).toThrow(expect.objectContaining({ name: 'InvalidDateError', reason: 'format' }));
  });

  it('rejects non-strings', () => {
    expect(() => isWorkingDay(20260320 as unknown as string)).toThrow(InvalidDateError);
  });

  it('accepts 29 Feb of a leap year', () => {
    expect(isWorkingDay('2028-02-29')).toBe(true);
  });

  it('years outside the calendar are refused', () => {
    expect(() => isWorkingDay('2023-06-01')).toThrow(expect.objectContaining({ reason: 'unsupported_year' }));
    expect(() => addWorkingDays('2099-12-30', 5)).toThrow(expect.objectContaining({ reason: 'unsupported_year' }));
  });

  it.each([-1, 1.5, 3661, Number.NaN, Number.POSITIVE_INFINITY])('day count %s is refused', (n) => {
    expect(() => addWorkingDays('2026-03-20', n)).toThrow(InvalidDayCountError);
    expect(() => addCalendarDays('2026-03-20', n)).toThrow(InvalidDayCountError);
  });

  it('accepts the largest day count', () => {
    expect(addWorkingDays('2026-03-20', 3660)).toMatch(/^20[34]\d-\d{2}-\d{2}$/);
  });
});

describe('registration day under the after-hours rule', () => {
  it('registers on the same day within working hours, and before they start', () => {
    expect(registrationDay('2025-11-21', '17:59', '18:00')).toEqual({ date: '2025-11-21', delay: null });
    expect(registrationDay('2025-11-21', '07:15', '18:00')).toEqual({ date: '2025-11-21', delay: null });
    expect(registrationDay('2025-11-21', '00:00', '18:00')).toEqual({ date: '2025-11-21', delay: null });
  });

  it('a Friday evening goes to Monday; the closing minute itself is after hours', () => {
    expect(registrationDay('2025-11-21', '19:30', '18:00')).toEqual({ date: '2025-11-24', delay: { kind: 'after_hours', closesAt: '18:00' } });
    expect(registrationDay('2025-11-21', '18:00', '18:00').date).toBe('2025-11-24');
    expect(registrationDay('2025-11-21', '19:59', '20:00').delay).toBeNull();
  });

  it('a Saturday goes to Monday, whatever the time', () => {
    expect(registrationDay('2025-11-22', '10:00', '18:00')).toEqual({ date: '2025-11-24', delay: { kind: 'day_off', reason: { kind: 'weekend' } } });
    expect(registrationDay('2025-11-22', '10:00').date).toBe('2025-11-24');
  });

  it('a holiday goes past the whole run of Nauryz days off (21–25 March 2026)', () => {
    const nauryz = registrationDay('2026-03-23', '11:00', '18:00');
    expect(nauryz.date).toBe('2026-03-26');
    expect(nauryz.delay).toMatchObject({ kind: 'day_off', reason: { kind: 'holiday', name: { ru: 'Наурыз мейрамы' } } });
    // 24 March is the day off for Saturday 21 March.
    expect(registrationDay('2026-03-24', '09:00').delay).toMatchObject({ kind: 'day_off', reason: { kind: 'moved_holiday', movedFrom: '2026-03-21' } });
  });

  it('a Friday evening before Nauryz chains the weekend and the moved holidays: registered on Thursday', () => {
    const friday = registrationDay('2026-03-20', '18:30', '18:00');
    expect(friday).toEqual({ date: '2026-03-26', delay: { kind: 'after_hours', closesAt: '18:00' } });
    expect(addWorkingDays(friday.date, 3)).toBe('2026-03-31');
  });

  it('a decreed day off goes to the weekend day worked instead (Fri 3 → Sun 5 January 2025)', () => {
    expect(registrationDay('2025-01-03', '10:00', '18:00')).toEqual({ date: '2025-01-05', delay: { kind: 'day_off', reason: { kind: 'decreed', movedFrom: '2025-01-05' } } });
    expect(registrationDay('2025-01-05', '12:00', '18:00')).toEqual({ date: '2025-01-05', delay: null });
  });

  it('without a closing time only days off move the registration', () => {
    expect(registrationDay('2025-11-21', '23:59')).toEqual({ date: '2025-11-21', delay: null });
    expect(registrationDay('2025-12-31', '23:59')).toEqual({ date: '2025-12-31', delay: null });
    expect(registrationDay('2026-01-01', '08:00').date).toBe('2026-01-05');
  });

  it.each(['24:00', '9:00', '18.00', '', '18:60'])('refuses the time %j', (time) => {
    expect(() => registrationDay('2025-11-21', time)).toThrow(InvalidTimeError);
    expect(() => registrationDay('2025-11-21', '10:00', time)).toThrow(InvalidTimeError);
  });

  it('reads the time of day on the same Asia/Almaty clock as the date (UTC+5)', () => {
    expect(timeInAlmaty(new Date('2026-03-20T14:30:00Z'))).toBe('19:30');
    expect(timeInAlmaty(new Date('2026-03-20T18:59:59Z'))).toBe('23:59');
    const midnight = new Date('2026-03-20T19:00:00Z');
    expect([todayInAlmaty(midnight), timeInAlmaty(midnight)]).toEqual(['2026-03-21', '00:00']);
    expect(timeInAlmaty()).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/);
  });
});
