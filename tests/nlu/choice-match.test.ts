import { describe, expect, it } from 'vitest';
import { choicesByWords, matchChoice, matchChoiceByWords, saidInPassing } from '../../flows/nlu/choice-match';

const yesNo = [
  { id: 'yes', label: 'Иә, өту' },
  { id: 'no', label: 'Жоқ, осында қалу' },
];
const channels = [
  { id: 'office', label: 'Мектеп кеңсесінде' },
  { id: 'state', label: 'Мемлекеттік корпорацияда (ХҚКО)' },
  { id: 'portal', label: 'egov.kz порталында' },
];
const ticks = [
  { id: 'tick:a', label: '⬜ 1' },
  { id: 'tick:b', label: '✅ 2' },
  { id: 'tick:c', label: '⬜ 3' },
  { id: 'nav:back', label: '← Назад' },
];

describe('a typed answer matched to the offered buttons', () => {
  it.each([
    ['иә', 'yes'],
    ['ия', 'yes'],
    ['да', 'yes'],
    ['жок', 'no'],
    ['нет', 'no'],
    ['ia', 'yes'],
    ['Iá', 'yes'],
    ['joq', 'no'],
  ])('"%s" means the %s button', (text, id) => {
    expect(matchChoice(text, yesNo)).toBe(id);
  });

  it('takes a yes or a no said first and then explained', () => {
    for (const text of ['да он лежачий', 'Да, лежит уже два года', 'иә, ол жүре алмайды', 'ия анам тосекте жатыр', 'конечно, сама не хожу', 'да, он не ходит', 'угу, он лежачий'])
      expect(matchChoice(text, yesNo), text).toBe('yes');
    for (const text of ['нет, он ходит сам', 'жоқ, өзім бара аламын', 'жок, ози журеди']) expect(matchChoice(text, yesNo), text).toBe('no');
  });

  it('takes no agreement said first for an answer explained ("хорошо, он лежачий" agrees to something, it does not answer)', () => {
    for (const text of ['хорошо, он лежачий', 'давайте, мама не ходит']) expect(matchChoice(text, yesNo), text).toBeUndefined();
  });

  it('takes no yes or no that the rest takes back, asks about, or leaves for another matter', () => {
    for (const text of [
      'да не знаю',
      'да, но не всегда',
      'да, а сколько стоит',
      'иә, қанша тұрады?',
      'да он лежачий?',
      'да позовите оператора',
      'да, хочу пожаловаться на цон',
      'хорошо, а где',
      'давайте оператора',
      'да у нас в семье трое детей и все они учатся в школе',
    ])
      expect(matchChoice(text, yesNo), text).toBeUndefined();
  });

  it('takes a thumbs-up or an OK sign for yes, and no other emoji', () => {
    for (const text of ['👍', '👍🏻', '👌', '👍👍']) expect(matchChoice(text, yesNo), text).toBe('yes');
    for (const text of ['🙏', '😡', '🤔']) expect(matchChoice(text, yesNo), text).toBeUndefined();
  });

  it('takes a plain yes for the button marked as the one it means, when no label starts with yes', () => {
    const complaint = [
      { id: 'cp:go', label: 'Подать жалобу', yes: true as const },
      { id: 'cp:menu', label: 'Главное меню' },
    ];
    expect(matchChoice('да', complaint)).toBe('cp:go');
    expect(matchChoice('иә', complaint)).toBe('cp:go');
    // a no means nothing there: no button says no
    expect(matchChoice('нет', complaint)).toBeUndefined();
    // and unmarked, a yes chooses nothing
    expect(matchChoice('да', [{ id: 'cp:go', label: 'Подать жалобу' }, complaint[1]!])).toBeUndefined();
  });

  it('takes a plain no for the button marked as the one it means ("Ничего особенного"), and a yes for none of them', () => {
    const needs = [
      { id: 'none', label: 'Ничего особенного', no: true as const },
      { id: 'wheelchair', label: 'Передвигается на коляске' },
    ];
    expect(matchChoice('нет', needs)).toBe('none');
    expect(matchChoice('жоқ', needs)).toBe('none');
    expect(matchChoice('да', needs)).toBeUndefined();
    expect(matchChoice('нет', [{ id: 'none', label: 'Ничего особенного' }, needs[1]!])).toBeUndefined();
  });

  it('does not take a "нет" for a label whose "не" negates its verb ("Не приняли документы")', () => {
    const happened = [
      { id: 'refused', label: 'Не приняли документы' },
      { id: 'term', label: 'Нарушен срок' },
      { id: 'other', label: 'Другое' },
    ];
    expect(matchChoice('нет', happened)).toBeUndefined();
    expect(matchChoice('жоқ', [{ id: 'refused', label: 'Құжаттарды қабылдамады' }, ...happened.slice(1)])).toBeUndefined();
    expect(matchChoice('нет', [...happened, { id: 'no', label: 'Нет, назад' }])).toBe('no');
  });

  it('takes a label typed without Kazakh letters, in another case and with a typo', () => {
    expect(matchChoice('мектеп кенсесинде', channels)).toBe('office');
    expect(matchChoice('EGOV.KZ порталында', channels)).toBe('portal');
    expect(matchChoice('мемлекеттик корпорацияда хкко', channels)).toBe('state');
  });

  it('takes a position among the buttons, and a checklist number as that item, not the third button', () => {
    expect(matchChoice('2', channels)).toBe('state');
    expect(matchChoice('3', ticks)).toBe('tick:c');
    expect(matchChoice('9', channels)).toBeUndefined();
  });

  it('takes a short answer with a word of the same root as one label', () => {
    const reasons = [
      { id: 'lost', label: 'Жоғалды' },
      { id: 'damaged', label: 'Бүлінді' },
      { id: 'renamed', label: 'Тегім өзгерді' },
    ];
    expect(matchChoice('жоғалып кетті', reasons)).toBeUndefined();
    expect(matchChoiceByWords('жоғалып кетті', reasons)).toBe('lost');
    expect(matchChoiceByWords('аттестат жоғалып кетті сонда ақысы қанша', reasons)).toBeUndefined();
  });

  it('takes a short answer in the words a button is also called by, and the button most of its words name', () => {
    const applicants = [
      { id: 'self', label: 'Сам владелец документа', also: ['сам', 'сама'] },
      { id: 'parent', label: 'Родитель несовершеннолетнего', also: ['мама', 'папа', 'сына'] },
    ];
    expect(matchChoiceByWords('мама', applicants)).toBe('parent');
    expect(matchChoiceByWords('за сына подаю', applicants)).toBe('parent');
    expect(matchChoiceByWords('сама', applicants)).toBe('self');
    // "ЦОН" is a word of the label: "цонға" is it inflected
    expect(matchChoiceByWords('цонға барам', [...channels, { id: 'center', label: 'В Госкорпорации (ЦОН)' }])).toBe('center');
    const reasons = [
      { id: 'lost', label: 'Документ утерян', also: ['потерял'] },
      { id: 'damaged', label: 'Документ испорчен', also: ['порвал'] },
    ];
    expect(matchChoiceByWords('документ испорчен', reasons)).toBe('damaged');
    // both buttons say "документ": a word they share chooses neither
    expect(matchChoiceByWords('документ', reasons)).toBeUndefined();
  });

  it('does not take a word said with a negation', () => {
    const reasons = [
      { id: 'lost', label: 'Документ утерян', also: ['потерял', 'жоғал'] },
      { id: 'damaged', label: 'Документ испорчен', also: ['порвал', 'жыртыл'] },
    ];
    expect(matchChoiceByWords('не терял, просто испорчен', reasons)).toBe('damaged');
    expect(matchChoiceByWords('не потерял а порвал', reasons)).toBe('damaged');
    expect(matchChoiceByWords('жоғалған жоқ, жыртылып қалды', reasons)).toBe('damaged');
    expect(matchChoiceByWords('жоғалған емес', reasons)).toBeUndefined();
  });

  it('takes a word said with a negation for a button that says it with one ("не согласна" for "Не согласен с результатом")', () => {
    const against = [
      { id: 'provider', label: 'Школа, колледж или вуз' },
      { id: 'result', label: 'Не согласен с результатом', also: ['решение'] },
    ];
    expect(matchChoiceByWords('не согласна', against)).toBe('result');
    expect(matchChoiceByWords('не согласна с решением', against)).toBe('result');
    // said without the negation, the button's negated word is not said
    expect(matchChoiceByWords('согласна', against)).toBeUndefined();
    const categories = [
      { id: 'refused', label: 'Не приняли документы' },
      { id: 'term', label: 'Нарушен срок' },
    ];
    expect(matchChoiceByWords('не приняли', categories)).toBe('refused');
  });

  it('does not count a question word as a word of the button ("какое" is not the "какой" of "в какой срок")', () => {
    const details = [
      { id: 'details', label: 'Где, в какой срок, сколько стоит' },
      { id: 'list', label: 'Перечень документов' },
    ];
    expect(matchChoiceByWords('расписание какое у них', details)).toBeUndefined();
    expect(matchChoiceByWords('а стоит сколько', details)).toBe('details');
  });

  it('does not count "пожалуйста" or a verb said of anything ("подать", "беру") as a word of a button', () => {
    const go = [
      { id: 'go', label: 'Подать жалобу', also: ['пожаловаться'] },
      { id: 'menu', label: 'Главное меню' },
    ];
    expect(matchChoiceByWords('позовите оператора пожалуйста', go)).toBeUndefined();
    expect(matchChoiceByWords('хочу пожаловаться', go)).toBe('go');
    // "подать" and "беру" say what is done with anything: "как подать?" is not "Подать жалобу", "жалобу" is.
    expect(matchChoiceByWords('как подать?', go)).toBeUndefined();
    expect(matchChoiceByWords('подать жалобу', go)).toBe('go');
    expect(
      matchChoiceByWords('өтініш беру', [
        { id: 'go', label: 'Шағым беру' },
        { id: 'menu', label: 'Басты мәзір' },
      ]),
    ).toBeUndefined();
  });

  it('leaves the tick marks and arrows out of the label', () => {
    expect(matchChoice('назад', ticks)).toBe('nav:back');
  });

  it('names every button a word fits equally, and only the one that more words fit', () => {
    const duplicates = [
      { id: 'school', label: 'Дубликат школьного аттестата' },
      { id: 'college', label: 'Дубликат диплома колледжа' },
      { id: 'university', label: 'Дубликат диплома вуза' },
      { id: 'leave', label: 'Академический отпуск' },
    ];
    expect(choicesByWords('дубликат', duplicates)).toEqual(['school', 'college', 'university']);
    expect(choicesByWords('дубликат диплома', duplicates)).toEqual(['college', 'university']);
    expect(choicesByWords('дубликат диплома колледжа', duplicates)).toEqual(['college']);
    expect(choicesByWords('общежитие', duplicates)).toEqual([]);
    expect(matchChoiceByWords('дубликат', duplicates)).toBeUndefined();
  });

  it('chooses nothing for text that is not an answer, or that fits two buttons as well', () => {
    expect(matchChoice('сколько стоит?', channels)).toBeUndefined();
    expect(matchChoice('Айгерим', yesNo)).toBeUndefined();
    expect(
      matchChoice('ab', [
        { id: 'a', label: 'ac' },
        { id: 'b', label: 'ad' },
      ]),
    ).toBeUndefined();
  });
});

describe('an answer said in passing in a longer message', () => {
  const reasons = [
    { id: 'illness', label: 'Болезнь (6–12 месяцев)', also: ['болезнь', 'заболел', 'ауырып'] },
    { id: 'military', label: 'Призыв на воинскую службу', also: ['армия', 'повестка', 'әскер'] },
  ];
  const certificate = [
    { id: 'yes', label: 'Да, есть', also: ['сдавал ент', 'сдала ент', 'сертификат бар'] },
    { id: 'no', label: 'Нет', also: ['не сдавал', 'сертификат жоқ'] },
  ];
  const leave = ['Академический отпуск'];

  it('finds the button whose words the message says beside the service it names', () => {
    expect(saidInPassing('академ отпуск по болезни, что нужно?', reasons, leave)).toBe('illness');
    expect(saidInPassing('пришла повестка в армию, как взять академический отпуск', reasons, leave)).toBe('military');
    expect(saidInPassing('ЕНТ сдал плохо, хочу в колледж', certificate, [])).toBe('yes');
    expect(saidInPassing('ент не сдавал, поступаю в колледж', certificate, [])).toBe('no');
  });

  it('needs every word of a phrase, said as it is said there: "сдавать документы" is no "не сдавал"', () => {
    expect(saidInPassing('после 9 класса куда сдавать документы', certificate, [])).toBeUndefined();
    expect(saidInPassing('сертификат керек пе', certificate, [])).toBeUndefined();
  });

  it('reads no label, no word the service names, no negated word, and no short word as the start of a longer one', () => {
    expect(saidInPassing('нужна болезнь', [{ id: 'a', label: 'Болезнь' }], [])).toBeUndefined();
    expect(saidInPassing('отпуск по болезни', reasons, ['Отпуск по болезни'])).toBeUndefined();
    expect(saidInPassing('я не заболел, просто хочу академ', reasons, leave)).toBeUndefined();
    expect(saidInPassing('аспирантура', [{ id: 'help', label: 'АСП', also: ['асп'] }], [])).toBeUndefined();
    expect(saidInPassing('асп аламыз', [{ id: 'help', label: 'АСП', also: ['асп'] }], [])).toBe('help');
    expect(saidInPassing('ауыл шаруашылығы институты', [{ id: 'name', label: 'Тегім өзгерді', also: ['ауыстырдым'] }], [])).toBeUndefined();
  });

  it('says nothing when the message says two buttons', () => {
    expect(saidInPassing('заболел, а ещё пришла повестка', reasons, leave)).toBeUndefined();
  });
});
