import { describe, expect, it } from 'vitest';
import { seeded } from '../../flows/nlu/augment';
import { StringIds } from '../../flows/nlu/string-ids';

/** Words of random letters, Cyrillic, Kazakh and Latin, of 1 to 24 letters, some repeated. */
function randomWords(count: number, seed: number): string[] {
  const random = seeded(seed);
  const letters = 'абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһіabcdefghijklmnopqrstuvwxyz<>:_ ';
  return Array.from({ length: count }, () => {
    const length = 1 + Math.floor(random() * 24);
    let word = '';
    for (let i = 0; i < length; i++) word += letters[Math.floor(random() * letters.length)];
    return word;
  });
}

describe('numbering strings in typed arrays', () => {
  it('gives the ids a Map would, for as many keys as a model holds', () => {
    const words = randomWords(200_000, 7);
    const ids = new StringIds();
    const reference = new Map<string, number>();
    for (const word of words) {
      if (!reference.has(word)) reference.set(word, reference.size);
      expect(ids.add(word)).toBe(reference.get(word));
    }
    expect(ids.size).toBe(reference.size);
    for (const [word, id] of reference) expect(ids.get(word)).toBe(id);
    expect(ids.keys()).toEqual([...reference.keys()]);
  });

  it('knows no key it was not given, nor a prefix or an extension of one', () => {
    const ids = StringIds.of(['аттестат', 'дубликат', 'c:<жат']);
    for (const absent of ['аттеста', 'аттестаты', 'диплом', '', 'c:<жа']) expect(ids.get(absent)).toBeUndefined();
    expect(ids.has('дубликат')).toBe(true);
    expect(ids.keyOf(2)).toBe('c:<жат');
  });

  it('reads back a key longer than a call can take at once', () => {
    const long = 'қ'.repeat(100_000);
    const ids = StringIds.of(['a', long]);
    expect(ids.keyOf(1)).toBe(long);
    expect(ids.get(long)).toBe(1);
  });
});
