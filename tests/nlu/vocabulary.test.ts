import { describe, expect, it } from 'vitest';
import { Vocabulary } from '../../flows/nlu/vocabulary';

const WORDS = ['аттестат', 'аттестат', 'жогалттым', 'дубликат', 'диплом', 'колледж', 'ашык', 'справка', 'общага'];

describe('the vocabulary of the phrases', () => {
  it.each([
    ['атестат', 'аттестат'], // a letter left out
    ['аттесстат', 'аттестат'], // one typed twice
    ['жогалтым', 'жогалттым'],
    ['дупликат', 'дубликат'], // one letter for another
    ['аышк', 'ашык'], // two letters swapped
    ['колеедж', 'колледж'], // two slips in a long word
  ])('reads %s as %s', (typed, known) => {
    expect(new Vocabulary(WORDS).correct(typed)).toBe(known);
  });

  it('leaves a word too far from every known one, or too short to tell', () => {
    const vocabulary = new Vocabulary(WORDS);
    expect(vocabulary.correct('трактор')).toBeUndefined();
    expect(vocabulary.correct('дип')).toBeUndefined();
  });

  it('corrects the same once dumped and restored, as the model file keeps it', () => {
    const restored = Vocabulary.restore(new Vocabulary(WORDS).dump());
    for (const typed of ['атестат', 'жогалтым', 'дупликат', 'аышк', 'колеедж']) expect(restored.correct(typed)).toBe(new Vocabulary(WORDS).correct(typed));
  });
});
