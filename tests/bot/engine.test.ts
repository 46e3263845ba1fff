import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { Engine, type EffectHandler } from '../../bot/engine';
import { createFlows } from '../../flows';
import { createMenuFlow } from '../../flows/menu';
import { stateOf, type Flow } from '../../flows/types';
import { createMemoryStore } from '../../store/memory';
import { createRedisStore } from '../../store/redis';
import type { Store } from '../../store/types';
import { testEngine, texts } from '../support/engine';

const web = (conversationId: string) => ({ conversationId, channel: 'web' as const });

describe('engine turns', () => {
  it('greets a new conversation in Kazakh with the six menu sections', async () => {
    const engine = testEngine();
    const { replies } = await engine.handle({ ...web('web-a'), event: { type: 'start' } });
    expect(replies[0]!.text).toBe(texts.t('kk', 'menu:greeting'));
    expect(replies.at(-1)!.choices!.map((c) => c.id)).toEqual(['menu:checklist', 'menu:home_visit', 'menu:status', 'menu:complaint', 'menu:operator', 'menu:language']);
    expect(replies.at(-1)!.choices![0]!.label).toBe('Құжаттар тізбесі және өтініш');
  });

  it('switches to Russian at any step and shows the same step in Russian', async () => {
    const engine = testEngine();
    await engine.handle({ ...web('web-b'), event: { type: 'start' } });
    const picker = await engine.handle({ ...web('web-b'), event: { type: 'choice', id: 'menu:language' } });
    expect(picker.replies[0]!.choices!.map((c) => c.id)).toEqual(['lang:kk', 'lang:ru']);
    const switched = await engine.handle({ ...web('web-b'), event: { type: 'choice', id: 'lang:ru' } });
    expect(switched.conversation.lang).toBe('ru');
    expect(switched.replies[0]!.text).toBe('Язык переключён: русский.');
    expect(switched.replies.at(-1)!.choices![0]).toEqual({ id: 'menu:checklist', label: 'Документы и заявление' });
  });

  it('answers a redelivered update once, remembering the last fifty updates of a conversation', async () => {
    const engine = testEngine();
    const say = (n: number) => engine.handle({ ...web('web-redelivered'), eventId: `tg:${n}`, event: { type: 'text', text: 'меню' } });
    for (let n = 1; n <= 51; n++) expect((await say(n)).replies.length).toBeGreaterThan(0);
    // Updates 2–51 are remembered: Telegram sending one again gets no second answer.
    expect((await say(2)).replies).toEqual([]);
    expect((await say(51)).replies).toEqual([]);
    // The oldest is forgotten, so the memory of a long conversation stays bounded.
    expect((await say(1)).replies.length).toBeGreaterThan(0);
  });

  it('takes the language hint of the channel for a new conversation', async () => {
    const { replies, conversation } = await testEngine().handle({ ...web('web-c'), langHint: 'ru', event: { type: 'start' } });
    expect(conversation.lang).toBe('ru');
    expect(replies[0]!.text).toMatch(/^Здравствуйте!/);
  });

  it('answers a section without a journey honestly with the contact centre and the menu again', async () => {
    // A deployment whose menu has no complaint journey wired.
    const engine = new Engine({ store: createMemoryStore(), texts, flows: [createMenuFlow({ checklist: 'checklist' }), ...createFlows().filter((f) => f.id === 'checklist')], defaultLang: 'kk' });
    await engine.handle({ ...web('web-d'), event: { type: 'start' } });
    const { replies } = await engine.handle({ ...web('web-d'), event: { type: 'choice', id: 'menu:complaint' } });
    expect(replies[0]!.text).toContain('1414');
    expect(replies[0]!.text).toContain('8 800 080 7777');
    expect(replies[0]!.text).toContain('Шағым беру');
    expect(replies.at(-1)!.choices).toHaveLength(6);
  });

  it('refuses a forged or stale button politely and asks the question again', async () => {
    const engine = testEngine();
    await engine.handle({ ...web('web-e'), event: { type: 'start' } });
    const { replies } = await engine.handle({ ...web('web-e'), event: { type: 'choice', id: 'checklist:forged' } });
    expect(replies[0]!.text).toBe(texts.t('kk', 'common:errors.stale_choice'));
    expect(replies.at(-1)!.choices).toHaveLength(6);
  });

  it('answers a 10 000-character message with a clear message and keeps the state', async () => {
    const engine = testEngine();
    const before = await engine.handle({ ...web('web-f'), event: { type: 'start' } });
    const { replies, conversation } = await engine.handle({ ...web('web-f'), event: { type: 'text', text: 'а'.repeat(10_000) } });
    expect(replies[0]!.text).toContain('10000');
    expect(conversation.state).toEqual(before.conversation.state);
  });

  it('brings the menu back on "меню", "menu" and /start from a question deep in another flow', async () => {
    const engine = testEngine();
    /** A conversation at the checklist's first question, where a typed text is no answer; resolves with the menu as first shown. */
    const atChecklistQuestion = async (id: string) => {
      const started = await engine.handle({ ...web(id), event: { type: 'start' } });
      await engine.handle({ ...web(id), event: { type: 'choice', id: 'menu:checklist' } });
      const { conversation } = await engine.handle({ ...web(id), event: { type: 'choice', id: 'svc:duplicate-school' } });
      expect(conversation.state).toMatchObject({ flow: 'checklist', step: 'question' });
      return { state: started.conversation.state, prompt: started.replies.at(-1)! };
    };
    // Any other text there is refused, and the question asked again.
    await atChecklistQuestion('web-g');
    const refused = await engine.handle({ ...web('web-g'), event: { type: 'text', text: 'ывапролд' } });
    expect(refused.replies[0]!.text).toBe(texts.t('kk', 'checklist:answer_with_buttons'));
    expect(refused.conversation.state).toMatchObject({ flow: 'checklist', step: 'question' });

    for (const [index, text] of ['меню', 'Menu', '/start'].entries()) {
      const menu = await atChecklistQuestion(`web-g${index}`);
      expect(menu.prompt.text).toBe(texts.t('kk', 'menu:prompt'));
      const { replies, conversation } = await engine.handle({ ...web(`web-g${index}`), event: { type: 'text', text } });
      expect(conversation.state, text).toEqual(menu.state);
      expect(replies.at(-1), text).toMatchObject({ text: menu.prompt.text, choices: menu.prompt.choices });
    }
  });

  it('keeps the bot silent while an operator owns the conversation, and records the message', async () => {
    const store = createMemoryStore();
    const engine = testEngine({ store });
    const { conversation } = await engine.handle({ ...web('web-h'), event: { type: 'start' } });
    await store.conversations.save({ ...conversation, owner: 'operator:aida', revision: conversation.revision + 1 }, conversation.revision, []);
    const turn = await engine.handle({ ...web('web-h'), event: { type: 'text', text: 'Сәлем, көмектесіңізші' } });
    expect(turn.replies).toEqual([]);
    expect(turn.botSpoke).toBe(false);
    const transcript = await store.conversations.transcript('web-h');
    expect(transcript.at(-1)).toMatchObject({ from: 'citizen', text: 'Сәлем, көмектесіңізші' });
  });

  it('restarts at the menu, saying why, when a stored state was written by another flow version', async () => {
    const store = createMemoryStore();
    const engine = testEngine({ store });
    const { conversation } = await engine.handle({ ...web('web-i'), event: { type: 'start' } });
    await store.conversations.save({ ...conversation, state: { flow: 'menu', v: 0, step: 'root', data: {} }, revision: 2 }, 1, []);
    const { replies } = await engine.handle({ ...web('web-i'), event: { type: 'text', text: 'hello' } });
    expect(replies[0]!.text).toBe(texts.t('kk', 'menu:updated'));
  });
});

/** A flow that counts texts and, on "book", asks for an effect before saying it is done. */
const counter: Flow = {
  id: 'counter',
  version: 1,
  effects: ['book'],
  start: () => ({ replies: [{ text: 'started' }], state: stateOf(counter, 'counting', { count: 0 }) }),
  handle(state, event) {
    const count = Number(state.data.count) + 1;
    if (event.type === 'text' && event.text === 'book') {
      if (state.data.booked) return { replies: [{ text: 'already booked' }], state: stateOf(counter, 'counting', { ...state.data, count }) };
      // Keyed by what is booked, so a double tap books once whichever instance gets each tap.
      return { replies: [{ text: 'booked' }], state: stateOf(counter, 'counting', { count, booked: true }), effects: [{ type: 'book', key: 'booking' }] };
    }
    return { replies: [{ text: String(count) }], state: stateOf(counter, 'counting', { ...state.data, count }) };
  },
  prompt: () => [],
};

function counterEngine(store: Store, book: EffectHandler = async () => {}) {
  const menuJumpsToCounter: Flow = { ...createFlows()[0]!, start: () => ({ replies: [], goto: { flow: 'counter' } }) };
  return new Engine({ store, texts, flows: [menuJumpsToCounter, counter], defaultLang: 'kk', effects: { book } });
}

describe('engine effects', () => {
  it('runs effects before the reply; when one fails the citizen hears so in their language and nothing of the step is kept', async () => {
    const store = createMemoryStore();
    const engine = counterEngine(store, async () => {
      throw new Error('booking system down');
    });
    await engine.handle({ ...web('web-j'), event: { type: 'start' } });
    const { replies } = await engine.handle({ ...web('web-j'), event: { type: 'text', text: 'book' } });
    expect(replies.map((r) => r.text)).toEqual([texts.t('kk', 'common:errors.try_again')]);
    expect((await store.conversations.get('web-j'))!.state.data).toEqual({ count: 0 });
  });
});

describe('engine on Redis with two instances', () => {
  let store: Store;
  beforeAll(async () => {
    store = await createRedisStore({ url: inject('redisUrl'), prefix: `engine-${randomUUID()}:` });
  });
  afterAll(() => store.close());

  it('loses no update when two instances handle concurrent events for one conversation', async () => {
    const a = counterEngine(store);
    const b = counterEngine(store);
    await a.handle({ ...web('web-k'), event: { type: 'start' } });
    await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 ? a : b).handle({ ...web('web-k'), event: { type: 'text', text: `m${i}` } })));
    const stored = await store.conversations.get('web-k');
    expect(stored!.state.data.count).toBe(40);
    const transcript = await store.conversations.transcript('web-k');
    expect(transcript.filter((e) => e.from === 'citizen')).toHaveLength(40);
  });

  it('books once when the citizen double-taps "confirm" and two instances race on it', async () => {
    let bookings = 0;
    const book = async (_effect: unknown, { idempotencyKey }: { idempotencyKey: string }) => {
      if (await store.idempotency.claim(idempotencyKey, 60)) bookings++;
    };
    const a = counterEngine(store, book);
    const b = counterEngine(store, book);
    await a.handle({ ...web('web-l'), event: { type: 'start' } });
    const results = await Promise.all([a.handle({ ...web('web-l'), event: { type: 'text', text: 'book' } }), b.handle({ ...web('web-l'), event: { type: 'text', text: 'book' } })]);
    expect(bookings).toBe(1);
    expect(results.map((r) => r.replies[0]!.text).sort()).toEqual(['already booked', 'booked']);
  });
});
