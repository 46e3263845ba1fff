import { describe, expect, it } from 'vitest';
import { addCalendarDays } from '../../domain/calendar';
import { formatCivilDate, formatDayAndMonth } from '../../locales/format';

describe('dates as citizens read them', () => {
  it('writes each day of four years as Intl does, in both languages, in any order and after starting afresh', () => {
    const days = Array.from({ length: 4 * 366 }, (_, i) => addCalendarDays('2025-01-01', i));
    const intl = (options: Intl.DateTimeFormatOptions, locale: string, iso: string) => new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
    const dayMonth = { day: 'numeric', month: 'long' } as const;
    for (const day of [...days, ...days.reverse()]) {
      expect(formatCivilDate(day, 'ru')).toBe(intl({ ...dayMonth, year: 'numeric' }, 'ru-RU', day));
      expect(formatCivilDate(day, 'kk')).toBe(`${day.slice(0, 4)} жылғы ${intl(dayMonth, 'kk-KZ', day)}`);
      expect(formatDayAndMonth(day, 'ru')).toBe(intl(dayMonth, 'ru-RU', day));
      expect(formatDayAndMonth(day, 'kk')).toBe(intl(dayMonth, 'kk-KZ', day));
    }
    expect([formatCivilDate('2026-12-09', 'ru'), formatDayAndMonth('2026-12-15', 'kk')]).toEqual(['9 декабря 2026 г.', '15 желтоқсан']);
  });
});
