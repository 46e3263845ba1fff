import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedisServer, type RedisServer } from '../support/redis-server';
import { answerTo, type FakeTelegram } from '../support/fake-telegram';
import { startTelegramTestServer, startTestServer, type TestServer } from '../support/server';
import { ChatClient, type Frame } from '../support/ws-client';

const UNAVAILABLE = {
  ru: 'Сервис временно недоступен. Ваши ответы сохранены. Попробуйте ещё раз через минуту.',
  kk: 'Қызмет уақытша қолжетімсіз. Жауаптарыңыз сақталды. Бір минуттан кейін қайталап көріңіз.',
};

/** The bot's messages among frames. */
const texts = (frames: Frame[]) => frames.filter((f) => f.type === 'message').map((f) => f.text as string);

/** A widget citizen who opened the school application form and answered its first two questions. */
async function citizenHalfwayThroughForm(server: TestServer, lang: 'kk' | 'ru'): Promise<ChatClient> {
  const client = await ChatClient.connect(server.wsUrl);
  await client.exchange({ type: 'hello', lang });
  for (const id of ['menu:checklist', 'svc:duplicate-school', 'ans:channel:provider_office', 'ans:applicant:parent', 'ans:reason:damaged', 'nav:form']) await client.exchange({ type: 'choice', id });
  for (const text of ['№ 12 мектеп', 'Әлімжанова Гүлнұр']) await client.exchange({ type: 'text', text });
  return client;
}

describe('a store outage on the citizen side', () => {
  let dir: string;
  let redis: RedisServer;
  let server: TestServer;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'redis-outage-'));
    redis = await startRedisServer({ dir, persist: true });
    server = await startTestServer({ REDIS_URL: redis.url, JWT_SECRET: 'outage-test-secret-of-enough-length-0123', DEFAULT_LANG: 'ru' });
  });
  afterAll(async () => {
    await server?.close();
    await redis?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('tells widget citizens within two seconds in their language, and their answers are there when Redis is back', async () => {
    const russian = await citizenHalfwayThroughForm(server, 'ru');
    const kazakh = await citizenHalfwayThroughForm(server, 'kk');

    await redis.kill();
    const waits: number[] = [];
    for (const [client, lang] of [
      [russian, 'ru'],
      [kazakh, 'kk'],
    ] as const) {
      const sent = Date.now();
      const answer = await client.exchange({ type: 'text', text: '850520400003', id: `during-outage-${lang}` }, (f) => f.type === 'message' && f.from === 'system');
      waits.push(Date.now() - sent);
      expect(texts(answer)).toContain(UNAVAILABLE[lang]);
    }
    for (const wait of waits) expect(wait).toBeLessThan(2000);

    redis = await startRedisServer({ port: redis.port, dir, persist: true });
    // Wait until the product's connection is back (node-redis reconnects on its own).
    while (!(await server.store.ping().catch(() => false))) await new Promise((resolve) => setTimeout(resolve, 50));

    // The same answer again continues the questionnaire where it stopped: nothing entered before is lost.
    await russian.exchange({ type: 'text', text: '850520400003', id: 'after-outage' });
    await russian.exchange({ type: 'text', text: '2002' });
    await russian.exchange({ type: 'choice', id: 'q:skip' });
    const summary = texts(await russian.exchange({ type: 'choice', id: 'q:document:certificate' })).join('\n');
    expect(summary).toContain('№ 12 мектеп');
    expect(summary).toContain('Әлімжанова Гүлнұр');
    expect(summary).toContain('850520400003');
    const done = await russian.exchange({ type: 'choice', id: 'q:confirm' });
    expect(done.some((f) => f.type === 'message' && f.attachment)).toBe(true);
    russian.close();
    kazakh.close();
  }, 30_000);
});

describe('a store outage in Telegram', () => {
  let dir: string;
  let redis: RedisServer;
  let telegram: FakeTelegram;
  let close: () => Promise<void>;
  let server: TestServer;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'redis-outage-tg-'));
    redis = await startRedisServer({ dir, persist: true });
    ({ telegram, server, close } = await startTelegramTestServer({ REDIS_URL: redis.url, JWT_SECRET: 'outage-test-secret-of-enough-length-0123', DEFAULT_LANG: 'ru' }));
  });
  afterAll(async () => {
    await close?.();
    await redis?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('tells the citizen within two seconds in their language, and the questionnaire goes on when Redis is back', async () => {
    const chat = 7301;
    const answer = async (act: () => void) => {
      const since = telegram.calls.length;
      act();
      return answerTo(telegram, chat, since);
    };
    await answer(() => telegram.sendText(chat, '/start', 'kk'));
    for (const id of ['menu:checklist', 'svc:duplicate-school', 'ans:channel:provider_office', 'ans:applicant:parent', 'ans:reason:damaged', 'nav:form'])
      await answer(() => telegram.pressButton(chat, id, 'kk'));
    await answer(() => telegram.sendText(chat, '№ 12 мектеп', 'kk'));

    await redis.kill();
    const since = telegram.calls.length;
    const sent = Date.now();
    telegram.sendText(chat, 'Әлімжанова Гүлнұр', 'kk');
    const [told] = await telegram.waitFor('sendMessage', 1, since, chat);
    expect(Date.now() - sent).toBeLessThan(2000);
    expect(told!.params.text).toBe(UNAVAILABLE.kk);

    redis = await startRedisServer({ port: redis.port, dir, persist: true });
    while (!(await server.store.ping().catch(() => false))) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await answer(() => telegram.sendText(chat, 'Әлімжанова Гүлнұр', 'kk'))).toMatch(/ЖСН/);
  }, 30_000);
});
