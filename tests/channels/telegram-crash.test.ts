import { type ChildProcess, spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { TelegramOutboxPayload } from '../../bot/outbox';
import { createRedisStore } from '../../store/redis';
import type { Store } from '../../store/types';
import { type FakeTelegram, startFakeTelegram, telegramEnv } from '../support/fake-telegram';
import { freePort, type RedisServer, startRedisServer } from '../support/redis-server';

/** The product as `npm start` runs it, in its own process, resolved once it listens. */
async function startProcess(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'main.ts'], {
    cwd: new URL('../..', import.meta.url).pathname,
    env: { PATH: process.env.PATH, HOST: '127.0.0.1', PORT: String(await freePort()), LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start: ${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk;
      if (output.includes('Telegram channel started')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${output}`)));
  });
  return child;
}

describe('Telegram sends across a kill -9', () => {
  let redis: RedisServer;
  let telegram: FakeTelegram;
  let store: Store;
  const children: ChildProcess[] = [];
  beforeAll(async () => {
    redis = await startRedisServer();
    telegram = await startFakeTelegram();
    store = await createRedisStore({ url: redis.url });
  });
  afterAll(async () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    await store?.close();
    await telegram?.close();
    await redis?.stop();
  });

  it('loses nothing queued and keeps a chat in order: what the dead instance held goes before what was queued after', async () => {
    const env = { ...telegramEnv(telegram), REDIS_URL: redis.url, JWT_SECRET: 'crash-test-secret-of-32-characters!', TELEGRAM_OUTBOX_TAKEOVER_SECONDS: '15' };
    const chatId = 9_801;
    const queue = (text: string) => {
      const payload: TelegramOutboxPayload = { chatId, reply: { text, from: 'system' } };
      return store.outbox.add({ key: `crash:${text}`, chat: String(chatId), payload });
    };
    const first = await startProcess(env);
    children.push(first);
    // Telegram takes the first message and the instance dies before hearing so, holding the rest.
    const held = telegram.holdNext('sendMessage');
    for (const text of ['бір', 'екі', 'үш', 'төрт']) await queue(text);
    await held.arrived;
    first.kill('SIGKILL');
    await new Promise((resolve) => first.once('exit', resolve));
    held.release();
    await queue('бес');
    const second = await startProcess(env);
    children.push(second);
    const texts = () => telegram.calls.filter((c) => c.method === 'sendMessage' && Number(c.params.chat_id) === chatId).map((c) => String(c.params.text));
    // The second instance starts within the takeover time: it reads the newest message before it may take the others over.
    await vi.waitFor(() => expect(new Set(texts()).size).toBe(5), { timeout: 40_000, interval: 100 });
    // The message in flight at the kill comes twice; every other once, and all in the order queued.
    expect(texts()).toEqual(['бір', 'бір', 'екі', 'үш', 'төрт', 'бес']);
    second.kill('SIGTERM');
  }, 90_000);
});
