import { describe, expect, it } from 'vitest';
import { fold, parse } from '../../flows/nlu';

describe('understanding what citizens type', () => {
  it.each([
    ['Я потерял аттестат', 'checklist', 'duplicate-school', 'ru'],
    ['мектеп аттестатым жоғалды', 'checklist', 'duplicate-school', 'kk'],
    ['мектеп аттестатым жогалды', 'checklist', 'duplicate-school', 'kk'],
    ['Нужен дубликат диплома университета', 'checklist', 'duplicate-higher', 'ru'],
    ['колледж дипломы жоғалды', 'checklist', 'duplicate-tvet', 'kk'],
    ['в дипломе ошибка в фамилии', 'checklist', 'correct-education-document', 'ru'],
    ['академический отпуск по болезни', 'checklist', 'academic-leave', 'ru'],
    ['бесплатное питание сироте', 'checklist', 'free-meals', 'ru'],
    ['жатақхана керек', 'checklist', 'dormitory', 'kk'],
    ['хочу поступить в колледж', 'checklist', 'tvet-admission', 'ru'],
    ['восстановиться на учёбу', 'checklist', 'transfer-reinstatement', 'ru'],
    ['нужен документ', 'checklist', null, 'ru'],
    ['оператор', 'operator', null, 'ru'],
    ['адам', 'operator', null, 'kk'],
    ['хочу пожаловаться', 'complaint', null, 'ru'],
    ['шағым беру', 'complaint', null, 'kk'],
    ['какой статус моей заявки', 'status', null, 'ru'],
    ['не могу прийти, я инвалид', 'home_visit', null, 'ru'],
    ['Сәлеметсіз бе!', 'greeting', null, 'kk'],
    ['Здравствуйте', 'greeting', null, 'ru'],
    ['меню', 'menu', null, 'ru'],
    ['Сменить язык', 'language', null, 'ru'],
    ['🙂🙂', 'unknown', null, 'ru'],
    ['Где моё заявление?', 'status', null, 'ru'],
    ['Когда будет готов дубликат аттестата?', 'status', 'duplicate-school', 'ru'],
    ['Өтінішім дайын ба?', 'status', null, 'kk'],
    ['Хочу пожаловаться на школу', 'complaint', 'duplicate-school', 'ru'],
    ['В ЦОНе мне отказали и нагрубили', 'complaint', null, 'ru'],
    ['Колледж долго не выдаёт дубликат', 'complaint', 'duplicate-tvet', 'ru'],
    ['ХҚКО қызметкері дөрекі сөйледі', 'complaint', null, 'kk'],
    ['Мектеп құжаттарымды қабылдамады', 'complaint', 'duplicate-school', 'kk'],
    ['asdf qwerty', 'unknown', null, 'ru'],
  ])('%s → %s %s (%s)', (text, intent, serviceId, lang) => {
    expect(parse(text, 'ru')).toMatchObject({ intent, serviceId, lang });
  });

  it('folds Latin look-alikes inside Cyrillic words and Kazakh letters to Russian ones', () => {
    expect(fold('Дiплом ЖОҒАЛДЫ')).toBe('диплом жогалды');
    expect(fold('hello')).toBe('hello');
  });

  it('gives unknown text no confidence and a known one high confidence', () => {
    expect(parse('лорем ипсум').confidence).toBe(0);
    expect(parse('потерял аттестат').confidence).toBeGreaterThanOrEqual(0.8);
  });
});
