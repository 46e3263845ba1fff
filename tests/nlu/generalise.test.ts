import { describe, expect, it } from 'vitest';
import { fold, LOW_CONFIDENCE, parse } from '../../flows/nlu';
import { restyle } from '../../flows/nlu/augment';
import { expectCuesApart } from './cue-lexicons';
import { featuresOf, stemOf, wordsOf } from '../../flows/nlu/features';
import { getModel } from '../../flows/nlu/model';
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

  it('a message of nothing but thanks or agreement emoji is thanks; an angry or puzzled one is not', () => {
    for (const text of ['👍', '🙏🙏', '❤️', '🌹🌹🌹', '👍🏽 🙏']) expect(parse(text).intent, text).toBe('thanks');
    for (const text of ['😡', '🤔', '🙂', '??']) expect(parse(text).intent, text).not.toBe('thanks');
  });

  it('a polite opening alone is still a greeting', () => {
    expect(parse('Здравствуйте, подскажите').intent).toBe('greeting');
    expect(withoutFiller('салеметсиз бе')).toBe('салеметсиз бе');
    expect(withoutFiller('здравствуйте, подскажите, сколько стоит')).toBe('сколько стоит');
  });

  it('a word typed in Latin letters is read as the word it was ("tson" is ЦОН, "qūjat" is құжат)', () => {
    expect(parse('tson kashan ashyk', 'ru').intent).toBe('question');
    expect(parse('Ujge kelip qūjat qabyldai ala ma, shesheme túsekten tura almaidy', 'kk').intent).toBe('home_visit');
    // Every known word with "ц" or "щ", typed in either Latin, reads as itself again (unless that spelling is a word of its own).
    const vocabulary = getModel().vocabulary;
    const missed: string[] = [];
    let checked = 0;
    for (const word of vocabulary.words().filter((w) => /[цщ]/.test(w))) {
      for (const style of ['latin_2021', 'latin_chat'] as const) {
        const typed = fold(restyle(word, 'ru', style, () => 0));
        if (typed === word || vocabulary.has(typed)) continue;
        checked += 1;
        if (vocabulary.correct(typed) !== word) missed.push(`${word} → ${typed}`);
      }
    }
    // a few Latin spellings are nearer another known word ("обращаться" typed "obrashchatsya" reads as "обращатся")
    expect(checked).toBeGreaterThan(100);
    expect(missed.length, missed.join(', ')).toBeLessThanOrEqual(checked * 0.02);
  });

  it('two letters typed the wrong way round are one slip', () => {
    expect(slips('аышк', 'ашык')).toBe(1);
    expect(slips('аттестат', 'аттестат')).toBe(0);
    expect(slips('оператор', 'апираторр')).toBe(3);
    expect(parse('сенбиде аышк па', 'kk', { context: 'journey' }).intent).toBe('question');
  });

  // Wordings made up for these tests: none of them is in a phrase file or the labelled messages.
  it.each([
    ['Мама после инсульта, из квартиры не выходит. Пусть кто-то из ЦОНа к ней приедет', 'ru'],
    ['Отец еле передвигается, до ЦОНа не доберется, есть ли выезд специалиста?', 'ru'],
    ['бабуле 92 года, может сотрудник прийти к нам?', 'ru'],
    ['сын на коляске, сами не доедем', 'ru'],
    ['Анам 85 жаста, ХҚКО-ға бара алмайды, біреу келіп кете ала ма', 'kk'],
    ['әкем төсек тартып жатыр, қызметкер үйге келсе', 'kk'],
    ['ujge kelip qujat alyp ketiñizder, men jure almaimyn', 'kk'],
    ['мүгедекпін, үйден шыға алмаймын, көмектесіңіз', 'kk'],
  ] as const)('a home visit in new words: %s', (text, lang) => {
    expect(parse(text, lang).intent).toBe('home_visit');
  });

  it.each([
    ['перезвоните мне, пожалуйста, на этот номер', 'ru'],
    ['хочу поговорить с живым сотрудником, бот не понимает', 'ru'],
    ['дайте номер 1414, хочу позвонить', 'ru'],
    ['свяжите меня со специалистом', 'ru'],
    ['консультант онлайн есть?', 'ru'],
    ['маманмен тікелей сөйлесуге бола ма', 'kk'],
    ['тірі адам жауап берсінші', 'kk'],
    ['маған қоңырау шалыңызшы', 'kk'],
  ] as const)('a person asked for in new words: %s', (text, lang) => {
    expect(parse(text, lang).intent).toBe('operator');
  });

  it.each([
    ['оператор в ЦОНе нагрубил мне', 'ru'],
    ['В колледже требуют деньги за справку, это вымогательство', 'ru'],
    ['претензия к университету: дубликат не выдают третий месяц', 'ru'],
    ['в ЦОНе ужасное отношение, проигнорировали', 'ru'],
    ['мектеп директоры ақша талап етті', 'kk'],
    ['ХҚКО қызметкері менсінбей сөйледі', 'kk'],
    ['университет заңсыз бас тартты', 'kk'],
  ] as const)('a complaint in new words: %s', (text, lang) => {
    expect(parse(text, lang).intent).toBe('complaint');
  });

  it.each([
    ['Не могу прийти в ЦОН, можно подать онлайн через егов?', 'question'],
    ['бесплатное питание ребёнку-инвалиду в школе', 'checklist'],
    ['потеряла диплом специалиста', 'checklist'],
    ['когда придет ответ по заявлению', 'status'],
  ])('the cues stay out of other requests: %s', (text, intent) => {
    expect(parse(text, 'ru', { context: 'first' }).intent).toBe(intent);
  });

  it('a cue is found in a mistyped word too, once the word is corrected or in the form a dropped letter leaves ("алмйды", a word the phrases now hold)', () => {
    expect(parse('мне срочно нужен опреатор, бот не отвечает по делу', 'ru').intent).toBe('operator');
    for (const text of ['балам жүре алмйды', 'әкем тсекте жатыр', 'шешем козгала алмйды, көмек керек', 'мама лежчая']) expect(parse(text).intent, text).toBe('home_visit');
  });

  it('each cue lexicon finds its intent in those words alone, and stays out of the others', () => {
    const homeVisits = [
      'Мама после инсульта, из квартиры не выходит. Пусть кто-то из ЦОНа к ней приедет',
      'сын на коляске, сами не доедем',
      'Анам 85 жаста, ХҚКО-ға бара алмайды, біреу келіп кете ала ма',
      'әкем төсек тартып жатыр, қызметкер үйге келсе',
      'ujge kelip qujat alyp ketiñizder, men jure almaimyn',
      'бабуле 92 года, может сотрудник прийти к нам?',
    ];
    const persons = [
      'маман керек',
      'маман',
      'живой маман бар ма',
      'перезвоните мне, пожалуйста, на этот номер',
      'хочу поговорить с живым сотрудником',
      'дайте номер 1414',
      'свяжите меня со специалистом',
      'маманмен тікелей сөйлесуге бола ма',
      'тірі адам жауап берсінші',
      'маған қоңырау шалыңызшы',
    ];
    const complaints = [
      'это вымогательство',
      'претензия к университету',
      'проигнорировали мою заявку',
      'мектеп директоры ақша талап етті',
      'қызметкер менсінбей сөйледі',
      'университет заңсыз бас тартты',
    ];
    const neither = [
      'Не могу прийти в ЦОН, можно подать онлайн через егов?',
      'бесплатное питание ребёнку-инвалиду в школе',
      'потеряла диплом специалиста',
      'маман иесі болу үшін қандай құжат керек',
      'адам саны',
      'когда придет ответ по заявлению',
      'үйге жақын ХҚКО қайда',
      'сколько стоит дубликат аттестата',
      'номер заявления SC-2026-14145',
    ];
    expectCuesApart({ homeVisits, persons, complaints, neither });
  });
  // Wordings made up for these tests, like the ones above.
  it('two words typed without a space between them are read as two, and three as three', () => {
    expect(getModel().vocabulary.split('общежитиенужно')).toEqual(['общежитие', 'нужно']);
    expect(parse('общежитиенужно', 'ru')).toMatchObject({ intent: 'checklist', serviceId: 'dormitory' });
    expect(parse('академкакоформить', 'ru')).toMatchObject({ intent: 'checklist', serviceId: 'academic-leave' });
    expect(parse('жауапдайынба', 'kk').intent).toBe('status');
    // a word the phrases know is never cut, though its ends are words too ("аттестаттын": "аттестат" + "тын")
    const vocabulary = getModel().vocabulary;
    const cuttable = vocabulary.words().find((word) => vocabulary.split(word));
    expect(cuttable).toBeDefined();
    expect(wordsOf([cuttable!], vocabulary).map((w) => w.word)).toEqual([cuttable]);
  });

  it('in a journey one word of a service is a document its checklist asks for; two words name the service', () => {
    expect(parse('свидетельство о браке нести?', 'ru', { context: 'journey' })).toMatchObject({ intent: 'question', serviceId: null });
    expect(parse('а дубликат аттестата за сколько дней делают?', 'ru', { context: 'journey' })).toMatchObject({ intent: 'question', serviceId: 'duplicate-school' });
  });

  it.each([
    ['и общежитие тоже нужно оформить', 'ru'],
    ['жатақхана да керек бізге', 'kk'],
  ] as const)('in a journey, another service asked for "too" is a request for it: %s', (text, lang) => {
    expect(parse(text, lang, { context: 'journey' })).toMatchObject({ intent: 'checklist', serviceId: 'dormitory' });
  });

  it('a complaint about a duplicate is about the duplicate, and about which one only when the words tell', () => {
    expect(parse('в дубликате аттестата ошиблись в дате рождения, хочу пожаловаться', 'ru')).toMatchObject({ intent: 'complaint', serviceId: 'duplicate-school' });
    expect(parse('в дубликате перепутали дату, жалоба', 'ru')).toMatchObject({ intent: 'complaint', serviceId: null });
    expect(parse('телнұсқада әкемнің аты қате, шағым', 'kk')).toMatchObject({ intent: 'complaint', serviceId: null });
    // the mistake tells what went wrong, not which duplicate: any of the three, for the bot to ask
    expect(parse('телнұсқада мамандығым қате жазылған, шағым', 'kk')).toMatchObject({ intent: 'complaint', serviceId: null, ambiguous: ['duplicate-school', 'duplicate-tvet', 'duplicate-higher'] });
    // 0.8 among the three is sure enough ("ЖОО" and "туған жылым" tell the university's at about 0.8–0.9).
    expect(parse('ЖОО берген телнұсқада туған жылым қате, шағым беремін', 'kk')).toMatchObject({ intent: 'complaint', serviceId: 'duplicate-higher' });
  });

  it('in a journey, a request for another service that ends like a question is a request ("… там что"): a question there is twice as likely as the phrases say, not three times', () => {
    expect(parse('а если потом в техникум поступать, там что', 'ru', { context: 'journey' })).toMatchObject({ intent: 'checklist', serviceId: 'tvet-admission' });
  });

  it('in a journey, asking what another service takes ("что для этого") is a request for its list', () => {
    expect(parse('а академку потом можно взять? что для этого', 'ru', { context: 'journey' })).toMatchObject({ intent: 'checklist', serviceId: 'academic-leave' });
  });

  it('a pair of words side by side weighs half as much again as a word', () => {
    const { intent } = featuresOf(wordsOf(['для', 'этого']), () => false);
    expect(intent.get(`p:${stemOf('для')}_${stemOf('этого')}`)).toBe(1.5 * intent.get(`s:${stemOf('этого')}`)!);
  });

  it('a complaint about a college names the service its other words tell surely', () => {
    expect(parse('приёмная комиссия колледжа не взяла документы без причины', 'ru')).toMatchObject({ intent: 'complaint', serviceId: 'tvet-admission' });
    expect(parse('в приёмной комиссии колледжа нахамили маме', 'ru')).toMatchObject({ intent: 'complaint', serviceId: 'tvet-admission' });
    // 0.9 is sure enough ("приёмка" tells admission at about that).
    expect(parse('приёмка колледжа документы не взяла без причины, жалоба', 'ru')).toMatchObject({ intent: 'complaint', serviceId: 'tvet-admission' });
    // …but a college that did not take a citizen, with nothing of admission said, may be a transfer or a reinstatement: no service.
    expect(parse('колледж мені қабылдамай қойды, шағым жазамын', 'kk')).toMatchObject({ intent: 'complaint', serviceId: null });
    // A school is a place too: a complaint about it is about its one service only when the words say so.
    expect(parse('хочу пожаловаться на школу', 'ru')).toMatchObject({ intent: 'complaint', serviceId: null });
    expect(parse('жалоба: школа второй месяц не выдаёт дубликат аттестата', 'ru')).toMatchObject({ intent: 'complaint', serviceId: 'duplicate-school' });
  });

  it('a diploma is the college or the university one when a word tells which, and either when none does', () => {
    expect(parse('диплом коледжа потеряла', 'ru')).toMatchObject({ intent: 'checklist', serviceId: 'duplicate-tvet' });
    expect(parse('диплом потеряла', 'ru')).toMatchObject({ intent: 'checklist', serviceId: null, ambiguous: ['duplicate-tvet', 'duplicate-higher'] });
    // A university's abbreviation tells it too, though the phrases hold neither of these.
    expect(parse('ТарМУ дипломымды жоғалттым', 'kk')).toMatchObject({ intent: 'checklist', serviceId: 'duplicate-higher' });
    expect(parse('ЖезУ бітіргенмін, дипломым жоқ', 'kk')).toMatchObject({ intent: 'checklist', serviceId: 'duplicate-higher' });
    // …and so do the places of study named in slang or in part ("шарага" a college, "юрфак" a university's faculty).
    expect(parse('шарагадан алған дипломым жоғалды', 'kk')).toMatchObject({ intent: 'checklist', serviceId: 'duplicate-tvet' });
    expect(parse('юрфак бітіргенмін, дипломым жыртылды', 'kk')).toMatchObject({ intent: 'checklist', serviceId: 'duplicate-higher' });
  });

  it('a word only some of a group names hold does not name the whole group, though a phrase of the group says it beside another ("аттестат пен диплом")', () => {
    for (const text of ['дипломымнан айырылдым', 'дипломым табылмай жатыр'])
      expect(parse(text, 'kk'), text).toMatchObject({ intent: 'checklist', serviceId: null, ambiguous: ['duplicate-tvet', 'duplicate-higher'] });
    expect(parse('немеремнің аттестаты жыртылды', 'kk')).toMatchObject({ intent: 'checklist', serviceId: 'duplicate-school' });
    // "что" and "при" are in a service's names ("справка что учился") and often in its phrases: they name none.
    for (const text of ['утеряла диплом при переезде, что теперь делать', 'диплом пропал, что делать'])
      expect(parse(text, 'ru'), text).toMatchObject({ intent: 'checklist', serviceId: null, ambiguous: ['duplicate-tvet', 'duplicate-higher'] });
    expect(parse('телнұсқасын алайық', 'kk')).toMatchObject({ intent: 'checklist', serviceId: null, ambiguous: ['duplicate-school', 'duplicate-tvet', 'duplicate-higher'] });
  });

  it('a diploma to be got back ("восстановить") is a duplicate of either level, and "білім туралы құжат" one of any of the three; getting oneself back is reinstatement', () => {
    for (const text of ['диплом надо бы восстановить, подскажите порядок', 'диплом восстановить бы, с чего начинать'])
      expect(parse(text, 'ru'), text).toMatchObject({ intent: 'checklist', serviceId: null, ambiguous: ['duplicate-tvet', 'duplicate-higher'] });
    for (const text of ['білім туралы құжаттарым өзенге ағып кетті', 'білім туралы құжатымды ит жыртып тастады'])
      expect(parse(text, 'kk'), text).toMatchObject({ intent: 'checklist', serviceId: null, ambiguous: ['duplicate-school', 'duplicate-tvet', 'duplicate-higher'] });
    expect(parse('хочу восстановиться на учёбу после армии', 'ru')).toMatchObject({ intent: 'checklist', serviceId: 'transfer-reinstatement' });
  });

  it('a first message about another matter is off-topic though it says "аттестат" or "справка", and one about ours is not', () => {
    for (const text of ['апостиль на аттестат сына для учёбы в Чехии где ставят', 'военный билет утерян, как восстановить', 'как получить справку с места учёбы для военкомата'])
      expect(parse(text, 'ru'), text).toMatchObject({ intent: 'unknown', serviceId: null });
    expect(parse('аттестат сына жоғалды', 'kk')).toMatchObject({ intent: 'checklist', serviceId: 'duplicate-school' });
  });

  it('another state service or an everyday matter is off-topic as a first message, and a question in a journey', () => {
    expect(parse('где заплатить штраф ГАИ', 'ru').intent).toBe('unknown');
    expect(parse('балабақшаға кезек қалай аламын', 'kk').intent).toBe('unknown');
    expect(parse('а без прописки примут?', 'ru', { context: 'journey' }).intent).toBe('question');
  });

  it('"is anyone alive here?" asks for a person; "is anyone here?" does not', () => {
    expectCuesApart({
      homeVisits: [],
      persons: ['кто-то живой тут отвечает вообще?', 'есть ли кто живой на линии'],
      complaints: [],
      neither: ['добрый вечер, есть ли кто на месте', 'живой уголок в школе'],
    });
  });

  it('the cues learned from the new messages keep apart', () => {
    expectCuesApart({
      homeVisits: ['нужен сотрудник на дом, сама лежу после операции', 'надом'],
      persons: [],
      complaints: ['колледж не отдаёт оригинал аттестата', 'дубликат выдали с ошибкой в фамилии', 'отказали без объяснения причин', 'директор ақша сұрады'],
      neither: ['оператор ЦОНа сказал принести справку', 'в дубликате будет написано «дубликат»?', 'какие основания для отказа'],
    });
  });
  it.each([
    ['восстановление диплома университета платное или нет?', 'duplicate-higher', 'fee'],
    ['до какого числа принимают документы на общежитие', 'dormitory', 'term'],
    ['академиялық демалысқа өтінішті қайда тапсырамын', 'academic-leave', 'channels'],
  ] as const)('a first message asking one point of a service is a question on it: %s', (text, serviceId, topic) => {
    expect(parse(text, 'ru')).toMatchObject({ intent: 'question', serviceId, topic });
  });

  it('a home visit or a complaint is about a service only when the service is said', () => {
    expect(parse('әкем қарт, ауданға бара алмайды, үйге келіп кетіңізші', 'kk')).toMatchObject({ intent: 'home_visit', serviceId: null });
    expect(parse('мама лежачая, нужен выезд на дом для дубликата аттестата', 'ru')).toMatchObject({ intent: 'home_visit', serviceId: 'duplicate-school' });
    expect(parse('в ЦОНе нагрубили и не объяснили ничего', 'ru')).toMatchObject({ intent: 'complaint', serviceId: null });
    // a place of study said with what is to be done there tells the service
    expect(parse('балам арбада, колледжге құжатты тапсыруға үйге қызметкер келе ала ма', 'kk')).toMatchObject({ intent: 'home_visit', serviceId: 'tvet-admission' });
    expect(parse('внук инвалид, документы в колледж сдать не может, пусть приедут на дом', 'ru')).toMatchObject({ intent: 'home_visit', serviceId: 'tvet-admission' });
  });

  it("a status question typed in a journey is about the service it names in one word, not the journey's", () => {
    expect(parse('по общежитию ответ есть уже?', 'ru', { context: 'journey' })).toMatchObject({ intent: 'status', serviceId: 'dormitory' });
    expect(parse('жатақхана жөнінде шешім болды ма', 'kk', { context: 'journey' })).toMatchObject({ intent: 'status', serviceId: 'dormitory' });
    expect(parse('академка как там, одобрили?', 'ru', { context: 'journey' })).toMatchObject({ intent: 'status', serviceId: 'academic-leave' });
  });

  it("an answer telling the citizen's case, typed in a journey with no word of a service, is about the journey's list; a request there keeps the service its words tell", () => {
    expect(parse('баламның атынан беремін, ол әлі кәмелетке толмаған', 'kk', { context: 'journey' })).toMatchObject({ intent: 'checklist', serviceId: null });
    expect(parse('по здоровью, операция на сердце', 'ru', { context: 'journey' })).toMatchObject({ intent: 'checklist', serviceId: null });
    expect(parse('мне теперь восстановиться надо, как это сделать', 'ru', { context: 'journey' })).toMatchObject({ intent: 'checklist', serviceId: 'transfer-reinstatement' });
  });

  it.each([
    ['на втором курсе, заочное отделение', 'ru'],
    ['екінші курста, күндізгі бөлімде', 'kk'],
    ['отбасымыз аз қамтылған, жәрдемақы аламыз', 'kk'],
    ['нет, не сирота, просто многодетные', 'ru'],
    ['1998 де колледжді бітіргем', 'kk'],
    // nothing but places or levels of study: which one, not a message the bot cannot read
    ['вузовский, бакалавриат', 'ru'],
    ['техникумдікі', 'kk'],
  ] as const)("an answer in a journey that names a level or a case but no service by its name is about the journey's list: %s", (text, lang) => {
    expect(parse(text, lang, { context: 'journey' })).toMatchObject({ intent: 'checklist', serviceId: null });
  });

  it.each([
    ['ok endi zhatakhanaga', 'kk', 'dormitory'],
    ['не то, мне перевод в другой колледж', 'ru', 'transfer-reinstatement'],
    ['мне жатахана нужен', 'ru', 'dormitory'],
  ] as const)('…while one that turns to another service ("енді", "не то", "нужен") asks for it: %s', (text, lang, serviceId) => {
    expect(parse(text, lang, { context: 'journey' })).toMatchObject({ intent: 'checklist', serviceId });
  });

  it('in a journey, a document the citizen has is the case for the journey\'s list, though a service\'s name holds its word ("справка"); asked for besides, it is that service', () => {
    expect(parse('справка об инвалидности у нас есть', 'ru', { context: 'journey' })).toMatchObject({ intent: 'checklist', serviceId: null });
    expect(parse('а ещё справку о неоконченном обучении надо', 'ru', { context: 'journey' })).toMatchObject({ intent: 'checklist', serviceId: 'incomplete-education-certificate' });
  });

  it.each([
    ['через портал буду подавать', 'ru'],
    ['через егов сама отправлю', 'ru'],
    ['ХҚКО арқылы өзім тапсырамын', 'kk'],
  ] as const)("in a journey, how the citizen will apply, wondering nothing, answers the step for the journey's list: %s", (text, lang) => {
    expect(parse(text, lang, { context: 'journey' })).toMatchObject({ intent: 'checklist', serviceId: null });
  });

  it('…while asking how stays a question on where to apply', () => {
    expect(parse('через цон можно?', 'ru', { context: 'journey' })).toMatchObject({ intent: 'question', topic: 'channels' });
  });

  it('"а нет, …" in a journey corrects the service', () => {
    expect(parse('а нет, мне общежитие нужно', 'ru', { context: 'journey' })).toMatchObject({ intent: 'checklist', serviceId: 'dormitory' });
  });

  it('an off-topic word does not hide a service named by its name', () => {
    expect(parse('пенсию когда проиндексируют', 'ru').intent).toBe('unknown');
    expect(parse('мы получаем пенсию по потере кормильца, дочь в колледже, положено бесплатное питание?', 'ru')).toMatchObject({ intent: 'checklist', serviceId: 'free-meals' });
  });

  it('waiting in vain and the same mistake again are complaints', () => {
    expectCuesApart({
      homeVisits: [],
      persons: [],
      complaints: ['полтора месяца жду, так и не позвонили', 'в новом дипломе снова ошибка в имени', 'сайт егова второй день не работает'],
      neither: ['муж не работает, справки о доходах нет', 'сколько дней делают дубликат', 'оператор в ЦОНе сказал прийти с паспортом'],
    });
  });
  it('patience run out, nothing solved, a refusal though the citizen is disabled or an orphan: complaints', () => {
    expectCuesApart({
      homeVisits: [],
      persons: [],
      complaints: [
        'шыдамым таусылды, дубликатты әлі бермейді',
        'неге осынша кешіктіреді, бір ай болды',
        'мәселе ештеңе шешілмей жатыр',
        'вы уже достали, сделайте хоть что-то',
        'в общежитии отказали, а он сирота',
      ],
      neither: ['сколько ждать дубликат?', 'отказали в академе, а что теперь делать?', 'мы достали старый аттестат из шкафа, он порван', 'неге бас тартуы мүмкін'],
    });
  });

  it('a duplicate or a corrected document that came back in another name or with the wrong details is a complaint; a spoilt original is not', () => {
    expectCuesApart({
      homeVisits: [],
      persons: [],
      complaints: [
        'в дубликате диплома фамилия не та, что в паспорте',
        'дубликат колледж дипломында атым баскаша жазылып келди',
        'телнұсқаны басқа тегіммен беріпті',
        'в исправленном аттестате отчество неправильное',
      ],
      neither: ['аттестат испортился, залили чаем, нужен дубликат', 'не то, мне дубликат аттестата нужен', 'телнұсқаны басқа қалада алуға бола ма'],
    });
    expect(parse('в дубликате диплома фамилия не та, что в паспорте', 'ru')).toMatchObject({ intent: 'complaint' });
  });

  it.each([
    ['сотрудник так и не приехал к отцу, ждали до вечера', 'ru', 'complaint'],
    ['срок уже прошел, а справки всё нет', 'ru', 'complaint'],
    ['позвонила на 1414, а там трубку положили', 'ru', 'complaint'],
    ['порталдың жүйесі екі күн жұмыс істемейді', 'kk', 'complaint'],
    ['не хочу переписываться с ботом', 'ru', 'operator'],
    ['ботпен сөйлескім келмейді', 'kk', 'operator'],
    ['өзім барып өтініш бере алмаймын, қант диабеті', 'kk', 'home_visit'],
  ] as const)('a cue makes the bot sure, even of the intent it guessed anyway: %s', (text, lang, intent) => {
    const parsed = parse(text, lang);
    expect(parsed.intent).toBe(intent);
    expect(parsed.confidence).toBeGreaterThanOrEqual(LOW_CONFIDENCE);
  });

  it('"не X, а Y" in a journey asks for Y', () => {
    expect(parse('нет, мне не академ, а перевод в другой колледж', 'ru', { context: 'journey' })).toMatchObject({ intent: 'checklist', serviceId: 'transfer-reinstatement' });
  });

  it.each([
    ['справку о несудимости как заказать', 'ru'],
    ['телефонымды жоғалттым, нөмірді қалай қайтарамын', 'kk'],
  ] as const)('other everyday matters are off-topic too: %s', (text, lang) => {
    expect(parse(text, lang).intent).toBe('unknown');
  });
  it.each([
    ['через госуслуги тоже можно?', 'ru', 'channels'],
    ['сенбіде де қабылдай ма?', 'kk', 'hours'],
  ] as const)('in a journey, a short question the classifiers can hardly place is a question on the journey: %s', (text, lang, topic) => {
    expect(parse(text, lang, { context: 'journey' })).toMatchObject({ intent: 'question', serviceId: null, topic });
  });

  it('a refusal asked about before it happens is a question on the grounds', () => {
    expect(parse('могут ли не дать общежитие иногородней', 'ru')).toMatchObject({ intent: 'question', serviceId: 'dormitory', topic: 'refusal' });
  });

  it('an application lost, a refusal against what the citizen has, a demand outside the law, being sent back and forth are complaints', () => {
    expectCuesApart({
      homeVisits: [],
      persons: [],
      complaints: [
        'университет өтінішімді жоғалтып алыпты',
        'ЦОН потеряли наше заявление',
        'в колледже отказали в общежитии, хотя у нас справка о многодетности есть',
        'нас отфутболили из колледжа в цон и обратно',
        'талап еткен қағазы заңда ондай жоқ',
      ],
      neither: ['могут ли не дать общежитие иногородней', 'если потеряли документы, что делать', 'дипломымды жоғалтып алдым'],
    });
  });
});
