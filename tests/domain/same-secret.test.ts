import { describe, expect, it } from 'vitest';
import { sameSecret } from '../../domain/same-secret';

describe('sameSecret', () => {
  it('is true for the same text only', () => {
    expect(sameSecret('850520400003', '850520400003')).toBe(true);
    expect(sameSecret('850520400003', '850520400004')).toBe(false);
  });

  it('compares secrets of different lengths without throwing', () => {
    expect(sameSecret('850520400003', '8505204000031')).toBe(false);
    expect(sameSecret('a-long-metrics-token-of-many-chars', 'short')).toBe(false);
  });

  it('never takes an empty secret for a match', () => {
    expect(sameSecret('', '')).toBe(false);
  });
});
