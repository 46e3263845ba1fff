import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buttonsOf, type FakeTelegram } from '../support/fake-telegram';
import { startTelegramTestServer, type TestServer } from '../support/server';

const buttons = buttonsOf;

describe('Telegram channel over HTTP to a fake Bot API (long polling)', () => {
  let telegram: FakeTelegram;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ telegram, close } = await startTelegramTestServer());
  });
  afterAll(() => close());

  it('greets /start in the language of the Telegram client with the menu as an inline keyboard', async () => {
    const since = telegram.calls.length;
    telegram.sendText(5001, '/start', 'ru');
    const sent = await telegram.waitFor('sendMessage', 2, since);
    expect(sent[0]!.params.chat_id).toBe(5001);
    expect(sent[0]!.params.text).toMatch(/^Здравствуйте!/);
    expect(buttons(sent[1]!).map((b) => b.callback_data)).toEqual(['menu:checklist', 'menu:home_visit', 'menu:status', 'menu:complaint', 'menu:operator', 'menu:language']);
    expect(buttons(sent[1]!)[0]!.text).toBe('Документы и заявление');
  });

  it('defaults to Kazakh for other client languages and switches language with the buttons', async () => {
    let since = telegram.calls.length;
    telegram.sendText(5002, '/start', 'en');
    const greeting = await telegram.waitFor('sendMessage', 2, since);
    expect(greeting[0]!.params.text).toMatch(/^Сәлеметсіз бе!/);

    since = telegram.calls.length;
    telegram.pressButton(5002, 'menu:language', 'en');
    const picker = await telegram.waitFor('sendMessage', 1, since);
    expect(buttons(picker[0]!).map((b) => b.callback_data)).toEqual(['lang:kk', 'lang:ru']);
    await telegram.waitFor('answerCallbackQuery', 1, since);

    since = telegram.calls.length;
    telegram.pressButton(5002, 'lang:ru', 'en');
    const switched = await telegram.waitFor('sendMessage', 2, since);
    expect(switched[0]!.params.text).toBe('Язык переключён: русский.');
    expect(buttons(switched[1]!)[0]!.text).toBe('Документы и заявление');
  });

  it('answers a forged callback politely and still answers the callback query', async () => {
    telegram.sendText(5003, '/start', 'kk');
    await telegram.waitFor('sendMessage', 2, 0, 5003);
    const since = telegram.calls.length;
    const id = telegram.pressButton(5003, 'x'.repeat(300), 'kk');
    const answered = await telegram.waitFor('answerCallbackQuery', 1, since);
    expect(answered.some((c) => c.params.callback_query_id === id)).toBe(true);
    const sent = await telegram.waitFor('sendMessage', 1, since, 5003);
    expect(sent[0]!.params.text).toMatch(/батырма енді жарамсыз/);
  });

  it('handles messages of one chat in order', async () => {
    telegram.sendText(5004, '/start', 'ru');
    await telegram.waitFor('sendMessage', 2, 0, 5004);
    const since = telegram.calls.length;
    telegram.sendText(5004, 'меню', 'ru');
    telegram.sendText(5004, 'я'.repeat(5000), 'ru');
    const mine = await telegram.waitFor('sendMessage', 3, since, 5004);
    expect(mine[0]!.params.text).toMatch(/Что вам нужно/);
    expect(mine[1]!.params.text).toMatch(/слишком длинное/);
  });
});

describe('Telegram channel in webhook mode', () => {
  let telegram: FakeTelegram;
  let server: TestServer;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ telegram, server, close } = await startTelegramTestServer({
      TELEGRAM_WEBHOOK_URL: 'https://assistant.example.kz/telegram/webhook',
      TELEGRAM_WEBHOOK_SECRET: 'webhook-secret-for-tests-0123456789',
    }));
  });
  afterAll(() => close());

  const update = (chatId: number, text: string, updateId = 77) => ({
    update_id: updateId,
    message: { message_id: 1, date: 1, chat: { id: chatId, type: 'private' }, from: { id: chatId, is_bot: false, first_name: 'Ерлан', language_code: 'kk' }, text },
  });

  it('registers the webhook with its secret token', async () => {
    const [call] = await telegram.waitFor('setWebhook');
    expect(call!.params).toMatchObject({ url: 'https://assistant.example.kz/telegram/webhook', secret_token: 'webhook-secret-for-tests-0123456789' });
  });

  it('rejects an update without the secret token and handles one with it', async () => {
    const forged = await fetch(`${server.url}/telegram/webhook`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(update(6001, '/start')) });
    expect(forged.status).toBe(401);
    const since = telegram.calls.length;
    const genuine = await fetch(`${server.url}/telegram/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': 'webhook-secret-for-tests-0123456789' },
      body: JSON.stringify(update(6001, '/start')),
    });
    expect(genuine.status).toBe(200);
    const sent = await telegram.waitFor('sendMessage', 2, since, 6001);
    expect(sent[0]!.params.text).toMatch(/^Сәлеметсіз бе!/);
    expect(telegram.calls.filter((c) => c.method === 'sendMessage' && c.params.chat_id === 6001)).toHaveLength(2);
  });

  it('handles an update that Telegram delivers twice once', async () => {
    const post = (body: object) =>
      fetch(`${server.url}/telegram/webhook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': 'webhook-secret-for-tests-0123456789' },
        body: JSON.stringify(body),
      });
    const since = telegram.calls.length;
    // Telegram sends an update again when it did not get the 200 in time, possibly while the first is still handled.
    const statuses = await Promise.all([post(update(6002, '/start', 501)), post(update(6002, '/start', 501))]);
    expect(statuses.map((r) => r.status)).toEqual([200, 200]);
    await post(update(6002, 'меню', 502));
    const sent = await telegram.waitFor('sendMessage', 3, since, 6002);
    expect(sent.map((c) => String(c.params.text).split('\n')[0])).toEqual([expect.stringMatching(/^Сәлеметсіз бе!/), expect.any(String), expect.stringMatching(/^Не қажет/)]);
    const transcript = await server.store.conversations.transcript('tg-6002');
    expect(transcript.filter((e) => e.from === 'citizen').map((e) => e.text)).toEqual(['/start', 'меню']);
  });
});

/** The first message to `chat` after call `since` that carries an inline keyboard (the end of an answer). */
async function messageWithKeyboard(telegram: FakeTelegram, chat: number, since: number) {
  for (let count = 1; ; count++) {
    const sent = await telegram.waitFor('sendMessage', count, since, chat);
    const withKeyboard = sent.find((c) => buttons(c).length > 0);
    if (withKeyboard) return withKeyboard;
  }
}

describe('checklist in Telegram', () => {
  let telegram: FakeTelegram;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ telegram, close } = await startTelegramTestServer());
  });
  afterAll(() => close());

  it('reaches the personalised list for a lost school certificate and ticks an item by editing the message', async () => {
    const chat = 7001;
    let since = telegram.calls.length;
    telegram.sendText(chat, '/start', 'kk');
    await telegram.waitFor('sendMessage', 2, since, chat);
    for (const press of ['menu:checklist', 'svc:duplicate-school', 'ans:channel:state_corporation', 'ans:applicant:parent']) {
      since = telegram.calls.length;
      telegram.pressButton(chat, press, 'kk');
      const keyboard = await messageWithKeyboard(telegram, chat, since);
      expect(buttons(keyboard).length).toBeGreaterThan(0);
    }
    since = telegram.calls.length;
    telegram.pressButton(chat, 'ans:reason:lost', 'kk');
    const list = await messageWithKeyboard(telegram, chat, since);
    expect(list!.params.text).toMatch(/дайыны: 0\/2/);
    expect(buttons(list!).map((b) => b.callback_data)).toContain('tick:student_identity_document');

    since = telegram.calls.length;
    telegram.pressButton(chat, 'tick:student_identity_document', 'kk');
    const [edit] = await telegram.waitFor('editMessageText', 1, since, chat);
    expect(edit!.params.text).toMatch(/дайыны: 1\/2/);
    expect(buttons(edit!).find((b) => b.callback_data === 'tick:student_identity_document')!.text).toBe('✅ 2');
    expect(telegram.calls.slice(since).filter((c) => c.method === 'sendMessage')).toHaveLength(0);
  });

  it('sends the filled application form as a PDF document', async () => {
    const chat = 7001;
    let since = telegram.calls.length;
    telegram.pressButton(chat, 'nav:form', 'kk');
    await messageWithKeyboard(telegram, chat, since);
    for (const text of ['№ 12 мектеп', 'Әлімжанова Гүлнұр', '850520400003', '2002']) {
      since = telegram.calls.length;
      telegram.sendText(chat, text, 'kk');
      await messageWithKeyboard(telegram, chat, since);
    }
    since = telegram.calls.length;
    telegram.pressButton(chat, 'q:skip', 'kk');
    await messageWithKeyboard(telegram, chat, since);
    since = telegram.calls.length;
    telegram.pressButton(chat, 'q:document:attestat', 'kk');
    const summary = await messageWithKeyboard(telegram, chat, since);
    expect(buttons(summary!).map((b) => b.callback_data)).toContain('q:confirm');
    since = telegram.calls.length;
    telegram.pressButton(chat, 'q:confirm', 'kk');
    const [document] = await telegram.waitFor('sendDocument', 1, since);
    expect(document!.params.raw).toContain('%PDF-');
    expect(document!.params.raw).toContain('seed000-app1-kk.pdf');
    expect(document!.params.raw).toContain(String(chat));
  });
});
