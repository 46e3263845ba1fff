import { describe, expect, it } from 'vitest';
import type { Engine } from '../../bot/engine';
import { parseOpeningHours } from '../../domain/hours';
import type { Availability } from '../../flows/types';
import { testEngine, texts } from '../support/engine';

const OPEN: Availability = { open: true, operatorsOnline: 2, hours: 'always' };

async function say(engine: Engine, id: string, event: { type: 'text'; text: string } | { type: 'choice'; id: string }) {
  return engine.handle({ conversationId: id, channel: 'web', langHint: 'ru', event });
}

describe('the way to an operator, in the engine', () => {
  it('is reachable by word from the middle of a checklist, and cancelling returns to that question', async () => {
    const engine = testEngine({ availability: () => OPEN });
    await engine.handle({ conversationId: 'web-word', channel: 'web', langHint: 'ru', event: { type: 'start' } });
    await say(engine, 'web-word', { type: 'choice', id: 'menu:checklist' });
    const question = (await say(engine, 'web-word', { type: 'choice', id: 'svc:duplicate-school' })).replies.at(-1)!;
    const confirm = await say(engine, 'web-word', { type: 'text', text: 'Оператор!' });
    expect(confirm.replies.at(-1)!.choices!.map((c) => c.id)).toEqual(['op:yes', 'op:no']);
    const queued = await say(engine, 'web-word', { type: 'choice', id: 'op:yes' });
    expect(queued.conversation.owner).toBe('queue');
    expect(queued.conversation.handoff).toMatchObject({ queue: 'general', priority: 0, topic: expect.stringMatching(/дубликат/i) });

    // While queued the bot is silent, except for the queue's own buttons.
    const silent = await say(engine, 'web-word', { type: 'text', text: 'меню' });
    expect(silent).toMatchObject({ botSpoke: false, replies: [] });
    const left = await say(engine, 'web-word', { type: 'choice', id: 'queue:cancel' });
    expect(left.conversation.owner).toBe('bot');
    expect(left.replies[0]!.text).toBe('Вы вышли из очереди к оператору.');
    expect(left.replies.at(-1)).toEqual({ ...question, seq: expect.any(Number) });
    // An old "leave the queue" button pressed later is stale, not a second exit.
    const stale = await say(engine, 'web-word', { type: 'choice', id: 'queue:cancel' });
    expect(stale.replies[0]!.text).toBe('Эта кнопка больше не действует. Выберите один из текущих вариантов ниже.');
  });

  it('offers an operator after two messages in a row it did not understand, and not after one', async () => {
    const engine = testEngine({ availability: () => OPEN });
    await engine.handle({ conversationId: 'web-lost', channel: 'web', langHint: 'ru', event: { type: 'start' } });
    const once = await say(engine, 'web-lost', { type: 'text', text: 'абырвалг' });
    expect(once.replies.map((r) => r.text).join()).not.toMatch(/Соединить вас с оператором/);
    const twice = await say(engine, 'web-lost', { type: 'text', text: 'кшмр' });
    expect(twice.replies.at(-1)).toMatchObject({ text: 'Я не смог понять два сообщения подряд. Соединить вас с оператором 1414?', choices: [{ id: 'menu:operator', label: 'Оператор 1414' }] });
    const understood = await say(engine, 'web-lost', { type: 'text', text: 'меню' });
    const again = await say(engine, 'web-lost', { type: 'text', text: 'абырвалг' });
    expect([...understood.replies, ...again.replies].map((r) => r.text).join()).not.toMatch(/два сообщения подряд/);
  });

  it('tells the hours outside them and takes a call-back number, stored before it says so', async () => {
    const stored: unknown[] = [];
    const engine = testEngine({
      availability: () => ({ open: false, operatorsOnline: 0, hours: parseOpeningHours('Mon-Fri 09:00-18:00; Sat 09:00-13:00') }),
      effects: { 'callback.request': async (effect) => void stored.push(effect) },
    });
    await engine.handle({ conversationId: 'web-night', channel: 'web', langHint: 'kk', event: { type: 'start' } });
    const closed = await say(engine, 'web-night', { type: 'choice', id: 'menu:operator' });
    expect(closed.replies.at(-1)!.text).toMatch(/Жұмыс уақыты: Дс–Жм 09:00–18:00; Сб 09:00–13:00 \(Астана уақыты\)/);
    await say(engine, 'web-night', { type: 'choice', id: 'op:callback' });
    const saved = await say(engine, 'web-night', { type: 'text', text: '+7 (777) 123 45 67' });
    expect(stored).toEqual([{ type: 'callback.request', phone: '+77771234567', topic: null }]);
    expect(saved.replies[0]!.text).toBe('+7 777 123 45 67 нөмірін жазып алдық. Оператор байланыс орталығының жұмыс уақытында сізге қайта қоңырау шалады.');
    expect(saved.conversation.owner).toBe('bot');
  });

  it('at the call-back number, thanks is thanked, "не надо" goes back without a call-back, and a wrong number is told what is wrong', async () => {
    const stored: unknown[] = [];
    const engine = testEngine({
      availability: () => ({ open: false, operatorsOnline: 0, hours: parseOpeningHours('Mon-Fri 09:00-18:00') }),
      effects: { 'callback.request': async (effect) => void stored.push(effect) },
    });
    await engine.handle({ conversationId: 'web-night-no', channel: 'web', langHint: 'ru', event: { type: 'start' } });
    await say(engine, 'web-night-no', { type: 'choice', id: 'menu:operator' });
    const asked = await say(engine, 'web-night-no', { type: 'choice', id: 'op:callback' });
    const thanked = await say(engine, 'web-night-no', { type: 'text', text: 'спасибо' });
    expect(thanked.replies[0]!.text).toBe(texts.t('ru', 'understanding:thanks'));
    expect(thanked.conversation.state).toEqual(asked.conversation.state);
    expect((await say(engine, 'web-night-no', { type: 'text', text: '+1 202 555 0100' })).replies[0]!.text).toBe(texts.t('ru', 'questionnaire:errors.phone_not_kazakh'));
    const declined = await say(engine, 'web-night-no', { type: 'text', text: 'не надо' });
    expect(declined.conversation.state.flow).toBe('menu');
    expect(stored).toEqual([]);
  });
});
