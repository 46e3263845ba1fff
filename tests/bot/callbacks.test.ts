import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CallbackRequest, Callbacks } from '../../bot/callbacks';
import type { Conversation, Store } from '../../store/types';
import { factories } from '../support/stores';

const conversation = (id: string) => ({ id, lang: 'ru' }) as Conversation;

describe.each(factories)('call-back requests on the %s store', (_name, open) => {
  let store: Store;
  let callbacks: Callbacks;
  beforeAll(async () => {
    store = await open(`callbacks-${randomUUID()}`);
    callbacks = new Callbacks(store);
  });
  afterAll(() => store.close());

  const leave = (conversationId: string, key: string) =>
    callbacks.effect({ type: 'callback.request', phone: '+77012345678', topic: null }, { conversation: conversation(conversationId), idempotencyKey: key }) as Promise<CallbackRequest>;

  it('numbers each request once, and lists the pending first, oldest first, a page at a time', async () => {
    const first = await leave('web-a', 'turn-a');
    expect(await leave('web-a', 'turn-a')).toMatchObject({ id: first.id, number: first.number });
    expect(first.number).toMatch(/^CB-\d{4}-\d{6}$/);
    const second = await leave('web-b', 'turn-b');
    const third = await leave('web-c', 'turn-c');
    await callbacks.mark(first.id, 'reached', 'aigerim');
    const page = await callbacks.list(undefined, { offset: 0, limit: 2 });
    expect(page.total).toBe(3);
    // The reached one goes last: the first page holds the two pending ones.
    expect(page.items.map((r) => r.id).sort()).toEqual([second.id, third.id].sort());
    expect((await callbacks.list('reached')).items.map((r) => r.id)).toEqual([first.id]);
  });

  it('counts every call as an attempt: not reached, then reached, is two calls', async () => {
    const request = await leave('web-e', 'turn-e');
    await callbacks.mark(request.id, 'not_reached', 'aigerim');
    expect((await callbacks.get(request.id))!.attempts).toBe(1);
    await callbacks.mark(request.id, 'reached', 'erlan');
    expect((await callbacks.get(request.id))!).toMatchObject({ status: 'reached', attempts: 2 });
  });

  it('counts both attempts when two operators mark the same request as not reached at once', async () => {
    const request = await leave('web-d', 'turn-d');
    await Promise.all([callbacks.mark(request.id, 'not_reached', 'aigerim'), callbacks.mark(request.id, 'not_reached', 'erlan')]);
    expect((await callbacks.get(request.id))!.attempts).toBe(2);
  });

  it('moves requests kept before numbering into the list once', async () => {
    const legacy = store.collection<CallbackRequest>('callbacks');
    await legacy.put('old-1', { id: 'old-1', conversationId: 'web-old', phone: '+77011112233', lang: 'kk', topic: 'Аттестат', createdAt: '2026-11-01T05:00:00.000Z', status: 'pending', attempts: 1 });
    expect(await callbacks.migrate()).toBe(1);
    expect(await callbacks.migrate()).toBe(0);
    const moved = (await callbacks.list('pending')).items.find((r) => r.conversationId === 'web-old');
    expect(moved).toMatchObject({ phone: '+77011112233', topic: 'Аттестат', attempts: 1, number: expect.stringMatching(/^CB-/) });
  });
});
