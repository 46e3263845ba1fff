import { randomUUID } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import type { Runtime } from '../../bot/runtime';
import { jobIdempotencyKey } from '../../bot/scheduler';
import { NOTIFY_JOB, notifyJobHandler, scheduleNotification } from '../../bot/notify';
import { createTexts } from '../../locales/i18n';
import { createMemoryStore } from '../../store/memory';
import { createRedisStore } from '../../store/redis';
import type { Store } from '../../store/types';
import { testRuntime } from '../support/runtime';

const texts = createTexts();

function runtimeOn(store: Store, options: { telegram?: boolean } = {}): Runtime {
  return testRuntime(store, { defaultLang: 'kk', telegram: options.telegram ?? false });
}

/** A reminder text every locale has, so the test reads the citizen's language. */
const REMINDER = { key: 'common:contact_centre' };

describe('telling a citizen out of turn', () => {
  it('appends to the conversation in its language and sends a Telegram chat one outbox entry, once per key', async () => {
    const store = createMemoryStore();
    const runtime = runtimeOn(store, { telegram: true });
    await runtime.engine.handle({ conversationId: 'tg-42', channel: 'telegram', langHint: 'ru', address: { telegramChatId: 42 }, event: { type: 'start' } });
    const message = (t: (key: string) => string) => ({ text: t('common:contact_centre') });
    const first = await runtime.notifier.tell('tg-42', message, 'status:KZ-1:ready');
    const again = await runtime.notifier.tell('tg-42', message, 'status:KZ-1:ready');
    expect(first.changed).toBe(true);
    expect(again).toEqual({ changed: false, reason: 'duplicate' });
    const transcript = await store.conversations.transcript('tg-42');
    expect(transcript.filter((e) => e.text === texts.t('ru', 'common:contact_centre'))).toMatchObject([{ from: 'system' }]);
    const queued = await store.outbox.read('test', { count: 10, blockMs: 0, visibilityMs: 60_000 });
    expect(queued.map((e) => (e.payload as { reply: { text: string } }).reply.text)).toEqual([texts.t('ru', 'common:contact_centre')]);
  });

  it('says nothing for a conversation that does not exist', async () => {
    const runtime = runtimeOn(createMemoryStore());
    expect(await runtime.notifier.tell('web-nobody', () => ({ text: 'x' }), 'k')).toEqual({ changed: false, reason: 'not_found' });
  });
});

describe('a scheduled reminder across restarts, on Redis', () => {
  const open = () => createRedisStore({ url: inject('redisUrl'), prefix });
  const prefix = `notify-${randomUUID()}:`;

  it('is sent once by the instance that runs after a restart between scheduling and sending', async () => {
    const first = await open();
    const before = runtimeOn(first);
    await before.engine.handle({ conversationId: 'web-visit', channel: 'web', event: { type: 'start' } });
    await scheduleNotification(first.jobs, 'reminder:visit-1', new Date(Date.now() + 200), { conversationId: 'web-visit', text: REMINDER });
    await first.close(); // the instance stops before the reminder is due

    const second = await open();
    const after = runtimeOn(second);
    await after.start();
    try {
      await expect.poll(async () => (await second.conversations.transcript('web-visit')).filter((e) => e.text === texts.t('kk', 'common:contact_centre')).length, { timeout: 5000 }).toBe(1);
      await expect.poll(() => second.jobs.get('reminder:visit-1')).toBeNull();
    } finally {
      await after.stop();
      await second.close();
    }
  });

  it('is not repeated when the instance that sent it died before marking the job done', async () => {
    const store = await open();
    const runtime = runtimeOn(store);
    await runtime.engine.handle({ conversationId: 'web-visit-2', channel: 'web', event: { type: 'start' } });
    await scheduleNotification(store.jobs, 'reminder:visit-2', new Date(Date.now() - 1), { conversationId: 'web-visit-2', text: REMINDER });
    // An instance claims it with a short lease, sends it, and dies before completing the job.
    const [claimed] = await store.jobs.claim('dead-instance', Date.now(), 1, 100);
    expect(claimed!.type).toBe(NOTIFY_JOB);
    await notifyJobHandler(runtime.notifier)(claimed!, { idempotencyKey: jobIdempotencyKey(claimed!) });

    await runtime.start(); // another instance's scheduler claims it again after the lease
    try {
      await expect.poll(() => store.jobs.get('reminder:visit-2'), { timeout: 5000 }).toBeNull();
      const told = (await store.conversations.transcript('web-visit-2')).filter((e) => e.text === texts.t('kk', 'common:contact_centre'));
      expect(told).toHaveLength(1);
    } finally {
      await runtime.stop();
      await store.close();
    }
  });
});
