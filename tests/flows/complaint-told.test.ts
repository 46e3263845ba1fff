import { describe, expect, it } from 'vitest';
import { categoryTold } from '../../flows/complaint/told';

describe('what happened, read from a story', () => {
  it.each([
    ['в колледже не выдают дубликат диплома уже 2 месяца', 'term_missed'],
    ['жду справку уже третью неделю', 'term_missed'],
    ['екі ай болды, әлі бермейді', 'term_missed'],
    ['eki ai boldy ali bermei jatyr', 'term_missed'],
    ['мерзімі өтіп кетті', 'term_missed'],
    ['не приняли документы', 'documents_refused'],
    ['отказались принимать документы у мамы', 'documents_refused'],
    ['колледж құжаттарды қабылдамады', 'documents_refused'],
    ['требуют лишнюю справку с места жительства', 'extra_documents'],
    ['артық анықтама талап етті', 'extra_documents'],
    ['мне отказали в выдаче дубликата без причины', 'refusal_without_reasons'],
    ['себебін айтпай бас тартты', 'refusal_without_reasons'],
    ['в ЦОНе нагрубили', 'improper_treatment'],
    ['қызметкер дөрекі сөйледі', 'improper_treatment'],
    ['выдали диплом с ошибкой в фамилии', 'error_in_result'],
    ['телнұсқада тегім қате жазылған', 'error_in_result'],
  ])('"%s" tells %s', (story, category) => {
    expect(categoryTold(story)).toBe(category);
  });

  it.each([
    // two things happened: the citizen chooses
    ['2 месяца не выдают, ещё и нагрубили'],
    // nothing the categories name
    ['хочу пожаловаться на колледж'],
    ['директор не подписывает заявление'],
    // a category's words inside another word
    ['категория не та'],
  ])('"%s" tells none', (story) => {
    expect(categoryTold(story)).toBeUndefined();
  });
});
