import { describe, expect, it } from 'vitest';
import type { ServiceId } from '../../flows/catalog/schema';
import { ownNamesOf } from '../../flows/nlu/service-words';

/** `count` phrases naming `services` that hold the stems. */
function phrases(count: number, services: ServiceId[], ...stems: string[]) {
  return Array.from({ length: count }, () => ({ services, words: stems.map((stem) => ({ stem })) }));
}

describe('the own names of services, learned from the phrases', () => {
  const names = new Set(['жатакхана', 'аттестат', 'колледж', 'справк', 'жогал']);

  it('takes a name nearly every phrase with it uses for one service, said often enough', () => {
    const own = ownNamesOf([...phrases(99, ['dormitory'], 'жатакхана', 'керек'), ...phrases(1, ['free-meals'], 'жатакхана')], names);
    expect(own.get('жатакхана')).toBe('dormitory');
    // a word of the phrases that is not a name is never one
    expect(own.has('керек')).toBe(false);
  });

  it('leaves out a name shared by two services, one said too rarely, and levels, case words and losses', () => {
    const own = ownNamesOf(
      [
        ...phrases(90, ['duplicate-school'], 'аттестат', 'колледж', 'справк', 'жогал'),
        ...phrases(10, ['correct-education-document'], 'аттестат'),
        ...phrases(29, ['dormitory'], 'жатакхана'),
        // a phrase naming a whole group tells no one service
        ...phrases(50, ['duplicate-tvet', 'duplicate-higher'], 'жатакхана'),
      ],
      names,
    );
    expect([...own]).toEqual([]);
  });
});
