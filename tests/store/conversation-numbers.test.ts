import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { candidateNumbers, ConversationNumbers } from '../../bot/conversation-numbers';
import type { Store } from '../../store/types';
import { factories, onTwoInstances } from '../support/stores';

describe('what a typed conversation number may mean', () => {
  const july = new Date('2026-07-01T10:00:00Z');
  it('takes the whole number in any case, with spaces or №, and the digits alone as this year’s or last year’s', () => {
    expect(candidateNumbers(' c-2026-004821 ', july)).toEqual(['C-2026-004821']);
    expect(candidateNumbers('№ 004821', july)).toEqual(['C-2026-004821', 'C-2025-004821']);
    expect(candidateNumbers('4821', july)).toEqual(['C-2026-004821', 'C-2025-004821']);
    // Almaty is past midnight on 1 January while UTC is still in December.
    expect(candidateNumbers('12', new Date('2026-12-31T20:00:00Z'))).toEqual(['C-2027-000012', 'C-2026-000012']);
    for (const nothing of ['', '0', '000000', 'web-abc', 'C-2026-48', '12a', '1234567890']) expect(candidateNumbers(nothing, july)).toEqual([]);
  });
});

describe.each(factories)('%s store numbers conversations', (_name, open) => {
  let store: Store;
  let peer: Store;
  onTwoInstances(open, (opened) => {
    ({ store, peer } = opened);
  });

  it('gives one conversation one number though two instances ask at once, the next conversation the next one, and finds each by its digits', async () => {
    const here = new ConversationNumbers(store);
    const there = new ConversationNumbers(peer);
    const now = new Date('2026-03-02T08:00:00Z');
    const id = `web-${randomUUID()}`;
    const [a, b] = await Promise.all([here.assign(id, now), there.assign(id, now)]);
    expect(a).toMatch(/^C-2026-\d{6}$/);
    expect(b).toBe(a);
    const next = await there.assign(`tg-${randomUUID()}`, now);
    expect(Number(next.slice(-6))).toBe(Number(a.slice(-6)) + 1);

    expect(await there.find(a.slice(-6), now)).toBe(id);
    expect(await here.find(a.toLowerCase(), now)).toBe(id);
    // Read out in January, a number given in December is still found.
    expect(await here.find(a.slice(-6), new Date('2027-01-10T08:00:00Z'))).toBe(id);
    expect(await here.find('999999', now)).toBeNull();
    expect(await here.find('web-anything', now)).toBeNull();
  });
});
