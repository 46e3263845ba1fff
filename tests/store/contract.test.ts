import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createMemoryStore } from '../../store/memory';
import { createRedisStore } from '../../store/redis';
import { TRANSCRIPT_LIMIT, type Conversation, type Store } from '../../store/types';

const factories: [string, () => Promise<Store>][] = [
  ['memory', async () => createMemoryStore()],
  ['redis', () => createRedisStore({ url: inject('redisUrl'), prefix: `test-${randomUUID()}:` })],
];

function conversation(id: string, revision: number, step = 'root'): Conversation {
  const now = new Date().toISOString();
  return {
    id,
    channel: 'web',
    lang: 'kk',
    owner: 'bot',
    status: 'open',
    state: { flow: 'menu', v: 1, step, data: { answer: 'жоқ' } },
    offered: [{ id: 'menu:checklist', label: 'Құжаттар' }],
    data: {},
    address: {},
    createdAt: now,
    updatedAt: now,
    revision,
  };
}

describe.each(factories)('%s store keeps the store contract', (_name, open) => {
  let store: Store;
  beforeAll(async () => {
    store = await open();
  });
  afterAll(() => store.close());

  it('returns null for a conversation it never saw', async () => {
    expect(await store.conversations.get('web-unknown')).toBeNull();
  });

  it('stores a new conversation and returns an equal copy', async () => {
    const id = `web-${randomUUID()}`;
    const created = conversation(id, 1);
    expect(await store.conversations.save(created, 0, [])).toEqual({ saved: true, contended: false });
    const loaded = await store.conversations.get(id);
    expect(loaded).toEqual(created);
    loaded!.state.step = 'changed';
    expect((await store.conversations.get(id))!.state.step).toBe('root');
  });

  it('refuses a save whose expected revision is stale and keeps the winner', async () => {
    const id = `web-${randomUUID()}`;
    await store.conversations.save(conversation(id, 1), 0, []);
    expect(await store.conversations.save(conversation(id, 2, 'first'), 1, [{ from: 'citizen', text: 'a', at: 'x' }])).toEqual({ saved: true, contended: false });
    const lost = await store.conversations.save(conversation(id, 2, 'second'), 1, [{ from: 'citizen', text: 'b', at: 'x' }]);
    expect(lost.saved).toBe(false);
    expect(!lost.saved && lost.current?.state.step).toBe('first');
    expect((await store.conversations.get(id))!.state.step).toBe('first');
    expect((await store.conversations.transcript(id)).map((e) => e.text)).toEqual(['a']);
    // The next save, by the winner, learns that someone else is writing too.
    expect(await store.conversations.save(conversation(id, 3, 'third'), 2, [])).toEqual({ saved: true, contended: true });
  });

  it('hands back nothing to a loser when the conversation is not stored at all', async () => {
    expect(await store.conversations.save(conversation(`web-${randomUUID()}`, 3), 2, [])).toEqual({ saved: false, current: null });
  });

  it('refuses to create a conversation twice', async () => {
    const id = `web-${randomUUID()}`;
    expect(await store.conversations.save(conversation(id, 1, 'one'), 0, [])).toEqual({ saved: true, contended: false });
    expect(await store.conversations.save(conversation(id, 1, 'two'), 0, [])).toMatchObject({ saved: false, current: { state: { step: 'one' } } });
  });

  it('appends transcript entries in order with the save and keeps only the most recent ones', async () => {
    const id = `web-${randomUUID()}`;
    await store.conversations.save(conversation(id, 1), 0, [
      { from: 'citizen', text: 'Сәлем', at: '2026-01-01T00:00:00.000Z' },
      { from: 'bot', text: 'Қош келдіңіз', at: '2026-01-01T00:00:00.001Z' },
    ]);
    expect(await store.conversations.transcript(id)).toEqual([
      { from: 'citizen', text: 'Сәлем', at: '2026-01-01T00:00:00.000Z' },
      { from: 'bot', text: 'Қош келдіңіз', at: '2026-01-01T00:00:00.001Z' },
    ]);
    const many = Array.from({ length: TRANSCRIPT_LIMIT + 5 }, (_, i) => ({ from: 'bot' as const, text: String(i), at: 'x' }));
    await store.conversations.save(conversation(id, 2), 1, many);
    const kept = await store.conversations.transcript(id);
    expect(kept).toHaveLength(TRANSCRIPT_LIMIT);
    expect(kept.at(-1)!.text).toBe(String(TRANSCRIPT_LIMIT + 4));
    expect((await store.conversations.transcript(id, 2)).map((e) => e.text)).toEqual([String(TRANSCRIPT_LIMIT + 3), String(TRANSCRIPT_LIMIT + 4)]);
  });

  it('lets exactly one of many concurrent savers of the same revision win', async () => {
    const id = `web-${randomUUID()}`;
    await store.conversations.save(conversation(id, 1), 0, []);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => store.conversations.save(conversation(id, 2, `s${i}`), 1, [{ from: 'bot', text: `s${i}`, at: 'x' }])),
    );
    expect(results.filter((r) => r.saved)).toHaveLength(1);
    const winner = results.findIndex((r) => r.saved);
    expect((await store.conversations.get(id))!.state.step).toBe(`s${winner}`);
    expect((await store.conversations.transcript(id)).map((e) => e.text)).toEqual([`s${winner}`]);
  });

  it('claims an idempotency key once', async () => {
    const key = randomUUID();
    expect(await store.idempotency.claim(key, 60)).toBe(true);
    expect(await store.idempotency.claim(key, 60)).toBe(false);
    expect(await store.idempotency.claim(`${key}-other`, 60)).toBe(true);
  });

  it('answers a ping', async () => {
    expect(await store.ping()).toBe(true);
  });
});
