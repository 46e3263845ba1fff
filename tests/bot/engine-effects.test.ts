import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { EffectRefusal, Engine, UnknownEffectError, type EffectHandler } from '../../bot/engine';
import { createFlows } from '../../flows';
import { stateOf, type Flow } from '../../flows/types';
import { createMemoryStore } from '../../store/memory';
import { createRedisStore } from '../../store/redis';
import type { Store } from '../../store/types';
import { texts } from '../support/engine';

const web = (conversationId: string) => ({ conversationId, channel: 'web' as const });

/**
 * A flow that books on "book" (an effect keyed by the inbound event) and reserves on "reserve"
 * (an effect it waits for, whose outcome it puts in words); any other text is counted.
 */
const booking: Flow = {
  id: 'booking',
  version: 1,
  effects: ['book', 'reserve'],
  start: () => ({ replies: [{ text: 'ready' }], state: stateOf(booking, 'ready', { count: 0 }) }),
  handle(state, event) {
    const count = Number(state.data.count) + 1;
    if (event.type === 'text' && event.text === 'book') return { replies: [{ text: 'booked' }], state: stateOf(booking, 'ready', { count }), effects: [{ type: 'book' }] };
    if (event.type === 'text' && event.text === 'reserve') return { replies: [{ text: 'checking…' }], state: stateOf(booking, 'reserving', { count }), await: { type: 'reserve' } };
    return { replies: [{ text: String(count) }], state: stateOf(booking, 'ready', { ...state.data, count }) };
  },
  onEffect(state, { outcome }) {
    if (!outcome.ok) return { replies: [{ text: `not reserved: ${outcome.code}` }], state: stateOf(booking, 'ready', state.data) };
    return { replies: [{ text: `reserved ${String(outcome.value)}` }], state: stateOf(booking, 'reserved', { ...state.data, number: outcome.value }), data: { reservation: outcome.value } };
  },
  prompt: () => [{ text: 'say something' }],
};

function bookingEngine(store: Store, handlers: Record<string, EffectHandler> = {}) {
  const menuJumpsToBooking: Flow = { ...createFlows()[0]!, start: () => ({ replies: [], goto: { flow: 'booking' } }) };
  return new Engine({ store, texts, flows: [menuJumpsToBooking, booking], defaultLang: 'kk', effects: { book: async () => undefined, reserve: async () => 'R-1', ...handlers } });
}

describe('effects that answer', () => {
  it("hands an awaited effect's result to the flow in the same turn, which tells the citizen and stores it", async () => {
    const store = createMemoryStore();
    const engine = bookingEngine(store, { reserve: async () => 'HV-2026-000001' });
    await engine.handle({ ...web('web-r1'), event: { type: 'start' } });
    const { replies, conversation } = await engine.handle({ ...web('web-r1'), event: { type: 'text', text: 'reserve' } });
    expect(replies.map((r) => r.text)).toEqual(['checking…', 'reserved HV-2026-000001']);
    expect(conversation.state.step).toBe('reserved');
    expect((await store.conversations.get('web-r1'))!.data.reservation).toBe('HV-2026-000001');
  });

  it('gives a refusal and a failure to the flow by code, never as an internal error, keeping what was entered', async () => {
    const store = createMemoryStore();
    let refuse = true;
    const engine = bookingEngine(store, {
      reserve: async () => {
        if (refuse) throw new EffectRefusal('slot_full');
        throw new Error('registry down');
      },
    });
    await engine.handle({ ...web('web-r2'), event: { type: 'start' } });
    await engine.handle({ ...web('web-r2'), event: { type: 'text', text: 'one' } });
    const refused = await engine.handle({ ...web('web-r2'), event: { type: 'text', text: 'reserve' } });
    expect(refused.replies.map((r) => r.text)).toEqual(['checking…', 'not reserved: slot_full']);
    refuse = false;
    const failed = await engine.handle({ ...web('web-r2'), event: { type: 'text', text: 'reserve' } });
    expect(failed.replies.at(-1)!.text).toBe('not reserved: failed');
    expect((await store.conversations.get('web-r2'))!.state).toMatchObject({ step: 'ready', data: { count: 3 } });
  });

  it('refuses to start when a flow asks for an effect no handler serves', () => {
    expect(() => new Engine({ store: createMemoryStore(), texts, flows: [createFlows()[0]!, booking], defaultLang: 'kk', effects: { book: async () => undefined } })).toThrow(UnknownEffectError);
  });

  it('handles an event delivered twice once: one reply, one transcript line, one effect', async () => {
    const store = createMemoryStore();
    const keys: string[] = [];
    const engine = bookingEngine(store, { book: async (_effect, { idempotencyKey }) => void keys.push(idempotencyKey) });
    await engine.handle({ ...web('web-r3'), event: { type: 'start' } });
    const first = await engine.handle({ ...web('web-r3'), eventId: 'tg:900', event: { type: 'text', text: 'book' } });
    const again = await engine.handle({ ...web('web-r3'), eventId: 'tg:900', event: { type: 'text', text: 'book' } });
    expect(first.replies.map((r) => r.text)).toEqual(['booked']);
    expect(again.replies).toEqual([]);
    expect(keys).toHaveLength(1);
    const transcript = await store.conversations.transcript('web-r3');
    expect(transcript.filter((e) => e.text === 'book')).toHaveLength(1);
  });

  it('numbers the transcript in the order written, across turns and operator changes, and gives each reply its number', async () => {
    const store = createMemoryStore();
    const engine = bookingEngine(store);
    const started = await engine.handle({ ...web('web-r4'), event: { type: 'start' } });
    const turn = await engine.handle({ ...web('web-r4'), event: { type: 'text', text: 'one' } });
    const change = await engine.change('web-r4', (c) => ({ conversation: c, replies: [{ text: 'from the operator', from: 'operator' }] }));
    const transcript = await store.conversations.transcript('web-r4');
    expect(transcript.map((e) => e.seq)).toEqual(transcript.map((_, i) => i + 1));
    expect(started.replies.map((r) => r.seq)).toEqual([1]);
    expect(turn.replies.map((r) => r.seq)).toEqual([3]);
    expect(change.changed && change.replies.map((r) => r.seq)).toEqual([4]);
    expect(transcript.find((e) => e.seq === 2)).toMatchObject({ from: 'citizen', text: 'one' });
  });

  it('writes a change made under an event id once', async () => {
    const store = createMemoryStore();
    const engine = bookingEngine(store);
    await engine.handle({ ...web('web-r5'), event: { type: 'start' } });
    const remind = () => engine.change('web-r5', (c) => ({ conversation: c, replies: [{ text: 'reminder', from: 'system' }] }), 'system', 'job:reminder-1');
    expect((await remind()).changed).toBe(true);
    expect(await remind()).toEqual({ changed: false, reason: 'duplicate' });
    expect((await store.conversations.transcript('web-r5')).filter((e) => e.text === 'reminder')).toHaveLength(1);
  });
});

describe('effects on Redis with two instances', () => {
  let store: Store;
  beforeAll(async () => {
    store = await createRedisStore({ url: inject('redisUrl'), prefix: `effects-${randomUUID()}:` });
  });
  afterAll(() => store.close());

  it('applies an effect once when another instance saves the conversation while the effect runs', async () => {
    let bookings = 0;
    let interfered = false;
    const b = bookingEngine(store);
    const book: EffectHandler = async (_effect, { idempotencyKey }) => {
      if (!interfered) {
        // Another instance stores a turn of the same conversation now: this turn's save will lose.
        interfered = true;
        await b.handle({ ...web('web-race'), event: { type: 'text', text: 'meanwhile' } });
      }
      if (await store.idempotency.claim(idempotencyKey, 60)) bookings++;
    };
    const a = bookingEngine(store, { book });
    await a.handle({ ...web('web-race'), event: { type: 'start' } });
    const { replies } = await a.handle({ ...web('web-race'), eventId: 'web:frame-1', event: { type: 'text', text: 'book' } });
    expect(replies.map((r) => r.text)).toEqual(['booked']);
    expect(bookings).toBe(1);
    const transcript = await store.conversations.transcript('web-race');
    expect(transcript.filter((e) => e.text === 'booked')).toHaveLength(1);
    expect(transcript.filter((e) => e.text === 'meanwhile')).toHaveLength(1);
  });
});
