import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../api/logger';
import { HOME_VISIT_RECORDS } from '../../bot/home-visits';
import { answerTo, type FakeTelegram } from '../support/fake-telegram';
import { startTelegramTestServer, startTestServer, type TestServer } from '../support/server';
import { ChatClient } from '../support/ws-client';

/** Tuesday 8 December 2026, 11:00 in Astana: the bookable days run to 23 December, around Independence Day on the 16th. */
const NOW = new Date('2026-12-08T11:00:00+05:00');
const now = () => NOW;

type Step = { press: string } | { type: string };
/** What one step expects of the bot's answer (its messages joined). */
type Check = [Step, RegExp?];

/**
 * A relative books a visit for a parent, in Russian, making the mistakes people make: a wrong IIN,
 * a foreign phone, a holiday typed as the date, and a correction at the summary.
 */
const BOOKING: Check[] = [
  [{ press: 'menu:home_visit' }, /Для кого вызываете сотрудника\?/],
  [{ press: 'hv:other' }, /Этот человек полностью или частично утратил возможность/],
  [{ press: 'hv:eligible:yes' }, /По какой услуге/],
  [{ press: 'hv:svc:duplicate-school' }, /Сначала ответьте на несколько вопросов/],
  [{ press: 'ans:channel:state_corporation' }],
  [{ press: 'ans:applicant:parent' }],
  [{ press: 'ans:reason:lost' }, /готово 0 из/],
  [{ press: 'nav:cannot_come' }, /Записаться можно и здесь/],
  [{ press: 'menu:home_visit' }, /Продолжим запись[\s\S]*Ваши фамилия, имя и отчество \(вы оформляете вызов\)/],
  [{ type: 'Сапарова Айгерим' }, /К кому придёт сотрудник\?/],
  [{ type: 'Сапаров Болат Ержанович' }, /ИИН этого человека/],
  [{ type: '123456789012' }, /ИИН/],
  [{ type: '850520400003' }, /Кому позвонит сотрудник\?/],
  [{ press: 'q:phone_of:representative' }, /Номер телефона/],
  [{ type: '+1 202 555 0100' }, /\+7/],
  [{ type: '8 701 123 45 67' }, /По какому адресу/],
  [{ press: 'q:address:almaty' }],
  [{ type: 'проспект Абая' }],
  [{ type: '10' }],
  [{ press: 'q:skip' }],
  [{ press: 'q:skip' }],
  [{ press: 'q:skip' }, /Что важно знать сотруднику\?/],
  [{ press: 'q:needs:wheelchair' }],
  [{ press: 'q:skip' }, /согласны/],
  [{ press: 'q:consent:yes' }, /Телефон: \+7 701 123 45 67/],
  [{ press: 'q:edit:phone' }],
  [{ type: '+7 702 765 43 21' }, /Телефон: \+7 702 765 43 21/],
  [{ press: 'q:confirm' }, /Выберите день/],
  [{ type: '16 декабря' }, /праздник: День Независимости/],
  [{ type: '10.12' }, /10 декабря 2026 г\.: когда удобно\?/],
  [{ press: 'hv:win:morning' }, /Заявка на выезд сотрудника № HV-2026-\d{6}\.\nСотрудник придёт 10 декабря 2026 г\., до обеда\./],
];

/** The personal data typed in the script, which no log line may carry. */
const PERSONAL = ['850520400003', '7011234567', '701 123 45 67', '7027654321', '702 765 43 21', 'проспект Абая', 'Сапаров Болат'];

function capturedLog() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { log: createLogger('debug', stream), text: () => lines.join('') };
}

async function expectBooked(server: TestServer, conversationId: string) {
  const { items } = await server.store.records(HOME_VISIT_RECORDS).list({ index: 'conversation', value: conversationId });
  expect(items.map((r) => r.value)).toEqual([
    expect.objectContaining({
      date: '2026-12-10',
      window: 'morning',
      status: 'requested',
      serviceId: 'duplicate-school',
      applicant: { name: 'Сапаров Болат Ержанович', iin: '850520400003' },
      actingFor: { name: 'Сапарова Айгерим' },
      phone: '+77027654321',
      phoneOf: 'representative',
      needs: ['wheelchair'],
    }),
  ]);
}

describe('booking a home visit over the widget socket', () => {
  let server: TestServer;
  const captured = capturedLog();
  beforeAll(async () => {
    server = await startTestServer({ LOG_LEVEL: 'debug' }, { log: captured.log, now });
  });
  afterAll(() => server.close());

  it('books end to end with the usual mistakes, and no IIN, phone or address reaches the log', async () => {
    let client = await ChatClient.connect(server.wsUrl);
    const hello = await client.exchange({ type: 'hello', lang: 'ru' });
    const { conversationId, token } = hello.find((f) => f.type === 'session')!;
    for (const [index, [step, expected]] of BOOKING.entries()) {
      // A socket may send 20 frames in 10 s; the page is reloaded now and then, as a person's would be, and the booking goes on.
      if (index > 0 && index % 12 === 0) {
        client.close();
        client = await ChatClient.connect(server.wsUrl);
        await client.exchange({ type: 'hello', lang: 'ru', token });
      }
      const frames = await client.exchange('press' in step ? { type: 'choice', id: step.press } : { type: 'text', text: step.type });
      const said = frames
        .filter((f) => f.type === 'message')
        .map((f) => f.text)
        .join('\n');
      if (expected) expect(said, JSON.stringify(step)).toMatch(expected);
    }
    client.close();
    await expectBooked(server, conversationId);
    const log = captured.text();
    expect(log.length).toBeGreaterThan(0);
    for (const secret of PERSONAL) expect(log).not.toContain(secret);
  });
});

describe('booking a home visit in Telegram', () => {
  let telegram: FakeTelegram;
  let server: TestServer;
  let close: () => Promise<void>;
  const captured = capturedLog();
  beforeAll(async () => {
    ({ telegram, server, close } = await startTelegramTestServer({ LOG_LEVEL: 'debug' }, { log: captured.log, now }));
  });
  afterAll(() => close());

  const answer = (chat: number, since: number) => answerTo(telegram, chat, since);

  it('books end to end with the usual mistakes, and no IIN, phone or address reaches the log', async () => {
    const chat = 8101;
    let since = telegram.calls.length;
    telegram.sendText(chat, '/start', 'ru');
    await answer(chat, since);
    for (const [step, expected] of BOOKING) {
      since = telegram.calls.length;
      if ('press' in step) telegram.pressButton(chat, step.press, 'ru');
      else telegram.sendText(chat, step.type, 'ru');
      const said = await answer(chat, since);
      if (expected) expect(said, JSON.stringify(step)).toMatch(expected);
    }
    await expectBooked(server, `tg-${chat}`);
    for (const secret of PERSONAL) expect(captured.text()).not.toContain(secret);
  });
});
