import { spawn, type ChildProcess } from 'node:child_process';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { OUTBOX_CONCURRENCY, telegramRates } from '../../bot/outbox';
import { createRuntime } from '../../bot/runtime';
import { createTexts } from '../../locales/i18n';
import pino from 'pino';
import { createRedisStore } from '../../store/redis';
import type { Conversation, Store } from '../../store/types';
import { type ApiCall, type FakeTelegram, mostInAnyWindow, startFakeTelegram, telegramEnv } from '../support/fake-telegram';
import { freePort, startRedisServer, type RedisServer } from '../support/redis-server';

/**
 * A burst of status changes for 1 000 subscribed applications, told to Telegram by the product in
 * a process of its own at raised limits, with 429s at random, killed with SIGKILL half-way and
 * started again: every message arrives, within the limits, and only the sends in flight at the
 * kill arrive twice.
 */

const TOKEN = 'provider-status-token-for-the-push-test';
const APPLICATIONS = 1000;
const CHATS = 100; // ten applications each, so that the per-chat limit has something to hold
const FIRST_CHAT = 800_000_000;
const RATE = 200;
const RATE_PER_CHAT = 5;
const { globalRate, chatRate } = telegramRates(RATE, RATE_PER_CHAT);
/** retry_after of the injected 429s, in seconds. */
const RETRY_AFTER = 1;
/**
 * The fake times a send when it arrives, a few milliseconds after the drainer took its token (a
 * Redis read, then HTTP), and not always as many: a window at the fake may hold a few more than
 * the buckets let go. A tenth of a second's sends overall, one per chat.
 */
const JITTER = Math.ceil(RATE / 10);
const JITTER_PER_CHAT = 1;

const numberOf = (i: number) => `KZ-PUSH-${String(i).padStart(4, '0')}`;
const chatOf = (i: number) => FIRST_CHAT + (i % CHATS);

interface Product {
  child: ChildProcess;
  url: string;
  output: () => string;
}

/** The product as `npm start` runs it, in its own process; resolves once its log says `ready`. */
async function startProduct(env: Record<string, string>, ready: string): Promise<Product> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'main.ts'], {
    cwd: new URL('../..', import.meta.url).pathname,
    env: { PATH: process.env.PATH, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start: ${output}`)), 20_000);
    const check = () => {
      if (!output.includes(ready)) return;
      clearTimeout(timer);
      child.stdout!.off('data', check);
      resolve();
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${output}`)));
  });
  return { child, url: `http://127.0.0.1:${port}`, output: () => output };
}

function killHard(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

/** The application number a status message is about. */
function aboutNumber(call: ApiCall): string | undefined {
  return /KZ-PUSH-\d{4}/.exec(String(call.params.text))?.[0];
}

describe('a burst of status changes pushed to Telegram', () => {
  let redis: RedisServer;
  let telegram: FakeTelegram;
  let store: Store;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    [redis, telegram] = await Promise.all([startRedisServer(), startFakeTelegram()]);
    store = await createRedisStore({ url: redis.url });
  });
  afterAll(async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await store?.close();
    await telegram?.close();
    await redis?.stop();
  });

  it('arrives complete within the limits, honouring every retry_after, and repeats after a kill -9 only what was in flight', { timeout: 240_000 }, async () => {
    // 1 000 applications, ten per chat, each watched from its citizen's Telegram conversation.
    const runtime = createRuntime({
      store,
      texts: createTexts(),
      log: pino({ level: 'silent' }),
      defaultLang: 'kk',
      hours: 'always',
      idleMs: 600_000,
      secret: 'status-push-test-secret-0123456789abcdef',
      telegram: true,
    });
    const at = new Date().toISOString();
    for (let c = 0; c < CHATS; c++) {
      const chatId = FIRST_CHAT + c;
      const conversation: Conversation = {
        id: `tg-${chatId}`,
        channel: 'telegram',
        lang: c % 2 === 0 ? 'kk' : 'ru',
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
      await store.conversations.save(conversation, 0, []);
    }
    const update = { iin: '850520400003', serviceId: 'duplicate-school', submittedAt: '2025-01-10T10:00:00+05:00', channel: 'state_corporation' } as const;
    for (let start = 0; start < APPLICATIONS; start += 50) {
      await Promise.all(
        Array.from({ length: 50 }, async (_, k) => {
          const i = start + k;
          await runtime.applications.update(numberOf(i), { ...update, status: 'accepted' });
          await runtime.applications.subscribe(numberOf(i), `tg-${chatOf(i)}`);
        }),
      );
    }

    const env = {
      REDIS_URL: redis.url,
      JWT_SECRET: 'status-push-test-secret-of-32-chars',
      ...telegramEnv(telegram),
      STATUS_API_TOKEN: TOKEN,
      TELEGRAM_RATE_PER_SECOND: String(RATE),
      TELEGRAM_RATE_PER_CHAT_PER_SECOND: String(RATE_PER_CHAT),
      // A killed instance's unsent messages are taken over after 3 s instead of a minute.
      TELEGRAM_OUTBOX_TAKEOVER_SECONDS: '3',
      RATE_LIMIT_PER_MINUTE: '1000000',
    };
    telegram.failRandomly('sendMessage', 0.05, { error_code: 429, description: `Too Many Requests: retry after ${RETRY_AFTER}`, retry_after: RETRY_AFTER }, 2026);
    // The Telegram channel, and the drainer with it, starts once the Bot API answers getMe: held
    // until the whole burst is posted, so that the kill comes at half the messages however fast
    // this machine posts.
    const channelStart = telegram.holdNext('getMe');
    const first = await startProduct(env, 'Server listening');
    children.push(first.child);

    // The burst: every application moves to review, posted by the provider 16 at a time, round the chats.
    const sent = () => telegram.calls.filter((c) => c.method === 'sendMessage');
    const queue = Array.from({ length: APPLICATIONS }, (_, i) => i);
    const statuses: number[] = [];
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        for (let i = queue.shift(); i !== undefined; i = queue.shift()) {
          const response = await fetch(`${first.url}/api/applications/${numberOf(i)}`, {
            method: 'PUT',
            headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
            body: JSON.stringify({ ...update, status: 'in_review' }),
          });
          statuses.push(response.status);
        }
      }),
    );
    expect(statuses.filter((s) => s === 200)).toHaveLength(APPLICATIONS);
    await channelStart.arrived;
    channelStart.release();

    // kill -9 once about half were accepted: with one call in twenty refused and each refusal holding the
    // whole bot for RETRY_AFTER, that takes about 25 s, over a minute on a slow machine busy with other suites.
    await vi.waitFor(() => expect(sent().length).toBeGreaterThanOrEqual(APPLICATIONS / 2), { timeout: 100_000, interval: 20 });
    // Killed while Telegram has taken the next message and the product has not heard so: that send
    // at least is in flight, and others may be.
    const stalled = aboutNumber(await telegram.holdNext('sendMessage').arrived)!;
    await killHard(first.child);

    // What the dead instance leaves: entries still in the outbox, and which of them it had claimed
    // as sent (claimed after Telegram accepted, before the ack). Read directly, not to disturb them.
    const raw = createClient({ url: redis.url });
    await raw.connect();
    const left = await raw.xRange('ca:outbox', '-', '+');
    const unclaimed = new Set<string>();
    for (const entry of left ?? []) {
      const number = /KZ-PUSH-\d{4}/.exec(entry.message.payload ?? '')?.[0];
      if (number && !(await raw.exists(`ca:once:outbox:${entry.message.key}`))) unclaimed.add(number);
    }

    const restartedAt = Date.now();
    const second = await startProduct(env, 'Telegram channel started');
    children.push(second.child);
    const expected = Array.from({ length: APPLICATIONS }, (_, i) => numberOf(i));
    // The rest, after the dead instance's entries fall idle long enough to be claimed: over 45 s on a slow machine beside other suites.
    await vi.waitFor(
      () => {
        const arrived = new Set(sent().map(aboutNumber));
        expect(expected.filter((n) => !arrived.has(n))).toEqual([]);
      },
      { timeout: 90_000, interval: 100 },
    );
    // Every entry acked (and deleted), so nothing more is sent.
    await vi.waitFor(async () => expect(await raw.xLen('ca:outbox')).toBe(0), { timeout: 10_000, interval: 50 });
    await raw.quit();
    await killHard(second.child);

    const accepted = sent();
    // Each message to the chat that watches its application, in the citizen's language.
    for (const call of accepted) {
      const i = Number(aboutNumber(call)!.slice('KZ-PUSH-'.length));
      expect(Number(call.params.chat_id)).toBe(chatOf(i));
      expect(String(call.params.text)).toMatch((chatOf(i) - FIRST_CHAT) % 2 === 0 ? /өтініштің мәртебесі/ : /Статус заявления/);
    }

    // Sent twice: exactly the messages Telegram accepted from the first instance that it had not
    // yet claimed as sent, i.e. the sends in flight at the kill. A chat's messages go one at a time
    // and an instance runs at most OUTBOX_CONCURRENCY sends at once (each after a token of the
    // overall bucket), so that is at most one per chat and 8 in all.
    const times = new Map<string, number>();
    for (const call of accepted) times.set(aboutNumber(call)!, (times.get(aboutNumber(call)!) ?? 0) + 1);
    const repeated = [...times].filter(([, n]) => n > 1).map(([number]) => number);
    const inFlight = [...unclaimed].filter((number) => accepted.some((c) => aboutNumber(c) === number && c.at < restartedAt));
    expect(repeated.sort()).toEqual(inFlight.sort());
    expect(repeated).toContain(stalled);
    expect(repeated.length).toBeLessThanOrEqual(OUTBOX_CONCURRENCY);
    expect(Math.max(...times.values())).toBe(2);
    const repeatedChats = repeated.map((number) => chatOf(Number(number.slice('KZ-PUSH-'.length))));
    expect(new Set(repeatedChats).size).toBe(repeatedChats.length);

    // The limits, by the times the fake received the sends (429s included: Telegram counts them).
    const requests = [...accepted, ...telegram.refused.filter((c) => c.method === 'sendMessage')];
    expect(mostInAnyWindow(requests.map((c) => c.at))).toBeLessThanOrEqual(globalRate.perSecond + globalRate.burst + JITTER);
    const byChat = new Map<number, number[]>();
    for (const call of requests) byChat.set(Number(call.params.chat_id), [...(byChat.get(Number(call.params.chat_id)) ?? []), call.at]);
    for (const chatTimes of byChat.values()) expect(mostInAnyWindow(chatTimes)).toBeLessThanOrEqual(chatRate.perSecond + chatRate.burst + JITTER_PER_CHAT);

    // Every 429's retry_after: nothing went to that chat until it ran out. An instance keeps the
    // hold in memory, so a restarted one does not know it; here its start takes longer than 1 s.
    const refused = telegram.refused.filter((c) => c.method === 'sendMessage');
    expect(refused.length).toBeGreaterThan(10);
    for (const refusal of refused) {
      const early = requests.filter((c) => c.params.chat_id === refusal.params.chat_id && c.at > refusal.at && c.at < refusal.at + RETRY_AFTER * 1000);
      expect(early).toEqual([]);
    }
  });
});
