import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buttonsOf, type FakeTelegram } from '../support/fake-telegram';
import { startTelegramTestServer, startTestServer, type TestServer } from '../support/server';
import { ChatClient } from '../support/ws-client';

/** Wednesday 30 December 2026, 11:00 in Astana: the application below is overdue since 28 December. */
const now = () => new Date('2026-12-30T11:00:00+05:00');
const TOKEN = 'provider-token-for-the-tests-0123456789';
const IIN = '850520400003';

type Step = { press: string } | { type: string };

/** An overdue application looked up, then a complaint about it filed, in Russian. */
const SCRIPT = (number: string): [Step, RegExp?][] => [
  [{ press: 'menu:status' }, /Напишите номер заявления/],
  [{ type: number }, /ИИН/],
  [{ type: IIN }, /Срок прошёл 28 декабря 2026 г\., а результата ещё нет/],
  [{ press: 'menu:complaint' }, new RegExp(`Жалоба по заявлению № ${number}[\\s\\S]*за 5 рабочих дней`)],
  [{ press: 'cp:go' }, /Опишите своими словами/],
  [{ type: 'Дубликат не выдали в срок.' }],
  [{ press: 'q:skip' }],
  [{ type: 'Выдать дубликат.' }],
  [{ press: 'q:skip' }],
  [{ type: 'Сапарова Айгерим' }],
  [{ type: IIN }],
  [{ type: '+7 701 123 45 67' }],
  [{ press: 'q:skip' }],
  [{ press: 'q:consent:yes' }, /Нарушен срок/],
  [{ press: 'q:confirm' }, /Жалоба зарегистрирована: № CMP-2026-\d{6} от 30 декабря 2026 г\.\nЕё рассмотрит: Руководитель школы\nСрок ответа — не позднее 11 января 2027 г\./],
];

async function postApplication(server: TestServer, number: string) {
  const response = await fetch(`${server.url}/api/applications/${number}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ iin: IIN, serviceId: 'duplicate-school', status: 'registered', submittedAt: '2026-12-04T12:00:00+05:00', channel: 'state_corporation' }),
  });
  expect(response.status).toBe(201);
}

describe('a complaint after an overdue status, over the widget socket', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ STATUS_API_TOKEN: TOKEN }, { now });
  });
  afterAll(() => server.close());

  it('looks the application up, files the complaint prefilled with it, and links the printed complaint', async () => {
    await postApplication(server, 'SC-2026-0601');
    let client = await ChatClient.connect(server.wsUrl);
    const hello = await client.exchange({ type: 'hello', lang: 'ru' });
    const { token } = hello.find((f) => f.type === 'session')!;
    let last: { attachment?: { url: string } } | undefined;
    for (const [index, [step, expected]] of SCRIPT('SC-2026-0601').entries()) {
      // A socket may send 20 frames in 10 s: the page is reloaded now and then, as a person's would be.
      if (index > 0 && index % 12 === 0) {
        client.close();
        client = await ChatClient.connect(server.wsUrl);
        await client.exchange({ type: 'hello', lang: 'ru', token });
      }
      const frames = await client.exchange('press' in step ? { type: 'choice', id: step.press } : { type: 'text', text: step.type });
      const messages = frames.filter((f) => f.type === 'message');
      if (expected) expect(messages.map((f) => f.text).join('\n'), JSON.stringify(step)).toMatch(expected);
      last = messages.find((f) => f.attachment) ?? last;
    }
    client.close();
    const pdf = await fetch(`${server.url}${last!.attachment!.url}`);
    expect(pdf.status).toBe(200);
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  });
});

describe('a complaint after an overdue status, in Telegram', () => {
  let telegram: FakeTelegram;
  let server: TestServer;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ telegram, server, close } = await startTelegramTestServer({ STATUS_API_TOKEN: TOKEN }, { now }));
  });
  afterAll(() => close());

  async function answer(chat: number, since: number): Promise<string> {
    for (let count = 1; ; count++) {
      const sent = await telegram.waitFor('sendMessage', count, since, chat);
      const end = sent.findIndex((c) => buttonsOf(c).length > 0);
      if (end >= 0)
        return sent
          .slice(0, end + 1)
          .map((c) => String(c.params.text))
          .join('\n');
    }
  }

  it('looks the application up, files the complaint prefilled with it, and sends the printed complaint as a document', async () => {
    await postApplication(server, 'SC-2026-0602');
    const chat = 8201;
    let since = telegram.calls.length;
    telegram.sendText(chat, '/start', 'ru');
    await answer(chat, since);
    for (const [step, expected] of SCRIPT('SC-2026-0602')) {
      since = telegram.calls.length;
      if ('press' in step) telegram.pressButton(chat, step.press, 'ru');
      else telegram.sendText(chat, step.type, 'ru');
      const said = await answer(chat, since);
      if (expected) expect(said, JSON.stringify(step)).toMatch(expected);
    }
    // The printed complaint comes as a PDF document with the confirmation.
    const documents = telegram.calls.filter((c) => c.method === 'sendDocument');
    expect(documents).toHaveLength(1);
  });
});
