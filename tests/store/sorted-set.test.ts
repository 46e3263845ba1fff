import { describe, expect, it } from 'vitest';
import { SortedSet } from '../../store/sorted-set';

/** The same operations on a plain array, sorted the slow way: score, then id. */
function model(entries: Map<string, number>): string[] {
  return [...entries].sort(([a, x], [b, y]) => x - y || (a < b ? -1 : a > b ? 1 : 0)).map(([id]) => id);
}

describe('the in-memory sorted set', () => {
  it('orders by score, then id, like a Redis sorted set', () => {
    const set = new SortedSet();
    set.add('b', 2);
    set.add('a', 2);
    set.add('c', -1);
    set.add('d', 10);
    expect(set.ids()).toEqual(['c', 'a', 'b', 'd']);
    expect(set.rank('c')).toBe(0);
    expect(set.rank('d')).toBe(3);
    expect(set.rank('missing')).toBeNull();
  });

  it('agrees with a plain sorted list through thousands of random adds, moves and deletes', () => {
    let seed = 42;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const set = new SortedSet();
    const entries = new Map<string, number>();
    for (let step = 0; step < 5000; step++) {
      const id = `id-${Math.floor(random() * 500)}`;
      if (random() < 0.3) {
        expect(set.delete(id)).toBe(entries.delete(id));
      } else {
        const score = Math.floor(random() * 100) - 50;
        set.add(id, score);
        entries.set(id, score);
      }
      if (step % 250 === 0) {
        const ordered = model(entries);
        expect(set.ids()).toEqual(ordered);
        for (const [rank, member] of ordered.entries()) expect(set.rank(member)).toBe(rank);
      }
    }
    expect(set.size).toBe(entries.size);
    expect(set.ids()).toEqual(model(entries));
  });

  it('refuses a NaN score, which has no place in the order', () => {
    expect(() => new SortedSet().add('x', Number.NaN)).toThrow(RangeError);
  });
});
