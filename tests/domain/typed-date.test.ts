import { describe, expect, it } from 'vitest';
import { dayNamedIn, monthOf, parseTypedDate } from '../../domain/typed-date';

const TODAY = '2026-11-20';
const parsed = (text: string) => parseTypedDate(text, TODAY);

describe('parseTypedDate', () => {
  it.each([
    ['12.12', '2026-12-12'],
    ['12.12.2026', '2026-12-12'],
    ['12/12/2026', '2026-12-12'],
    ['12.12.26', '2026-12-12'],
    ['2026-12-12', '2026-12-12'],
    [' 1.2 ', '2027-02-01'],
  ])('reads the digits of %j', (text, date) => {
    expect(parsed(text)).toEqual({ ok: true, date });
  });

  it.each([
    ['12 декабря', '2026-12-12'],
    ['12 Декабря 2026 г.', '2026-12-12'],
    ['12 декабрь', '2026-12-12'],
    ['3 мая', '2027-05-03'],
    ['3 марта 2027 года', '2027-03-03'],
    ['дек 12', '2026-12-12'],
    ['12 дек.', '2026-12-12'],
  ])('reads the Russian month name in %j', (text, date) => {
    expect(parsed(text)).toEqual({ ok: true, date });
  });

  it.each([
    ['завтра', '2026-11-21'],
    ['Завтра.', '2026-11-21'],
    ['на завтра', '2026-11-21'],
    ['послезавтра', '2026-11-22'],
    ['ертең', '2026-11-21'],
    ['бүрсігүні', '2026-11-22'],
    ['арғы күні', '2026-11-22'],
    ['сегодня', '2026-11-20'],
    ['вчера', '2026-11-19'],
    ['кеше', '2026-11-19'],
    ['позавчера', '2026-11-18'],
    ['бүгін', '2026-11-20'],
    ['в понедельник', '2026-11-23'],
    ['дүйсенбіде', '2026-11-23'],
    ['во вторник', '2026-11-24'],
    ['сәрсенбі күні', '2026-11-25'],
    // Today is a Friday: its name is next week's.
    ['в пятницу', '2026-11-27'],
    ['жұма күні', '2026-11-27'],
    ['в субботу', '2026-11-21'],
  ])('reads %j as a day named from today, Friday 20 November', (text, date) => {
    expect(parsed(text)).toEqual({ ok: true, date });
  });

  it.each([
    ['12 желтоқсан', '2026-12-12'],
    ['12 желтоксан', '2026-12-12'],
    ['2026 жылғы 12 желтоқсан', '2026-12-12'],
    ['2026 ж. 12 желтоқсан', '2026-12-12'],
    ['желтоқсанның 12-сі', '2026-12-12'],
    ['12-желтоқсан', '2026-12-12'],
    ['5 қаңтар', '2027-01-05'],
    ['5 кантар', '2027-01-05'],
    ['21 наурыз', '2027-03-21'],
    ['1 сәуір', '2027-04-01'],
    ['1 сауир', '2027-04-01'],
    ['7 мамыр', '2027-05-07'],
    ['7 маусым', '2027-06-07'],
    ['1 қыркүйек', '2027-09-01'],
    ['25 қазан', '2027-10-25'],
    ['30 қараша', '2026-11-30'],
  ])('reads the Kazakh month name in %j, with or without Kazakh letters', (text, date) => {
    expect(parsed(text)).toEqual({ ok: true, date });
  });

  it('takes today itself this year, and a day already past next year', () => {
    expect(parsed('20.11')).toEqual({ ok: true, date: '2026-11-20' });
    expect(parsed('19.11')).toEqual({ ok: true, date: '2027-11-19' });
  });

  it.each(['31.02', '31 ноября', '29.02.2027', '00.12', '12.13'])('refuses %j: no such day', (text) => {
    expect(parsed(text)).toEqual({ ok: false, reason: 'date' });
  });

  it.each([
    ['25', '2026-11-25'],
    ['а на 25?', '2026-11-25'],
    ['25-го', '2026-11-25'],
    ['25 числа', '2026-11-25'],
    ['25-сі', '2026-11-25'],
    ['20', '2026-11-20'],
    ['3', '2026-12-03'],
    ['31', '2026-12-31'],
  ])('reads the day of the month alone in %j as the next such day from today', (text, date) => {
    expect(parsed(text)).toEqual({ ok: true, date });
  });

  it.each(['45', '2026', 'декабря', '12 декабря 13 января', '12 ма', 'вторник 15 декабря', '12.12.12.12', ''])('does not read %j as a date', (text) => {
    expect(parsed(text)).toEqual({ ok: false, reason: 'format' });
  });
});

describe('monthOf', () => {
  it('knows every month in both languages', () => {
    const ru = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];
    const kk = ['қаңтар', 'ақпан', 'наурыз', 'сәуір', 'мамыр', 'маусым', 'шілде', 'тамыз', 'қыркүйек', 'қазан', 'қараша', 'желтоқсан'];
    expect(ru.map(monthOf)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(kk.map(monthOf)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });

  it('takes the first letters of a name only when they name one month', () => {
    expect(monthOf('сен')).toBe(9);
    expect(monthOf('желт')).toBe(12);
    expect(monthOf('ма')).toBeUndefined();
    expect(monthOf('ию')).toBeUndefined();
  });
});

describe('dayNamedIn', () => {
  // Friday 4 December 2026.
  const named = (text: string) => dayNamedIn(text, '2026-12-04');

  it.each([
    ['перенесите визит на среду', '2026-12-09'],
    ['перенесите визит на среду.', '2026-12-09'],
    ['можно на завтра?', '2026-12-05'],
    ['давайте в понедельник', '2026-12-07'],
    ['перенесите выезд на 10.12', '2026-12-10'],
    ['перенесите выезд HV-2026-000001 на 9 декабря, пожалуйста', '2026-12-09'],
    ['келуді жұмаға ауыстырыңыз', '2026-12-11'],
    ['келуди 15 желтоксанга ауыстырыныз', '2026-12-15'],
  ])('finds the day in %j', (text, date) => {
    expect(named(text)).toBe(date);
  });

  it.each([
    ['перенесите со среды на пятницу', '2026-12-11'],
    ['перенесите визит с 9 декабря на 11 декабря', '2026-12-11'],
    ['не в среду, а в четверг', '2026-12-10'],
    ['сәрсенбіден жұмаға ауыстырыңыз', '2026-12-11'],
  ])('passes over the day moved from or refused in %j', (text, date) => {
    expect(named(text)).toBe(date);
  });

  it('takes a day of the month alone only as asked for ("на 17"), not a number of something else', () => {
    expect(named('перенесите на 17')).toBe('2026-12-17');
    expect(named('визит номер 5 перенесите')).toBeUndefined();
  });

  it.each(['перенесите визит', 'перенесите визит №5 на другой день', 'выезд на дом, тел 87011234567', 'ертеңнен бастап', 'не в среду'])('names no day in %j', (text) => {
    expect(named(text)).toBeUndefined();
  });
});
