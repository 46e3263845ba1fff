import { randomUUID } from 'node:crypto';
import { createClient } from 'redis';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it, vi } from 'vitest';
import { createRedisStore } from '../../store/redis';
import { TRANSCRIPT_LIMIT, type Conversation, type HandoffPlacement, type Owner, type SendLane, type SendRates, type Store } from '../../store/types';
import { factories, onError, onTwoInstances, reported } from '../support/stores';
import { Arrivals } from '../support/wait';

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
    store = await open(randomUUID());
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
    // The head is the oldest entries still kept.
    expect((await store.conversations.transcriptHead(id, 2)).map((e) => e.text)).toEqual(['5', '6']);
    expect(await store.conversations.transcriptHead(`web-${randomUUID()}`, 2)).toEqual([]);
  });

  it('lets exactly one of many concurrent savers of the same revision win', async () => {
    const id = `web-${randomUUID()}`;
    await store.conversations.save(conversation(id, 1), 0, []);
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => store.conversations.save(conversation(id, 2, `s${i}`), 1, [{ from: 'bot', text: `s${i}`, at: 'x' }])));
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

describe.each(factories)('%s store reads several conversations at once', (_name, open) => {
  let store: Store;
  beforeAll(async () => {
    store = await open(randomUUID());
  });
  afterAll(() => store.close());

  it('returns them in the order asked, with null where one is missing', async () => {
    const a = `web-${randomUUID()}`;
    const b = `web-${randomUUID()}`;
    await store.conversations.save(conversation(a, 1, 'a'), 0, []);
    await store.conversations.save(conversation(b, 1, 'b'), 0, []);
    const found = await store.conversations.getMany([b, 'web-missing', a, b]);
    expect(found.map((c) => c?.state.step ?? null)).toEqual(['b', null, 'a', 'b']);
    expect(found[0]).toEqual(await store.conversations.get(b));
    // Copies: changing one changes neither the store nor the other copy of the same conversation.
    found[0]!.state.step = 'changed';
    expect(found[3]!.state.step).toBe('b');
    expect((await store.conversations.get(b))!.state.step).toBe('b');
    expect(await store.conversations.getMany([])).toEqual([]);
  });
});

interface Account {
  login: string;
  name: string;
  roles: string[];
}

describe.each(factories)('%s store keeps named collections', (_name, open) => {
  let store: Store;
  beforeAll(async () => {
    store = await open(randomUUID());
  });
  afterAll(() => store.close());

  const account = (login: string, name = login): Account => ({ login, name, roles: ['operator'] });

  it('creates a record only while its id is free', async () => {
    const accounts = store.collection<Account>(`accounts-${randomUUID()}`);
    expect(await accounts.create('aida', account('aida', 'Аида'))).toBe(true);
    expect(await accounts.create('aida', account('aida', 'Someone else'))).toBe(false);
    expect(await accounts.get('aida')).toEqual(account('aida', 'Аида'));
  });

  it('overwrites with put, forgets with delete and answers null for an unknown id', async () => {
    const accounts = store.collection<Account>(`accounts-${randomUUID()}`);
    expect(await accounts.get('nobody')).toBeNull();
    await accounts.put('erlan', account('erlan', 'Ерлан'));
    await accounts.put('erlan', account('erlan', 'Ерлан Н.'));
    expect(await accounts.get('erlan')).toEqual(account('erlan', 'Ерлан Н.'));
    expect(await accounts.delete('erlan')).toBe(true);
    expect(await accounts.delete('erlan')).toBe(false);
    expect(await accounts.get('erlan')).toBeNull();
    // A deleted id is free again.
    expect(await accounts.create('erlan', account('erlan'))).toBe(true);
  });

  it('lists every record, and only those of its own name, the same through every handle', async () => {
    const name = `accounts-${randomUUID()}`;
    const accounts = store.collection<Account>(name);
    await accounts.put('b', account('b'));
    await accounts.put('a', account('a'));
    await accounts.create('c', account('c'));
    await accounts.delete('b');
    await store.collection<Account>(`other-${randomUUID()}`).put('z', account('z'));
    const listed = await store.collection<Account>(name).list();
    expect(listed.map((a) => a.login).sort()).toEqual(['a', 'c']);
    expect(await store.collection(`empty-${randomUUID()}`).list()).toEqual([]);
  });

  it('hands out copies and keeps its own', async () => {
    const accounts = store.collection<Account>(`accounts-${randomUUID()}`);
    const stored = account('dana');
    await accounts.put('dana', stored);
    stored.roles.push('supervisor');
    const loaded = (await accounts.get('dana'))!;
    expect(loaded.roles).toEqual(['operator']);
    loaded.roles.push('admin');
    (await accounts.list())[0]!.roles.push('admin');
    expect((await accounts.get('dana'))!.roles).toEqual(['operator']);
  });
});

interface Note {
  by: string;
  text: string;
}

describe.each(factories)('%s store keeps append-only logs', (_name, open) => {
  let store: Store;
  beforeAll(async () => {
    store = await open(randomUUID());
  });
  afterAll(() => store.close());

  const note = (text: string): Note => ({ by: 'aida', text });

  it('lists entries oldest first, the last `limit` ones when asked', async () => {
    const notes = store.log<Note>(`notes-${randomUUID()}`, 10);
    for (const text of ['1', '2', '3']) await notes.append('web-1', note(text));
    expect(await notes.list('web-1')).toEqual([note('1'), note('2'), note('3')]);
    expect((await notes.list('web-1', 2)).map((n) => n.text)).toEqual(['2', '3']);
    expect((await notes.list('web-1', 50)).map((n) => n.text)).toEqual(['1', '2', '3']);
    expect(await notes.list('web-1', 0)).toEqual([]);
    expect(await notes.list('web-unknown')).toEqual([]);
  });

  it('keeps only the newest `keep` entries of each key', async () => {
    const audit = store.log<Note>(`audit-${randomUUID()}`, 3);
    for (let i = 1; i <= 7; i++) await audit.append('day', note(String(i)));
    expect((await audit.list('day')).map((n) => n.text)).toEqual(['5', '6', '7']);
  });

  it('removes one key whole, leaving the others', async () => {
    const audit = store.log<Note>(`audit-${randomUUID()}`, 10);
    await audit.append('2025-01-01', note('old'));
    await audit.append('2026-01-01', note('new'));
    await audit.remove('2025-01-01');
    expect(await audit.list('2025-01-01')).toEqual([]);
    expect((await audit.list('2026-01-01')).map((n) => n.text)).toEqual(['new']);
  });

  it('keeps keys and names apart, and shows the same entries through every handle of a name', async () => {
    const name = `notes-${randomUUID()}`;
    const notes = store.log<Note>(name, 10);
    await notes.append('web-a', note('for a'));
    await notes.append('web-b', note('for b'));
    await notes.append('web-a', note('for a again'));
    await store.log<Note>(`audit-${randomUUID()}`, 10).append('web-a', note('elsewhere'));
    const again = store.log<Note>(name, 10);
    expect((await again.list('web-a')).map((n) => n.text)).toEqual(['for a', 'for a again']);
    expect((await again.list('web-b')).map((n) => n.text)).toEqual(['for b']);
  });

  it('hands out copies', async () => {
    const notes = store.log<Note>(`notes-${randomUUID()}`, 10);
    const entry = note('original');
    await notes.append('web-1', entry);
    entry.text = 'changed after append';
    (await notes.list('web-1'))[0]!.text = 'changed after list';
    expect((await notes.list('web-1'))[0]!.text).toBe('original');
  });
});

describe.each(factories)('%s store keeps the handoff index', (_name, open) => {
  let store: Store;
  beforeAll(async () => {
    store = await open(randomUUID());
  });
  afterAll(() => store.close());

  const minute = (n: number) => new Date(Date.UTC(2026, 0, 1, 9, n)).toISOString();
  const queued = (id: string, queue: string, priority: number, waitingSince: string): HandoffPlacement => ({
    id,
    owner: 'queue',
    status: 'open',
    queue,
    priority,
    waitingSince,
  });
  const owned = (id: string, login: string, queue: string): HandoffPlacement => ({
    id,
    owner: `operator:${login}`,
    status: 'open',
    queue,
    priority: 0,
    waitingSince: minute(0),
  });
  /** A queue of its own per test, so tests sharing the store do not see each other's entries. */
  const queueName = () => `general-${randomUUID()}`;

  it('serves higher priority first, then who waited longest', async () => {
    const q = queueName();
    await store.handoff.place(queued('late', q, 0, minute(30)));
    await store.handoff.place(queued('priority-late', q, 1, minute(40)));
    await store.handoff.place(queued('early', q, 0, minute(10)));
    await store.handoff.place(queued('priority-early', q, 1, minute(35)));
    expect(await store.handoff.queue(q)).toEqual(['priority-early', 'priority-late', 'early', 'late']);
    expect(await store.handoff.position('priority-early')).toBe(1);
    expect(await store.handoff.position('late')).toBe(4);
    expect(await store.handoff.queue(queueName())).toEqual([]);
    expect(await store.handoff.position(`never-${randomUUID()}`)).toBeNull();
  });

  it('files the same entry once however often it is placed', async () => {
    const q = queueName();
    await store.handoff.place(queued('first', q, 0, minute(1)));
    await store.handoff.place(queued('second', q, 0, minute(2)));
    await store.handoff.place(queued('first', q, 0, minute(1)));
    await store.handoff.place(queued('first', q, 0, minute(1)));
    expect(await store.handoff.queue(q)).toEqual(['first', 'second']);
    expect(await store.handoff.position('second')).toBe(2);
    const login = `op-${randomUUID()}`;
    await store.handoff.place(owned('second', login, q));
    await store.handoff.place(owned('second', login, q));
    expect(await store.handoff.owned(`operator:${login}`)).toEqual(['second']);
  });

  it('keeps the place of an entry without a waiting time when it is placed again', async () => {
    const q = queueName();
    const undated = (id: string): HandoffPlacement => ({ id, owner: 'queue', status: 'open', queue: q, priority: 0 });
    await store.handoff.place(undated('undated-1'));
    await store.handoff.place(queued('dated', q, 0, new Date(Date.now() + 60_000).toISOString()));
    await store.handoff.place(undated('undated-1'));
    expect(await store.handoff.queue(q)).toEqual(['undated-1', 'dated']);
  });

  it('moves a conversation an operator takes out of its queue, and moves the others up', async () => {
    const q = queueName();
    const login = `op-${randomUUID()}`;
    for (const [i, id] of ['a', 'b', 'c'].entries()) await store.handoff.place(queued(`take-${id}`, q, 0, minute(i)));
    expect(await store.handoff.position('take-c')).toBe(3);
    await store.handoff.place(owned('take-a', login, q));
    expect(await store.handoff.queue(q)).toEqual(['take-b', 'take-c']);
    expect(await store.handoff.position('take-a')).toBeNull();
    expect(await store.handoff.position('take-c')).toBe(2);
    expect(await store.handoff.owned(`operator:${login}`)).toEqual(['take-a']);
  });

  it('moves a transferred conversation from one operator to another, or to another queue', async () => {
    const q = queueName();
    const supervisors = `supervisors-${randomUUID()}`;
    const [aida, erlan] = [`aida-${randomUUID()}`, `erlan-${randomUUID()}`];
    await store.handoff.place(queued('transfer-1', q, 0, minute(1)));
    await store.handoff.place(owned('transfer-1', aida, q));
    await store.handoff.place(owned('transfer-1', erlan, q));
    expect(await store.handoff.owned(`operator:${aida}`)).toEqual([]);
    expect(await store.handoff.owned(`operator:${erlan}`)).toEqual(['transfer-1']);
    await store.handoff.place(queued('transfer-1', supervisors, 0, minute(5)));
    expect(await store.handoff.owned(`operator:${erlan}`)).toEqual([]);
    expect(await store.handoff.queue(supervisors)).toEqual(['transfer-1']);
    expect(await store.handoff.queue(q)).toEqual([]);
    expect(await store.handoff.position('transfer-1')).toBe(1);
    // From one queue straight to another.
    await store.handoff.place(queued('transfer-1', q, 0, minute(6)));
    expect(await store.handoff.queue(supervisors)).toEqual([]);
    expect(await store.handoff.queue(q)).toEqual(['transfer-1']);
  });

  it('files a conversation back with the bot, or closed, nowhere', async () => {
    const q = queueName();
    const login = `op-${randomUUID()}`;
    const placements: [string, Owner, 'open' | 'closed'][] = [
      ['leave-queue-bot', 'queue', 'open'],
      ['leave-queue-closed', 'queue', 'open'],
      ['leave-op-bot', `operator:${login}`, 'open'],
      ['leave-op-closed', `operator:${login}`, 'open'],
      ['leave-stays', 'queue', 'open'],
    ];
    for (const [i, [id, owner, status]] of placements.entries()) await store.handoff.place({ ...queued(id, q, 0, minute(i)), owner, status });
    expect(await store.handoff.position('leave-stays')).toBe(3);
    await store.handoff.place({ ...queued('leave-queue-bot', q, 0, minute(0)), owner: 'bot' });
    await store.handoff.place({ ...queued('leave-queue-closed', q, 0, minute(1)), status: 'closed' });
    await store.handoff.place({ ...queued('leave-op-bot', q, 0, minute(2)), owner: 'bot' });
    await store.handoff.place({ ...owned('leave-op-closed', login, q), status: 'closed' });
    expect(await store.handoff.queue(q)).toEqual(['leave-stays']);
    expect(await store.handoff.position('leave-stays')).toBe(1);
    expect(await store.handoff.position('leave-queue-bot')).toBeNull();
    expect(await store.handoff.owned(`operator:${login}`)).toEqual([]);
    const everyOwned = await store.handoff.owned();
    expect(everyOwned).not.toContain('leave-op-bot');
    expect(everyOwned).not.toContain('leave-op-closed');
    // Placing something that is filed nowhere again changes nothing.
    await store.handoff.place({ ...queued('leave-queue-bot', q, 0, minute(0)), owner: 'bot' });
    expect(await store.handoff.queue(q)).toEqual(['leave-stays']);
  });

  it('lists the conversations of each operator, and of all operators together', async () => {
    const own = await open(randomUUID());
    try {
      await own.handoff.place(owned('c-2', 'aida', 'general'));
      await own.handoff.place(owned('c-1', 'aida', 'general'));
      await own.handoff.place(owned('c-3', 'erlan', 'general'));
      // Without a queue named, a queued conversation waits in `general`.
      await own.handoff.place({ id: 'c-4', owner: 'queue', status: 'open', priority: 0, waitingSince: minute(1) });
      expect((await own.handoff.owned('operator:aida')).sort()).toEqual(['c-1', 'c-2']);
      expect(await own.handoff.owned('operator:erlan')).toEqual(['c-3']);
      expect(await own.handoff.owned('operator:nobody')).toEqual([]);
      expect((await own.handoff.owned()).sort()).toEqual(['c-1', 'c-2', 'c-3']);
      expect(await own.handoff.queue('general')).toEqual(['c-4']);
    } finally {
      await own.close();
    }
  });

  it('stamps the revision of a filed conversation, never lowering it, and forgets it once filed nowhere', async () => {
    const q = queueName();
    const login = `op-${randomUUID()}`;
    const id = `stamped-${randomUUID()}`;
    await store.handoff.stamp(id, 3); // filed nowhere yet: ignored
    expect(await store.handoff.revisions([id])).toEqual([null]);
    await store.handoff.place({ ...queued(id, q, 0, minute(1)), revision: 4 });
    expect(await store.handoff.revisions([id, `never-${randomUUID()}`])).toEqual([4, null]);
    await store.handoff.stamp(id, 6);
    await store.handoff.stamp(id, 5); // a change stored earlier, stamped late
    expect(await store.handoff.revisions([id])).toEqual([6]);
    await store.handoff.place({ ...owned(id, login, q), revision: 7 });
    expect(await store.handoff.revisions([id])).toEqual([7]);
    // A placement that does not know the revision leaves no stale stamp behind when it moves the id.
    await store.handoff.place(queued(id, q, 0, minute(1)));
    expect(await store.handoff.revisions([id])).toEqual([null]);
    await store.handoff.place({ ...queued(id, q, 0, minute(1)), revision: 8 });
    await store.handoff.place({ ...queued(id, q, 0, minute(1)), owner: 'bot', revision: 9 });
    expect(await store.handoff.revisions([id])).toEqual([null]);
    expect(await store.handoff.revisions([])).toEqual([]);
  });

  it('finds the queued by how long they have been silent, as placed and stamped, and forgets who left the queue', async () => {
    const q = queueName();
    const login = `op-${randomUUID()}`;
    const [early, late, answered, taken, unknown] = ['early', 'late', 'answered', 'taken', 'unknown'].map((name) => `quiet-${name}-${randomUUID()}`) as [string, string, string, string, string];
    const ours = new Set([early, late, answered, taken, unknown]);
    const silent = async (minutes: number) => (await store.handoff.quiet(Date.parse(minute(minutes)))).filter((id) => ours.has(id));
    await store.handoff.place({ ...queued(early, q, 0, minute(1)), quietSince: minute(1) });
    await store.handoff.place({ ...queued(late, q, 0, minute(2)), quietSince: minute(5) });
    await store.handoff.place({ ...queued(answered, q, 0, minute(3)), quietSince: minute(3) });
    await store.handoff.place({ ...queued(taken, q, 0, minute(4)), quietSince: minute(4) });
    await store.handoff.place(queued(unknown, q, 0, minute(0))); // filed with no silence noted (an older version)
    expect(await silent(4)).toEqual([early, answered, taken]);
    await store.handoff.stamp(answered, 2, minute(8)); // the citizen wrote at minute 8
    await store.handoff.place(owned(taken, login, q)); // an operator took it
    await store.handoff.stamp(taken, 3, minute(1)); // no longer queued: its silence is nobody's business
    expect(await silent(6)).toEqual([early, late]);
    expect(await silent(9)).toEqual([early, late, answered]);
    await store.handoff.place({ ...queued(early, q, 0, minute(1)), owner: 'bot' });
    expect(await silent(9)).toEqual([late, answered]);
  });

  it('reads a page across queues one after another, with the total and the stamps, in one step', async () => {
    const [first, second] = [queueName(), queueName()];
    for (let i = 0; i < 3; i++) await store.handoff.place({ ...queued(`${first}-${i}`, first, 0, minute(i)), revision: 10 + i });
    for (let i = 0; i < 4; i++) await store.handoff.place(queued(`${second}-${i}`, second, 0, minute(i)));
    const page = (offset: number, limit: number) => store.handoff.queuePage([first, second], { offset, limit });
    expect(await page(0, 2)).toEqual({ total: 7, ids: [`${first}-0`, `${first}-1`], revisions: [10, 11] });
    expect(await page(2, 3)).toEqual({ total: 7, ids: [`${first}-2`, `${second}-0`, `${second}-1`], revisions: [12, null, null] });
    expect(await page(5, 50)).toEqual({ total: 7, ids: [`${second}-2`, `${second}-3`], revisions: [null, null] });
    expect(await page(7, 50)).toEqual({ total: 7, ids: [], revisions: [] });
    expect(await store.handoff.queuePage([queueName()], { offset: 0, limit: 50 })).toEqual({ total: 0, ids: [], revisions: [] });
  });

  it('keeps the 50 most recent waits, newest first', async () => {
    const own = await open(randomUUID());
    try {
      expect(await own.handoff.recentWaits()).toEqual([]);
      for (let i = 0; i < 60; i++) await own.handoff.recordWait(i * 1000);
      const waits = await own.handoff.recentWaits();
      expect(waits).toHaveLength(50);
      expect(waits.slice(0, 3)).toEqual([59_000, 58_000, 57_000]);
      expect(waits.at(-1)).toBe(10_000);
    } finally {
      await own.close();
    }
  });

  it('lists 10 000 queued conversations in serving order', async () => {
    const q = queueName();
    const count = 10_000;
    const entries = Array.from({ length: count }, (_, i) => {
      // Spread over both priorities with distinct waiting times, placed in a scrambled order.
      const n = (i * 7919) % count;
      return queued(`bulk-${String(n).padStart(5, '0')}`, q, n % 3 === 0 ? 1 : 0, new Date(Date.UTC(2026, 0, 1) + n * 1000).toISOString());
    });
    await Promise.all(entries.map((entry) => store.handoff.place(entry)));
    const expected = [...entries].sort((a, b) => b.priority - a.priority || Date.parse(a.waitingSince!) - Date.parse(b.waitingSince!)).map((e) => e.id);
    expect(await store.handoff.queue(q)).toEqual(expected);
    expect((await store.handoff.queuePage([q], { offset: 0, limit: 0 })).total).toBe(count);
    expect(await store.handoff.position(expected[0]!)).toBe(1);
    expect(await store.handoff.position(expected[count - 1]!)).toBe(count);
    // One page at a time, as the queue's announcements read it.
    expect(await store.handoff.queue(q, { offset: 0, limit: 50 })).toEqual(expected.slice(0, 50));
    expect(await store.handoff.queue(q, { offset: 9_990, limit: 50 })).toEqual(expected.slice(9_990));
    expect(await store.handoff.queue(q, { offset: 20_000, limit: 50 })).toEqual([]);
    expect((await store.handoff.queuePage([queueName()], { offset: 0, limit: 0 })).total).toBe(0);
  });
});

/** Collects what a bus handler receives, and waits (polling on every arrival) until enough came. */
function inbox() {
  const messages: unknown[] = [];
  const arrivals = new Arrivals();
  return {
    messages,
    handler: (message: unknown) => {
      messages.push(message);
      arrivals.notify();
    },
    until: (count: number) =>
      arrivals.until(
        () => (messages.length >= count ? messages : undefined),
        () => `${count} messages, got ${JSON.stringify(messages)}`,
      ),
  };
}

describe.each(factories)('%s store carries messages between instances', (_name, open) => {
  let space: string;
  let store: Store;
  let peer: Store;
  beforeAll(async () => {
    space = randomUUID();
    store = await open(space);
    peer = await open(space);
  });
  afterAll(async () => {
    await peer.close();
    await store.close();
  });
  beforeEach(() => {
    reported.length = 0;
  });
  const topic = () => `topic-${randomUUID()}`;

  it('delivers a message published on one instance to a subscriber on another, as a copy', async () => {
    const t = topic();
    const box = inbox();
    await store.bus.subscribe(t, box.handler);
    const message = { kind: 'queued', id: 'web-1', at: minuteIso(), data: { position: 3, names: ['Аида'] } };
    await peer.bus.publish(t, message);
    message.data.position = 99;
    expect(await box.until(1)).toEqual([{ kind: 'queued', id: 'web-1', at: minuteIso(), data: { position: 3, names: ['Аида'] } }]);
    expect(box.messages[0]).not.toBe(message);
  });

  it('never runs a subscriber inside publish', async () => {
    const t = topic();
    const box = inbox();
    await store.bus.subscribe(t, box.handler);
    const published = store.bus.publish(t, 'hello');
    expect(box.messages).toEqual([]);
    await published;
    expect(await box.until(1)).toEqual(['hello']);
  });

  it('gives every subscriber of a topic each message in order, and stops after unsubscribe', async () => {
    const t = topic();
    const leaving = inbox();
    const staying = inbox();
    const unsubscribe = await store.bus.subscribe(t, leaving.handler);
    await store.bus.subscribe(t, staying.handler);
    await peer.bus.publish(t, 1);
    await peer.bus.publish(t, 2);
    expect(await staying.until(2)).toEqual([1, 2]);
    expect(await leaving.until(2)).toEqual([1, 2]);
    await unsubscribe();
    await unsubscribe(); // twice is harmless
    await peer.bus.publish(t, 3);
    await peer.bus.publish(t, 'marker');
    // The one still subscribed got everything, in order; by then the one that left would have had 3.
    expect(await staying.until(4)).toEqual([1, 2, 3, 'marker']);
    expect(leaving.messages).toEqual([1, 2]);
  });

  it('stops delivering a topic to this instance once its last subscriber left, and starts again on a new subscribe', async () => {
    const t = topic();
    const first = inbox();
    const unsubscribe = await store.bus.subscribe(t, first.handler);
    await peer.bus.publish(t, 'one');
    await first.until(1);
    await unsubscribe();
    const second = inbox();
    await store.bus.subscribe(t, second.handler);
    await peer.bus.publish(t, 'two');
    expect(await second.until(1)).toEqual(['two']);
    expect(first.messages).toEqual(['one']);
  });

  it('keeps delivering to the other handlers when one throws, and reports it', async () => {
    const t = topic();
    const box = inbox();
    await store.bus.subscribe(t, () => {
      throw new Error('handler broke');
    });
    await store.bus.subscribe(t, box.handler);
    await peer.bus.publish(t, 'first');
    await peer.bus.publish(t, 'second');
    expect(await box.until(2)).toEqual(['first', 'second']);
    expect(reported.map((e) => e.message)).toEqual([`bus handler for ${t} failed: handler broke`, `bus handler for ${t} failed: handler broke`]);
  });

  it('keeps topics apart', async () => {
    const [x, y] = [topic(), topic()];
    const onX = inbox();
    const onY = inbox();
    await store.bus.subscribe(x, onX.handler);
    await store.bus.subscribe(y, onY.handler);
    await peer.bus.publish(x, 'x1');
    await peer.bus.publish(y, 'y1');
    await peer.bus.publish(x, 'x2');
    expect(await onX.until(2)).toEqual(['x1', 'x2']);
    expect(await onY.until(1)).toEqual(['y1']);
    // A marker on y after x2: had x leaked into y, it would be in y's inbox before the marker.
    await peer.bus.publish(y, 'marker');
    expect(await onY.until(2)).toEqual(['y1', 'marker']);
  });
});

describe('the Redis bus', () => {
  const raw = createClient({ url: inject('redisUrl') });
  beforeAll(async () => {
    await raw.connect();
  });
  afterAll(() => raw.close());

  const subscribers = async (channel: string) => (await raw.pubSubNumSub(channel))[channel];

  it('drops a message on its channel that is not JSON', async () => {
    const space = randomUUID();
    const store = await createRedisStore({ url: inject('redisUrl'), prefix: `test-${space}:`, onError });
    try {
      const box = inbox();
      await store.bus.subscribe('events', box.handler);
      await raw.publish(`test-${space}:bus:events`, 'not json {');
      await store.bus.publish('events', { ok: true });
      expect(await box.until(1)).toEqual([{ ok: true }]);
    } finally {
      await store.close();
    }
  });

  it('subscribes once per topic on its own connection, unsubscribes with the last handler, and closes that connection with the store', async () => {
    const space = randomUUID();
    const channel = `test-${space}:bus:events`;
    const store = await createRedisStore({ url: inject('redisUrl'), prefix: `test-${space}:`, onError });
    try {
      const [a, b] = [inbox(), inbox()];
      const leaveA = await store.bus.subscribe('events', a.handler);
      const leaveB = await store.bus.subscribe('events', b.handler);
      expect(await subscribers(channel)).toBe(1);
      // The store's own connection still takes commands while the bus listens.
      expect(await store.ping()).toBe(true);
      await leaveA();
      expect(await subscribers(channel)).toBe(1);
      await leaveB();
      await vi.waitFor(async () => expect(await subscribers(channel)).toBe(0));
      await store.bus.subscribe('events', a.handler);
      expect(await subscribers(channel)).toBe(1);
    } finally {
      await store.close();
    }
    await vi.waitFor(async () => expect(await subscribers(channel)).toBe(0));
  });
});

describe.each(factories)('%s store keeps an outbox read by consumers of one group', (_name, open) => {
  let store: Store;
  let peer: Store;
  onTwoInstances(open, (opened) => {
    ({ store, peer } = opened);
  });
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const read = (s: Store, consumer: string, count = 10, visibilityMs = 60_000) => s.outbox.read(consumer, { count, blockMs: 0, visibilityMs });
  /** Reads everything there is now, so that each test starts on an empty outbox. */
  const drain = async () => {
    for (const entry of await read(store, 'drain', 1000, 0)) await store.outbox.ack(entry.id);
  };

  it('hands entries out in the order added, each to one consumer, as copies, until acked', async () => {
    await drain();
    const payload = { text: 'Сәлеметсіз бе!', choices: [{ id: 'a', label: 'Иә' }] };
    const first = await store.outbox.add({ key: 'k1', chat: '7001', payload });
    payload.text = 'changed';
    const second = await peer.outbox.add({ key: 'k2', chat: '7002', payload: 2 });
    expect(second).not.toBe(first);
    const before = Date.now();
    const got = await read(store, 'a', 1);
    expect(got).toEqual([{ id: first, key: 'k1', chat: '7001', payload: { text: 'Сәлеметсіз бе!', choices: [{ id: 'a', label: 'Иә' }] }, addedAt: expect.any(Number) }]);
    expect(got[0]!.addedAt).toBeLessThanOrEqual(before);
    // The other consumer gets the next one only; the first stays pending for "a".
    expect((await read(peer, 'b')).map((e) => e.id)).toEqual([second]);
    expect(await read(store, 'a')).toEqual([]);
    await store.outbox.ack(first);
    await peer.outbox.ack(second);
    expect(await read(store, 'c', 10, 0)).toEqual([]);
  });

  it('hands an entry left unacked for the visibility timeout to another consumer, and never an acked one', async () => {
    await drain();
    const lost = await store.outbox.add({ key: 'lost', chat: '1', payload: 'lost' });
    const done = await store.outbox.add({ key: 'done', chat: '1', payload: 'done' });
    expect((await read(store, 'crashed')).map((e) => e.id)).toEqual([lost, done]);
    await store.outbox.ack(done);
    expect(await read(peer, 'survivor', 10, 200)).toEqual([]);
    await pause(250);
    const taken = await read(peer, 'survivor', 10, 200);
    expect(taken.map((e) => [e.id, e.payload])).toEqual([[lost, 'lost']]);
    // Now pending for the survivor, whose idle time just started.
    expect(await read(store, 'third', 10, 200)).toEqual([]);
    await peer.outbox.ack(lost);
    await pause(250);
    expect(await read(store, 'third', 10, 200)).toEqual([]);
  });

  it('takes over only entries left unacked for the visibility timeout, never a new one', async () => {
    await drain();
    const lost = await store.outbox.add({ key: 'lost-only', chat: '1', payload: 'lost' });
    expect((await read(store, 'crashed')).map((e) => e.id)).toEqual([lost]);
    await store.outbox.add({ key: 'new-only', chat: '1', payload: 'new' });
    expect(await peer.outbox.takeOver('survivor', { count: 10, visibilityMs: 200 })).toEqual([]);
    await pause(250);
    expect((await peer.outbox.takeOver('survivor', { count: 10, visibilityMs: 200 })).map((e) => [e.id, e.payload])).toEqual([[lost, 'lost']]);
    await peer.outbox.ack(lost);
    await drain();
  });

  it('keeps an extended entry with its consumer', async () => {
    await drain();
    const id = await store.outbox.add({ key: 'held', chat: '1', payload: 1 });
    await read(store, 'holder');
    // Held past the visibility timeout: without the extension, another consumer would take it now.
    await pause(350);
    await store.outbox.extend('holder', [id]);
    expect(await read(peer, 'other', 10, 300)).toEqual([]);
    // Once the extension too has run out, it is taken over.
    await expect.poll(async () => (await read(peer, 'other', 10, 300)).map((e) => e.id), { timeout: 5_000, interval: 50 }).toEqual([id]);
    await peer.outbox.ack(id);
  });

  it('waits for a new entry when asked to, and answers empty after the wait', async () => {
    await drain();
    expect(await store.outbox.read('waiter', { count: 5, blockMs: 100, visibilityMs: 60_000 })).toEqual([]);
    const waiting = store.outbox.read('waiter', { count: 5, blockMs: 5000, visibilityMs: 60_000 });
    await pause(50);
    const id = await peer.outbox.add({ key: 'late', chat: '9', payload: 'late' });
    expect((await waiting).map((e) => e.id)).toEqual([id]);
    await store.outbox.ack(id);
  });

  it('tells whether an idempotency key was claimed, without claiming it', async () => {
    const key = `outbox:${randomUUID()}`;
    expect(await store.outbox.claimed(key)).toBe(false);
    expect(await store.outbox.claimed(key)).toBe(false);
    expect(await peer.idempotency.claim(key, 60)).toBe(true);
    expect(await store.outbox.claimed(key)).toBe(true);
  });
});

describe.each(factories)('%s store keeps the send limits every instance shares', (_name, open) => {
  let store: Store;
  let peer: Store;
  onTwoInstances(open, (opened) => {
    ({ store, peer } = opened);
  });
  const rates: SendRates = { perWindow: 3, windowMs: 400, bulkBurst: 3, chatPerSecond: 10, chatBurst: 2 };
  const take = (s: Store, bot: string, chat: string, lane: SendLane = 'bulk', r = rates) => s.sendLimits.take({ bot, chat, lane, rates: r });

  it('takes the window over all chats and both instances, then says how long to wait', async () => {
    const bot = randomUUID();
    expect(await take(store, bot, '1')).toEqual({ taken: true });
    expect(await take(peer, bot, '2')).toEqual({ taken: true });
    expect(await take(store, bot, '3')).toEqual({ taken: true });
    const refused = await take(peer, bot, '4');
    expect(refused).toMatchObject({ taken: false, scope: 'all' });
    expect(!refused.taken && refused.waitMs).toBeGreaterThan(0);
    expect(!refused.taken && refused.waitMs).toBeLessThanOrEqual(rates.windowMs + 1);
    await vi.waitFor(async () => expect(await take(peer, bot, '4')).toEqual({ taken: true }), { timeout: 2000, interval: 20 });
    // Another bot has a window of its own.
    expect(await take(store, randomUUID(), '1')).toEqual({ taken: true });
  });

  it('spreads notifications over the window, while a live call keeps to the window only', async () => {
    const bot = randomUUID();
    // At most 2 calls in any second (3 000 × 2 / 6) for a bulk one to go: long enough that a slow
    // machine's round trips do not let the third slip through.
    const spread: SendRates = { ...rates, perWindow: 6, windowMs: 3000, bulkBurst: 2 };
    expect(await take(store, bot, '1', 'bulk', spread)).toEqual({ taken: true });
    expect(await take(peer, bot, '2', 'bulk', spread)).toEqual({ taken: true });
    const refused = await take(store, bot, '3', 'bulk', spread);
    expect(refused).toMatchObject({ taken: false, scope: 'all' });
    expect(!refused.taken && refused.waitMs).toBeGreaterThan(0);
    expect(!refused.taken && refused.waitMs).toBeLessThanOrEqual(1000);
    expect(await take(peer, bot, '4', 'live', spread)).toEqual({ taken: true });
    await vi.waitFor(async () => expect(await take(store, bot, '3', 'bulk', spread)).toEqual({ taken: true }), { timeout: 3000, interval: 20 });
  });

  it('holds a chat to its bucket while other chats go on', async () => {
    const bot = randomUUID();
    const wide: SendRates = { ...rates, perWindow: 100, bulkBurst: 100 };
    expect(await take(store, bot, '7', 'bulk', wide)).toEqual({ taken: true });
    expect(await take(peer, bot, '7', 'bulk', wide)).toEqual({ taken: true });
    const refused = await take(store, bot, '7', 'bulk', wide);
    expect(refused).toMatchObject({ taken: false, scope: 'chat' });
    expect(!refused.taken && refused.waitMs).toBeLessThanOrEqual(100);
    expect(await take(store, bot, '8', 'bulk', wide)).toEqual({ taken: true });
    await vi.waitFor(async () => expect(await take(peer, bot, '7', 'bulk', wide)).toEqual({ taken: true }), { timeout: 2000, interval: 20 });
  });

  it("lets a citizen's answers through the chat's bucket, and makes notifications to that chat wait for what they spent", async () => {
    const bot = randomUUID();
    const wide: SendRates = { ...rates, perWindow: 100, bulkBurst: 100, chatPerSecond: 5 };
    for (let i = 0; i < 4; i++) expect(await take(store, bot, '7', 'live', wide)).toEqual({ taken: true });
    // Two over the burst of 2: the bucket owes two tokens, and a notification waits for three.
    const refused = await take(peer, bot, '7', 'bulk', wide);
    expect(refused).toMatchObject({ taken: false, scope: 'chat' });
    expect(!refused.taken && refused.waitMs).toBeGreaterThan(400);
  });

  it('holds the whole bot on every instance for as long as it was told, a shorter hold leaving a longer one', async () => {
    const bot = randomUUID();
    await store.sendLimits.hold(bot, 300);
    await peer.sendLimits.hold(bot, 10);
    const refused = await take(peer, bot, '1', 'live');
    expect(refused).toMatchObject({ taken: false, scope: 'hold' });
    expect(!refused.taken && refused.waitMs).toBeGreaterThan(150);
    expect(await take(store, randomUUID(), '1')).toEqual({ taken: true });
    await vi.waitFor(async () => expect(await take(store, bot, '1')).toEqual({ taken: true }), { timeout: 2000, interval: 20 });
  });

  it('lets a live call that waits for the window go before bulk ones asked meanwhile', async () => {
    const bot = randomUUID();
    for (const chat of ['1', '2', '3']) expect(await take(store, bot, chat)).toEqual({ taken: true });
    const live = await take(peer, bot, '9', 'live');
    expect(live).toMatchObject({ taken: false, scope: 'all' });
    // A bulk call asked right after is told to wait longer than the window: until the live one had its turn.
    const bulk = await take(store, bot, '4');
    expect(bulk).toMatchObject({ taken: false, scope: 'all' });
    expect(!bulk.taken && !live.taken && bulk.waitMs > live.waitMs).toBe(true);
    await vi.waitFor(async () => expect(await take(peer, bot, '9', 'live')).toEqual({ taken: true }), { timeout: 2000, interval: 20 });
  });

  it("gives a chat's message its turn only once every older one to that chat, in either lane and on either instance, is acked", async () => {
    const chat = `turn-${randomUUID()}`;
    await peer.outbox.add({ key: `${chat}-1`, chat, payload: 1 });
    await store.liveOutbox.add({ key: `${chat}-2`, chat, payload: 2 });
    await store.outbox.add({ key: 'another chat', chat: `${chat}-other`, payload: 3 });
    const [older] = (await store.outbox.read(`a-${chat}`, { count: 100, blockMs: 0, visibilityMs: 60_000 })).filter((e) => e.chat === chat);
    const [newer] = (await peer.liveOutbox.read(`b-${chat}`, { count: 100, blockMs: 0, visibilityMs: 60_000 })).filter((e) => e.chat === chat);
    expect(await peer.liveOutbox.turn(newer!)).toBe(false);
    expect(await store.outbox.turn(older!)).toBe(true);
    await store.outbox.ack(older!.id);
    expect(await peer.liveOutbox.turn(newer!)).toBe(true);
    await peer.liveOutbox.ack(newer!.id);
  });

  it('keeps the live lane of the outbox apart from the bulk lane', async () => {
    const key = randomUUID();
    const id = await store.liveOutbox.add({ key, chat: '5', payload: 'live' });
    const bulk = await peer.outbox.read(`c-${key}`, { count: 100, blockMs: 0, visibilityMs: 60_000 });
    expect(bulk.map((e) => e.key)).not.toContain(key);
    for (const entry of bulk) await peer.outbox.ack(entry.id);
    const live = await peer.liveOutbox.read(`c-${key}`, { count: 100, blockMs: 0, visibilityMs: 60_000 });
    expect(live.find((e) => e.key === key)).toMatchObject({ id, chat: '5', payload: 'live' });
    for (const entry of live) await peer.liveOutbox.ack(entry.id);
  });
});

describe('the Redis outbox', () => {
  it('is the stream <prefix>outbox with the group created on start, drops acked entries, and a waiting read ends with the store', async () => {
    const space = randomUUID();
    const store = await createRedisStore({ url: inject('redisUrl'), prefix: `test-${space}:`, onError });
    const admin = createClient({ url: inject('redisUrl') });
    await admin.connect();
    try {
      const groups = await admin.xInfoGroups(`test-${space}:outbox`);
      expect(groups.map((g) => g.name)).toEqual(['senders']);
      // An acked entry leaves the stream: it keeps only what is still to be sent.
      const id = await store.outbox.add({ key: 'k', chat: '1', payload: 'x' });
      expect(await admin.xLen(`test-${space}:outbox`)).toBe(1);
      await store.outbox.read('reader', { count: 1, blockMs: 0, visibilityMs: 60_000 });
      await store.outbox.ack(id);
      expect(await admin.xLen(`test-${space}:outbox`)).toBe(0);
      // A second instance on the same prefix finds the group there (BUSYGROUP is not an error).
      const peer = await createRedisStore({ url: inject('redisUrl'), prefix: `test-${space}:`, onError });
      await peer.close();
      const waiting = store.outbox.read('waiter', { count: 1, blockMs: 10_000, visibilityMs: 60_000 }).catch(() => 'ended' as const);
      await new Promise((resolve) => setTimeout(resolve, 50));
      // The store's own connection still takes commands while the read waits on its own.
      expect(await store.ping()).toBe(true);
      const started = Date.now();
      await store.close();
      expect(await waiting).toBe('ended');
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      await admin.close();
    }
  });
});

function minuteIso() {
  return '2026-01-01T09:00:00.000Z';
}

describe.each(factories)('%s store walks and rewrites conversations for retention', (_name, open) => {
  let store: Store;
  beforeAll(async () => {
    store = await open(randomUUID());
  });
  afterAll(() => store.close());

  it('lists the id of every stored conversation once, and nothing of another key space', async () => {
    const other = await open(randomUUID());
    await other.conversations.save(conversation('web-elsewhere', 1), 0, [{ from: 'citizen', text: 'сәлем', at: new Date().toISOString() }]);
    const ids = Array.from({ length: 7 }, (_, i) => `web-walk-${i}:{x}`);
    for (const id of ids) await store.conversations.save(conversation(id, 1), 0, [{ from: 'citizen', text: 'сәлем', at: new Date().toISOString() }]);
    const seen: string[] = [];
    for await (const page of store.conversations.ids()) seen.push(...page);
    expect(seen.sort()).toEqual([...ids].sort());
    await other.close();
  });

  it('replaces a transcript whole, keeps appending after it, and empties it', async () => {
    const id = `web-${randomUUID()}`;
    const at = new Date().toISOString();
    await store.conversations.save(conversation(id, 1), 0, [
      { from: 'citizen', text: 'ЖСН 850520400003', at, seq: 1 },
      { from: 'bot', text: 'Рахмет', at, seq: 2 },
    ]);
    await store.conversations.replaceTranscript(id, [
      { from: 'citizen', text: '•••', at, seq: 1 },
      { from: 'bot', text: 'Рахмет', at, seq: 2 },
    ]);
    expect((await store.conversations.transcript(id)).map((e) => e.text)).toEqual(['•••', 'Рахмет']);
    await store.conversations.save(conversation(id, 2), 1, [{ from: 'citizen', text: 'меню', at, seq: 3 }]);
    expect((await store.conversations.transcript(id)).map((e) => e.seq)).toEqual([1, 2, 3]);
    await store.conversations.replaceTranscript(id, []);
    expect(await store.conversations.transcript(id)).toEqual([]);
    expect((await store.conversations.get(id))!.revision).toBe(2);
  });
});
