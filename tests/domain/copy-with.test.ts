import { describe, expect, it } from 'vitest';
import { copyWith } from '../../domain/copy-with';

describe('copyWith', () => {
  it('is a new object with the fields of the base, those given set over them, and the base left as it was', () => {
    const base = { id: 'c-1', revision: 3, data: { a: 1 } } as { id: string; revision: number; data: { a: number }; seq?: number };
    const copy = copyWith(base, { revision: 4, seq: 12 });
    expect(copy).toEqual({ id: 'c-1', revision: 4, data: { a: 1 }, seq: 12 });
    expect(copy).not.toBe(base);
    expect(base).toEqual({ id: 'c-1', revision: 3, data: { a: 1 } });
    expect(Object.keys(copy)).toEqual(['id', 'revision', 'data', 'seq']);
  });
});
