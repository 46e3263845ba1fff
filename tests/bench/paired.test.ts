import { describe, expect, it } from 'vitest';
import { paired, ratiosOf } from '../../bench/paired';

describe('paired bench runs', () => {
  it('runs ours and the reference back to back, the first of them swapped every pair, and shows the pair of the median ratio', async () => {
    const order: string[] = [];
    const oursRates = [60, 40, 45];
    const referenceRates = [100, 100, 90];
    const runs = await paired(
      3,
      async () => {
        order.push('ours');
        return { rate: oursRates[order.filter((o) => o === 'ours').length - 1]! };
      },
      async () => {
        order.push('reference');
        return { rate: referenceRates[order.filter((o) => o === 'reference').length - 1]! };
      },
      (run) => run.rate,
    );
    expect(order).toEqual(['ours', 'reference', 'reference', 'ours', 'ours', 'reference']);
    expect(ratiosOf(runs)).toBe('0.60, 0.40, 0.50');
    expect(runs.median).toEqual({ ours: { rate: 45 }, reference: { rate: 90 }, ratio: 0.5 });
  });
});
