import { describe, expect, it } from 'vitest';
import { fold, parse } from '../../flows/nlu';
import { asksForHomeVisit, COMPLAINT_CUES, complainsOfVisit, visitChangeAsked } from '../../flows/nlu/cues';
import { applicationNumberIn } from '../../flows/nlu/rules';
import { expectCuesApart } from './cue-lexicons';

/**
 * The cues of the three intents never to miss (cues.ts), in wordings none of the phrase files or
 * labelled messages hold: an injury or an illness that keeps one in bed, a wheelchair, "не доеду"; a
 * person asked for in one word or by "перезвоните"; deadlines broken and money asked for. And the
 * messages that only look like them: a day the citizen cannot come, a diploma of a specialist, a
 * student of management.
 */

const homeVisits = [
  'после перелома лежу, пусть ваш сотрудник подьедет за документами',
  'я в гипсе, пусть придут домой',
  'на костылях, не доеду до цона, приедьте',
  'отец на инвалидной коляске, в цон не попадёт',
  'нужен выезд сотрудника',
  'дочь с ДЦП, пришлите кого-нибудь за документами',
  'мне 83, приежайте за заявлением сами',
  'мама после инфаркта, можно к нам кого-то прислать',
  'Anam júre almaıdy, úıge kelińizder',
  'әкемнің аяғы сынған, үйге келіп құжат алыңыздар',
  'ХҚКО-ға бара алмаймын, аяғым ауырады',
  'бабушка неходячая, документы как подать',
  'дед слёг, приезжайте за заявлением',
  'у мамы деменция, в цон её не повезём',
  'әжем төсекке таңылған',
  'врач запретил мне выходить, документы нужны',
  'можно оформить дубликат у нас дома?',
  'үйге кеп алып кетіңізші, коляскадамын',
  'әкем қарт, құжатты алуға үйге келетін біреуді жіберсеңіз',
  'надомное обслуживание для пенсионера как оформить',
  'приезд сотрудника домой для пенсионерки заказать можно?',
  'на дому приём документов для лежачих бывает?',
];

const persons = [
  'специалист',
  'менеджер жоқ па, бізге маман керек',
  'можно с кем-нибудь поговорить?',
  'перезвоните',
  'не понимаю, специалист нужен',
  'позовите кого-нибудь',
  'маған адам жазсын',
  'оператор бар ма',
  'дайте мне сотрудника, бот не понимает',
];

const complaints = [
  'сроки нарушены, документ так и не выдали',
  'требовали деньги за справку',
  'мерзімін бұзды, екі ай болды',
  'в колледже просили заплатить на лапу',
  'в дубликате опять не та специальность, это недопустимо',
  'бұл масқара, үш рет бардым',
  'третью неделю ждём, требую ответа',
];

const neither = [
  'не могу найти диплом',
  'ХҚКО-ның операторы құжатымды алмай қойды',
  'не могу прийти в субботу, когда ещё работаете',
  'сенбі күні бара алмаймын, жексенбі жұмыс істейсіз бе',
  'с коляской можно зайти в цон?',
  'учусь на менеджера, нужен академ',
  'учусь на специалиста, нужна справка',
  'диплом специалиста нужен срочно',
  'какой специалист выдаёт справку',
  'сколько денег требуется за дубликат',
  'сроки подачи документов какие',
  'сын инвалид, положено ли бесплатное питание',
  'приезжий студент с инвалидностью, дайте общежитие',
];

/** Whether the home-visit cue finds a visit asked for in each of `texts` (each named when it fails). */
function expectHomeVisitCue(texts: readonly string[], asked: boolean): void {
  for (const text of texts) expect(asksForHomeVisit(fold(text)), text).toBe(asked);
}

describe('the cues of a home visit, a person and a complaint', () => {
  it('each lexicon finds its intent in these words, and stays out of the others and of the look-alikes', () => {
    expectCuesApart({ homeVisits, persons, complaints, neither });
  });

  it.each([...homeVisits.map((text) => [text, 'home_visit'] as const), ...persons.map((text) => [text, 'operator'] as const), ...complaints.map((text) => [text, 'complaint'] as const)])(
    '%s → %s',
    (text, intent) => {
      expect(parse(text, 'ru').intent).toBe(intent);
    },
  );

  it('takes a home visit asked for through 1414 for a home visit, not a call for a person', () => {
    for (const text of ['Через 1414 приезд сотрудника домой заказать можно?', 'үйге келетін қызметкерге 1414 арқылы тапсырыс бере ме?']) expect(parse(text, 'ru').intent, text).toBe('home_visit');
  });

  it('takes nobody answering the phone for a complaint, unless a person is asked for here instead', () => {
    for (const text of ['звоню в приёмную колледжа, никто не отвечает уже неделю', 'колледжге хабарласам ешкім телефон алмайды', 'жалба на сотрудника цона'])
      expect(COMPLAINT_CUES.test(fold(text)), text).toBe(true);
    for (const text of ['1414-ке хабарласам ешкім алмайды, осы жерде маман бар ма', 'апамды ешкім апара алмайды']) expect(COMPLAINT_CUES.test(fold(text)), text).toBe(false);
    expect(parse('1414-ке хабарласам ешкім алмайды, осы жерде маман бар ма', 'kk').intent).toBe('operator');
  });

  it('finds no complaint in a year of study, a card out of date, a document the citizen lost or a duplicate set aside for a correction', () => {
    for (const text of [
      '2 курсты бітіріп едім, басқа колледжге ауысу керек',
      'паспорттың мерзімі өткен, онымен тапсыруға бола ма?',
      'құжатымды жоғалтып алдым, телнұсқа керек',
      'мне не дубликат нужен, а исправить ошибку в аттестате',
      'телнұсқа емес, аттестаттағы қатені түзету керек',
    ])
      expect(COMPLAINT_CUES.test(fold(text)), text).toBe(false);
    // …and still one in a teacher who scolded, an application the office lost and a deadline passed
    for (const text of ['мұғалім балама ұрсты', 'колледж құжатымды жоғалтып алыпты, енді не істеймін', 'мерзімі өтті, әлі жауап жоқ', 'в Жанаозене дубликат аттестата с неправильной фамилией'])
      expect(COMPLAINT_CUES.test(fold(text)), text).toBe(true);
  });

  it('finds no complaint in a student who cannot cope, papers a former husband keeps or money asked for by one who asks whether it is paid', () => {
    for (const text of ['сын не тянет учёбу в колледже, хотим обратно в школу', 'бывший муж не отдаёт мой аттестат, как сделать дубликат', 'жатақхана ақылы ма, колледж ақша сұрап отыр'])
      expect(COMPLAINT_CUES.test(fold(text)), text).toBe(false);
    for (const text of ['колледж тянет с ответом уже месяц', 'колледж не отдаёт оригинал аттестата после отчисления', 'мектеп директоры ақша сұрады'])
      expect(COMPLAINT_CUES.test(fold(text)), text).toBe(true);
  });

  it('takes a home visit that went wrong for a complaint about it, and legs that failed for a reason to come', () => {
    for (const text of ['үйге келемін деген қызметкер келмеді, апам күтіп отыр', 'сотрудник приехал на дом, посидел пять минут и уехал']) expect(parse(text, 'ru').intent, text).toBe('complaint');
    expect(parse('мама лежачая, ноги совсем отказали, приедете за заявлением?', 'ru').intent).toBe('home_visit');
  });

  it('takes a person asked for outright for the operator, whatever matter the person is wanted for', () => {
    for (const text of ['соедините с оператором, вопрос по жалобе на колледж', 'операторға қосыңызшы, үйге келу туралы сұрағым бар', 'дайте живого человека, хочу пожаловаться на цон'])
      expect(parse(text, 'ru').intent, text).toBe('operator');
    // …but a person to come home is the visit
    expect(parse('нужен человек от цона на дом, мама лежачая', 'ru').intent).toBe('home_visit');
  });

  it("takes the ЦОН's operator named in a complaint for no call for a person", () => {
    for (const text of ['ХҚКО-ның операторы құжатымды алмай қойды', 'цоновская операторша не приняла заявление']) expect(parse(text, 'ru').intent, text).toBe('complaint');
  });

  it('takes the visit named outright for one, however it is to be booked, and a hospice or an amputation for a reason', () => {
    for (const text of ['выезд сотрудника на дом через егов заказать можно?', 'дедушка сейчас в хосписе, пусть сотрудник приедет за заявлением', 'у дедушки ампутация, сотрудника вызвать можно?'])
      expect(parse(text, 'ru').intent, text).toBe('home_visit');
  });

  it('takes a visit to book, an employee "на дом", one who does not leave home or walk and "үйге келеді ме" for a home visit', () => {
    expectHomeVisitCue(
      [
        'хочу оформить выезд к отцу',
        'нужен сотрудник цона на дом для дедушки',
        'апам үйден шықпайды, телнұсқа керек',
        'атам жүрмейді, аттестат керек',
        'үйге қызметкер келеді ме?',
        'мама выйти не может, нужна справка',
        'папа лежит, приедете за заявлением?',
      ],
      true,
    );
  });

  it('takes an elder\'s age given without "лет" as a reason when someone is asked to come, and not a year or a class', () => {
    expectHomeVisitCue(['дедушке 87, приедете к нему?', 'әжем 91-де, қызметкер келе ала ма', 'свекрови 78, сотрудника можно вызвать?'], true);
    expectHomeVisitCue(['маме 11 класс закончила, приедете?', 'атам 1965 жылы мектеп бітірген, кім келеді?', 'дедушке 87, нужен аттестат'], false);
  });

  it('takes a relative who lies ill for one who cannot come, but not a document lying somewhere nor a student on leave', () => {
    expectHomeVisitCue(['дедушка лежит после инсульта, нужен дубликат диплома', 'тесть уже год лежит, аттестат нужен'], true);
    expectHomeVisitCue(['сын лежит в больнице, нужен академический отпуск', 'справка в папке лежит, что дальше', 'аттестат дочери лежит в школе, не отдают'], false);
  });

  it('takes an employee asked to come wherever the citizen is for a visit, but not one who came already or told the citizen to come', () => {
    expectHomeVisitCue(['сотрудник в санаторий приедет?', 'кызметкер ауруханага келе ме', 'сотрудник в хоспис выедет?'], true);
    expectHomeVisitCue(['қызметкер келіп кетті, нәтиже қашан', 'сотрудник сказал прийти завтра', 'сотрудник вообще не приедет?'], false);
  });

  it('takes "выедьте", "барасыздар ма", palliative care, oxygen and no legs for a visit asked and its reason', () => {
    expectHomeVisitCue(['дедушке 96 лет, выедьте к нему', 'анам хосписте, барасыздар ма', 'мы в паллиативе, приедете?', 'бабушка на кислороде, приедут?', 'у папы нет ног, пусть приедут'], true);
  });

  it('takes a bus that does not run, a trip abroad, applying "without leaving home" and gas coming home for no home visit', () => {
    expectHomeVisitCue(
      ['ауылға автобус жүрмейді', 'оформить документы на выезд ребенка за границу', 'үйден шықпай өтініш беруге бола ма', 'үйге газ қашан келеді', 'рахмет, бекер барып жүрмейтін болдым'],
      false,
    );
  });

  it('takes a family that cannot bring them to the office, or one without the strength to go, for a home visit; classes and the office itself for none', () => {
    expectHomeVisitCue(
      [
        'дедушка совсем слабый, в ЦОН никак не получится',
        'свекровь после химиотерапии, за документами кто-нибудь приедет?',
        'ХҚКО-ға атамды апара алмаймыз, көмектесіңіз',
        'әжемнің ХҚКО-ға баруға шамасы жоқ',
        'атамды ХҚКО-ға апару мүмкін емес, не істейміз',
      ],
      true,
    );
    expectHomeVisitCue(['колледжге күнде бару мүмкін емес, жатақхана керек', 'оқуға баруға дәрігер тыйым салды, академ керек', 'в ЦОНе не могут найти мой дубликат'], false);
  });

  it('takes an employee sent or called for a home visit, but not a social worker nor a citizen summoned to the office', () => {
    expectHomeVisitCue(
      [
        'прошу направить специалиста для подписи заявления',
        'как вызвать сотрудника ЦОНа на квартиру',
        'үйге қызметкер жібере аласыздар ма, анам ауырады',
        'сотрудника к нам можно? у мамы паркинсон',
        'сотрудник до хутора доедет? дедушке тяжело',
      ],
      true,
    );
    expectHomeVisitCue(['ХҚКО-ға шақырды, барайын ба', 'социального работника вызвать для мамы можно?', 'әлеуметтік қызметкерді шақыруға көмектесесіз бе'], false);
  });

  it('takes a husband who left the family for no visit gone wrong: the visit asked for stays one', () => {
    for (const text of ['муж ушёл, сама с детьми, прошу приехать ко мне домой', 'күйеуім кетіп қалды, балам арбада, үйге келіңіздер']) {
      expect(complainsOfVisit(fold(text)), text).toBe(false);
      expect(parse(text, 'ru').intent, text).toBe('home_visit');
    }
  });

  it('takes a mobile or home number left to be called back on for a call back from a person, never for an application number', () => {
    for (const text of ['мой телефон 87012220415, звоните', 'нөмірім 8 776 204 19 33, хабарласыңызшы', 'перезвоните на домашний 8 7182 55 12 90', 'уй телефоныма хабарласыныз 87252332211']) {
      expect(applicationNumberIn(text), text).toBeUndefined();
      expect(parse(text, 'ru').intent, text).toBe('operator');
    }
    expect(applicationNumberIn('статус заявки 45128711')).toBe('45128711');
    // Named, twelve digits are the application's too.
    expect(applicationNumberIn('мой номер заявления 002345678901')).toBe('002345678901');
    expect(applicationNumberIn('өтініш нөмірі: 12345678')).toBe('12345678');
    expect(applicationNumberIn('№ заявления 500123456789')).toBe('500123456789');
    expect(applicationNumberIn('№500123456789')).toBe('500123456789');
    // Typed without Kazakh letters too; a number with Cyrillic letters is none receipts print.
    expect(applicationNumberIn('отиниш номири 5512, калай болып жатыр')).toBe('5512');
    expect(applicationNumberIn('Заявление № 5548-КЗ на общежитие')).toBeUndefined();
    // A school's, a house's number is no application's.
    for (const text of ['мектеп нөмірі 15, Атырау', 'школа номер 254 в Кызылорде', 'үйдің нөмірі 12']) expect(applicationNumberIn(text), text).toBeUndefined();
  });

  it('takes papers the office refused, told in the past, for a complaint, but not a question why nor a refusal at work', () => {
    for (const text of ['в ЦОНе заявление на дубликат не приняли, сказали приходите с отцом', 'колледж өтінішімді қабылдамады, орын бар еді']) expect(COMPLAINT_CUES.test(fold(text)), text).toBe(true);
    for (const text of ['почему не приняли документы в колледж?', 'на работе диплом не приняли, нужен новый']) expect(COMPLAINT_CUES.test(fold(text)), text).toBe(false);
  });

  it('takes what the employee did on a visit, or the visit called off, told in the past, for a complaint; not a visit to put off nor an employee from abroad', () => {
    for (const text of [
      'выездной сотрудник потребовал оплатить ему такси',
      'сотрудник ЦОН приехал к отцу без планшета и уехал ни с чем',
      'үйге келген қызметкер апама өзіңіз қол қоя алмайсыз деді',
      'выезд на дом к бабушке отменили в последний момент',
      'үйге келуді ескертпей болдырмады, әкем күтіп отырды',
    ]) {
      expect(complainsOfVisit(fold(text)), text).toBe(true);
      expect(parse(text, 'ru').intent, text).toBe('complaint');
    }
    for (const text of ['выезд к маме отменили из-за метели, когда перенесут?', 'сотрудник приехал из Алматы, но учился в колледже в Таразе, нужен дубликат диплома'])
      expect(complainsOfVisit(fold(text)), text).toBe(false);
  });

  it('takes a visit moved again and again, or an employee late, rude or careless on it, for a complaint; not a visit asked for beside a stroke or a lost passport', () => {
    for (const text of [
      'Выезд на дом к бабушке перенесли уже три раза',
      'Выездной сотрудник трижды переносил визит',
      'үйге келетін күнді үш рет ауыстырды',
      'выездной сотрудник опоздал на 3 часа',
      'сатрудник цона который приходил на дом был грубым и торопил маму',
      'үйге келетін маман мас күйінде болды',
      'Выезд на дом был, но сотрудник потерял мамин паспорт',
    ]) {
      expect(complainsOfVisit(fold(text)), text).toBe(true);
      expect(parse(text, /[әіңқұүө]/.test(text) ? 'kk' : 'ru').intent, text).toBe('complaint');
    }
    for (const text of [
      'Прошу выезд к отцу-пенсионеру в Шахан: он перенёс ампутацию, нужен дубликат диплома техникума',
      'Дедушка перенес инсульт, можно оформить выезд на дом?',
      'нужен выезд сотрудника на дом, мама потеряла паспорт',
      'выезд отменили? мне смс пришло странное',
      'келу уақытын тоқтатыңыз, ауылға кетіп қалдық',
    ])
      expect(complainsOfVisit(fold(text)), text).toBe(false);
  });

  it('takes a booked visit to cancel or move for the home visit and the change asked; not a visit called off told in the past, nor a wish for a person', () => {
    const asked = {
      cancel: ['отмените визит пожалуйста', 'визит отмените, бабушка в реанимации', 'отмена выезда, спасибо', 'келуді болдырмаңыз, анам ауруханада'],
      move: ['перенесите визит на среду', 'время визита поменять', 'можно перевести выезд на завтра?', 'үйге келуді басқа күнге ауыстыруға бола ма', 'келу уакытын ауыстыруга бола ма'],
    };
    for (const [change, texts] of Object.entries(asked))
      for (const text of texts) {
        expect(visitChangeAsked(fold(text)), text).toBe(change);
        expect(parse(text, /[әіңқұүө]|келу/.test(text) ? 'kk' : 'ru').intent, text).toBe('home_visit');
      }
    for (const text of ['выезд на дом к бабушке отменили без предупреждения', 'Барибир тусинбедим, кызметкерге ауыстырыныз', 'отменить заявление', 'перенести документы в другой колледж'])
      expect(visitChangeAsked(fold(text)), text).toBeUndefined();
  });

  it('takes an office that deals only with the citizen in person, and 1414 that would not help, for a complaint; 1414 out of reach with a person asked for here is a call for one', () => {
    for (const text of [
      'колледж анықтаманы бермей отыр, баланың өзі келсін дейді',
      'консультант 1414 сказал мне не отвлекайте по пустякам',
      '1414 операторлары бір-біріне қайшы жауап береді',
      'из ЦОНа отправляют в 1414, а оттуда обратно',
    ]) {
      expect(COMPLAINT_CUES.test(fold(text)), text).toBe(true);
      expect(parse(text, 'ru').intent, text).toBe('complaint');
    }
    expect(parse('в 1414 не дозвониться, соедините с оператором здесь', 'ru').intent).toBe('operator');
  });

  it('takes "I cannot come, can I apply online" for a question about channels, not a home visit', () => {
    for (const text of ['можно подать онлайн, я не могу прийти', 'ХҚКО-ға бара алмаймын, егов арқылы бола ма', 'не могу прийти, в электронном виде можно подать?'])
      expect(parse(text, 'ru').intent, text).not.toBe('home_visit');
  });
});
