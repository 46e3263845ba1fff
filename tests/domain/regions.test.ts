import { describe, expect, it } from 'vitest';
import { REGIONS, regionById, regionByName } from '../../domain/regions';

describe('regions', () => {
  it('lists the 17 regions and the 3 cities of republican significance with the operator API ids', () => {
    expect(REGIONS.filter((r) => r.city).map((r) => r.id)).toEqual(['astana', 'almaty', 'shymkent']);
    expect(REGIONS.filter((r) => !r.city)).toHaveLength(17);
    expect(REGIONS.map((r) => r.id).sort()).toEqual(
      [
        'astana',
        'almaty',
        'shymkent',
        'abai',
        'akmola',
        'aktobe',
        'almaty-region',
        'atyrau',
        'west-kazakhstan',
        'zhambyl',
        'zhetysu',
        'karaganda',
        'kostanay',
        'kyzylorda',
        'mangystau',
        'pavlodar',
        'north-kazakhstan',
        'turkistan',
        'ulytau',
        'east-kazakhstan',
      ].sort(),
    );
    expect(regionById('ulytau')?.name).toEqual({ kk: 'Ұлытау облысы', ru: 'область Ұлытау' });
  });

  it.each([
    ['Алматы', 'almaty'],
    ['г. Алматы', 'almaty'],
    ['Алматы облысы', 'almaty-region'],
    ['алматы обл.', 'almaty-region'],
    ['Алматинская область', 'almaty-region'],
    ['алматинская', 'almaty-region'],
    ['Ақтөбе', 'aktobe'],
    ['Актобе облысы', 'aktobe'],
    ['Шығыс Қазақстан облысы', 'east-kazakhstan'],
    ['Шыгыс Казакстан', 'east-kazakhstan'],
    ['ВКО', 'east-kazakhstan'],
    ['Жетысуская область', 'zhetysu'],
    ['область Жетісу', 'zhetysu'],
    ['Жетису', 'zhetysu'],
    ['Нур-Султан', 'astana'],
    ['  шымкент ', 'shymkent'],
  ])('finds %j', (typed, id) => {
    expect(regionByName(typed)?.id).toBe(id);
  });

  it.each(['Москва', 'область', '', 'Байконур'])('finds nothing for %j', (typed) => {
    expect(regionByName(typed)).toBeUndefined();
  });
});
