import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Runtime } from '../../bot/runtime';
import { createTexts } from '../../locales/i18n';
import { createRedisStore } from '../../store/redis';
import type { Store } from '../../store/types';
import { testRuntime } from '../support/runtime';

const texts = createTexts();
const NOW = new Date('2026-12-08T11:00:00+05:00');

function instance(store: Store): Runtime {
  return testRuntime(store, { homeVisitCapacity: { default: 3, byRegion: {} }, now: () => NOW });
}

describe('fifty citizens race for a window of three, on Redis with two instances', () => {
  const prefix = `race-${randomUUID()}:`;
  let stores: Store[];
  let instances: Runtime[];
  beforeAll(async () => {
    stores = await Promise.all([0, 1].map(() => createRedisStore({ url: inject('redisUrl'), prefix })));
    instances = stores.map(instance);
  });
  afterAll(() => Promise.all(stores.map((s) => s.close())));

  /** One citizen up to the choice of the window on 10 December; the others are that conversation's copies. */
  async function atTheWindow(count: number): Promise<string[]> {
    const [first] = instances;
    const id = 'web-race-0';
    const say = (event: { type: 'choice'; id: string } | { type: 'text'; text: string } | { type: 'start' }) => first!.engine.handle({ conversationId: id, channel: 'web', langHint: 'ru', event });
    await say({ type: 'start' });
    await say({ type: 'choice', id: 'menu:checklist' });
    for (const press of ['svc:duplicate-school', 'ans:channel:state_corporation', 'ans:applicant:self', 'ans:reason:lost', 'nav:cannot_come', 'menu:home_visit', 'hv:self', 'hv:eligible:yes'])
      await say({ type: 'choice', id: press });
    for (const text of ['Сапаров Болат', '850520400003', '87011234567']) await say({ type: 'text', text });
    await say({ type: 'choice', id: 'q:address:astana' });
    for (const text of ['Кенесары', '5']) await say({ type: 'text', text });
    for (const press of ['q:skip', 'q:skip', 'q:skip', 'q:needs:none', 'q:skip', 'q:consent:yes', 'q:confirm', 'hv:day:2026-12-10']) await say({ type: 'choice', id: press });
    const stored = (await stores[0]!.conversations.get(id))!;
    expect(stored.state).toMatchObject({ flow: 'home_visit', step: 'window' });
    const ids = Array.from({ length: count }, (_, i) => `web-race-${i}`);
    for (const other of ids.slice(1)) await stores[0]!.conversations.save({ ...stored, id: other, revision: 1 }, 0, []);
    return ids;
  }

  it('gives exactly three a place and offers the others the windows still free, with nothing retyped', async () => {
    const ids = await atTheWindow(50);
    const results = await Promise.all(ids.map((id, i) => instances[i % 2]!.engine.handle({ conversationId: id, channel: 'web', event: { type: 'choice', id: 'hv:win:morning' } })));
    const booked = results.filter((r) => /Заявка на выезд сотрудника №/.test(r.replies.map((m) => m.text).join('\n')));
    const lost = results.filter((r) => r.replies[0]?.text === texts.t('ru', 'home_visit:slot_taken'));
    expect(booked).toHaveLength(3);
    expect(lost).toHaveLength(47);
    expect((await instances[0]!.homeVisits.list({ index: 'dayRegion', value: '2026-12-10|astana' })).total).toBe(3);
    // The next free windows: that morning is no longer offered, its afternoon still is.
    const loser = lost[0]!;
    expect(loser.conversation.state.step).toBe('day');
    const again = await instances[0]!.engine.handle({ conversationId: loser.conversation.id, channel: 'web', event: { type: 'choice', id: 'hv:day:2026-12-10' } });
    expect(again.replies.at(-1)!.choices!.map((c) => c.id)).toEqual(['hv:win:afternoon', 'hv:back']);
    const afternoon = await instances[1]!.engine.handle({ conversationId: loser.conversation.id, channel: 'web', event: { type: 'choice', id: 'hv:win:afternoon' } });
    expect(afternoon.replies[0]!.text).toMatch(/Сотрудник придёт 10 декабря 2026 г\., после обеда\./);
  });
});
