import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fold, transliterate } from '../../flows/nlu/normalise';
import { stemOf } from '../../flows/nlu/features';
import { stemKazakh } from '../../flows/nlu/stem';

describe('the folded form of a text', () => {
  it.each([
    ['ә', 'а'],
    ['ғ', 'г'],
    ['қ', 'к'],
    ['ң', 'н'],
    ['ө', 'о'],
    ['ұ', 'у'],
    ['ү', 'у'],
    ['һ', 'х'],
    ['і', 'и'],
    ['ё', 'е'],
  ])('folds the Kazakh letter %s to %s', (letter, folded) => {
    expect(fold(`${letter}${letter.toUpperCase()}`)).toBe(folded + folded);
  });

  it('keeps a letter held down three times or more twice, as a double letter may be right ("общежитии")', () => {
    expect(fold('Дубликаааат')).toBe('дубликаат');
    expect(fold('общежитиии')).toBe('общежитии');
    expect(fold('класс')).toBe('класс');
  });

  it('reads a university abbreviation as the university it names, but not "ПТУ", "ЦОНу" or a word in a text typed in capitals', () => {
    expect(fold('КарГТУ-да оқыдым')).toBe('каргту университет-да окыдым');
    expect(fold('ЕНУ дипломы')).toBe('ену университет дипломы');
    expect(fold('диплом SDU')).toBe('диплом сду университет');
    expect(fold('ПТУ дипломы')).toBe('пту дипломы');
    expect(fold('иду к ЦОНУ')).toBe('иду к цону');
    expect(fold('ХОЧУ ДИПЛОМ')).toBe('хочу диплом');
  });

  it('reads a Latin ə (U+0259) as ә', () => {
    expect(fold('Тəуелсіздік')).toBe('тауелсиздик');
  });

  it('reads Latin look-alikes inside a Cyrillic word as Cyrillic letters', () => {
    expect(fold('Дiплом')).toBe('диплом');
    expect(fold('AТТЕСТАТ')).toBe('аттестат');
    expect(fold('HOMEP')).toBe('номер');
  });

  it.each([
    ['zhogaldy', 'жогалды'],
    ['kandai', 'кандай'],
    ['kuzhat', 'кужат'],
    ['rakhmet', 'рахмет'],
    ['shagym', 'шагым'],
    ['chto', 'что'],
    ['qalay', 'калай'],
    ['jogaldy', 'жогалды'],
    ['poteryal', 'потерял'],
    ['spravka', 'справка'],
  ])('transliterates chat Latin %s to %s', (latin, cyrillic) => {
    expect(fold(latin)).toBe(cyrillic);
  });

  it.each([
    ['joǵaldy', 'жогалды'],
    ['ańyqtama', 'аныктама'],
    ['telnusqa', 'телнуска'],
    ['dıplom', 'диплом'],
    ['Ýnıversıtet', 'университет'],
    ['kóp', 'коп'],
    ['ótinish', 'отиниш'],
  ])('transliterates the 2018 Latin alphabet %s to %s', (latin, cyrillic) => {
    expect(fold(latin)).toBe(cyrillic);
  });

  it.each([
    ['äke', 'аке'],
    ['şağym', 'шагым'],
    ['ñ', 'н'],
    ['öte', 'оте'],
    ['ūl', 'ул'],
    ['üi', 'уй'],
    ['çek', 'чек'],
  ])('transliterates the 2021 Latin alphabet %s to %s', (latin, cyrillic) => {
    expect(transliterate(latin)).toBe(cyrillic);
  });

  it('has no letter it replaces in the words that read it: such a word would never match ("келетін" is "келетин" folded, "электрон" "електрон")', () => {
    const nlu = new URL('../../flows/nlu/', import.meta.url);
    // These read the text as typed: folding itself, telling the language, retyping phrases in other styles.
    const readingTheTypedText = new Set(['normalise.ts', 'lang.ts', 'augment.ts']);
    const foldedLetters = /[әғқңөұүһіёэ]/i;
    // …and the marks of an application's number, read on the text as typed (its letters tell its digits).
    const readAsTyped = /NUMBER_MARK|NUMBER_AFTER_MARK/;
    const offending = readdirSync(nlu)
      .filter((file) => file.endsWith('.ts') && !readingTheTypedText.has(file))
      .flatMap((file) =>
        readFileSync(new URL(file, nlu), 'utf8')
          .split('\n')
          .filter((line) => foldedLetters.test(line) && !/^\s*(\/\/|\*|\/\*\*)/.test(line) && !readAsTyped.test(line))
          .map((line) => `${file}: ${line.trim()}`),
      );
    expect(offending).toEqual([]);
  });

  it('keeps the words and drops nothing but case and the letter forms', () => {
    expect(fold('  Мен  колледж дипломымды ЖОҒАЛТТЫМ! ')).toBe('мен колледж дипломымды жогалттым!');
  });
});

describe('Kazakh endings', () => {
  it.each([
    ['аттестатымды', 'аттестат'], // possessive + accusative
    ['құжаттар', 'кужат'], // plural
    ['құжаттарды', 'кужат'], // plural + accusative
    ['колледжде', 'колледж'], // locative -де
    ['мектептен', 'мектеп'], // ablative -тен
    ['университеттің', 'университет'], // genitive -тің
    ['колледжге', 'колледж'], // dative -ге
    ['жоғалды', 'жогал'], // past -ды
    ['дипломымды', 'диплом'],
    ['өтінішім', 'отиниш'], // possessive -ім
    ['университеттен', 'университет'],
  ])('strips %s to %s', (word, stem) => {
    expect(stemKazakh(fold(word))).toBe(stem);
  });

  it('keeps a root that ends like an ending whole: "телнұсқа", "телнұсқасын" and "телнұсқаға" are one word', () => {
    expect(new Set(['телнұсқа', 'телнұсқасын', 'телнұсқаға', 'telnusqa'].map((word) => stemKazakh(fold(word))))).toEqual(new Set(['телнуск']));
    // …and a Russian word whose case ending looks Kazakh: "в переводе" is no "перево" with a locative.
    expect(new Set(['переводе', 'перевод', 'перевода'].map((word) => stemKazakh(fold(word))))).toEqual(new Set(['перевод']));
  });

  it('reads a level word in every form as one stem, its п voiced before a vowel too: "сынып" is no verb in -ып, "мектебі" is "мектеп"', () => {
    expect(new Set(['сынып', 'сыныпты', 'сыныбы', 'сыныптамын'].map((word) => stemOf(fold(word))))).toEqual(new Set(['сынып']));
    expect(new Set(['мектеп', 'мектебі', 'мектебімнің', 'мектептен'].map((word) => stemOf(fold(word))))).toEqual(new Set(['мектеп']));
    expect(new Set(['студент', 'студентпін', 'студентка', 'студенттерге'].map((word) => stemOf(fold(word))))).toEqual(new Set(['студент']));
    expect(new Set(['курс', 'курсы', 'курста', 'курсқа'].map((word) => stemOf(fold(word))))).toEqual(new Set(['курс']));
    expect(new Set(['жатақхана', 'жатақханаға', 'жатақханасы'].map((word) => stemOf(fold(word))))).toEqual(new Set(['жатакхана']));
    expect(new Set(['общага', 'общаги', 'общагу', 'общяга'].map((word) => stemOf(fold(word))))).toEqual(new Set(['общаг']));
  });

  it('keeps a stem of at least three letters', () => {
    expect(stemKazakh('алу')).toBe('алу');
    expect(stemKazakh('керек')).toBe('керек');
  });
});
