import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { afterEach, describe, expect, inject, it, vi } from 'vitest';
import { CHAT_BURST, LATE_TOKEN_MS, MAX_LATE_RETAKES, OutboxDrainer, type OutboxDrainerOptions, sendRates, type TelegramOutboxPayload, WINDOW_MARGIN_MS } from '../../bot/outbox';
import { createMemoryStore } from '../../store/memory';
import { createRedisStore } from '../../store/redis';
import { MemorySendLimits } from '../../store/send-limits';
import type { SendLimits, Store } from '../../store/types';
import { telegramError } from '../support/telegram-error';

describe('the shared limits for Telegram', () => {
  it('allow the rate in any window of a second and a margin, a rate below one a second as one call in a longer window', () => {
    expect(sendRates(30, 1)).toEqual({ perWindow: 30, windowMs: 1000 + WINDOW_MARGIN_MS, bulkBurst: 3, chatPerSecond: 1, chatBurst: CHAT_BURST });
    expect(sendRates(0.5, 1)).toMatchObject({ perWindow: 1, windowMs: 2000 + WINDOW_MARGIN_MS });
  });
});

/** A log that keeps its lines, to check what it says (and what it must not). */
function memoryLog() {
  const lines: string[] = [];
  return { lines, log: pino({ level: 'info' }, { write: (line: string) => void lines.push(line) }) };
}

interface Sent {
  chatId: number;
  text: string;
}

interface Harness {
  store: Store;
  drainer: OutboxDrainer;
  sent: Sent[];
  /** Every attempt, accepted or not. */
  attempts: Sent[];
  lines: string[];
  add(chatId: number, text: string, key?: string): Promise<string>;
}

const running: OutboxDrainer[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((d) => d.stop(100)));
});

/** A drainer on an outbox whose `send` fails as `fail` says (nothing: accepted). */
function harness(fail: (attempt: Sent, index: number) => Error | Promise<void> | undefined = () => undefined, options: Partial<OutboxDrainerOptions> & { store?: Store } = {}): Harness {
  const store = options.store ?? createMemoryStore();
  const sent: Sent[] = [];
  const attempts: Sent[] = [];
  const { lines, log } = memoryLog();
  const drainer = new OutboxDrainer({
    outbox: store.outbox,
    idempotency: store.idempotency,
    log,
    blockMs: 50,
    ...options,
    send: async ({ chatId, replies }, control) => {
      for (const reply of replies.slice(control.from)) {
        await control.beforeCall();
        const attempt = { chatId, text: reply.text };
        attempts.push(attempt);
        const outcome = fail(attempt, attempts.length - 1);
        if (outcome instanceof Error) throw outcome;
        await outcome;
        sent.push(attempt);
      }
    },
  });
  running.push(drainer);
  return {
    store,
    drainer,
    sent,
    attempts,
    lines,
    add: (chatId, text, key = randomUUID()) => {
      const payload: TelegramOutboxPayload = { chatId, reply: { text } };
      return store.outbox.add({ key, chat: String(chatId), payload });
    },
  };
}

/** Nothing is left in the outbox: a read that takes over every pending entry at once finds none. */
async function expectEmpty(store: Store) {
  expect(await store.outbox.read(`probe-${randomUUID()}`, { count: 100, blockMs: 0, visibilityMs: 0 })).toEqual([]);
}

/**
 * One message sent by a drainer on a clock only the test moves: `callLateBy` ms pass between the
 * token taken at dispatch and the call, and the first `lateAnswers` grants of a token reach the
 * drainer 400 ms after the limits counted them. Gives when each token was counted and when the call was made.
 */
async function oneSendOnAClock({ callLateBy = 0, lateAnswers = 0 }): Promise<{ taken: number[]; call: number }> {
  let clock = 1_000_000;
  const limits = new MemorySendLimits(() => clock);
  const taken: number[] = [];
  let answered = 0;
  const counting: SendLimits = {
    take: async (request) => {
      const permit = await limits.take(request);
      if (permit.taken) taken.push(clock);
      if (answered++ < lateAnswers) clock += 400;
      return permit;
    },
    hold: (bot, ms) => limits.hold(bot, ms),
  };
  const store = createMemoryStore();
  const calls: number[] = [];
  const drainer = new OutboxDrainer({
    outbox: store.outbox,
    idempotency: store.idempotency,
    log: pino({ level: 'silent' }),
    blockMs: 50,
    now: () => clock,
    limits: counting,
    send: async (_payload, control) => {
      clock += callLateBy;
      await control.beforeCall();
      calls.push(clock);
    },
  });
  running.push(drainer);
  await store.outbox.add({ key: randomUUID(), chat: '1', payload: { chatId: 1, reply: { text: 'late' } } satisfies TelegramOutboxPayload });
  drainer.start();
  await vi.waitFor(() => expect(calls).toHaveLength(1));
  return { taken, call: calls[0]! };
}

describe('the outbox drainer', () => {
  it('takes a token again for a call that starts too long after its token was taken, as when the process was busy in between', async () => {
    expect((await oneSendOnAClock({ callLateBy: LATE_TOKEN_MS })).taken).toHaveLength(1);
    const late = await oneSendOnAClock({ callLateBy: LATE_TOKEN_MS + 400 });
    expect(late.taken).toHaveLength(2);
    expect(late.taken.at(-1)).toBe(late.call);
  });

  it('takes a token again when the answer granting it was read late (a busy event loop), and still sends when every answer is late', async () => {
    const once = await oneSendOnAClock({ lateAnswers: 1 });
    expect(once.taken).toHaveLength(2);
    expect(once.call - once.taken.at(-1)!).toBeLessThanOrEqual(LATE_TOKEN_MS);
    const always = await oneSendOnAClock({ lateAnswers: Number.POSITIVE_INFINITY });
    expect(always.taken).toHaveLength(1 + MAX_LATE_RETAKES);
  });

  it('sends every message of a chat in the order queued, the chats side by side, and acks them', async () => {
    const h = harness();
    for (let i = 1; i <= 4; i++) {
      await h.add(1, `a${i}`);
      await h.add(2, `b${i}`);
    }
    h.drainer.start();
    await vi.waitFor(() => expect(h.sent).toHaveLength(8), { timeout: 8000 });
    expect(h.sent.filter((s) => s.chatId === 1).map((s) => s.text)).toEqual(['a1', 'a2', 'a3', 'a4']);
    expect(h.sent.filter((s) => s.chatId === 2).map((s) => s.text)).toEqual(['b1', 'b2', 'b3', 'b4']);
    await expectEmpty(h.store);
  });

  it('sends a message queued twice with one idempotency key once', async () => {
    const h = harness();
    await h.add(1, 'once', 'key-1');
    await h.add(1, 'once', 'key-1');
    await h.add(1, 'after');
    h.drainer.start();
    await vi.waitFor(() => expect(h.sent.map((s) => s.text)).toEqual(['once', 'after']));
    await vi.waitFor(() => expectEmpty(h.store));
    expect(h.sent).toHaveLength(2);
  });

  it("waits out a 429's retry_after, then sends exactly once, the chat's next message behind it", async () => {
    const h = harness((_attempt, index) => (index === 0 ? telegramError(429, 'Too Many Requests: retry after 1', 1) : undefined));
    await h.add(1, 'first');
    await h.add(1, 'second');
    h.drainer.start();
    await vi.waitFor(() => expect(h.sent.map((s) => s.text)).toEqual(['first', 'second']), { timeout: 5000 });
    expect(h.attempts.map((a) => a.text)).toEqual(['first', 'first', 'second']);
    await expectEmpty(h.store);
  });

  it('tries again after a server error and sends exactly once', async () => {
    const h = harness((_attempt, index) => (index === 0 ? telegramError(500, 'Internal Server Error') : undefined));
    await h.add(1, 'survives');
    h.drainer.start();
    await vi.waitFor(() => expect(h.sent.map((s) => s.text)).toEqual(['survives']), { timeout: 5000 });
    expect(h.attempts).toHaveLength(2);
    await expectEmpty(h.store);
  });

  it('drops a message to a chat that blocked the bot after one try, and says so without the chat or the text', async () => {
    const h = harness((attempt) => (attempt.chatId === 66 ? telegramError(403, 'Forbidden: bot was blocked by the user') : undefined));
    await h.add(66, 'Жеке хабарлама');
    await h.add(5, 'to another chat');
    h.drainer.start();
    await vi.waitFor(() => expect(h.sent.map((s) => s.text)).toEqual(['to another chat']));
    await vi.waitFor(() => expectEmpty(h.store));
    // Settled: nothing in flight, nothing that may go; a message kept for another try would still be held.
    await h.drainer.idle();
    expect(h.attempts.filter((a) => a.chatId === 66)).toHaveLength(1);
    const said = h.lines.join('\n');
    expect(said).toMatch(/blocked by the user/);
    expect(said).not.toMatch(/Жеке хабарлама/);
    expect(said).not.toMatch(/"chat(Id)?":\s*"?66/);
  });

  it("holds a chat's next message until its token is there, without holding other chats", async () => {
    let now = 1_000_000;
    const h = harness(undefined, { now: () => now, rates: { ...sendRates(30, 1), chatBurst: 1 } });
    await h.add(1, 'a1');
    await h.add(1, 'a2');
    await h.add(2, 'b1');
    h.drainer.start();
    await vi.waitFor(() => expect(h.sent.map((s) => s.text).sort()).toEqual(['a1', 'b1']));
    // Both sends are over and the drainer found nothing more it may send now.
    await h.drainer.idle();
    expect(h.sent.map((s) => s.text)).not.toContain('a2');
    now += 1000; // the drainer looks again when its timer for chat 1 fires
    await vi.waitFor(() => expect(h.sent.map((s) => s.text)).toContain('a2'), { timeout: 3000 });
  });

  it('holds newer messages to a chat while an older one is pending for a stopped instance, then sends it first', async () => {
    const h = harness(undefined, { visibilityMs: 300 });
    await h.add(1, 'older');
    // Another instance read it and stopped without acking.
    expect(await h.store.outbox.read('stopped', { count: 1, blockMs: 0, visibilityMs: 60_000 })).toHaveLength(1);
    await h.add(1, 'newer');
    await h.add(1, 'newest');
    await h.add(2, 'another chat');
    h.drainer.start();
    await vi.waitFor(() => expect(h.sent.map((s) => s.text)).toEqual(['another chat']));
    // After the visibility timeout the older one is taken over and goes first.
    await vi.waitFor(() => expect(h.sent.map((s) => s.text)).toEqual(['another chat', 'older', 'newer', 'newest']), { timeout: 5000 });
    await expectEmpty(h.store);
  });

  it("takes over a stopped instance's older messages even when what it holds fills its capacity", async () => {
    const h = harness(undefined, { visibilityMs: 300, capacity: 2 });
    await h.add(1, 'older 1');
    await h.add(2, 'older 2');
    // Another instance read them and stopped without acking.
    expect(await h.store.outbox.read('stopped', { count: 2, blockMs: 0, visibilityMs: 60_000 })).toHaveLength(2);
    await h.add(1, 'newer 1');
    await h.add(2, 'newer 2');
    await h.add(1, 'newest 1');
    // Starts before the older ones are idle long enough: it reads the newer ones, which fill it and wait for the older.
    h.drainer.start();
    await vi.waitFor(() => expect(h.sent.map((s) => s.text).sort()).toEqual(['newer 1', 'newer 2', 'newest 1', 'older 1', 'older 2']), { timeout: 5000 });
    expect(h.sent.filter((s) => s.chatId === 1).map((s) => s.text)).toEqual(['older 1', 'newer 1', 'newest 1']);
    expect(h.sent.filter((s) => s.chatId === 2).map((s) => s.text)).toEqual(['older 2', 'newer 2']);
    await expectEmpty(h.store);
  });

  it("holds every chat, not only the one refused, for a 429's retry_after", async () => {
    let now = 1_000_000;
    const h = harness((attempt, index) => (attempt.text === 'first' && index === 0 ? telegramError(429, 'Too Many Requests: retry after 1', 1) : undefined), { now: () => now });
    await h.add(1, 'first');
    h.drainer.start();
    await vi.waitFor(() => expect(h.attempts.map((a) => a.text)).toEqual(['first']));
    await h.add(2, 'other chat');
    await h.drainer.idle();
    expect(h.attempts.map((a) => a.text)).toEqual(['first']);
    now += 1000;
    await vi.waitFor(() => expect(h.sent.map((s) => s.text).sort()).toEqual(['first', 'other chat']), { timeout: 3000 });
  });

  it('waits on stop for the message in flight, which is then acked', async () => {
    let accept!: () => void;
    const gate = new Promise<void>((resolve) => (accept = resolve));
    const h = harness(() => gate);
    await h.add(1, 'in flight');
    h.drainer.start();
    await vi.waitFor(() => expect(h.attempts).toHaveLength(1));
    // What had been sent when stop resolved. A stop that did not wait would resolve within the
    // callbacks already queued, all of which run before the send is let through.
    const sentWhenStopped = h.drainer.stop().then(() => h.sent.map((s) => s.text));
    setImmediate(accept);
    expect(await sentWhenStopped).toEqual(['in flight']);
    await expectEmpty(h.store);
  });
});

describe('two instances on one Redis', () => {
  it('the second sends what the stopped first had read but not acked, and nothing twice', async () => {
    const prefix = `test-outbox-${randomUUID()}:`;
    const [first, second] = await Promise.all([createRedisStore({ url: inject('redisUrl'), prefix }), createRedisStore({ url: inject('redisUrl'), prefix })]);
    try {
      // The first instance sends one message, and holds the next two for the chat's next token.
      const a = harness(undefined, { store: first, consumer: 'first', rates: { ...sendRates(30, 0.1), chatBurst: 1 }, visibilityMs: 300 });
      for (const text of ['one', 'two', 'three']) await a.add(7, text);
      a.drainer.start();
      await vi.waitFor(() => expect(a.sent.map((s) => s.text)).toEqual(['one']));
      await a.drainer.stop();
      const b = harness(undefined, { store: second, consumer: 'second', visibilityMs: 300 });
      b.drainer.start();
      await vi.waitFor(() => expect(b.sent.map((s) => s.text)).toEqual(['two', 'three']), { timeout: 8000 });
      // Both are acked and the second found nothing more to send; stopped, it sends nothing more.
      await b.drainer.idle();
      await b.drainer.stop();
      expect([...a.sent, ...b.sent].map((s) => s.text)).toEqual(['one', 'two', 'three']);
      await expectEmpty(second);
    } finally {
      await Promise.all([first.close(), second.close()]);
    }
  });
});
