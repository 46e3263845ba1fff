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

  it('cuts a word typed without spaces into the fewest known words, a particle last or a short preposition inside among them', () => {
    const vocabulary = new Vocabulary([...WORDS, 'как', 'поступить', 'нужна', 'незаконченном', 'дайын', 'ба', 'в', 'о', 'справкакак']);
    expect(vocabulary.split('общаганужна')).toEqual(['общага', 'нужна']);
    expect(vocabulary.split('колледжкакпоступить')).toEqual(['колледж', 'как', 'поступить']);
    expect(vocabulary.split('справкаонезаконченном')).toEqual(['справка', 'о', 'незаконченном']);
    expect(vocabulary.split('дайынба')).toEqual(['дайын', 'ба']);
    // a preposition neither opens nor ends the word, and a known word is never cut
    expect(vocabulary.split('вколледж')).toBeUndefined();
    expect(vocabulary.split('колледжв')).toBeUndefined();
    expect(vocabulary.split('справкакак')).toBeUndefined();
  });

  it('corrects the same once dumped and restored, as the model file keeps it', () => {
    const restored = Vocabulary.restore(new Vocabulary(WORDS).dump());
    for (const typed of ['атестат', 'жогалтым', 'дупликат', 'аышк', 'колеедж']) expect(restored.correct(typed)).toBe(new Vocabulary(WORDS).correct(typed));
  });
});
