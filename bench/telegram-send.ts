import type { TelegramOutboxPayload } from '../bot/outbox';
import { loadConfig } from '../config';
import { buildServer, type Server } from '../server';
import { type ApiCall, mostInAnyWindow } from '../tests/support/fake-telegram';
import { startThreadedFakeTelegram } from './fake-telegram-thread';
import { SECRET, webhookConfig } from './telegram-webhook';

/**
 * Two instances on one Redis, both taking Telegram's webhook and draining the outbox to one fake
 * Bot API over HTTP on 127.0.0.1, which answers after 50 ms and refuses with a 429 whatever would
 * make more than the configured rate in a second. A burst of notifications is queued at once (the
 * bulk lane), and citizens write meanwhile, each update to one instance in turn; a citizen's
 * wait is from posting the update to the fake taking the last message of the answer.
 */

export interface SendBenchResult {
  instances: number;
  notifications: number;
  turns: number;
  /** TELEGRAM_RATE_PER_SECOND the product ran with. */
  limit: number;
  /** From queuing the burst to the last notification taken. */
  seconds: number;
  /** Messages taken a second, first to last. */
  drainRate: number;
  /** The most messages the fake took in any one second (a sliding window), and in the busiest whole second. */
  mostInASecond: number;
  mostInAWholeSecond: number;
  /** 429s the fake answered; each was sent again (none lost). */
  refused: number;
  /** Notifications never taken, or taken more than once. */
  lost: number;
  duplicates: number;
  turnP50: number;
  turnP99: number;
  turnMax: number;
}

const FIRST_CHAT = 710_000_000;
const CITIZEN_CHAT = 720_000_000;
const LATENCY_MS = 50;
/** Citizens' updates a second during the burst. */
const TURNS_PER_SECOND = 2;

function percentile(sorted: readonly number[], p: number): number {
  return sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function postStart(server: Server & { url: string }, chatId: number, updateId: number): Promise<void> {
  const response = await fetch(`${server.url}/telegram/webhook`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
    body: JSON.stringify({
      update_id: updateId,
      message: { message_id: updateId, date: 1, chat: { id: chatId, type: 'private' }, from: { id: chatId, is_bot: false, first_name: 'A', language_code: 'kk' }, text: '/start' },
    }),
  });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`the webhook answered ${response.status}`);
}

function perWholeSecond(times: readonly number[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const at of times) counts.set(Math.floor(at / 1000), (counts.get(Math.floor(at / 1000)) ?? 0) + 1);
  return counts;
}

export async function telegramSendBench(redisUrl: string, notifications: number): Promise<SendBenchResult> {
  // The product's default rate, which the fake enforces.
  const limit = loadConfig({}).TELEGRAM_RATE_PER_SECOND;
  const telegram = await startThreadedFakeTelegram({ latencyMs: LATENCY_MS, sendLimit: limit });
  const config = webhookConfig(redisUrl, telegram);
  const instances = await Promise.all([buildServer(config), buildServer(config)]);
  try {
    const servers = await Promise.all(instances.map(async (server) => Object.assign(server, { url: await server.listen() })));
    const started = Date.now();
    for (let start = 0; start < notifications; start += 500) {
      await Promise.all(
        Array.from({ length: Math.min(500, notifications - start) }, (_, k) => {
          const i = start + k;
          const chatId = FIRST_CHAT + i;
          const payload: TelegramOutboxPayload = { chatId, reply: { text: `Өтініш BENCH-${i}: мәртебесі өзгерді`, from: 'system' } };
          return servers[i % servers.length]!.store.outbox.add({ key: `bench:send:${i}`, chat: String(chatId), payload });
        }),
      );
    }
    const isNotification = (c: ApiCall) => c.method === 'sendMessage' && Number(c.params.chat_id) < CITIZEN_CHAT;
    const notified = () => telegram.calls.filter(isNotification).length;
    // Citizens write while the burst drains, until a few seconds before its end.
    const waits: number[] = [];
    const answers: Promise<void>[] = [];
    let turns = 0;
    const expectedSeconds = notifications / config.TELEGRAM_RATE_PER_SECOND;
    while (notified() < notifications * 0.9 && Date.now() - started < expectedSeconds * 3000) {
      const chatId = CITIZEN_CHAT + turns;
      const server = servers[turns % servers.length]!;
      const posted = Date.now();
      turns++;
      answers.push(
        postStart(server, chatId, turns).then(async () => {
          const [, menu] = (await telegram.waitFor('sendMessage', 2, chatId)) ?? [];
          waits.push(menu ? menu.at - posted : Number.POSITIVE_INFINITY);
        }),
      );
      await new Promise((resolve) => setTimeout(resolve, 1000 / TURNS_PER_SECOND));
    }
    await Promise.all(answers);
    const deadline = started + expectedSeconds * 3000 + 30_000;
    while (notified() < notifications && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
    const sent = telegram.calls.filter((c) => c.method === 'sendMessage');
    const taken = sent.filter(isNotification);
    const texts = new Map<string, number>();
    for (const call of taken) texts.set(String(call.params.text), (texts.get(String(call.params.text)) ?? 0) + 1);
    const times = sent.map((c) => c.at);
    waits.sort((a, b) => a - b);
    const last = Math.max(...taken.map((c) => c.at));
    return {
      instances: servers.length,
      notifications,
      turns,
      limit,
      seconds: (last - started) / 1000,
      drainRate: (sent.length - 1) / ((Math.max(...times) - Math.min(...times)) / 1000),
      mostInASecond: mostInAnyWindow(times),
      mostInAWholeSecond: Math.max(...perWholeSecond(times).values()),
      refused: telegram.refused(),
      lost: notifications - texts.size,
      duplicates: [...texts.values()].filter((n) => n > 1).length,
      turnP50: percentile(waits, 50),
      turnP99: percentile(waits, 99),
      turnMax: waits.at(-1) ?? 0,
    };
  } finally {
    await Promise.all(instances.map((server) => server.close()));
    await telegram.close();
  }
}
