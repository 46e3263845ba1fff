import { describe, expect, it } from 'vitest';
import { InvalidHoursError, isOpenAt, parseOpeningHours } from '../../domain/hours';

/** An instant given in Asia/Almaty time (UTC+5). */
const almaty = (local: string) => new Date(`${local}:00+05:00`);

describe('contact-centre hours', () => {
  const hours = parseOpeningHours('Mon-Fri 09:00-18:00; Sat 09:00-13:00');

  it('parses weekday spans, lists and "always"', () => {
    expect(hours).toEqual([
      { days: [1, 2, 3, 4, 5], from: '09:00', to: '18:00' },
      { days: [6], from: '09:00', to: '13:00' },
    ]);
    expect(parseOpeningHours('mon,wed-thu 10:00-12:00')).toEqual([{ days: [1, 3, 4], from: '10:00', to: '12:00' }]);
    expect(parseOpeningHours(' always ')).toBe('always');
  });

  it.each(['', 'Mon-Fri', 'Mon-Fri 9-18', 'Fri-Mon 09:00-18:00', 'Mon 18:00-09:00', 'Xyz 09:00-18:00', 'Mon-Fri 09:00-25:00'])('refuses %j with a message', (text) => {
    expect(() => parseOpeningHours(text)).toThrow(InvalidHoursError);
  });

  it('is open within a span in Almaty time, closed outside and at the closing minute', () => {
    expect(isOpenAt(hours, almaty('2026-11-23T09:00'))).toBe(true); // Monday
    expect(isOpenAt(hours, almaty('2026-11-23T17:59'))).toBe(true);
    expect(isOpenAt(hours, almaty('2026-11-23T18:00'))).toBe(false);
    expect(isOpenAt(hours, almaty('2026-11-23T08:59'))).toBe(false);
    expect(isOpenAt(hours, new Date('2026-11-23T04:30:00Z'))).toBe(true); // 09:30 in Almaty
  });

  it('follows the Saturday span and is closed on Sunday', () => {
    expect(isOpenAt(hours, almaty('2026-11-28T12:00'))).toBe(true);
    expect(isOpenAt(hours, almaty('2026-11-28T13:30'))).toBe(false);
    expect(isOpenAt(hours, almaty('2026-11-29T12:00'))).toBe(false);
  });

  it('is closed on holidays and decreed days off, even on a weekday', () => {
    expect(isOpenAt(hours, almaty('2026-03-23T12:00'))).toBe(false); // Nauryz, Monday
    expect(isOpenAt(hours, almaty('2026-12-16T12:00'))).toBe(false); // Independence Day, Wednesday
    expect(isOpenAt(hours, almaty('2025-01-03T12:00'))).toBe(false); // decreed day off, Friday
    expect(isOpenAt('always', almaty('2026-03-23T03:00'))).toBe(true);
  });
});
