/**
 * IIN (ЖСН / ИИН): the 12-digit individual identification number.
 * Structure and check digit: ../shared/domain/kazakhstan-facts.md §1.
 */
import { isValidCalendarDate } from './calendar';

export type IinResult = { ok: true; iin: string; birthDate: string; sex: 'male' | 'female' } | { ok: false; reason: 'format' | 'date' | 'century' | 'checksum' };

const WEIGHTS_1 = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] as const;
const WEIGHTS_2 = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2] as const;

/** The check digit for the first 11 digits, or null when both weight sets give 10 (never issued). */
export function iinCheckDigit(digits: readonly number[]): number | null {
  for (const weights of [WEIGHTS_1, WEIGHTS_2]) {
    const sum = weights.reduce((total, weight, i) => total + weight * (digits[i] ?? 0), 0);
    const remainder = sum % 11;
    if (remainder !== 10) return remainder;
  }
  return null;
}

/** Accepts what people type: spaces and dashes between digits are dropped. */
export function validateIin(value: string): IinResult {
  const iin = value.replace(/[\s-]/g, '');
  if (!/^\d{12}$/.test(iin)) return { ok: false, reason: 'format' };
  const digits = [...iin].map(Number);
  const at = (position: number): number => digits[position - 1] ?? 0;

  // Digit 5 is the tens of the birth day (0–3) in an IIN, the entity type (4–6) in a BIN.
  if (at(5) >= 4 && at(5) <= 6) return { ok: false, reason: 'format' };

  const centuryDigit = at(7);
  if (centuryDigit < 1 || centuryDigit > 6) return { ok: false, reason: 'century' };
  const year = 1800 + 100 * Math.floor((centuryDigit - 1) / 2) + at(1) * 10 + at(2);
  const month = at(3) * 10 + at(4);
  const day = at(5) * 10 + at(6);
  if (!isValidCalendarDate(year, month, day)) return { ok: false, reason: 'date' };

  if (iinCheckDigit(digits.slice(0, 11)) !== at(12)) return { ok: false, reason: 'checksum' };

  return {
    ok: true,
    iin,
    birthDate: `${year}-${iin.slice(2, 4)}-${iin.slice(4, 6)}`,
    sex: centuryDigit % 2 === 1 ? 'male' : 'female',
  };
}

/** `900101300007` → `900101*****7`. Anything that is not 12 digits is masked entirely. */
export function maskIin(iin: string): string {
  const digits = iin.replace(/[\s-]/g, '');
  if (!/^\d{12}$/.test(digits)) return '*'.repeat(digits.length);
  return `${digits.slice(0, 6)}*****${digits.slice(11)}`;
}

/**
 * Twelve digits in a row, optionally split by single spaces or dashes, not part of a longer digit
 * run. Generous on purpose (no checksum): it is for redacting logs. Global: use with `replace` or
 * `matchAll`; `looksLikeIin` is the stateless test.
 */
export const IIN_PATTERN = /(?<!\d)\d(?:[\s-]?\d){11}(?!\d)/g;

export function looksLikeIin(text: string): boolean {
  return new RegExp(IIN_PATTERN.source).test(text);
}
