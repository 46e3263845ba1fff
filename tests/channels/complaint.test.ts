import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPLAINT_RECORDS } from '../../bot/complaints';
import { answerTo, type FakeTelegram } from '../support/fake-telegram';
import { startTelegramTestServer, startTestServer, type TestServer } from '../support/server';
import { ChatClient, type Frame } from '../support/ws-client';

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
  [{ type: 'Сапарова Айгерим' }],
  [{ type: IIN }],
  [{ type: '+7 701 123 45 67' }],
  [{ press: 'q:skip' }],
  [{ press: 'q:consent:yes' }, /Нарушен срок/],
  [{ press: 'q:confirm' }, /Можно приложить до 5 фото или файлов/],
  [{ press: 'cp:files_done' }, /Жалоба зарегистрирована: № CMP-2026-\d{6} от 30 декабря 2026 г\.\nЕё рассмотрит: Руководитель школы\nСрок ответа — не позднее 11 января 2027 г\./],
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
    let last: Frame | undefined;
    for (const [index, [step, expected]] of SCRIPT('SC-2026-0601').entries()) {
      // A socket takes a burst of 20 frames, then 3 a second: the page is reloaded now and then, as a person's would be.
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

describe('a complaint about a State Corporation employee with a photo, over the widget socket', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({}, { now });
  });
  afterAll(() => server.close());

  it('uploads the photo with the session token, sends it in the chat, and files the complaint with it', async () => {
    const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(800, 3)]);
    const client = await ChatClient.connect(server.wsUrl);
    const hello = await client.exchange({ type: 'hello', lang: 'ru' });
    const { token } = hello.find((f) => f.type === 'session')!;
    const say = async (frame: object) =>
      (await client.exchange(frame))
        .filter((f) => f.type === 'message')
        .map((f) => f.text)
        .join('\n');
    for (const id of ['menu:complaint', 'cp:against:state_corporation', 'cp:svc:duplicate-school', 'cp:go', 'q:category:improper_treatment']) await say({ type: 'choice', id });
    await say({ type: 'text', text: 'Сотрудник ЦОН не принял документы и грубил.' });
    await say({ type: 'choice', id: 'q:skip' });
    await say({ type: 'choice', id: 'q:skip' });
    for (const text of ['Принять документы.', 'Сапарова Айгерим', IIN, '+7 701 123 45 67']) await say({ type: 'text', text });
    await say({ type: 'choice', id: 'q:skip' });
    await say({ type: 'choice', id: 'q:consent:yes' });
    expect(await say({ type: 'choice', id: 'q:confirm' })).toMatch(/Можно приложить до 5 фото или файлов/);
    const upload = await fetch(`${server.url}/api/chat/files`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent('сотрудник.png') },
      body: PNG,
    });
    expect(upload.status).toBe(201);
    const { id } = (await upload.json()) as { id: string };
    expect(await say({ type: 'file', id })).toMatch(/Файл «сотрудник\.png» приложен \(1 из 5\)/);
    expect(await say({ type: 'choice', id: 'cp:files_done' })).toMatch(/Жалоба зарегистрирована: № CMP-2026-\d{6}/);
    client.close();
    const { items } = await server.store.records(COMPLAINT_RECORDS).list({});
    expect(items.map((r) => r.value)).toEqual([expect.objectContaining({ against: 'state_corporation', attachments: [expect.objectContaining({ id, name: 'сотрудник.png', type: 'image/png' })] })]);
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

  const answer = (chat: number, since: number) => answerTo(telegram, chat, since);

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

describe('a complaint about a State Corporation employee with a photo, in Telegram', () => {
  let telegram: FakeTelegram;
  let server: TestServer;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ telegram, server, close } = await startTelegramTestServer({}, { now }));
  });
  afterAll(() => close());

  const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(3000, 7)]);
  const EXE = Buffer.concat([Buffer.from('MZ\x90\x00'), Buffer.alloc(500, 1)]);

  const answer = (chat: number, since: number) => answerTo(telegram, chat, since);

  it('refuses an executable renamed .jpg, an oversized photo and a sixth file with a clear message, keeps the complaint so far, and files it with five photos', async () => {
    const chat = 8202;
    const say = async (act: () => void) => {
      const since = telegram.calls.length;
      act();
      return answer(chat, since);
    };
    await say(() => telegram.sendText(chat, '/start', 'ru'));
    await say(() => telegram.pressButton(chat, 'menu:complaint', 'ru'));
    await say(() => telegram.pressButton(chat, 'cp:against:state_corporation', 'ru'));
    expect(await say(() => telegram.pressButton(chat, 'cp:svc:duplicate-school', 'ru'))).toMatch(/Её рассмотрит: /);
    await say(() => telegram.pressButton(chat, 'cp:go', 'ru'));
    await say(() => telegram.pressButton(chat, 'q:category:improper_treatment', 'ru'));
    await say(() => telegram.sendText(chat, 'Сотрудник ЦОН накричал и не принял документы.', 'ru'));
    await say(() => telegram.pressButton(chat, 'q:skip', 'ru'));
    await say(() => telegram.pressButton(chat, 'q:skip', 'ru'));
    await say(() => telegram.sendText(chat, 'Принять документы.', 'ru'));
    await say(() => telegram.sendText(chat, 'Сапарова Айгерим', 'ru'));
    await say(() => telegram.sendText(chat, IIN, 'ru'));
    await say(() => telegram.sendText(chat, '+7 701 123 45 67', 'ru'));
    await say(() => telegram.pressButton(chat, 'q:skip', 'ru'));
    const summary = await say(() => telegram.pressButton(chat, 'q:consent:yes', 'ru'));
    expect(summary).toMatch(/Описание: Сотрудник ЦОН накричал/);
    expect(await say(() => telegram.pressButton(chat, 'q:confirm', 'ru'))).toMatch(/Можно приложить до 5 фото или файлов/);
    const refused = await say(() => telegram.sendDocument(chat, EXE, 'photo.jpg', 'image/jpeg', { languageCode: 'ru' }));
    expect(refused).toMatch(/Такой файл не подходит/);
    expect(await say(() => telegram.sendPhoto(chat, JPEG, { languageCode: 'ru', statedSize: 20 * 1024 * 1024 }))).toMatch(/Файл слишком большой/);
    for (let i = 1; i <= 5; i++) expect(await say(() => telegram.sendPhoto(chat, JPEG, { languageCode: 'ru' }))).toMatch(new RegExp(`\\(${i} из 5\\)`));
    expect(await say(() => telegram.sendPhoto(chat, JPEG, { languageCode: 'ru' }))).toMatch(/Больше 5 файлов приложить нельзя/);
    expect(await say(() => telegram.pressButton(chat, 'cp:files_done', 'ru'))).toMatch(/Жалоба зарегистрирована: № CMP-2026-\d{6}/);
    const { items } = await server.store.records(COMPLAINT_RECORDS).list({});
    expect(items).toHaveLength(1);
    expect(items[0]!.value).toMatchObject({ against: 'state_corporation', category: 'improper_treatment' });
    expect(items[0]!.value.attachments.map((a) => [a.type, a.size])).toEqual(Array.from({ length: 5 }, () => ['image/jpeg', JPEG.length]));
  });
});
