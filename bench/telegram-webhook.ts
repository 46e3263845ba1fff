import { randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';
import Fastify from 'fastify';
import { createClient } from 'redis';
import { type Config, loadConfig } from '../config';
import { buildServer } from '../server';
import { mostInAnyWindow } from '../tests/support/fake-telegram';
import { startThreadedFakeTelegram, type ThreadedFakeTelegram } from './fake-telegram-thread';

/**
 * Telegram webhook updates a second, driven over HTTP on 127.0.0.1 by as many connections as
 * Telegram opens at most (40): the product (Fastify → engine → Redis, the answers queued in the
 * outbox) against a bare Fastify route that does one Redis GET and SET per update. The product runs
 * with a fake Bot API answering at once (the ratio) and again answering after 50 ms (updates
 * accepted and the answers delivered meanwhile, within the configured rate).
 */

export interface WebhookRun {
  name: string;
  updates: number;
  seconds: number;
  updatesPerSecond: number;
  p50: number;
  p99: number;
  /** Product runs only: messages the fake Bot API took during the run, and the most in any second. */
  delivered?: number;
  mostInASecond?: number;
}

const CONNECTIONS = 40;
const CHATS = 5000;
/** The webhook's secret token in the Telegram benches: the updates they post carry it. */
export const SECRET = 'bench-webhook-secret-0123456789';

/** The product in webhook mode on `redisUrl`, its Bot API the fake `telegram`, with the default limits. */
export function webhookConfig(redisUrl: string, telegram: Pick<ThreadedFakeTelegram, 'token' | 'apiRoot'>): Config {
  return loadConfig({
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'silent',
    REDIS_URL: redisUrl,
    JWT_SECRET: 'bench-telegram-secret-of-32-characters',
    TELEGRAM_BOT_TOKEN: telegram.token,
    TELEGRAM_API_ROOT: telegram.apiRoot,
    TELEGRAM_WEBHOOK_URL: 'https://assistant.example.kz/telegram/webhook',
    TELEGRAM_WEBHOOK_SECRET: SECRET,
  });
}
const TEXTS = ['/start', 'меню', 'сәлем'];

function percentile(sorted: readonly number[], p: number): number {
  return sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function post(agent: Agent, url: URL, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-telegram-bot-api-secret-token': SECRET } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Posts updates from CONNECTIONS loops for `seconds` (after a one-second warm-up), each a text from another chat. */
async function drive(name: string, url: string, seconds: number): Promise<WebhookRun> {
  const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const target = new URL('/telegram/webhook', url);
  let updateId = Math.floor(Math.random() * 1e9);
  const run = async (until: number, times: number[]) => {
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async () => {
        while (Date.now() < until) {
          const id = ++updateId;
          const chatId = 500_000_000 + (id % CHATS);
          const body = JSON.stringify({
            update_id: id,
            message: { message_id: id, date: 1, chat: { id: chatId, type: 'private' }, from: { id: chatId, is_bot: false, first_name: 'A', language_code: 'kk' }, text: TEXTS[id % TEXTS.length] },
          });
          const started = performance.now();
          const status = await post(agent, target, body);
          if (status !== 200) throw new Error(`${name}: the webhook answered ${status}`);
          times.push(performance.now() - started);
        }
      }),
    );
  };
  try {
    await run(Date.now() + 1000, []);
    const times: number[] = [];
    const started = performance.now();
    await run(Date.now() + seconds * 1000, times);
    const elapsed = (performance.now() - started) / 1000;
    times.sort((a, b) => a - b);
    return { name, updates: times.length, seconds: elapsed, updatesPerSecond: times.length / elapsed, p50: percentile(times, 50), p99: percentile(times, 99) };
  } finally {
    agent.destroy();
  }
}

/** The reference: one Redis GET and SET per update, as a bare bot keeps its session. */
export async function bareWebhook(redisUrl: string, seconds: number): Promise<WebhookRun> {
  const client = createClient({ url: redisUrl });
  await client.connect();
  const prefix = `bench-bare-${randomUUID()}:`;
  const app = Fastify();
  app.post('/telegram/webhook', async (req) => {
    const update = req.body as { message: { chat: { id: number } } };
    const key = `${prefix}${update.message.chat.id}`;
    const session = JSON.parse((await client.get(key)) ?? '{"count":0}') as { count: number };
    session.count++;
    await client.set(key, JSON.stringify(session));
    return {};
  });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  try {
    return await drive('bare Fastify route, one Redis GET and SET', url, seconds);
  } finally {
    await app.close();
    await client.close();
  }
}

/** The product in webhook mode on Redis, its fake Bot API answering after `latencyMs`. */
export async function productWebhook(redisUrl: string, seconds: number, latencyMs: number): Promise<WebhookRun> {
  const telegram = await startThreadedFakeTelegram({ latencyMs, sendLimit: null });
  const server = await buildServer(webhookConfig(redisUrl, telegram));
  try {
    const url = await server.listen();
    const since = telegram.calls.length;
    const result = await drive(`product webhook, Bot API answering after ${latencyMs} ms`, url, seconds);
    const sent = telegram.calls.slice(since).filter((c) => c.method === 'sendMessage');
    return { ...result, delivered: sent.length, mostInASecond: mostInAnyWindow(sent.map((c) => c.at)) };
  } finally {
    await server.close();
    await telegram.close();
  }
}
