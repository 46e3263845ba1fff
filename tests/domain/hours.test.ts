import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { timeInAlmaty, todayInAlmaty } from '../../domain/calendar';
import { InvalidHoursError, isOpenAt, openingClock, parseOpeningHours } from '../../domain/hours';

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

describe('contact-centre hours without the time-zone database', () => {
  const hours = parseOpeningHours('Mon-Fri 09:00-18:00; Sat 09:00-13:00');
  afterEach(() => vi.restoreAllMocks());

  /** Reads of a date's parts through Intl while the block runs. */
  function intlCalls(block: () => void): number {
    const spy = vi.spyOn(Intl.DateTimeFormat.prototype, 'formatToParts');
    block();
    return spy.mock.calls.length;
  }

  it('answers at the edges as the Almaty clock says: 08:59, 09:00, 17:59, 18:00, a day off, a transfer day', () => {
    const cases: Array<[string, boolean]> = [
      ['2026-11-23T08:59', false], // Monday
      ['2026-11-23T09:00', true],
      ['2026-11-23T17:59', true],
      ['2026-11-23T18:00', false],
      ['2026-12-16T12:00', false], // Independence Day, a Wednesday
      ['2024-05-08T12:00', false], // Wednesday off, decreed for Saturday 4 May
      ['2024-05-04T12:00', true], // that Saturday, worked: the Saturday span
      ['2024-05-04T13:00', false],
      ['2026-11-29T12:00', false], // Sunday
    ];
    const answers: boolean[] = [];
    expect(intlCalls(() => answers.push(...cases.map(([local]) => isOpenAt(hours, almaty(local)))))).toBe(0);
    expect(answers).toEqual(cases.map(([, open]) => open));
  });

  it('reads the same date and time as the time-zone database for every instant since Kazakhstan went to UTC+5', () => {
    const reference = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Almaty', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2024, 1, 29, 18), max: Date.UTC(2030, 0, 1) }), (ms) => {
        const parts = Object.fromEntries(reference.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
        expect([todayInAlmaty(new Date(ms)), timeInAlmaty(new Date(ms))]).toEqual([`${parts.year}-${parts.month}-${parts.day}`, `${parts.hour}:${parts.minute}`]);
      }),
      { numRuns: 2000 },
    );
    // Before the change Almaty was UTC+6: 29 February 2024, 18:30 UTC was 00:30 on 1 March.
    expect(todayInAlmaty(new Date('2024-02-29T17:30:00Z'))).toBe('2024-02-29');
    expect(timeInAlmaty(new Date('2024-02-29T17:30:00Z'))).toBe('23:30');
  });

  it('kept for a minute, gives the same answer within it and a new one at the next', () => {
    const isOpen = openingClock(hours);
    expect(isOpen(almaty('2026-11-23T17:59'))).toBe(true);
    expect(isOpen(new Date(almaty('2026-11-23T17:59').getTime() + 59_999))).toBe(true);
    expect(isOpen(almaty('2026-11-23T18:00'))).toBe(false);
    expect(isOpen(almaty('2026-11-23T09:00'))).toBe(true);
    expect(isOpen(almaty('2026-11-28T13:00'))).toBe(false);
  });
});
