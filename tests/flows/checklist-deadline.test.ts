import { describe, expect, it } from 'vitest';
import type { Reply } from '../../flows/types';
import { testEngine } from '../support/engine';

/**
 * The "where, when, how much" details on a fixed clock: under the after-hours rule the term counts
 * from the registration day (the next working day after hours, on a day off or a holiday), and a fee
 * the rules do not state is said to be not stated. Times are Asia/Almaty, UTC+5.
 */

/** Opens the details of a service after pressing `presses`, at `now`, in `lang`; returns their text. */
async function details(now: string, lang: 'kk' | 'ru', presses: string[]): Promise<string> {
  const engine = testEngine({ now: () => new Date(now) });
  const id = `web-deadline-${presses.join('-')}-${now}-${lang}`;
  await engine.handle({ conversationId: id, channel: 'web', langHint: lang, event: { type: 'start' } });
  let replies: Reply[] = [];
  for (const press of [...presses, 'nav:details']) {
    const offered = replies.flatMap((r) => r.choices ?? []).map((c) => c.id);
    if (replies.length) expect(offered, `button ${press} on offer`).toContain(press);
    replies = (await engine.handle({ conversationId: id, channel: 'web', event: { type: 'choice', id: press } })).replies;
  }
  return replies.map((r) => r.text).join('\n');
}

const SCHOOL_AT = (channel: string) => ['menu:checklist', 'svc:duplicate-school', `ans:channel:${channel}`, ...(channel === 'egov_portal' ? [] : ['ans:applicant:self', 'ans:reason:lost'])];
const CORRECTION = ['menu:checklist', 'svc:correct-education-document'];
const TRANSFER_AT = (channel: string) => ['menu:checklist', 'svc:transfer-reinstatement', `ans:channel:${channel}`, 'ans:case:within_organisation'];
const DORMITORY = ['menu:checklist', 'svc:dormitory', 'ans:family:no', 'ans:category:none'];

// Saturday 22 November 2025, 12:00 in Almaty.
const SATURDAY = '2025-11-22T07:00:00Z';
// Friday 20 March 2026, before Nauryz (21–25 March off): 11:00, 18:30 and 19:45 in Almaty.
const FRIDAY_MORNING = '2026-03-20T06:00:00Z';
const FRIDAY_EVENING = '2026-03-20T13:30:00Z';
const FRIDAY_LATE = '2026-03-20T14:45:00Z';
// Monday 23 March 2026, Nauryz, 10:00 in Almaty.
const NAURYZ = '2026-03-23T05:00:00Z';

describe('checklist details: the term counts from the registration day', () => {
  it('on a Saturday the application is registered on Monday, and the result counted from it (ru)', async () => {
    const text = await details(SATURDAY, 'ru', SCHOOL_AT('state_corporation'));
    expect(text).toContain(
      'Сегодня выходной: заявление зарегистрируют 24 ноября 2025 г., результат — не позднее 15 декабря 2025 г. (15 рабочих дней со дня регистрации, сам он не считается; выходные и праздники учтены).',
    );
    expect(text).not.toContain('Если подать сегодня');
  });

  it('on a Saturday the application is registered on Monday (kk)', async () => {
    const text = await details(SATURDAY, 'kk', SCHOOL_AT('state_corporation'));
    expect(text).toContain('Бүгін демалыс күні. Өтініш келесі жұмыс күні — 2025 жылғы 24 қараша тіркеледі. Нәтиженің соңғы мерзімі — 2025 жылғы 15 желтоқсан (тіркелген күннен кейін 15 жұмыс күні;');
    expect(text).not.toContain('Бүгін тапсырсаңыз');
  });

  it('on a Friday morning it counts from today and says until when today counts', async () => {
    const text = await details(FRIDAY_MORNING, 'ru', SCHOOL_AT('provider_office'));
    expect(text).toContain('Если подать сегодня, результат должен быть готов не позднее 15 апреля 2026 г. (15 рабочих дней');
    expect(text).toContain('Заявление, поданное сегодня в 18:00 или позже, зарегистрируют только следующим рабочим днём — 26 марта 2026 г., и срок будет считаться от него.');
  });

  it('on a Friday evening after the school closes, the portal application waits past the Nauryz days off (ru and kk)', async () => {
    expect(await details(FRIDAY_EVENING, 'ru', SCHOOL_AT('egov_portal'))).toContain(
      'Рабочее время на сегодня закончилось (в 18:00): заявление зарегистрируют 26 марта 2026 г., результат — не позднее 16 апреля 2026 г. (15 рабочих дней со дня регистрации',
    );
    expect(await details(FRIDAY_EVENING, 'kk', SCHOOL_AT('egov_portal'))).toContain(
      'Бүгінгі жұмыс уақыты аяқталды (сағат 18:00). Өтініш келесі жұмыс күні — 2026 жылғы 26 наурыз тіркеледі. Нәтиженің соңғы мерзімі — 2026 жылғы 16 сәуір',
    );
  });

  it('the State Corporation works until 20:00: at 18:30 it still counts from today, at 19:45 too, but not after 20:00', async () => {
    expect(await details(FRIDAY_EVENING, 'ru', SCHOOL_AT('state_corporation'))).toContain('Если подать сегодня, результат должен быть готов не позднее 15 апреля 2026 г.');
    expect(await details(FRIDAY_LATE, 'ru', SCHOOL_AT('state_corporation'))).toContain('Заявление, поданное сегодня в 20:00 или позже');
    expect(await details('2026-03-20T15:00:00Z', 'ru', SCHOOL_AT('state_corporation'))).toContain('Рабочее время на сегодня закончилось (в 20:00): заявление зарегистрируют 26 марта 2026 г.');
  });

  it('on a holiday the application is registered after the whole run of days off (kk and ru)', async () => {
    expect(await details(NAURYZ, 'kk', CORRECTION)).toContain(
      'Бүгін мереке күні — Наурыз мейрамы. Өтініш келесі жұмыс күні — 2026 жылғы 26 наурыз тіркеледі. Нәтиженің соңғы мерзімі — 2026 жылғы 31 наурыз (тіркелген күннен кейін 3 жұмыс күні;',
    );
    expect(await details(NAURYZ, 'ru', CORRECTION)).toContain(
      'Сегодня праздник — Наурыз мейрамы: заявление зарегистрируют 26 марта 2026 г., результат — не позднее 31 марта 2026 г. (3 рабочих дня со дня регистрации',
    );
  });

  it('where the seed gives no working hours, only days off move the registration', async () => {
    const evening = await details(FRIDAY_LATE, 'ru', CORRECTION);
    expect(evening).toContain('Если подать сегодня, результат должен быть готов не позднее 30 марта 2026 г. (3 рабочих дня');
    expect(evening).not.toContain('зарегистрируют');
  });

  it('a rule for the portal only: the portal application on a day off is registered on the next working day; the office one is not said to be', async () => {
    expect(await details(SATURDAY, 'ru', TRANSFER_AT('egov_portal'))).toContain('Сегодня выходной: заявление зарегистрируют следующим рабочим днём — 24 ноября 2025 г.');
    expect(await details(SATURDAY, 'kk', TRANSFER_AT('egov_portal'))).toContain('Бүгін демалыс күні: өтініш келесі жұмыс күні тіркеледі — 2025 жылғы 24 қараша.');
    expect(await details(SATURDAY, 'ru', TRANSFER_AT('provider_office'))).not.toContain('зарегистрируют');
  });

  it('a service whose seed gives no after-hours rule, on a day off: the college is closed, so the term counts from Monday, and no registration day is claimed', async () => {
    const text = await details(SATURDAY, 'ru', DORMITORY);
    expect(text).toContain('Сегодня выходной: документы примут 24 ноября 2025 г., в ближайший рабочий день. Если подать их в этот день, результат — не позднее 27 ноября 2025 г. (3 рабочих дня');
    expect(text).not.toContain('Если подать сегодня');
    expect(text).not.toContain('зарегистрируют');
  });

  it('the same service on a working day counts from today', async () => {
    expect(await details(FRIDAY_MORNING, 'ru', DORMITORY)).toContain('Если подать сегодня, результат должен быть готов не позднее 30 марта 2026 г. (3 рабочих дня');
  });
});

describe('checklist details: a fee the rules do not state', () => {
  it("says once that the college's slides state no fee and offers 1414, without implying a charge (ru and kk)", async () => {
    const ru = await details(FRIDAY_MORNING, 'ru', DORMITORY);
    expect(ru).toContain('Стоимость:\nВ материалах колледжа плата за эту услугу не указана — уточните в колледже или по 1414.');
    expect(ru.match(/не указана/g)).toHaveLength(2); // the service fee, then the dormitory's own rent
    expect(ru).not.toContain('В правилах плата');
    const kk = await details(FRIDAY_MORNING, 'kk', DORMITORY);
    expect(kk).toContain('Ақысы:\nКолледж материалдарында бұл қызметтің ақысы көрсетілмеген — колледжден немесе 1414 нөмірі арқылы нақтылаңыз.');
  });

  it('a fee the rules state as free is shown as before', async () => {
    expect(await details(FRIDAY_MORNING, 'ru', SCHOOL_AT('state_corporation'))).toContain('Стоимость:\nБесплатно');
  });
});
