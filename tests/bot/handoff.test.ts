import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createRuntime } from '../../bot/runtime';
import { parseOpeningHours } from '../../domain/hours';
import { createTexts } from '../../locales/i18n';
import { createMemoryStore } from '../../store/memory';

/** A clock the test moves: Monday 23 November 2026 in Almaty time. */
function clock(local: string) {
  let now = new Date(`2026-11-23T${local}:00+05:00`);
  return { now: () => now, set: (next: string) => (now = new Date(`2026-11-23T${next}:00+05:00`)) };
}

type CitizenEvent = { type: 'choice'; id: string } | { type: 'text'; text: string } | { type: 'start' };

/** A started runtime on a memory store with one operator online, on the test's clock. */
async function queueRuntime(time: ReturnType<typeof clock>, options: { hours: Parameters<typeof createRuntime>[0]['hours']; idleMs: number }) {
  const store = createMemoryStore();
  const runtime = createRuntime({
    store,
    texts: createTexts(),
    log: pino({ level: 'silent' }),
    defaultLang: 'ru',
    secret: 'test-secret',
    telegram: false,
    now: time.now,
    ...options,
  });
  await runtime.start();
  await runtime.presence.set('aigerim', 'online');
  /** What a citizen does in their web conversation `id`. */
  const say = (id: string, event: CitizenEvent) => runtime.engine.handle({ conversationId: id, channel: 'web', langHint: 'ru', event });
  return { store, runtime, say };
}

describe('the queue at closing time', () => {
  it('tells those still waiting that the centre has closed and offers a call-back, keeping where they were', async () => {
    const time = clock('17:50');
    const { store, runtime, say: sayIn } = await queueRuntime(time, { hours: parseOpeningHours('Mon-Fri 09:00-18:00'), idleMs: 3_600_000 });
    try {
      const say = (event: CitizenEvent) => sayIn('web-late', event);
      await say({ type: 'start' });
      await say({ type: 'choice', id: 'menu:checklist' });
      const question = (await say({ type: 'choice', id: 'svc:duplicate-school' })).replies.at(-1)!;
      await say({ type: 'choice', id: 'menu:operator' });
      expect((await say({ type: 'choice', id: 'op:yes' })).conversation.owner).toBe('queue');

      // Still open: the sweep leaves the queue alone.
      expect(await runtime.handoff.sweep()).toBe(0);
      time.set('18:05');
      expect(await runtime.handoff.sweep()).toBe(1);

      const conversation = (await store.conversations.get('web-late'))!;
      expect(conversation).toMatchObject({ owner: 'bot', status: 'open', handoff: { closedReason: 'after_hours' } });
      expect(await store.handoff.queue('general')).toEqual([]);
      const said = (await store.conversations.transcript('web-late')).slice(-2).map((e) => e.text);
      expect(said[0]).toMatch(/^Простите: контакт-центр закрылся/);
      expect(said[1]).toMatch(/Часы работы: Пн–Пт 09:00–18:00 \(время Астаны\)/);
      expect(conversation.offered.map((c) => c.id)).toEqual(['op:callback', 'op:no']);

      // "No, back" returns to the question the citizen was at before asking for an operator.
      const back = await say({ type: 'choice', id: 'op:no' });
      expect(back.replies.at(-1)).toEqual({ ...question, seq: expect.any(Number) });
    } finally {
      await runtime.stop();
    }
  });
});

describe('a silent citizen in the queue', () => {
  it('takes a message written after "still waiting?" as the answer, and asks again only after the next silence', async () => {
    const time = clock('10:00');
    const { store, runtime, say: sayIn } = await queueRuntime(time, { hours: 'always', idleMs: 10 * 60_000 });
    try {
      const say = (event: CitizenEvent) => sayIn('web-quiet', event);
      await say({ type: 'start' });
      await say({ type: 'choice', id: 'menu:operator' });
      await say({ type: 'choice', id: 'op:yes' });
      await say({ type: 'text', text: 'Вопрос про дубликат' });
      const handoff = async () => (await store.conversations.get('web-quiet'))!;

      time.set('10:11');
      expect(await runtime.handoff.sweep()).toBe(1);
      expect((await handoff()).handoff?.idleAskedAt).toBeDefined();

      time.set('10:12');
      await say({ type: 'text', text: 'Да, я тут' });
      expect((await handoff()).handoff?.idleAskedAt).toBeUndefined();

      time.set('10:21'); // the question was asked over ten minutes ago, but the citizen has answered since
      expect(await runtime.handoff.sweep()).toBe(0);
      expect((await handoff()).owner).toBe('queue');

      time.set('10:23'); // ten minutes after the answer: asked again
      expect(await runtime.handoff.sweep()).toBe(1);
      expect((await handoff()).owner).toBe('queue');
      time.set('10:34'); // no answer this time: closed
      expect(await runtime.handoff.sweep()).toBe(1);
      expect(await handoff()).toMatchObject({ owner: 'bot', status: 'closed', handoff: { closedReason: 'idle' } });
    } finally {
      await runtime.stop();
    }
  });
});

describe('the idle sweep', () => {
  it('reads only the citizens silent long enough, and now and then every one queued, for those filed by an older version', async () => {
    const time = clock('10:00');
    const { store, runtime, say } = await queueRuntime(time, { hours: 'always', idleMs: 10 * 60_000 });
    try {
      const citizens = Array.from({ length: 20 }, (_, i) => `web-wait-${i}`);
      const joining = [{ type: 'start' }, { type: 'choice', id: 'menu:operator' }, { type: 'choice', id: 'op:yes' }, { type: 'text', text: 'Вопрос про дубликат' }] as const;
      for (const id of citizens) for (const event of joining) await say(id, event);
      const read: string[] = [];
      const getMany = store.conversations.getMany.bind(store.conversations);
      store.conversations.getMany = (ids) => {
        read.push(...ids);
        return getMany(ids);
      };

      time.set('10:01');
      expect(await runtime.handoff.sweep()).toBe(0); // an instance's first sweep reads every queued citizen
      expect(read).toHaveLength(20);

      time.set('10:05');
      for (const id of citizens.slice(0, 15)) await say(id, { type: 'text', text: 'я ещё жду' });
      read.length = 0;
      time.set('10:12'); // five have been silent since 10:00
      expect(await runtime.handoff.sweep()).toBe(5);
      expect(read.sort()).toEqual(citizens.slice(15).sort());

      // Filed again by an instance of an older version, which notes no silence: found by a sweep that reads every one.
      const old = (await store.conversations.get(citizens[0]!))!;
      await store.handoff.place({ id: old.id, owner: 'bot', status: 'open', priority: 0 });
      await store.handoff.place({ id: old.id, owner: 'queue', status: 'open', queue: 'general', priority: 0, waitingSince: old.handoff!.waitingSince! });
      time.set('10:16');
      let sweeps = 0;
      while ((await store.conversations.get(old.id))!.handoff?.idleAskedAt === undefined) {
        await runtime.handoff.sweep();
        sweeps += 1;
        expect(sweeps).toBeLessThanOrEqual(10);
      }
    } finally {
      await runtime.stop();
    }
  });
});
