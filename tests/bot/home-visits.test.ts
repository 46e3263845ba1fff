import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EffectRefusal } from '../../bot/engine';
import { HomeVisits, reminderJobId } from '../../bot/home-visits';
import type { NotifyText } from '../../bot/notify';
import type { VisitRequest } from '../../domain/home-visit';
import type { Store } from '../../store/types';
import { factories } from '../support/stores';

/** Monday 30 November 2026, noon in Astana: the bookable days start on Tuesday 1 December. */
const NOON = new Date('2026-11-30T12:00:00+05:00');

function request(overrides: Partial<VisitRequest> = {}): VisitRequest {
  return {
    date: '2026-12-02',
    window: 'morning',
    address: { region: 'almaty', street: 'Абай даңғылы', house: '10', flat: '5' },
    applicant: { name: 'Сапарова Күләш', iin: '850520400003' },
    phone: '+77011234567',
    phoneOf: 'applicant',
    serviceId: 'duplicate-school',
    needs: ['wheelchair'],
    conversationId: 'web-visit',
    lang: 'kk',
    ...overrides,
  };
}

describe.each(factories)('home visits on the %s store', (_name, open) => {
  let store: Store;
  let told: { conversationId: string; text: NotifyText; key: string }[];
  let visits: HomeVisits;
  beforeAll(async () => {
    store = await open(`visits-${randomUUID()}`);
  });
  afterAll(() => store.close());
  /** Each test books in a region of its own: the windows' places are shared by the whole store. */
  const fresh = (capacity = 3) => {
    told = [];
    visits = new HomeVisits(
      store,
      { default: capacity, byRegion: {} },
      async (conversationId, text, key) => void told.push({ conversationId, text, key }),
      () => NOON,
    );
  };

  it('gives exactly three of fifty citizens racing for a window of three a place, and stops offering it', async () => {
    fresh(3);
    const date = '2026-12-03';
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) => visits.book(request({ date, address: { region: 'pavlodar', street: 'Лермонтов', house: String(i) } }), `race-${randomUUID()}`)),
    );
    const booked = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(booked).toHaveLength(3);
    expect(refused.every((r) => r.reason instanceof EffectRefusal && r.reason.code === 'slot_full')).toBe(true);
    const free = await visits.freeWindows('pavlodar');
    expect(free.find((w) => w.date === date && w.window === 'morning')).toBeUndefined();
    expect(free[0]).toEqual({ date: '2026-12-01', window: 'morning', left: 3 });
    expect((await visits.list({ index: 'dayRegion', value: `${date}|pavlodar` })).total).toBe(3);
  });

  it('books once per key, numbers the visit, and schedules the reminder for 10:00 the working day before', async () => {
    fresh();
    const key = `twice-${randomUUID()}`;
    const first = await visits.book(request({ date: '2026-12-07', address: { region: 'karaganda', street: 'Бұқар жырау', house: '1' } }), key);
    const again = await visits.book(request({ date: '2026-12-07', address: { region: 'karaganda', street: 'Бұқар жырау', house: '1' } }), key);
    expect(again.id).toBe(first.id);
    expect(first.number).toMatch(/^HV-2026-\d{6}$/);
    expect(first.value.status).toBe('requested');
    // Monday 7 December: the working day before is Friday 4 December.
    const reminder = await store.jobs.get(reminderJobId(first.id));
    expect(reminder?.dueAt).toBe(Date.parse('2026-12-04T10:00:00+05:00'));
    expect((await visits.freeWindows('karaganda')).find((w) => w.date === '2026-12-07' && w.window === 'morning')?.left).toBe(2);
  });

  it('refuses a day that is not bookable, such as Independence Day', async () => {
    fresh();
    await expect(visits.book(request({ date: '2026-12-16' }), `holiday-${randomUUID()}`)).rejects.toMatchObject({ code: 'not_bookable' });
  });

  it('moves a visit to a free window, freeing its place and moving the reminder, and tells the citizen', async () => {
    fresh(1);
    const visit = await visits.book(request({ date: '2026-12-08', address: { region: 'kostanay', street: 'Байтұрсынов', house: '2' } }), `move-${randomUUID()}`);
    const moved = await visits.change(visit.id, { date: '2026-12-09', window: 'afternoon' }, 'aigerim');
    expect(moved).toMatchObject({ changed: true, visit: { value: { date: '2026-12-09', window: 'afternoon', status: 'requested' } } });
    const load = await visits.load(['kostanay']);
    expect(load.find((w) => w.date === '2026-12-08' && w.window === 'morning')!.booked).toBe(0);
    expect(load.find((w) => w.date === '2026-12-09' && w.window === 'afternoon')!.booked).toBe(1);
    expect((await store.jobs.get(reminderJobId(visit.id)))?.dueAt).toBe(Date.parse('2026-12-08T10:00:00+05:00'));
    expect(told).toEqual([
      {
        conversationId: 'web-visit',
        text: { key: 'home_visit:told.moved', vars: { number: visit.number }, dates: { date: '2026-12-09' }, texts: { window: 'home_visit:window.afternoon' } },
        key: expect.any(String),
      },
    ]);
    // A full window is refused and nothing changes.
    const other = await visits.book(request({ date: '2026-12-10', address: { region: 'kostanay', street: 'Байтұрсынов', house: '3' } }), `move-${randomUUID()}`);
    expect(await visits.change(other.id, { date: '2026-12-09', window: 'afternoon' }, 'aigerim')).toEqual({ changed: false, code: 'slot_full' });
  });

  it('goes along the allowed statuses only, and a cancelled visit frees its place and its reminder', async () => {
    fresh();
    const visit = await visits.book(request({ date: '2026-12-10', address: { region: 'atyrau', street: 'Сәтпаев', house: '4' } }), `status-${randomUUID()}`);
    expect(await visits.change(visit.id, { status: 'done' }, 'aigerim')).toEqual({ changed: false, code: 'not_allowed' });
    expect(await visits.change(visit.id, { status: 'assigned', employee: 'Ерлан Сейітов' }, 'aigerim')).toMatchObject({ changed: true });
    expect(told.at(-1)!.text).toMatchObject({ key: 'home_visit:told.assigned', vars: { employee: 'Ерлан Сейітов' } });
    expect(await visits.change(visit.id, { status: 'cancelled', reason: 'Өтініш беруші бас тартты' }, 'aigerim')).toMatchObject({ changed: true, visit: { value: { status: 'cancelled' } } });
    expect(await store.jobs.get(reminderJobId(visit.id))).toBeNull();
    expect((await visits.load(['atyrau'])).find((w) => w.date === '2026-12-10' && w.window === 'morning')!.booked).toBe(0);
    expect(await visits.change(visit.id, { status: 'confirmed' }, 'aigerim')).toEqual({ changed: false, code: 'not_allowed' });
    expect((await visits.get(visit.id))!.value.history.map((h) => h.status)).toEqual(['requested', 'assigned', 'cancelled']);
  });
});
