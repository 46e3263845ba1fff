import { describe, expect, it } from 'vitest';
import { IIN_PATTERN, iinCheckDigit, looksLikeIin, maskIin, validateIin } from '../../domain/iin';

// Synthetic numbers only (facts §1.3); never put real people's IINs here.
describe('validateIin: the worked examples of facts §1.3', () => {
  it.each([
    ['900101300007', '1990-01-01', 'male'],
    ['000315500005', '2000-03-15', 'male'],
    ['850520400003', '1985-05-20', 'female'],
    ['061211600012', '2006-12-11', 'female'],
    ['900101300811', '1990-01-01', 'male'],
  ] as const)('%s is valid: born %s, %s', (iin, birthDate, sex) => {
    expect(validateIin(iin)).toEqual({ ok: true, iin, birthDate, sex });
  });

  it('uses the second weight set when the first gives 10', () => {
    expect(iinCheckDigit([...'85052040000'].map(Number))).toBe(3);
    expect(iinCheckDigit([...'06121160001'].map(Number))).toBe(2);
    expect(iinCheckDigit([...'90010130081'].map(Number))).toBe(1);
  });

  it('123456789012 is invalid', () => {
    expect(validateIin('123456789012').ok).toBe(false);
    expect(iinCheckDigit([...'12345678901'].map(Number))).toBe(3);
  });

  it('90010130080? has no valid check digit: both weight sets give 10', () => {
    expect(iinCheckDigit([...'90010130080'].map(Number))).toBeNull();
    for (let last = 0; last <= 9; last += 1) {
      expect(validateIin(`90010130080${last}`)).toEqual({ ok: false, reason: 'checksum' });
    }
  });

  it('a wrong check digit is a checksum error', () => {
    expect(validateIin('900101300008')).toEqual({ ok: false, reason: 'checksum' });
    expect(validateIin('850520400004')).toEqual({ ok: false, reason: 'checksum' });
  });
});

describe('validateIin: errors', () => {
  it('strips spaces and dashes typed by people', () => {
    expect(validateIin(' 900101 300007 ')).toMatchObject({ ok: true, iin: '900101300007' });
    expect(validateIin('900-101-300-007')).toMatchObject({ ok: true, iin: '900101300007' });
  });

  it.each(['', '90010130000', '9001013000077', '90010130000a', '900101.300007', '９00101300007'])('%j is a format error', (value) => {
    expect(validateIin(value)).toEqual({ ok: false, reason: 'format' });
  });

  it('a BIN (digit 5 in 4–6) is a format error', () => {
    // Public organisation BINs from facts §1.4; their check digits are right.
    for (const bin of ['940140000385', '990140004654', '950341000052', '961141000023']) {
      expect(validateIin(bin)).toEqual({ ok: false, reason: 'format' });
    }
  });

  it.each(['900101000007', '900101700007', '900101900007'])('%s has no valid century digit', (value) => {
    expect(validateIin(value)).toEqual({ ok: false, reason: 'century' });
  });

  it.each(['901301300007', '900001300007', '900100300007', '900231300007', '900431300007'])('%s is not a real date', (value) => {
    expect(validateIin(value)).toEqual({ ok: false, reason: 'date' });
  });

  it('checks leap years with the century', () => {
    // 29 Feb 2000 exists (century digit 5); 29 Feb 1900 does not (century digit 3).
    expect(validateIin('000229500000')).not.toMatchObject({ reason: 'date' });
    expect(validateIin('000229300000')).toEqual({ ok: false, reason: 'date' });
  });
});

describe('maskIin', () => {
  it('keeps the birth date and the check digit', () => {
    expect(maskIin('900101300007')).toBe('900101*****7');
    expect(maskIin('900101 300007')).toBe('900101*****7');
  });

  it('masks anything else entirely', () => {
    expect(maskIin('12345')).toBe('*****');
  });
});

describe('IIN_PATTERN and looksLikeIin', () => {
  it('finds an IIN inside a sentence', () => {
    const text = 'Менің ЖСН: 900101300007, телефоным +7 701 123 45 67';
    expect(looksLikeIin(text)).toBe(true);
    expect(text.replace(IIN_PATTERN, (m) => maskIin(m))).toBe('Менің ЖСН: 900101*****7, телефоным +7 701 123 45 67');
  });

  it('finds IINs typed with spaces, several times', () => {
    const text = 'ИИН 900101 300007 и ИИН 850520400003.';
    expect([...text.matchAll(IIN_PATTERN)].map((m) => m[0])).toEqual(['900101 300007', '850520400003']);
  });

  it('ignores shorter and longer digit runs', () => {
    expect(looksLikeIin('заявка 12345678901 от 2026-03-20')).toBe(false);
    expect(looksLikeIin('1767225600000')).toBe(false);
    expect(looksLikeIin('+7 701 123 45 67')).toBe(false);
  });

  it('is stateless across calls', () => {
    expect(looksLikeIin('900101300007')).toBe(true);
    expect(looksLikeIin('900101300007')).toBe(true);
  });
});
