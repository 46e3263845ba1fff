import { describe, expect, it } from 'vitest';
import { fold, isOperatorWord, LOW_CONFIDENCE, parse } from '../../flows/nlu';

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
    ['Хочу пожаловаться', 'complaint', null, 'ru'],
    ['В ЦОНе мне отказали и нагрубили', 'complaint', null, 'ru'],
    ['Колледж уже два месяца не выдаёт дубликат', 'complaint', 'duplicate-tvet', 'ru'],
    ['ХҚКО қызметкері дөрекі сөйледі', 'complaint', null, 'kk'],
    ['Мектеп телнұсқаны бермей жүр', 'complaint', 'duplicate-school', 'kk'],
    ['asdf qwerty', 'unknown', null, 'ru'],
  ])('%s → %s %s (%s)', (text, intent, serviceId, lang) => {
    expect(parse(text, 'ru')).toMatchObject({ intent, serviceId, lang });
  });

  it('folds Latin look-alikes inside Cyrillic words and Kazakh letters to Russian ones', () => {
    expect(fold('Дiплом ЖОҒАЛДЫ')).toBe('диплом жогалды');
  });

  it('gives unknown text no confidence and a known one enough to act on without asking', () => {
    // A keyboard mash: no word in it is a typo of a known one ("лорем" is one letter from Kazakh "көрем"; "фыва" citizens
    // typed is a labelled off-topic message now, and so known).
    expect(parse('ъхзщ шгнек').confidence).toBe(0);
    expect(parse('потерял аттестат')).toMatchObject({ intent: 'checklist', serviceId: 'duplicate-school' });
    expect(parse('потерял аттестат').confidence).toBeGreaterThanOrEqual(LOW_CONFIDENCE);
  });

  it.each([
    ['diplom zhogaldy', 'kk'],
    ['Attestat joǵaldy, telnusqasy kerek', 'kk'],
    ['poteryal attestat chto delat', 'ru'],
  ])('understands Latin-script %s', (text, lang) => {
    expect(parse(text, 'ru')).toMatchObject({ intent: 'checklist', lang });
  });

  it('takes "which documents" without a service for a question about the service being discussed, and with one for its checklist', () => {
    expect(parse('kandai kuzhat kerek')).toMatchObject({ intent: 'question', topic: 'documents', serviceId: null, lang: 'kk' });
    expect(parse('какие документы нужны для общежития')).toMatchObject({ intent: 'checklist', serviceId: 'dormitory' });
  });

  it('takes a question typed in a journey for one about the journey’s service, unless it names another outright', () => {
    const text = 'справка жоқ болса что делать';
    expect(parse(text, 'kk')).toEqual(parse(text, 'kk', { context: 'first' }));
    expect(parse(text, 'kk')).toMatchObject({ intent: 'question', topic: 'missing_document' });
    // as a first message "справка" names services: one, or the few it fits equally
    const first = parse(text, 'kk');
    expect(first.serviceId ?? first.ambiguous).toBeTruthy();
    expect(parse(text, 'kk', { context: 'journey' })).toMatchObject({ intent: 'question', topic: 'missing_document', serviceId: null });
    expect(parse('сколько стоит дубликат аттестата?', 'ru', { context: 'journey' })).toMatchObject({ intent: 'question', topic: 'fee', serviceId: 'duplicate-school' });
  });

  it('takes "what to bring" for another service named in a journey for its checklist, and "can I bring it to the college itself" for a question', () => {
    expect(parse('тегін тамаққа не апару керек?', 'kk', { context: 'journey' })).toMatchObject({ intent: 'checklist', serviceId: 'free-meals' });
    // "өзіне апарсам" holds "не апар" inside its words: no request for the list
    expect(parse('колледждің өзіне апарсам бола ма', 'kk', { context: 'journey' })).toMatchObject({ intent: 'question', serviceId: null });
  });

  it('is sure of a first message that asks for a service in so many words: "мне нужен" is no half request for the operator', () => {
    for (const [text, serviceId] of [
      ['мне нужен дубликат аттестата', 'duplicate-school'],
      ['мне нужно общежитие', 'dormitory'],
      ['маған академ керек', 'academic-leave'],
    ] as const) {
      const parsed = parse(text, 'ru');
      expect(parsed, text).toMatchObject({ intent: 'checklist', serviceId });
      expect(parsed.confidence, text).toBeGreaterThanOrEqual(LOW_CONFIDENCE);
    }
    // A person or a complaint asked for in the same words stays what it is, surely.
    expect(parse('мне нужен человек по дубликату', 'ru')).toMatchObject({ intent: 'operator' });
    expect(parse('мне нужно пожаловаться на общежитие', 'ru')).toMatchObject({ intent: 'complaint' });
  });

  it('takes a one-word question typed in a journey, in words the phrases lack, for a question about the journey’s service', () => {
    expect(parse('фотокарточкасы?', 'kk', { context: 'journey' })).toMatchObject({ intent: 'question', topic: 'documents', serviceId: null });
    // As a first message it is not taken surely for anything: the bot offers its guesses and a person.
    expect(parse('фотокарточкасы?', 'kk').confidence).toBeLessThan(LOW_CONFIDENCE);
  });

  it('takes "why may they refuse" for a question on the grounds, not a complaint', () => {
    expect(parse('почему могут не дать академ?')).toMatchObject({ intent: 'question', topic: 'refusal', serviceId: 'academic-leave' });
    expect(parse('неге жатақхана бермеуі мүмкін?', 'kk')).toMatchObject({ intent: 'question', topic: 'refusal', serviceId: 'dormitory' });
  });

  it('does not put a request to sign up for a service named outright among other matters for its verb ("записаться", "тіркелемін")', () => {
    for (const [text, serviceId] of [
      ['как записаться в общежитие', 'dormitory'],
      ['жатақханаға қалай тіркелемін', 'dormitory'],
      ['тегін тамақтандыруға қалай тіркелемін', 'free-meals'],
    ] as const) {
      const parsed = parse(text, 'ru');
      expect(parsed.intent, text).not.toBe('unknown');
      expect(parsed.serviceId ?? parsed.alternatives[0]?.serviceId, text).toBe(serviceId);
    }
    // Another matter signed up for stays another matter.
    for (const text of ['как записать ребенка в первый класс', 'запись в школу']) expect(parse(text, 'ru').intent, text).toBe('unknown');
  });

  it("takes a question for the service its words tell surely, though none of them is a service's name", () => {
    // Since the twenty-second round the letters of "қайта қабылдау" (the service's name in the law) tell reinstatement at 0.85
    // only, under the certainty a service needs without a word naming it: the question is understood, and the bot asks which service.
    expect(parse('қайта қабылдауды егов арқылы жасауға бола ма?', 'kk')).toMatchObject({ intent: 'question', topic: 'channels', serviceId: null });
    expect(parse('восстановиться на учебу через егов можно?')).toMatchObject({ intent: 'question', serviceId: 'transfer-reinstatement' });
    expect(parse('қайта қабылдаудан бас тартуы мүмкін бе, қарызым бар еді', 'kk')).toMatchObject({ intent: 'question', topic: 'refusal', serviceId: 'transfer-reinstatement' });
  });

  it('takes a message that asks about a named service for a question, though it asks in words no topic was known by', () => {
    expect(parse('после исправления старый диплом заберут?')).toMatchObject({ intent: 'question', serviceId: 'correct-education-document' });
    expect(parse('жатақханаға шешім шықса маған хабарлай ма?', 'kk')).toMatchObject({ intent: 'question', serviceId: 'dormitory' });
  });

  it('takes the service of a complaint whose words tell it outright, with no name or place of study said', () => {
    expect(parse('в переводе отказали, обжалую')).toMatchObject({ intent: 'complaint', serviceId: 'transfer-reinstatement' });
    // 0.95 is sure enough ("выгоняют" from "общаги" tells the dormitory at about 0.99).
    expect(parse('из общаги выгоняют без объяснений, куда жаловатся')).toMatchObject({ intent: 'complaint', serviceId: 'dormitory' });
  });

  it('takes the service a message names by its own name, whatever its other words lean to, unless another service is named beside it', () => {
    // the services' classifier, which reads every word, leans to the incomplete-education certificate on "ХҚКО-ға"
    expect(parse('ХҚКО-ға жатақхана үшін не апарамын', 'kk')).toMatchObject({ intent: 'checklist', serviceId: 'dormitory' });
    expect(parse('ХҚКО арқылы тегін тамақ', 'kk')).toMatchObject({ serviceId: 'free-meals' });
    // the dormitory is where the certificate was lost: "аттестат" names another service
    expect(parse('аттестатымды жатақханада жоғалттым, 9 сынып', 'kk')).toMatchObject({ intent: 'checklist', serviceId: 'duplicate-school' });
  });

  it('takes a request for a list naming its service in slang or run-together words for that service', () => {
    expect(parse('место в общажечке нужно')).toMatchObject({ intent: 'checklist', serviceId: 'dormitory' });
    expect(parse('кайта кабылдаудын кужат тизими', 'kk')).toMatchObject({ intent: 'checklist', serviceId: 'transfer-reinstatement' });
    // …but a request that names nothing stays one for any service
    expect(parse('хочу оформить документы')).toMatchObject({ intent: 'checklist', serviceId: null });
  });

  it('reads a word drawn out by a held key as the word', () => {
    expect(parse('жатақханааааа керек', 'kk')).toMatchObject({ intent: 'checklist', serviceId: 'dormitory' });
    expect(parse('питаниееее нужно')).toMatchObject({ intent: 'checklist', serviceId: 'free-meals' });
  });

  it('takes "and also" with another service typed in a journey for its checklist, and "what else" for a question', () => {
    expect(parse('а ещё академку можно будет потом оформить?', 'ru', { context: 'journey' })).toMatchObject({ intent: 'checklist', serviceId: 'academic-leave' });
    expect(parse('тағы жатақхана алуға бола ма?', 'kk', { context: 'journey' })).toMatchObject({ intent: 'checklist', serviceId: 'dormitory' });
    expect(parse('тағы қандай анықтама керек', 'kk', { context: 'journey' })).toMatchObject({ intent: 'question', serviceId: null });
  });

  it('takes a correction typed in a journey for the checklist of the service meant, not the one set aside', () => {
    expect(parse('нет, диплом университета, а не колледжа', 'ru', { context: 'journey' })).toMatchObject({ intent: 'checklist', serviceId: 'duplicate-higher' });
    expect(parse('жоқ, маған жоо дипломы керек, колледж емес', 'kk', { context: 'journey' })).toMatchObject({ intent: 'checklist', serviceId: 'duplicate-higher' });
  });

  it('knows a greeting or thanks typed freely, in one word', () => {
    expect(parse('салематсыздарма', 'kk')).toMatchObject({ intent: 'greeting' });
    expect(parse('спсибки', 'ru', { context: 'journey' })).toMatchObject({ intent: 'thanks' });
  });

  it('takes a place or a role typed in a journey for an answer, and a greeting there only when it says hello again or that the citizen is back', () => {
    for (const [text, lang] of [
      ['мы из Аягоза', 'ru'],
      ['опекун я, по документам', 'ru'],
      ['біз Жаңақорғаннанбыз', 'kk'],
      ['Кентаудан жазып отырмын', 'kk'],
    ] as const)
      expect(parse(text, lang, { context: 'journey' }).intent, text).not.toBe('greeting');
    for (const [text, lang] of [
      ['сәлеметсіз бе, тағы мен', 'kk'],
      ['здрасьте ещё раз', 'ru'],
      ['алло, вы тут?', 'ru'],
    ] as const)
      expect(parse(text, lang, { context: 'journey' }).intent, text).toBe('greeting');
  });

  it('asks which diploma when it may be the college or the university one', () => {
    expect(parse('диплом потеряла')).toMatchObject({ intent: 'checklist', serviceId: null, ambiguous: ['duplicate-tvet', 'duplicate-higher'] });
    expect(parse('колледж дипломы жоғалды')).not.toHaveProperty('ambiguous');
  });

  it('takes thanks that go on about a service for thanks, and thanks before a request for the request', () => {
    expect(parse('спасибо большое, с общагой всё получилось у внучки!')).toMatchObject({ intent: 'thanks' });
    expect(parse('спасибо, а какие документы на общагу?')).toMatchObject({ intent: 'checklist', serviceId: 'dormitory' });
  });

  it('takes the application number typed for a status question', () => {
    expect(parse('где моя заявка SC-2026-0601?')).toMatchObject({ intent: 'status', applicationNumber: 'SC-2026-0601' });
    expect(parse('өтінішім № 123456 дайын ба')).toMatchObject({ intent: 'status', applicationNumber: '123456' });
    expect(parse('Attestat joǵaldy, telnusqasy kerek')).not.toHaveProperty('applicationNumber');
  });

  it('tells whom a complaint is against when the text says it', () => {
    expect(parse('В ЦОНе мне нагрубили')).toMatchObject({ intent: 'complaint', against: 'state_corporation' });
    expect(parse('директор школы отказал, хочу пожаловаться')).toMatchObject({ intent: 'complaint', against: 'provider' });
    expect(parse('в ЦОНе нагрубили при подаче на дубликат аттестата')).toMatchObject({ intent: 'complaint', serviceId: 'duplicate-school' });
  });

  it.each([
    ['сколько стоит дубликат аттестата', 'fee', 'duplicate-school'],
    ['а скока стоит?', 'fee', null],
    ['ХҚКО сенбі күні жұмыс істей ме', 'hours', null],
    ['а если нет удостоверения?', 'missing_document', null],
  ])('a question about a service: %s → %s', (text, topic, serviceId) => {
    expect(parse(text)).toMatchObject({ intent: 'question', topic, serviceId });
  });

  it.each([
    ['а если мест нет?', 'ru'],
    ['орын жок болса не истеймиз', 'kk'],
  ] as const)('takes no places to be had for a refusal, not a missing document, in a journey: %s', (text, lang) => {
    expect(parse(text, lang, { context: 'journey' })).toMatchObject({ intent: 'question', topic: 'refusal' });
    expect(parse('а если справки нет?', 'ru', { context: 'journey' })).toMatchObject({ intent: 'question', topic: 'missing_document' });
  });

  it.each(['спасибо', 'Рахмет!', 'rakhmet', 'көп рақмет'])('understands thanks: %s', (text) => {
    expect(parse(text).intent).toBe('thanks');
  });

  it.each(['адам керек', 'позовите человека', 'оператормен сөйлескім келеді', 'operator kerek', 'апиратор', 'Оператор!', '/operator'])('takes %s as asking for an operator', (text) => {
    expect(isOperatorWord(text)).toBe(true);
  });

  it('does not take a message about a person for a call for the operator', () => {
    expect(isOperatorWord('адам жоғалды')).toBe(false);
  });

  it('is sure of the language only when the text is clearly in it', () => {
    expect(parse('Мен колледж дипломымды жоғалттым')).toMatchObject({ lang: 'kk', langCertain: true });
    expect(parse('Я потерял диплом колледжа')).toMatchObject({ lang: 'ru', langCertain: true });
    expect(parse('диплом', 'kk')).toMatchObject({ langCertain: false });
    expect(parse('аттестат жоғалды что делать')).toMatchObject({ langCertain: false });
    // Kazakh typed without its letters, with a Russian word and an ending Russian has too ("тизими", "-ими"): a Kazakh infinitive ("баруге") keeps it from being sure of Russian.
    expect(parse('университетке баруге справка тизими', 'kk')).toMatchObject({ langCertain: false });
    // Kazakh with a Russian word that has no Russian letter of its own ("или", "домой", "делают", "срочно") is a mix, not sure Kazakh.
    for (const text of ['тіркеу ақылы ма или тегін?', 'қызметкер келе ала ма домой?', 'қағазбен ба, электронно делают?']) expect(parse(text, 'kk'), text).toMatchObject({ langCertain: false });
    // …and Russian with the Kazakh of a refusal ("бермей жатыр"), not sure Russian.
    expect(parse('справку бермей жатыр, куда жаловаться', 'ru')).toMatchObject({ langCertain: false });
  });

  it('offers at least two other guesses, none the same as the top one, when unsure', () => {
    for (const text of ['asdf qwerty', 'колледж', 'лорем ипсум']) {
      const parsed = parse(text);
      if (parsed.intent !== 'unknown' && parsed.confidence >= LOW_CONFIDENCE) continue;
      expect(parsed.alternatives.length).toBeGreaterThanOrEqual(2);
      expect(parsed.alternatives).not.toContainEqual(expect.objectContaining({ intent: parsed.intent, serviceId: parsed.serviceId }));
    }
  });

  it('answers a very long text without failing', () => {
    expect(parse('аттестат '.repeat(5000)).intent).toBe('checklist');
  });
});
