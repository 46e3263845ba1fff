import { describe, expect, it } from 'vitest';
import { parse } from '../../flows/nlu';
import { withoutFiller } from '../../flows/nlu/rules';
import { slips } from '../../flows/nlu/vocabulary';

describe('wordings the phrases do not hold', () => {
  it.each([
    ['Здравствуйте, подскажите пожалуйста, сколько стоит дубликат аттестата?', 'question'],
    ['Добрый вечер! У меня вопрос: где моё заявление SC-2026-0777', 'status'],
    ['Сәлеметсіз бе, айтыңызшы, жатақханаға қандай құжат керек', 'checklist'],
    ['Қайырлы күн, кешіріңіз, мектеп аттестатымды жоғалттым', 'checklist'],
  ])('a polite opening does not hide what is asked: %s', (text, intent) => {
    expect(parse(text).intent).toBe(intent);
  });

  it('a polite opening alone is still a greeting', () => {
    expect(parse('Здравствуйте, подскажите').intent).toBe('greeting');
    expect(withoutFiller('салеметсиз бе')).toBe('салеметсиз бе');
    expect(withoutFiller('здравствуйте, подскажите, сколько стоит')).toBe('сколько стоит');
  });

  it('two letters typed the wrong way round are one slip', () => {
    expect(slips('аышк', 'ашык')).toBe(1);
    expect(slips('аттестат', 'аттестат')).toBe(0);
    expect(slips('оператор', 'апираторр')).toBe(3);
    expect(parse('сенбиде аышк па', 'kk', { context: 'journey' }).intent).toBe('question');
  });
});
