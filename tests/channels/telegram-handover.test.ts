import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buttonsOf, type ApiCall, type FakeTelegram } from '../support/fake-telegram';
import { OperatorApi } from '../support/operator-api';
import { startTelegramTestServer, type TestServer } from '../support/server';
import { SseClient } from '../support/sse';

const CHAT = 7001;
const buttons = (call: ApiCall) => buttonsOf(call).map((b) => b.callback_data);

describe('operator hand-over of a Telegram conversation over the fake Bot API', () => {
  let telegram: FakeTelegram;
  let server: TestServer;
  let operator: OperatorApi;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ telegram, server, close } = await startTelegramTestServer({ OPERATOR_BOOTSTRAP: 'aigerim:aigerim-pass-1:operator', CONTACT_CENTRE_HOURS: 'always' }));
    operator = await OperatorApi.login(server.url, 'aigerim', 'aigerim-pass-1');
  });
  afterAll(() => close());

  it("queues on /operator, delivers the operator's words as Telegram messages, keeps the bot silent, and hands back", async () => {
    const events = await SseClient.connect(`${server.url}/api/operator/events`, operator.token);
    telegram.sendText(CHAT, '/start', 'kk');
    await telegram.waitFor('sendMessage', 2, 0, CHAT);

    let since = telegram.calls.length;
    telegram.sendText(CHAT, '/operator', 'kk');
    const confirm = await telegram.waitFor('sendMessage', 1, since, CHAT);
    expect(buttons(confirm[0]!)).toEqual(['op:yes', 'op:no']);
    since = telegram.calls.length;
    telegram.pressButton(CHAT, 'op:yes', 'kk');
    await telegram.waitFor('sendMessage', 1, since, CHAT);
    since = telegram.calls.length;
    telegram.sendText(CHAT, 'Дипломымды жоғалттым', 'kk');
    const queued = await telegram.waitFor('sendMessage', 1, since, CHAT);
    expect(queued[0]!.params.text).toMatch(/кезектесіз/);
    const conversationId = `tg-${CHAT}`;
    await events.waitFor((e) => e.event === 'queued' && e.data.conversationId === conversationId);

    since = telegram.calls.length;
    expect((await operator.post(`/api/operator/conversations/${conversationId}/takeover`)).status).toBe(200);
    const joined = await telegram.waitFor('sendMessage', 1, since, CHAT);
    expect(joined.map((c) => c.params.text)).toContain('Оператор Aigerim байланыста.');

    since = telegram.calls.length;
    await operator.post(`/api/operator/conversations/${conversationId}/messages`, { text: 'Сәлеметсіз бе! Қай оқу орнын бітірдіңіз?' });
    const fromOperator = await telegram.waitFor('sendMessage', 1, since, CHAT);
    expect(fromOperator[0]!.params).toMatchObject({ chat_id: CHAT, text: 'Aigerim: Сәлеметсіз бе! Қай оқу орнын бітірдіңіз?' });

    // The citizen's answer reaches the operator; the bot says nothing.
    since = telegram.calls.length;
    telegram.sendText(CHAT, 'Алматы колледжі, 2015 жыл', 'kk');
    await events.waitFor((e) => e.event === 'message' && e.data.text === 'Алматы колледжі, 2015 жыл');
    telegram.sendText(CHAT, 'меню', 'kk');
    await events.waitFor((e) => e.event === 'message' && e.data.text === 'меню');
    expect(telegram.calls.slice(since).filter((c) => c.method === 'sendMessage')).toEqual([]);

    since = telegram.calls.length;
    await operator.post(`/api/operator/conversations/${conversationId}/release`);
    const back = await telegram.waitFor('sendMessage', 2, since, CHAT);
    expect(back[0]!.params.text).toBe('Оператормен сөйлесу аяқталды, енді сізге қайтадан бот жауап береді.');
    expect(buttons(back.at(-1)!)).toContain('menu:checklist');

    since = telegram.calls.length;
    telegram.sendText(CHAT, 'меню', 'kk');
    const menu = await telegram.waitFor('sendMessage', 1, since, CHAT);
    expect(menu[0]!.params.text).toMatch(/^Не қажет\?/);
    events.close();
  });
});
