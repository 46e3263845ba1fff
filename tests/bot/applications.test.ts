import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPLICATION_OVERDUE_JOB, ApplicationMismatch, Applications, type ApplicationUpdate, overdueJobHandler, overdueJobId } from '../../bot/applications';
import type { NotifyText } from '../../bot/notify';
import { Scheduler } from '../../bot/scheduler';
import type { Store } from '../../store/types';
import { factories } from '../support/stores';

const IIN = '850520400003';
const OTHER_IIN = '900101300007';

/** A duplicate school certificate applied for on Tuesday 1 December 2026: 15 working days, due Wednesday 23 December. */
function update(change: Partial<ApplicationUpdate> = {}): ApplicationUpdate {
  return { iin: IIN, serviceId: 'duplicate-school', status: 'accepted', submittedAt: '2026-12-01T10:00:00+05:00', channel: 'state_corporation', ...change };
}

const newNumber = () => `KZ-${randomUUID().slice(0, 8)}`;

describe.each(factories)('applications on the %s store', (_name, open) => {
  let store: Store;
  let space: string;
  let now: Date;
  let told: { conversationId: string; text: NotifyText; key: string }[];
  let applications: Applications;
  const make = (on: Store) =>
    new Applications(
      on,
      async (conversationId, text, key) => void told.push({ conversationId, text, key }),
      () => now,
    );

  beforeAll(async () => {
    space = `applications-${randomUUID()}`;
    store = await open(space);
  });
  afterAll(() => store.close());
  const fresh = () => {
    told = [];
    now = new Date('2026-12-01T12:00:00+05:00');
    applications = make(store);
  };

  it('creates an application on first sight and merges the updates that follow', async () => {
    fresh();
    const number = newNumber();
    const first = await applications.update(number, update({ updatedAt: '2026-12-01T10:00:00+05:00' }));
    expect(first).toMatchObject({ created: true, changed: true, application: { number, status: 'accepted', iin: IIN, subscribers: [] } });
    expect(first.application.history).toEqual([{ status: 'accepted', at: '2026-12-01T05:00:00.000Z' }]);
    const second = await applications.update(number, update({ status: 'in_review', note: 'Запрос в архив', updatedAt: '2026-12-02T09:30:00+05:00' }));
    expect(second).toMatchObject({ created: false, changed: true, application: { status: 'in_review', note: 'Запрос в архив', updatedAt: '2026-12-02T04:30:00.000Z' } });
    expect(second.application.history.map((e) => e.status)).toEqual(['accepted', 'in_review']);
    expect(await applications.get(number)).toEqual(second.application);
    // Without updatedAt the event is dated when it was received.
    now = new Date('2026-12-03T15:00:00+05:00');
    const third = await applications.update(number, update({ status: 'ready' }));
    expect(third.application.history.at(-1)).toEqual({ status: 'ready', at: '2026-12-03T10:00:00.000Z' });
    expect(third.application.note).toBeUndefined();
  });

  it('changes nothing and tells once when the same update comes twice, with or without its time', async () => {
    fresh();
    const number = newNumber();
    await applications.update(number, update({ updatedAt: '2026-12-01T10:00:00+05:00' }));
    await applications.subscribe(number, 'web-twice');
    const ready = update({ status: 'ready', updatedAt: '2026-12-10T11:00:00+05:00' });
    expect((await applications.update(number, ready)).changed).toBe(true);
    const again = await applications.update(number, ready);
    expect(again).toMatchObject({ created: false, changed: false, application: { status: 'ready' } });
    expect(again.application.history).toHaveLength(2);
    // A status repeated without a time of its own, later: the same update again.
    now = new Date('2026-12-11T09:00:00+05:00');
    expect((await applications.update(number, update({ status: 'ready' }))).changed).toBe(false);
    // A repeat is told again under the same key, which the notifier writes once.
    expect(new Set(told.map((t) => JSON.stringify(t)))).toEqual(
      new Set([
        JSON.stringify({
          conversationId: 'web-twice',
          text: { key: 'status:told.changed', vars: { number }, texts: { status: 'status:status.ready' } },
          key: `application:${number}:ready:2026-12-10T06:00:00.000Z`,
        }),
      ]),
    );
  });

  it('tells the subscribers when the provider posts again an update whose telling was cut short', async () => {
    fresh();
    const number = newNumber();
    await applications.update(number, update({ updatedAt: '2026-12-01T10:00:00+05:00' }));
    await applications.subscribe(number, 'web-cut');
    const ready = update({ status: 'ready', updatedAt: '2026-12-10T11:00:00+05:00' });
    // The instance stores the change and dies before telling anyone.
    const dying = new Applications(
      store,
      async () => Promise.reject(new Error('killed')),
      () => now,
    );
    await expect(dying.update(number, ready)).rejects.toThrow('killed');
    expect(told).toEqual([]);
    // The provider, without an answer, posts the same update again.
    expect((await applications.update(number, ready)).changed).toBe(false);
    expect(told.map((t) => t.key)).toEqual([`application:${number}:ready:2026-12-10T06:00:00.000Z`]);
  });

  it('puts an older update that arrives late into the history without changing the current status', async () => {
    fresh();
    const number = newNumber();
    await applications.update(number, update({ updatedAt: '2026-12-01T10:00:00+05:00' }));
    await applications.subscribe(number, 'web-late');
    await applications.update(number, update({ status: 'ready', updatedAt: '2026-12-15T10:00:00+05:00' }));
    const late = await applications.update(number, update({ status: 'in_review', note: 'Проверка', updatedAt: '2026-12-03T10:00:00+05:00' }));
    expect(late.changed).toBe(true);
    expect(late.application.status).toBe('ready');
    expect(late.application.note).toBeUndefined();
    expect(late.application.updatedAt).toBe('2026-12-15T05:00:00.000Z');
    expect(late.application.history).toEqual([
      { status: 'accepted', at: '2026-12-01T05:00:00.000Z' },
      { status: 'in_review', at: '2026-12-03T05:00:00.000Z', note: 'Проверка' },
      { status: 'ready', at: '2026-12-15T05:00:00.000Z' },
    ]);
    // Told of ready only: the late in_review changed nothing the citizen sees now.
    expect(told.map((t) => t.text.texts?.status)).toEqual(['status:status.ready']);
  });

  it('refuses an update with another IIN or service, and finds an application only with its own IIN', async () => {
    fresh();
    const number = newNumber();
    await applications.update(number, update());
    await expect(applications.update(number, update({ iin: OTHER_IIN, status: 'ready' }))).rejects.toMatchObject({ name: 'ApplicationMismatch', field: 'iin' });
    await expect(applications.update(number, update({ serviceId: 'duplicate-tvet', status: 'ready' }))).rejects.toBeInstanceOf(ApplicationMismatch);
    expect((await applications.get(number))?.status).toBe('accepted');
    expect((await applications.find(number, '850520 400003'))?.number).toBe(number);
    expect(await applications.find(number, OTHER_IIN)).toBeNull();
    expect(await applications.find(newNumber(), IIN)).toBeNull();
  });

  it('finds an application by its number typed in the other case, with spaces or without its dashes', async () => {
    fresh();
    const number = `SC-2026-${randomUUID().slice(0, 6).toUpperCase()}`;
    await applications.update(number, update());
    for (const typed of [number.toLowerCase(), number.replaceAll('-', ' '), number.replaceAll('-', '')]) expect((await applications.find(typed, IIN))?.number, typed).toBe(number);
    // …and still with its own IIN only
    expect(await applications.find(number.toLowerCase(), OTHER_IIN)).toBeNull();
  });

  it('makes one application when two instances see a new number at once', async () => {
    fresh();
    const other = await open(space);
    try {
      const number = newNumber();
      const [a, b] = await Promise.all([
        applications.update(number, update({ updatedAt: '2026-12-01T10:00:00+05:00' })),
        make(other).update(number, update({ status: 'registered', updatedAt: '2026-12-01T11:00:00+05:00' })),
      ]);
      expect([a.created, b.created].sort()).toEqual([false, true]);
      const { total } = await applications.records.list({ index: 'number', value: number });
      expect(total).toBe(1);
      expect((await applications.get(number))?.history.map((e) => e.status)).toEqual(['accepted', 'registered']);
    } finally {
      if (other !== store) await other.close();
    }
  });

  it('tells every subscriber of each change once, until they unsubscribe', async () => {
    fresh();
    const number = newNumber();
    expect(await applications.subscribe(number, 'web-nobody')).toBeNull();
    await applications.update(number, update({ updatedAt: '2026-12-01T10:00:00+05:00' }));
    await applications.subscribe(number, 'web-a');
    await applications.subscribe(number, 'tg-b');
    expect((await applications.subscribe(number, 'tg-b'))?.subscribers).toEqual(['web-a', 'tg-b']);
    expect((await applications.subscribedBy('tg-b')).map((a) => a.number)).toEqual([number]);
    await applications.update(number, update({ status: 'in_review', note: 'Ждём ответа архива', updatedAt: '2026-12-02T10:00:00+05:00' }));
    expect(told).toEqual(
      ['web-a', 'tg-b'].map((conversationId) => ({
        conversationId,
        text: { key: 'status:told.changed_note', vars: { number, note: 'Ждём ответа архива' }, texts: { status: 'status:status.in_review' } },
        key: `application:${number}:in_review:2026-12-02T05:00:00.000Z`,
      })),
    );
    await applications.unsubscribe(number, 'web-a');
    expect(await applications.subscribedBy('web-a')).toEqual([]);
    await applications.update(number, update({ status: 'ready', updatedAt: '2026-12-05T10:00:00+05:00' }));
    expect(told.slice(2).map((t) => t.conversationId)).toEqual(['tg-b']);
  });
});

describe.each(factories)('the overdue watch on the %s store', (_name, open) => {
  let store: Store;
  let now: Date;
  let told: { conversationId: string; text: NotifyText; key: string }[];
  let applications: Applications;
  let scheduler: Scheduler;
  beforeAll(async () => {
    store = await open(`overdue-${randomUUID()}`);
    told = [];
    now = new Date('2026-12-01T12:00:00+05:00');
    applications = new Applications(
      store,
      async (conversationId, text, key) => void told.push({ conversationId, text, key }),
      () => now,
    );
    scheduler = new Scheduler({ jobs: store.jobs, log: pino({ level: 'silent' }), worker: 'test', now: () => now }).register(APPLICATION_OVERDUE_JOB, overdueJobHandler(applications));
  });
  afterAll(() => store.close());

  it('tells every subscriber once, the morning after the due date, when there is still no result', async () => {
    const number = newNumber();
    await applications.update(number, update({ updatedAt: '2026-12-01T10:00:00+05:00' }));
    expect(await store.jobs.get(overdueJobId(number))).toBeNull();
    await applications.subscribe(number, 'web-late-1');
    await applications.subscribe(number, 'web-late-2');
    const job = await store.jobs.get(overdueJobId(number));
    expect(job).toMatchObject({ type: APPLICATION_OVERDUE_JOB, dueAt: Date.parse('2026-12-24T10:00:00+05:00'), payload: { number } });
    // A change that is not final keeps the watch where it was.
    await applications.update(number, update({ status: 'in_review', updatedAt: '2026-12-02T10:00:00+05:00' }));
    told = [];
    now = new Date('2026-12-24T09:59:00+05:00');
    expect(await scheduler.runDue()).toBe(0);
    now = new Date('2026-12-24T10:00:00+05:00');
    expect(await scheduler.runDue()).toBe(1);
    expect(told).toEqual(
      ['web-late-1', 'web-late-2'].map((conversationId) => ({
        conversationId,
        text: { key: 'status:told.overdue', vars: { number }, dates: { due: '2026-12-23' } },
        key: `application:${number}:overdue:2026-12-23`,
      })),
    );
    expect(await store.jobs.get(overdueJobId(number))).toBeNull();
    // The job again (a retry, a scheduling race) tells nobody twice.
    await overdueJobHandler(applications)(job!, { idempotencyKey: 'again' });
    expect(told).toHaveLength(2);
    // Nor does another subscriber bring the watch back for a due date already told.
    await applications.subscribe(number, 'web-late-3');
    expect(await store.jobs.get(overdueJobId(number))).toBeNull();
  });

  it('is cancelled once the application is final, or nobody watches it', async () => {
    now = new Date('2026-12-01T12:00:00+05:00');
    const issued = newNumber();
    await applications.update(issued, update());
    await applications.subscribe(issued, 'web-issued');
    expect(await store.jobs.get(overdueJobId(issued))).not.toBeNull();
    await applications.update(issued, update({ status: 'issued', updatedAt: '2026-12-20T10:00:00+05:00' }));
    expect(await store.jobs.get(overdueJobId(issued))).toBeNull();

    const left = newNumber();
    await applications.update(left, update());
    await applications.subscribe(left, 'web-left');
    expect(await store.jobs.get(overdueJobId(left))).not.toBeNull();
    await applications.unsubscribe(left, 'web-left');
    expect(await store.jobs.get(overdueJobId(left))).toBeNull();

    // A job that runs after all (scheduled just before the result was issued) tells nobody.
    told = [];
    now = new Date('2026-12-24T10:00:00+05:00');
    await overdueJobHandler(applications)({ id: overdueJobId(issued), type: APPLICATION_OVERDUE_JOB, dueAt: now.getTime(), payload: { number: issued }, attempts: 1 }, { idempotencyKey: 'late' });
    expect(told).toEqual([]);
  });
});
