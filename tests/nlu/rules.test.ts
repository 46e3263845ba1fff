import { describe, expect, it } from 'vitest';
import { fold, parse, wonders } from '../../flows/nlu';
import {
  ASKS_WHAT_NOW,
  ASKS_WHO_MAY,
  complaintAgainstCue,
  courtesyOf,
  levelNamedIn,
  SAYS_GOODBYE,
  saysGoodbye,
  INTENT_GATES,
  languageNamed,
  tellsOfSchoolPupil,
  WHOLE_LIST,
  withoutFiller,
} from '../../flows/nlu/rules';

describe('the rules that need no classifier', () => {
  it.each(['давай казахша', 'kazakhsha', 'по-русски', 'орыс тілінде', 'Qazaqsha'])('lets the classifier ask for a language in "%s"', (text) => {
    expect(INTENT_GATES.language!.test(fold(text))).toBe(true);
    expect(parse(text, 'ru').intent).toBe('language');
  });

  it.each([
    ['салют', 'greeting'],
    ['ассалам', 'greeting'],
    ['Ассаляму алейкум!', 'greeting'],
    ['армысыздар', 'greeting'],
    ['thank you', 'thanks'],
    ['мерси', 'thanks'],
    ['сауболыңыз', 'thanks'],
    ['ракмет!!', 'thanks'],
  ] as const)('knows "%s" typed alone for %s', (text, intent) => {
    expect(courtesyOf(fold(text))).toBe(intent);
    expect(parse(text, 'ru').intent).toBe(intent);
  });

  it('knows a question of who may get a service, in Russian, Kazakh with and without its letters, and Latin; not one of how or where', () => {
    const asks = [
      'Кто может получить?',
      'кому положено общежитие',
      'а мне положено?',
      'сыну тоже положено?',
      'Положено ли бесплатное питание?',
      'имею ли я право',
      'есть ли у нас право на питание',
      'подходим ли мы',
      'кімге беріледі?',
      'kimge beriledi',
      'кімдер ала алады',
      'құқығым бар ма',
      'кукыгы бар ма',
      'маған тиесілі ме',
      'балама да бере ме',
      'можно ли восстановиться в универ после отчисления',
      'могу ли я перевестись в другой колледж',
      'колледжге түсуге бола ма',
      'академиялық демалыс алуға бола ма',
    ];
    const other = [
      'можно ли получить через цон',
      'можно ли получить дубликат без паспорта',
      'когда можно ли получить',
      'егов арқылы алуға бола ма',
      'анықтамасыз алуға бола ма',
      'могу ли я получить через егов?',
      'кому подавать заявление?',
      'где получить справку',
      'положил документы в папку',
      'кім жауап береді?',
      'право подать жалобу',
    ];
    for (const text of asks) expect(ASKS_WHO_MAY.test(fold(text)), text).toBe(true);
    for (const text of other) expect(ASKS_WHO_MAY.test(fold(text)), text).toBe(false);
  });

  it('knows a text that wonders; in Russian "не" negates and a word in "-ми" is no Kazakh particle, in Kazakh "не" asks what', () => {
    const wondering = ['а если не примут?', 'можно через цон', 'қабылдай ма', 'не істеймін енді', 'не истеу керек', 'не болды', 'ne isteimin', 'аламба', 'или лучше в колледж'];
    const telling = [
      'директор колледжа не подписывает заявление',
      'никто ничего не объясняет, просто молчат',
      'в колледже не выдают дубликат уже месяц',
      'проблемы с документами',
      'мама не может ходить',
    ];
    for (const text of wondering) expect(wonders(text), text).toBe(true);
    for (const text of telling) expect(wonders(text), text).toBe(false);
  });

  it('knows a goodbye said alone or after thanks, and not "пока" that goes on', () => {
    for (const text of [
      'До свидания!',
      'пока',
      'Спасибо, до свидания',
      'всего доброго',
      'сау болыңыз',
      'Сау болыңыздар!',
      'көріскенше',
      'қош болыңыз',
      'Ладно, пока',
      'Понятно, спасибо большое, до свидания!',
      'Жарайды, рахмет, сау болыңыз',
      'ок пока',
    ])
      expect(SAYS_GOODBYE.test(fold(text)), text).toBe(true);
    for (const text of ['пока нет', 'пока не получил ответ', 'до свидания с колледжем дело не дошло', 'спасибо', 'ладно', 'ну пока не знаю']) expect(SAYS_GOODBYE.test(fold(text)), text).toBe(false);
  });

  it('reads the language a text asks for by name, and none when it names both or neither', () => {
    expect(languageNamed(fold('на казахском можно?'))).toBe('kk');
    expect(languageNamed(fold('Qazaqsha'))).toBe('kk');
    expect(languageNamed(fold('орысша жазыңызшы'))).toBe('ru');
    expect(languageNamed(fold('сменить язык'))).toBeUndefined();
    expect(languageNamed(fold('казахский или русский'))).toBeUndefined();
  });

  it('reads a school pupil told of, and not one who studies past school now', () => {
    for (const text of ['он в 3 классе', 'ученица 5-го класса', 'қызым 3-сыныпта оқиды', 'мектепте балама тегін тамақ керек', 'школьник']) expect(tellsOfSchoolPupil(text), text).toBe(true);
    for (const text of ['9 класс закончил, сейчас в колледже', '11 сыныпты бітірдім, университетте оқимын', 'студент 2 курса', 'бесплатное питание'])
      expect(tellsOfSchoolPupil(text), text).toBe(false);
  });

  it('reads leaving said in a few words that ask nothing: a goodbye at the end, or "I will write later"', () => {
    for (const text of [
      'хорошо, я потом напишу, до свидания',
      'понятно, пойду в колледж тогда. до свидания',
      'жарайды, кейін жазамын',
      'ертең хабарласамын',
      'ок, завтра найду номер и напишу',
      'до свидания',
    ])
      expect(saysGoodbye(fold(text)), text).toBe(true);
    for (const text of [
      'а потом напишу, можно?',
      'когда потом напишу, ответят?',
      'буду жаловаться на колледж, до свидания',
      'позовите оператора, потом напишу',
      'номер пока не пришёл',
      'диплом не выдали уже месяц, завтра снова пойду в колледж и всё равно ничего не дадут, до свидания',
      'потом',
    ])
      expect(saysGoodbye(fold(text)), text).toBe(false);
  });

  it('knows "what do I write or do now?" asked alone, and not a question of what to write somewhere else', () => {
    for (const text of [
      'а что писать?',
      'Что тут написать',
      'что мне отвечать?',
      'как указать?',
      'не жазу керек?',
      'Мұнда не жазамын?',
      'қалай жазу керек',
      'не деп жазайын',
      'что дальше',
      'галочки поставил, что теперь',
      'а дальше?',
      'Енді не істеймін?',
      'ары қарай не істеу керек',
    ])
      expect(ASKS_WHAT_NOW.test(fold(text)), text).toBe(true);
    for (const text of ['что писать в заявлении?', 'что написать в жалобе', 'арызға не жазу керек?', 'что', 'писать', 'что дальше делать с дипломом', 'а дальше заявление куда нести?'])
      expect(ASKS_WHAT_NOW.test(fold(text)), text).toBe(false);
  });

  it('takes no longer message for a courtesy by its first word', () => {
    for (const text of ['салют на новый год будет?', 'мерси боку, а где взять справку']) expect(courtesyOf(fold(text)), text).toBeUndefined();
  });

  it('takes a message that opens with a greeting or thanks for one when nothing else in it names a matter', () => {
    for (const text of ['Доброе утро из Кокшетау 🌞', 'добрый день, я с Жезказгана', 'Salemetsizder me, agaiyndar', 'салем достар мен Жаркенттен', 'Добрый вечер, я насчёт документов'])
      expect(parse(text, 'ru').intent, text).toBe('greeting');
    expect(parse('рахмет, жеңгетай, Жаркенттен', 'kk').intent).toBe('thanks');
    expect(courtesyOf(fold('салют на новый год будет?'), { opening: true })).toBeUndefined();
  });

  it('sets a plea for help aside like a polite opening: what follows it is asked, and alone it greets', () => {
    expect(withoutFiller(fold('Помогите пожалуйста, потерял аттестат'))).toBe('потерял аттестат');
    expect(withoutFiller(fold('Сәлеметсіз бе, көмек керек еді, жатақхана туралы'))).toBe('жатакхана туралы');
    expect(parse('помогите, потерял аттестат', 'ru')).toMatchObject({ intent: 'checklist', serviceId: 'duplicate-school' });
    for (const text of ['здравствуйте, мне нужна помощь', 'Сәлеметсіздер ме, ағай', 'Сәлеметсіздер ме, көмек керек еді']) expect(parse(text, 'ru').intent, text).toBe('greeting');
  });

  it.each([
    'дубликат будет на таком же бланке?',
    'кто теперь выдаёт, если колледж закрыли',
    'по праздникам принимаете?',
    'тек жеке куәлікпен бола ма',
    'в середине семестра можно?',
    'skolko stoit perevod',
    'госуслуги дубликат аттестата',
  ])('lets the classifier take "%s" for a question', (text) => {
    expect(INTENT_GATES.question!.test(fold(text))).toBe(true);
  });

  it('takes "what do I bring" for the whole list', () => {
    expect(WHOLE_LIST.test(fold('ХҚКО-ға жатақхана үшін не апарамын'))).toBe(true);
    expect(parse('ХҚКО-ға жатақхана үшін не апарамын', 'kk')).toMatchObject({ intent: 'checklist' });
  });
});

describe('levelNamedIn', () => {
  it.each([
    ['на директора колледжа', 'college'],
    ['техникумда', 'college'],
    ['директор школы', 'school'],
    ['мектеп директорына', 'school'],
    ['завуч', 'school'],
    ['ректорға шағым', 'university'],
    ['деканат не отвечает', 'university'],
    ['в вузе', 'university'],
    ['ЖОО-да', 'university'],
  ])('reads %j as a place of study of one level', (text, level) => {
    expect(levelNamedIn(fold(text))).toBe(level);
  });

  it.each(['на директора', 'колледж при университете', 'в ЦОНе'])('names no one level in %j', (text) => {
    expect(levelNamedIn(fold(text))).toBeUndefined();
  });

  it('takes the staff of a place of study for whom a complaint is against', () => {
    for (const text of ['на ректора', 'декан', 'учитель', 'мұғалім']) expect(complaintAgainstCue(fold(text)), text).toBe('provider');
  });
});
