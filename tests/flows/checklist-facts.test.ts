import { describe, expect, it } from 'vitest';
import { createFlows } from '../../flows';
import { describeCollected } from '../../flows/describe';
import type { Reply } from '../../flows/types';
import { createTexts } from '../../locales/i18n';
import { testEngine } from '../support/engine';

/**
 * The facts around the personalised lists, as a citizen reads them: when the result is due (never
 * counted from a day the office is closed), what the catalog holds and the details show (working
 * hours, the grounds for refusing the service itself), and what the seed does not say, said as such.
 * Times are Asia/Almaty, UTC+5.
 */

// Sunday 29 November 2026, 22:30 in Almaty.
const SUNDAY_NIGHT = '2026-11-29T17:30:00Z';
// Friday 20 March 2026, 11:00 in Almaty.
const FRIDAY_MORNING = '2026-03-20T06:00:00Z';
// Monday 28 December 2026, 10:00 in Almaty: a 15-working-day term ends in 2027, whose days off are not all decreed.
const LATE_DECEMBER = '2026-12-28T05:00:00Z';

interface Walk {
  /** The last answer, and every press answered along the way. */
  replies: Reply[];
  press(id: string): Promise<Reply[]>;
}

/** A citizen who presses the buttons given, each of them on offer, at `now`, in `lang`. */
async function walk(presses: string[], lang: 'kk' | 'ru' = 'ru', now = FRIDAY_MORNING): Promise<Walk> {
  const engine = testEngine({ now: () => new Date(now) });
  const id = `web-facts-${presses.join('-')}-${lang}-${now}`;
  await engine.handle({ conversationId: id, channel: 'web', langHint: lang, event: { type: 'start' } });
  let replies: Reply[] = [];
  const press = async (button: string) => {
    const offered = replies.flatMap((r) => r.choices ?? []).map((c) => c.id);
    if (replies.length) expect(offered, `button ${button} on offer`).toContain(button);
    replies = (await engine.handle({ conversationId: id, channel: 'web', event: { type: 'choice', id: button } })).replies;
    return replies;
  };
  for (const button of presses) await press(button);
  return {
    get replies() {
      return replies;
    },
    press,
  };
}

const textOf = (replies: Reply[]) => replies.map((r) => r.text).join('\n');
const buttons = (replies: Reply[]) => replies.flatMap((r) => r.choices ?? []).map((c) => c.id);
const details = async (presses: string[], lang: 'kk' | 'ru' = 'ru', now = FRIDAY_MORNING) => textOf(await (await walk(presses, lang, now)).press('nav:details'));

const DORMITORY = ['menu:checklist', 'svc:dormitory', 'ans:family:no', 'ans:category:none'];
const CERTIFICATE_AT = (office: 'same_town' | 'elsewhere') => ['menu:checklist', 'svc:incomplete-education-certificate', 'ans:channel:state_corporation', `ans:sc_office:${office}`];
const TRANSFER_AT = (channel: string) => ['menu:checklist', 'svc:transfer-reinstatement', `ans:channel:${channel}`, 'ans:case:within_organisation'];

describe('due dates never count from a closed day', () => {
  it('on a Sunday night the dormitory says the college is closed and counts from Monday (ru and kk)', async () => {
    const ru = await details(DORMITORY, 'ru', SUNDAY_NIGHT);
    expect(ru).toContain('Сегодня выходной: документы примут 30 ноября 2026 г., в ближайший рабочий день. Если подать их в этот день, результат — не позднее 3 декабря 2026 г. (3 рабочих дня');
    expect(ru).not.toContain('Если подать сегодня');
    const kk = await details(DORMITORY, 'kk', SUNDAY_NIGHT);
    expect(kk).toContain('Бүгін демалыс күні: құжаттар ең жақын жұмыс күні — 2026 жылғы 30 қараша қабылданады. Сол күні тапсырсаңыз, нәтиженің соңғы мерзімі — 2026 жылғы 3 желтоқсан (3 жұмыс күні;');
  });

  it('the certificate at a State Corporation office on a Sunday night counts its term from Monday too', async () => {
    expect(await details(CERTIFICATE_AT('same_town'), 'ru', SUNDAY_NIGHT)).toContain(
      'Сегодня выходной: документы примут 30 ноября 2026 г., в ближайший рабочий день. Если подать их в этот день, результат — не позднее 3 декабря 2026 г.',
    );
  });

  it('free meals sent by WhatsApp or e-mail are not held to the office days: the 10 calendar days count from today', async () => {
    const text = await details(['menu:checklist', 'svc:free-meals', 'ans:channel:other', 'ans:category:orphan'], 'ru', SUNDAY_NIGHT);
    expect(text).toContain('Если подать сегодня, результат должен быть готов не позднее 9 декабря 2026 г. (10 календарных дней)');
  });

  it('a date counted into 2027 is said to hold by the calendar as it stands (ru and kk)', async () => {
    const school = ['menu:checklist', 'svc:duplicate-school', 'ans:channel:state_corporation', 'ans:applicant:self', 'ans:reason:lost'];
    expect(await details(school, 'ru', LATE_DECEMBER)).toContain('Дата — по текущему календарю: выходные дни на 2027 год ещё могут измениться.');
    expect(await details(school, 'kk', LATE_DECEMBER)).toContain('Күн қазіргі күнтізбе бойынша берілді: 2027 жылғы демалыс күндері әлі өзгеруі мүмкін.');
    expect(await details(school, 'ru', FRIDAY_MORNING)).not.toContain('по текущему календарю');
  });
});

describe('transfer and reinstatement: the registration rule is not the term', () => {
  it('says the term is not stated and shows "the day it arrives" as when the application is registered', async () => {
    const text = await details(TRANSFER_AT('provider_office'));
    expect(text).toContain('Срок:\n• Срок оказания услуги в материалах колледжа не указан — уточните в колледже или по 1414.');
    expect(text).toContain('• Заявление регистрируют в день поступления; поданное через портал после окончания рабочего времени, в выходной или праздничный день — на следующий рабочий день.');
    expect(text).not.toContain('• В день поступления заявления.');
    expect(text).not.toContain('результат должен быть готов');
  });

  it('on a Sunday the office is closed, and the portal application is registered on Monday', async () => {
    expect(await details(TRANSFER_AT('provider_office'), 'ru', SUNDAY_NIGHT)).toContain('Сегодня выходной: документы примут 30 ноября 2026 г., в ближайший рабочий день.');
    expect(await details(TRANSFER_AT('egov_portal'), 'ru', SUNDAY_NIGHT)).toContain('Сегодня выходной: заявление зарегистрируют следующим рабочим днём — 30 ноября 2026 г.');
  });
});

describe('certificate of incomplete education', () => {
  it('asks where the State Corporation office is, and tells 8 working days, not 3, at an office elsewhere', async () => {
    const asked = await walk(['menu:checklist', 'svc:incomplete-education-certificate', 'ans:channel:state_corporation']);
    expect(textOf(asked.replies)).toContain('Отделение ЦОН находится в том же городе (районе), что и колледж?');
    const elsewhere = await details(CERTIFICATE_AT('elsewhere'));
    expect(elsewhere).toContain('• 8 рабочих дней, если документы сданы в отделение ЦОН в другом месте, не там, где колледж.');
    expect(elsewhere).toContain('не позднее 6 апреля 2026 г. (8 рабочих дней');
    expect(elsewhere).not.toContain('• 3 рабочих дня со дня сдачи');
    const sameTown = await details(CERTIFICATE_AT('same_town'));
    expect(sameTown).toContain('не позднее 30 марта 2026 г. (3 рабочих дня');
    expect(sameTown).not.toContain('• 8 рабочих дней');
  });

  it('the missing document list is a note, not an item to tick', async () => {
    const { replies } = await walk(CERTIFICATE_AT('same_town'));
    const list = replies.at(-1)!;
    expect(list.text).toContain('В материалах колледжа перечень документов для этой справки не приведён');
    expect(list.text).not.toMatch(/готово \d+ из \d+/);
    expect(buttons(replies).filter((b) => b.startsWith('tick:'))).toEqual([]);
    expect(buttons(replies)).toContain('menu:operator');
  });
});

describe('academic leave for another reason', () => {
  it('shows no empty "0 of 0" list: the slide lists no documents for other reasons; the college and 1414 are offered (ru and kk)', async () => {
    const ru = (await walk(['menu:checklist', 'svc:academic-leave', 'ans:reason:other'])).replies;
    expect(textOf(ru)).not.toContain('0 из 0');
    expect(textOf(ru)).toContain('документы названы только для четырёх причин');
    expect(textOf(ru)).toContain('уточните в учебной части колледжа или в Едином контакт-центре 1414');
    expect(buttons(ru)).toEqual(expect.arrayContaining(['nav:details', 'menu:operator']));
    expect(buttons(ru).filter((b) => b.startsWith('tick:'))).toEqual([]);
    const kk = (await walk(['menu:checklist', 'svc:academic-leave', 'ans:reason:other'], 'kk')).replies;
    expect(textOf(kk)).not.toContain('0/0');
    expect(textOf(kk)).toContain('колледждің оқу бөлімінен');
  });
});

describe('where, when, how much: the facts the catalog holds', () => {
  it('shows the working hours, so that a note about hours refers to hours shown', async () => {
    const text = await details(['menu:checklist', 'svc:duplicate-tvet', 'ans:channel:provider_office', 'ans:applicant:self', 'ans:reason:lost']);
    expect(text).toContain('Часы работы:\n• Колледж: понедельник – пятница, с 9:00 до 18:30');
    expect(text).toContain('• Госкорпорация: понедельник – суббота, с 9:00 до 20:00');
    expect(text).toContain('Указанное время взято из прежнего текста стандарта');
    const kk = await details(['menu:checklist', 'svc:correct-education-document'], 'kk');
    expect(kk).toContain('Жұмыс уақыты:\n• ');
  });

  it('shows the grounds for refusing the service itself, apart from refusing to take the documents', async () => {
    const text = await details(['menu:checklist', 'svc:correct-education-document']);
    expect(text).toContain('Основания для отказа в самой услуге:\n• Установлена недостоверность документов');
  });

  it("a service from a college's slides speaks of the college's materials, not of the rules (ru and kk)", async () => {
    const ru = await details(DORMITORY);
    expect(ru).toContain('Обратите внимание — в материалах колледжа об этом сказано неполно или неясно:');
    expect(ru).not.toMatch(/в правилах|в источнике/i);
    const kk = await details(DORMITORY, 'kk');
    expect(kk).toContain('Назар аударыңыз — колледж материалдарында бұл туралы толық немесе анық айтылмаған:');
    expect(kk).not.toMatch(/қағидада|дереккөзде/i);
    expect(await details(['menu:checklist', 'svc:correct-education-document'])).toContain('Обратите внимание — в правилах об этом сказано неполно или неясно:');
  });

  it('keeps copy errors of the law out of what citizens read', async () => {
    const text = await details(['menu:checklist', 'svc:duplicate-tvet', 'ans:channel:state_corporation', 'ans:applicant:self', 'ans:reason:lost']);
    expect(text).not.toContain('ошибки копирования');
    expect(text).not.toContain('заслушивании');
    expect(text).not.toContain('«услугополучателю»');
  });
});

describe('free meals', () => {
  it('an orphan with a disability chooses both categories and gets the proofs of both', async () => {
    const meals = await walk(['menu:checklist', 'svc:free-meals', 'ans:channel:provider_office', 'nav:several', 'ans:category:orphan', 'ans:category:disability']);
    expect(meals.replies.at(-1)!.choices!.find((c) => c.id === 'ans:category:orphan')!.label).toBe('✅ Сирота или без попечения родителей');
    const list = await meals.press('nav:done');
    const ticks = buttons(list).filter((b) => b.startsWith('tick:'));
    expect(ticks).toEqual(expect.arrayContaining(['tick:guardianship_certificate_copy', 'tick:disability_certificate']));
  });

  it('operators read both categories in words', async () => {
    const flows = createFlows();
    const data = { checklist: { serviceId: 'free-meals', answers: { channel: 'provider_office', category: 'orphan,disability' }, ticked: [] } };
    const [section] = describeCollected(flows, data, { lang: 'ru', t: createTexts().translator('ru') });
    expect(section!.items).toContainEqual({
      label: 'К какой категории относится обучающийся? Можно выбрать несколько.',
      value: 'Сирота или без попечения родителей, Инвалидность (в т. ч. с детства)',
    });
  });

  it('one press still answers with one category', async () => {
    const { replies } = await walk(['menu:checklist', 'svc:free-meals', 'ans:channel:provider_office', 'ans:category:orphan']);
    expect(buttons(replies)).toContain('tick:guardianship_certificate_copy');
    expect(buttons(replies)).not.toContain('tick:disability_certificate');
  });

  it('says that the slide does not tell whose birth before 13.08.2007 it means', async () => {
    const asked = await walk(['menu:checklist', 'svc:free-meals', 'ans:channel:provider_office', 'ans:category:large_family']);
    expect(textOf(asked.replies)).toContain('Кто-то из детей в семье (в том числе сам обучающийся) родился до 13.08.2007?');
    const list = await asked.press('ans:birth_date:before_2007_08_13');
    expect(textOf(list)).toContain('не сказано, чья это дата рождения — обучающегося или других детей в семье');
  });
});

describe('dormitory', () => {
  it('asks about marriage or children, then offers categories that do not contradict the answer', async () => {
    const first = await walk(['menu:checklist', 'svc:dormitory']);
    expect(textOf(first.replies)).toContain('Вы состоите в браке или у вас есть дети?');
    expect(textOf(first.replies)).not.toContain('Есть ли у вас семья');
    const next = await first.press('ans:family:no');
    expect(next.at(-1)!.choices!.map((c) => c.label)).not.toContain('Да, есть семья');
  });

  it('says in the details that the slide gives no application text', async () => {
    expect(await details(DORMITORY)).toContain('текста или формы заявления там нет');
  });
});

describe('"I cannot come"', () => {
  it('is offered only where the seed provides a home visit', async () => {
    expect(buttons((await walk(DORMITORY)).replies)).not.toContain('nav:cannot_come');
    expect(buttons((await walk(['menu:checklist', 'svc:duplicate-school', 'ans:channel:state_corporation', 'ans:applicant:self', 'ans:reason:lost'])).replies)).toContain('nav:cannot_come');
  });

  it('where it is offered, the reply states the rule once and offers the booking', async () => {
    const school = await walk(['menu:checklist', 'svc:duplicate-school', 'ans:channel:state_corporation', 'ans:applicant:self', 'ans:reason:lost']);
    const [reply] = await school.press('nav:cannot_come');
    expect(reply!.text.match(/выездом/g)).toHaveLength(1);
    expect(reply!.choices!.map((c) => c.id)).toEqual(['menu:home_visit', 'menu:operator', 'nav:list']);
  });
});
