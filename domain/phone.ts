/**
 * Kazakhstan phone numbers (+7, shared with Russia). Ranges: ../shared/domain/kazakhstan-facts.md §3.1.
 */

export type PhoneResult = { ok: true; e164: string; kind: 'mobile' | 'landline' } | { ok: false; reason: 'format' | 'not_kazakh' };

/** libphonenumber's KZ mobile pattern: 700–702, 705–708, 747, 760–764, 771, 775–778, 785. */
const MOBILE = /^7(?:0[0-25-8]|47|6[0-4]|7[15-8]|85)\d{7}$/;
/** Area codes 710–729. */
const LANDLINE = /^7[12]\d{8}$/;

/**
 * Accepts `8 (701) 123-45-67`, `+7 701 123 45 67`, `87011234567`, `77011234567` and `7011234567`.
 * After +7, numbers starting with 3, 4, 8 or 9 are Russian.
 */
export function normalizeKzPhone(input: string): PhoneResult {
  const compact = input.replace(/[\s().-]/g, '');
  const national = nationalNumber(compact);
  if (typeof national !== 'string') return national;

  if (MOBILE.test(national)) return { ok: true, e164: `+7${national}`, kind: 'mobile' };
  if (LANDLINE.test(national)) return { ok: true, e164: `+7${national}`, kind: 'landline' };
  // 800 is toll-free in both countries and never a subscriber's own number.
  if (national.startsWith('800')) return { ok: false, reason: 'format' };
  if (/^[3489]/.test(national)) return { ok: false, reason: 'not_kazakh' };
  return { ok: false, reason: 'format' };
}

function nationalNumber(compact: string): string | PhoneResult {
  const international = /^\+(\d+)$/.exec(compact);
  if (international) {
    const digits = international[1] ?? '';
    if (digits.startsWith('7') && digits.length === 11) return digits.slice(1);
    const plausible = digits.length >= 8 && digits.length <= 15;
    return { ok: false, reason: plausible && !digits.startsWith('7') ? 'not_kazakh' : 'format' };
  }
  if (/^[78]\d{10}$/.test(compact)) return compact.slice(1);
  // Ten digits starting with 8 are most likely a trunk-8 number missing a digit.
  if (/^[0-79]\d{9}$/.test(compact)) return compact;
  return { ok: false, reason: 'format' };
}

/** `+77011234567` → `+7 701 123 45 67`. Anything that is not a +7 E.164 number is returned as is. */
export function formatKzPhone(e164: string): string {
  const match = /^\+7(\d{3})(\d{3})(\d{2})(\d{2})$/.exec(e164);
  return match ? `+7 ${match[1]} ${match[2]} ${match[3]} ${match[4]}` : e164;
}

/** `+7 701 *** ** 67`; input that is not a Kazakh number keeps only its last two digits. */
export function maskPhone(input: string): string {
  const result = normalizeKzPhone(input);
  if (result.ok) return `+7 ${result.e164.slice(2, 5)} *** ** ${result.e164.slice(10)}`;
  const digitCount = input.replace(/\D/g, '').length;
  let seen = 0;
  return input.replace(/\d/g, (digit) => (++seen > digitCount - 2 ? digit : '*'));
}

/**
 * Phone-like runs in free text, for redacting logs: an optional +7, 7 or 8, a three-digit code
 * (optionally in parentheses) and seven more digits, with single spaces, dots or dashes between.
 * Russian numbers match too. Global: use with `replace` or `matchAll`.
 */
export const PHONE_PATTERN = /(?<![\d+])(?:(?:\+\s?7|8|7)[\s.-]?)?\(?[3-9]\d{2}\)?(?:[\s.-]?\d){7}(?!\d)/g;

/**
 * Runs written as a Kazakh number with its +7, 7 or 8 and a code of 7xx: a mobile ("87011234567",
 * "+7 701 123 45 67") or a landline, whose area codes are 71x and 72x ("8 7182 61 40 22", a home in
 * Pavlodar). In a message, a number to call back, never an application's number: the training
 * messages that leave a home number to be called on are as many as those that leave a mobile.
 * Global: use with `replace` or `matchAll`.
 */
export const KAZAKH_NUMBER_PATTERN = /(?<![\d+])(?:\+\s?7|8|7)[\s.-]?\(?7\d{2}\)?(?:[\s.-]?\d){7}(?!\d)/g;
