import { randomUUID } from 'node:crypto';
import { Bot, session, type Context, type SessionFlavor } from 'grammy';
import type { Update, UserFromGetMe } from 'grammy/types';
import { createClient } from 'redis';
import pino from 'pino';
import type { EngineEvent } from '../bot/engine';
import { createRuntime } from '../bot/runtime';
import { createTexts } from '../locales/i18n';
import { createRedisStore } from '../store/redis';

/**
 * Turns per second through Redis: our engine (load, decide, compare-and-set save with transcript)
 * against a bare grammY echo bot whose session is a Redis GET/SET, both driven in-process with the
 * same number of conversations in flight, both with Telegram's API short-circuited so only the
 * bot's own work and Redis are measured.
 */

export interface TurnsResult {
  name: string;
  turnsPerSecond: number;
  turns: number;
  seconds: number;
}

const CONVERSATIONS = 256;
const botInfo: UserFromGetMe = {
  id: 42,
  is_bot: true,
  first_name: 'bench',
  username: 'bench_bot',
  can_join_groups: false,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
} as UserFromGetMe;

/** Runs `turn(conversation, i)` on CONVERSATIONS conversations at once for `seconds`, after a warm-up. */
async function measure(name: string, seconds: number, turn: (conversation: number, i: number) => Promise<unknown>): Promise<TurnsResult> {
  const run = async (until: number) => {
    let turns = 0;
    await Promise.all(
      Array.from({ length: CONVERSATIONS }, async (_, conversation) => {
        for (let i = 0; Date.now() < until; i++) {
          await turn(conversation, i);
          turns++;
        }
      }),
    );
    return turns;
  };
  await run(Date.now() + 1000);
  const started = process.hrtime.bigint();
  const turns = await run(Date.now() + seconds * 1000);
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  return { name, turns, seconds: elapsed, turnsPerSecond: turns / elapsed };
}

const citizenEvents: EngineEvent[] = [
  { type: 'text', text: 'меню' },
  { type: 'choice', id: 'menu:complaint' },
  { type: 'text', text: 'сәлем' },
];

export async function engineTurns(redisUrl: string, seconds: number): Promise<TurnsResult> {
  const store = await createRedisStore({ url: redisUrl, prefix: `bench-${randomUUID()}:` });
  // The engine as the server runs it: with the hand-over observing every turn.
  const { engine } = createRuntime({ store, texts: createTexts(), log: pino({ level: 'silent' }), defaultLang: 'kk', hours: 'always', idleMs: 600_000, secret: randomUUID(), telegram: false });
  const run = `${randomUUID().slice(0, 8)}`;
  try {
    return await measure('engine turn (Redis store)', seconds, (conversation, i) =>
      engine.handle({ conversationId: `web-${run}-${conversation}`, channel: 'web', event: citizenEvents[i % citizenEvents.length]! }),
    );
  } finally {
    await store.close();
  }
}

function textUpdate(updateId: number, chatId: number, text: string): Update {
  return {
    update_id: updateId,
    message: { message_id: updateId, date: 0, chat: { id: chatId, type: 'private', first_name: 'A' }, from: { id: chatId, is_bot: false, first_name: 'A' }, text },
  } as Update;
}

/** Answers every Bot API call at once, so the bench measures the bot, not a network. */
function shortCircuit<C extends Context>(bot: Bot<C>) {
  bot.api.config.use(async (_prev, method, payload) => {
    const chatId = (payload as { chat_id?: number }).chat_id ?? 0;
    return { ok: true, result: method === 'sendMessage' ? { message_id: 1, date: 0, chat: { id: chatId, type: 'private' }, text: '' } : true } as never;
  });
}

type EchoContext = Context & SessionFlavor<{ count: number }>;

export async function grammyEchoTurns(redisUrl: string, seconds: number): Promise<TurnsResult> {
  const client = createClient({ url: redisUrl });
  await client.connect();
  const prefix = `bench-echo-${randomUUID()}:`;
  const bot = new Bot<EchoContext>('1:bench', { botInfo });
  shortCircuit(bot);
  bot.use(
    session({
      initial: () => ({ count: 0 }),
      storage: {
        read: async (key) => {
          const value = await client.get(prefix + key);
          return value === null ? undefined : JSON.parse(value);
        },
        write: async (key, value) => {
          await client.set(prefix + key, JSON.stringify(value));
        },
        delete: async (key) => {
          await client.del(prefix + key);
        },
      },
    }),
  );
  bot.on('message:text', async (ctx) => {
    ctx.session.count++;
    await ctx.reply(ctx.message.text);
  });
  let updateId = 0;
  try {
    return await measure('bare grammY echo (Redis GET/SET session)', seconds, (conversation, i) => bot.handleUpdate(textUpdate(++updateId, 10_000 + conversation, String(citizenEvents[i % 3]!.type))));
  } finally {
    await client.close();
  }
}
