import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Actor } from '../../bot/handoff';
import type { FakeTelegram } from '../support/fake-telegram';
import { startTelegramTestServer, type TestServer } from '../support/server';

const actor: Actor = { login: 'aigerim', name: 'Aigerim', role: 'operator' };

describe('operator messages reach Telegram through the outbox', () => {
  let telegram: FakeTelegram;
  let server: TestServer;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ telegram, server, close } = await startTelegramTestServer({ CONTACT_CENTRE_HOURS: 'always' }));
  });
  afterAll(() => close());

  const texts = (chatId: number) => telegram.calls.filter((c) => c.method === 'sendMessage' && Number(c.params.chat_id) === chatId).map((c) => String(c.params.text));

  /** A citizen who said /start, taken over by the operator; resolves with the conversation id. */
  async function withOperator(chatId: number): Promise<string> {
    telegram.sendText(chatId, '/start', 'kk');
    await telegram.waitFor('sendMessage', 2, 0, chatId);
    const id = `tg-${chatId}`;
    const since = telegram.calls.length;
    expect((await server.handoff.takeover(id, actor)).changed).toBe(true);
    await telegram.waitFor('sendMessage', 1, since, chatId);
    return id;
  }

  /** Nothing waits in the outbox, not even an entry read and not acked. */
  const expectOutboxEmpty = async () => expect(await server.store.outbox.read(`probe-${randomUUID()}`, { count: 100, blockMs: 0, visibilityMs: 0 })).toEqual([]);

  it('delivers a message exactly once after the Bot API answered 429 four times running', async () => {
    const chatId = 8101;
    const id = await withOperator(chatId);
    // Each 429 holds the chat for its retry_after, and the outbox sends again.
    telegram.failNext('sendMessage', 4, { error_code: 429, description: 'Too Many Requests: retry after 1', retry_after: 1 }, chatId);
    await server.handoff.message(id, actor, 'Құжатыңыз дайын.');
    await vi.waitFor(() => expect(texts(chatId)).toContain('Aigerim: Құжатыңыз дайын.'), { timeout: 12_000, interval: 50 });
    expect(telegram.refused.filter((c) => Number(c.params.chat_id) === chatId)).toHaveLength(4);
    // A chat's messages go one at a time: once the next one arrives, the first is done with and not sent again.
    await server.handoff.message(id, actor, 'Тағы сұрақтарыңыз бар ма?');
    await vi.waitFor(() => expect(texts(chatId)).toContain('Aigerim: Тағы сұрақтарыңыз бар ма?'), { timeout: 5000, interval: 50 });
    expect(texts(chatId).slice(-2)).toEqual(['Aigerim: Құжатыңыз дайын.', 'Aigerim: Тағы сұрақтарыңыз бар ма?']);
    expect(texts(chatId).filter((t) => t === 'Aigerim: Құжатыңыз дайын.')).toHaveLength(1);
    await vi.waitFor(expectOutboxEmpty);
  });

  it("delivers an operator's messages to one chat in the order written", async () => {
    const chatId = 8102;
    const id = await withOperator(chatId);
    const since = telegram.calls.length;
    const written = ['бір', 'екі', 'үш', 'төрт', 'бес'];
    for (const text of written) await server.handoff.message(id, actor, text);
    const arrived = await vi.waitFor(
      () => {
        const got = telegram.calls.slice(since).filter((c) => c.method === 'sendMessage' && Number(c.params.chat_id) === chatId);
        expect(got).toHaveLength(written.length);
        return got;
      },
      { timeout: 10_000, interval: 50 },
    );
    expect(arrived.map((c) => c.params.text)).toEqual(written.map((text) => `Aigerim: ${text}`));
  });

  it('gives up on a chat that blocked the bot after one try, sends it nothing more, and writes again once the citizen does', async () => {
    const chatId = 8103;
    const id = await withOperator(chatId);
    telegram.failNext('sendMessage', 1, { error_code: 403, description: 'Forbidden: bot was blocked by the user' }, chatId);
    await server.handoff.message(id, actor, 'Сіз бізді бұғаттадыңыз ба?');
    const refused = () => telegram.refused.filter((c) => Number(c.params.chat_id) === chatId).map((c) => String(c.params.text));
    await vi.waitFor(() => expect(refused()).toEqual(['Aigerim: Сіз бізді бұғаттадыңыз ба?']), { timeout: 5000, interval: 50 });
    await vi.waitFor(async () => expect((await server.store.conversations.get(id))!.address.blocked).toBe(true), { timeout: 5000, interval: 50 });
    // Stored for the record, but not queued for a chat that blocked the bot.
    const sentBefore = telegram.calls.filter((c) => c.method === 'sendMessage' && Number(c.params.chat_id) === chatId).length;
    await server.handoff.message(id, actor, 'Жауап күтеміз.');
    expect((await server.store.conversations.transcript(id)).at(-1)!.text).toBe('Жауап күтеміз.');
    await vi.waitFor(expectOutboxEmpty);
    // The citizen writes again: the bot is unblocked, and the next message reaches them.
    telegram.sendText(chatId, 'Кешіріңіз, қайта қостым', 'kk');
    await vi.waitFor(async () => expect((await server.store.conversations.get(id))!.address.blocked).toBe(false), { timeout: 5000, interval: 50 });
    await server.handoff.message(id, actor, 'Қош келдіңіз!');
    const after = await telegram.waitFor('sendMessage', sentBefore + 1, 0, chatId);
    expect(after.map((c) => String(c.params.text))).not.toContain('Aigerim: Жауап күтеміз.');
    expect(after.at(-1)!.params.text).toBe('Aigerim: Қош келдіңіз!');
  });
});
