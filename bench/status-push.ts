import { randomBytes } from 'node:crypto';
import pino from 'pino';
import { createRuntime } from '../bot/runtime';
import { loadConfig } from '../config';
import { createTexts } from '../locales/i18n';
import { buildServer } from '../server';
import type { Conversation } from '../store/types';
import { mostInAnyWindow, startFakeTelegram, telegramEnv } from '../tests/support/fake-telegram';

/**
 * Status notifications drained to Telegram at the real limits: `messages` notifications told to
 * Telegram chats through the notifier (each one outbox entry), then the product started with its
 * defaults (30 messages a second overall, 1 a second per chat) and the outbox drained to a fake
 * Bot API over HTTP on 127.0.0.1. The drain rate is taken from the times the fake accepted the
 * messages, first to last.
 *
 * Three messages per chat, told round the chats as a provider's batch comes (chat 1, 2, … n, 1,
 * 2, …): a chat's burst is 3, so however the drainer orders them the per-chat limit (1/s) never
 * holds a message, and the figure is the overall limit's.
 */

export interface PushBenchResult {
  messages: number;
  chats: number;
  /** TELEGRAM_RATE_PER_SECOND the product ran with. */
  limit: number;
  /** Accepted messages a second, from the first accepted to the last. */
  drainRate: number;
  /** From the start of the drain to the last message accepted. */
  seconds: number;
  /** The most messages accepted within any one second, over all chats and in the busiest chat. */
  mostInASecond: number;
  mostInASecondPerChat: number;
  /** Messages accepted more than once (none expected: nothing was killed). */
  duplicates: number;
}

const PER_CHAT = 3;
const FIRST_CHAT = 700_000_000;

export async function statusPushBench(redisUrl: string, messages: number): Promise<PushBenchResult> {
  const telegram = await startFakeTelegram();
  const config = loadConfig({ HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'silent', REDIS_URL: redisUrl, JWT_SECRET: 'bench-status-secret-of-32-characters', ...telegramEnv(telegram) });
  const server = await buildServer(config);
  const chats = Math.ceil(messages / PER_CHAT);
  try {
    // Told before the product listens, so the drain starts on a full outbox.
    const log = pino({ level: 'silent' });
    const runtime = createRuntime({
      store: server.store,
      texts: createTexts(),
      log,
      defaultLang: 'kk',
      hours: 'always',
      idleMs: 600_000,
      secret: randomBytes(32).toString('base64url'),
      telegram: true,
    });
    const at = new Date().toISOString();
    for (let start = 0; start < chats; start += 200) {
      await Promise.all(
        Array.from({ length: Math.min(200, chats - start) }, (_, k) => {
          const chatId = FIRST_CHAT + start + k;
          const conversation: Conversation = {
            id: `tg-${chatId}`,
            channel: 'telegram',
            lang: k % 2 === 0 ? 'kk' : 'ru',
            owner: 'bot',
            status: 'open',
            state: runtime.engine.menuRoot(),
            offered: [],
            data: {},
            address: { telegramChatId: chatId },
            createdAt: at,
            updatedAt: at,
            revision: 0,
          };
          return server.store.conversations.save(conversation, 0, []);
        }),
      );
    }
    for (let start = 0; start < messages; start += 200) {
      await Promise.all(
        Array.from({ length: Math.min(200, messages - start) }, (_, k) => {
          const i = start + k;
          const chatId = FIRST_CHAT + (i % chats);
          return runtime.notifier.tell(`tg-${chatId}`, () => ({ text: `Өтініш BENCH-${i}: мәртебесі өзгерді` }), `bench:push:${i}`);
        }),
      );
    }
    const started = Date.now();
    await server.listen();
    const sent = () => telegram.calls.filter((c) => c.method === 'sendMessage');
    // Generous: the limit would take messages / limit seconds.
    const deadline = started + (messages / config.TELEGRAM_RATE_PER_SECOND) * 2000 + 30_000;
    while (sent().length < messages) {
      if (Date.now() > deadline) throw new Error(`only ${sent().length} of ${messages} messages arrived`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const accepted = sent();
    const times = accepted.map((c) => c.at);
    const first = Math.min(...times);
    const last = Math.max(...times);
    const byChat = new Map<number, number[]>();
    for (const call of accepted) {
      const chatId = Number(call.params.chat_id);
      byChat.set(chatId, [...(byChat.get(chatId) ?? []), call.at]);
    }
    return {
      messages,
      chats,
      limit: config.TELEGRAM_RATE_PER_SECOND,
      drainRate: (accepted.length - 1) / ((last - first) / 1000),
      seconds: (last - started) / 1000,
      mostInASecond: mostInAnyWindow(times),
      mostInASecondPerChat: Math.max(...[...byChat.values()].map((chatTimes) => mostInAnyWindow(chatTimes))),
      duplicates: accepted.length - new Set(accepted.map((c) => String(c.params.text))).size,
    };
  } finally {
    await server.close();
    await telegram.close();
  }
}
