import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOME_VISIT_RECORDS } from '../../bot/home-visits';
import { answerTo, type FakeTelegram } from '../support/fake-telegram';
import { startTelegramTestServer, startTestServer, type TestServer } from '../support/server';
import { ChatClient } from '../support/ws-client';
import { HOME_VISIT_BOOKING, HOME_VISIT_PERSONAL } from '../support/home-visit-script';
import { capturedProductLog } from '../support/log';

/** Tuesday 8 December 2026, 11:00 in Astana: the bookable days run to 23 December, around Independence Day on the 16th. */
const NOW = new Date('2026-12-08T11:00:00+05:00');
const now = () => NOW;

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
  const captured = capturedProductLog('debug');
  beforeAll(async () => {
    server = await startTestServer({ LOG_LEVEL: 'debug' }, { log: captured.log, now });
  });
  afterAll(() => server.close());

  it('books end to end with the usual mistakes, and no IIN, phone or address reaches the log', async () => {
    let client = await ChatClient.connect(server.wsUrl);
    const hello = await client.exchange({ type: 'hello', lang: 'ru' });
    const { conversationId, token } = hello.find((f) => f.type === 'session')!;
    for (const [index, [step, expected]] of HOME_VISIT_BOOKING.entries()) {
      // A socket takes a burst of 20 frames, then 3 a second; the page is reloaded now and then, as a person's would be, and the booking goes on.
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
    for (const secret of HOME_VISIT_PERSONAL) expect(log).not.toContain(secret);
  });
});

describe('booking a home visit in Telegram', () => {
  let telegram: FakeTelegram;
  let server: TestServer;
  let close: () => Promise<void>;
  const captured = capturedProductLog('debug');
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
    for (const [step, expected] of HOME_VISIT_BOOKING) {
      since = telegram.calls.length;
      if ('press' in step) telegram.pressButton(chat, step.press, 'ru');
      else telegram.sendText(chat, step.type, 'ru');
      const said = await answer(chat, since);
      if (expected) expect(said, JSON.stringify(step)).toMatch(expected);
    }
    await expectBooked(server, `tg-${chat}`);
    for (const secret of HOME_VISIT_PERSONAL) expect(captured.text()).not.toContain(secret);
  });
});
