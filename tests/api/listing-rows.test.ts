import { describe, expect, it } from 'vitest';
import { ListingRows } from '../../api/operator/listing-rows';
import type { Conversation } from '../../store/types';

const conversation = (id: string, revision: number): Conversation => ({ id, revision, owner: 'queue', status: 'open', handoff: { operator: { login: 'aida' } } }) as unknown as Conversation;
const json = (text: string) => Buffer.from(JSON.stringify(text));

describe('rows of the conversation lists', () => {
  it('are used only for the revision stamped now, in the language drawn', () => {
    const rows = new ListingRows();
    rows.put(conversation('c-1', 3), 'ru', json('ru row'));
    expect(rows.get('c-1', 3, 'ru')).toEqual({ facts: { owner: 'queue', status: 'open', operatorLogin: 'aida' }, json: json('ru row') });
    expect(rows.get('c-1', 3, 'kk')).toBeUndefined();
    expect(rows.get('c-1', 4, 'ru')).toBeUndefined();
    expect(rows.get('c-1', null, 'ru')).toBeUndefined();
    rows.put(conversation('c-1', 3), 'kk', json('kk row'));
    expect(rows.get('c-1', 3, 'kk')?.json).toEqual(json('kk row'));
    // A newer revision drawn replaces the rows of every language.
    rows.put(conversation('c-1', 4), 'kk', json('kk row 4'));
    expect(rows.get('c-1', 4, 'ru')).toBeUndefined();
    expect(rows.get('c-1', 4, 'kk')?.json).toEqual(json('kk row 4'));
  });

  it('are trusted for a while only, and the oldest drawn go first when full', () => {
    let now = 0;
    const rows = new ListingRows({ capacity: 2, maxAgeMs: 1000 }, () => now);
    rows.put(conversation('c-1', 1), 'ru', json('1'));
    now = 500;
    rows.put(conversation('c-2', 1), 'ru', json('2'));
    now = 1001;
    expect(rows.get('c-1', 1, 'ru')).toBeUndefined();
    expect(rows.get('c-2', 1, 'ru')).toBeDefined();
    rows.put(conversation('c-3', 1), 'ru', json('3'));
    rows.put(conversation('c-4', 1), 'ru', json('4'));
    expect(rows.get('c-2', 1, 'ru')).toBeUndefined();
    expect(rows.get('c-3', 1, 'ru')?.json).toEqual(json('3'));
    expect(rows.get('c-4', 1, 'ru')?.json).toEqual(json('4'));
  });
});
