import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { RecordSpec, Store } from '../../store/types';
import { factories, onTwoInstances } from '../support/stores';

interface Visit {
  status: string;
  day: string;
  region: string;
  /** Minutes after midnight the visit's window starts. */
  window: number;
  tags?: string[];
  note?: string;
}

/** A collection of its own per test, so that numbers start at 1 and listings hold only its records. */
const visits = (): RecordSpec<Visit> => ({
  name: `home-visits-${randomUUID()}`,
  prefix: 'HV',
  indexes: (v) => ({ status: v.status, day: v.day, dayRegion: `${v.day}|${v.region}`, tag: v.tags }),
  sortKey: ({ value }) => Date.parse(value.day) + value.window * 60_000,
});

const visit = (overrides: Partial<Visit> = {}): Visit => ({ status: 'requested', day: '2026-12-01', region: 'almaty', window: 600, ...overrides });
const at = (iso: string) => new Date(iso);

describe.each(factories)('%s store keeps numbered records', (_name, open) => {
  let store: Store;
  let peer: Store;
  onTwoInstances(open, (opened) => {
    ({ store, peer } = opened);
  });

  it('numbers records in sequence per Almaty year as HV-YYYY-NNNNNN and finds them by id and by number', async () => {
    const spec = visits();
    const records = store.records(spec);
    const numbers: string[] = [];
    for (const now of ['2026-03-01T10:00:00Z', '2026-03-01T10:00:00Z', '2026-07-01T00:00:00Z', '2027-01-02T00:00:00Z', '2026-12-31T18:59:59Z', '2026-12-31T19:00:00Z']) {
      numbers.push((await records.create(visit(), { now: at(now) })).record.number);
    }
    // 19:00 UTC on 31 December is already the new year in Almaty (UTC+5).
    expect(numbers).toEqual(['HV-2026-000001', 'HV-2026-000002', 'HV-2026-000003', 'HV-2027-000001', 'HV-2026-000004', 'HV-2027-000002']);
    const { record, created } = await records.create(visit({ note: 'Сәлем' }), { now: at('2026-05-05T05:05:05.005Z') });
    expect(created).toBe(true);
    expect(record).toEqual({
      id: expect.stringMatching(/^[A-Za-z0-9_-]{16}$/),
      number: 'HV-2026-000005',
      revision: 1,
      createdAt: '2026-05-05T05:05:05.005Z',
      updatedAt: '2026-05-05T05:05:05.005Z',
      value: visit({ note: 'Сәлем' }),
    });
    expect(await records.get(record.id)).toEqual(record);
    expect(await peer.records(spec).getByNumber('HV-2026-000005')).toEqual(record);
    expect(await records.getByNumber('HV-2026-999999')).toBeNull();
    expect(await records.get('unknown')).toBeNull();
    // Another collection with the same prefix keeps its own records.
    expect(await store.records({ ...visits(), prefix: 'HV' }).getByNumber('HV-2026-000005')).toBeNull();
  });

  it('hands out copies and keeps its own', async () => {
    const records = store.records(visits());
    const value = visit({ tags: ['wheelchair'] });
    const { record } = await records.create(value);
    value.tags!.push('changed after create');
    record.value.tags!.push('changed after return');
    (await records.get(record.id))!.value.tags!.push('changed after get');
    expect((await records.get(record.id))!.value.tags).toEqual(['wheelchair']);
  });

  it('creates one record per idempotency key and gives no number to a repeat', async () => {
    const records = store.records(visits());
    const first = await records.create(visit({ note: 'first' }), { key: 'form-1' });
    const again = await records.create(visit({ note: 'second' }), { key: 'form-1' });
    expect(again).toEqual({ record: first.record, created: false });
    expect((await records.create(visit(), { key: 'form-2' })).record.number).toBe(first.record.number.replace(/1$/, '2'));
    expect((await records.list()).total).toBe(2);
  });

  it('creates one record per idempotency key when instances race', async () => {
    const spec = visits();
    const attempts = Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? store : peer).records(spec).create(visit({ note: String(i) }), { key: 'form-race' }));
    const results = await Promise.all(attempts);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    const winner = results.find((r) => r.created)!.record;
    expect(results.every((r) => r.record.id === winner.id && r.record.number === winner.number)).toBe(true);
    expect((await store.records(spec).list()).total).toBe(1);
  });

  it('updates only from the expected revision and hands the loser what is stored', async () => {
    const records = store.records(visits());
    const { record } = await records.create(visit(), { now: at('2026-01-10T00:00:00Z') });
    const updated = await records.update(record.id, 1, visit({ status: 'confirmed' }), at('2026-01-11T00:00:00Z'));
    expect(updated).toEqual({
      updated: true,
      record: { ...record, revision: 2, updatedAt: '2026-01-11T00:00:00.000Z', value: visit({ status: 'confirmed' }) },
    });
    const stale = await records.update(record.id, 1, visit({ status: 'cancelled' }));
    expect(stale).toEqual({ updated: false, current: updated.updated && updated.record });
    expect(await records.update('unknown', 1, visit())).toEqual({ updated: false, current: null });
    expect(await records.get(record.id)).toEqual(updated.updated && updated.record);
  });

  it('lets exactly one of many concurrent updates of the same revision win', async () => {
    const spec = visits();
    const { record } = await store.records(spec).create(visit());
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? store : peer).records(spec).update(record.id, 1, visit({ note: `u${i}` }))));
    expect(results.filter((r) => r.updated)).toHaveLength(1);
    const winner = results.findIndex((r) => r.updated);
    expect((await store.records(spec).get(record.id))!.value.note).toBe(`u${winner}`);
    for (const lost of results.filter((r) => !r.updated)) expect(!lost.updated && lost.current?.value.note).toBe(`u${winner}`);
  });

  it('moves a record between index listings when an update changes its values', async () => {
    const records = store.records(visits());
    const { record } = await records.create(visit({ tags: ['wheelchair', 'interpreter'] }));
    const ids = async (index: string, value: string) => (await records.list({ index, value })).items.map((r) => r.id);
    expect(await ids('status', 'requested')).toEqual([record.id]);
    expect(await ids('dayRegion', '2026-12-01|almaty')).toEqual([record.id]);
    expect(await ids('tag', 'interpreter')).toEqual([record.id]);
    await records.update(record.id, 1, visit({ status: 'confirmed', region: 'astana', tags: ['wheelchair'] }));
    expect(await ids('status', 'requested')).toEqual([]);
    expect(await ids('status', 'confirmed')).toEqual([record.id]);
    expect(await ids('dayRegion', '2026-12-01|almaty')).toEqual([]);
    expect(await ids('dayRegion', '2026-12-01|astana')).toEqual([record.id]);
    expect(await ids('tag', 'interpreter')).toEqual([]);
    expect(await ids('tag', 'wheelchair')).toEqual([record.id]);
    // An index without a value lists the record nowhere.
    await records.update(record.id, 2, visit({ status: 'confirmed' }));
    expect(await ids('tag', 'wheelchair')).toEqual([]);
    expect((await records.list()).items.map((r) => r.id)).toEqual([record.id]);
  });

  it('lists in sort-key order, a page at a time with the total, both ways, and reorders on update', async () => {
    const records = store.records(visits());
    const windows = [840, 540, 720, 600, 660];
    const created = [];
    for (const window of windows) created.push((await records.create(visit({ window }))).record);
    await records.create(visit({ window: 480, status: 'done' }));
    const byWindow = [...created].sort((a, b) => a.value.window - b.value.window).map((r) => r.id);
    const page = (query: Parameters<typeof records.list>[0]) => records.list(query).then(({ items, total }) => ({ ids: items.map((r) => r.id), total }));
    expect(await page({ index: 'status', value: 'requested' })).toEqual({ ids: byWindow, total: 5 });
    expect(await page({ index: 'status', value: 'requested', offset: 1, limit: 2 })).toEqual({ ids: byWindow.slice(1, 3), total: 5 });
    expect(await page({ index: 'status', value: 'requested', offset: 4, limit: 2 })).toEqual({ ids: byWindow.slice(4), total: 5 });
    expect(await page({ index: 'status', value: 'requested', offset: 9, limit: 2 })).toEqual({ ids: [], total: 5 });
    expect(await page({ index: 'status', value: 'requested', limit: 0 })).toEqual({ ids: [], total: 5 });
    expect(await page({ index: 'status', value: 'requested', descending: true, limit: 2 })).toEqual({ ids: [...byWindow].reverse().slice(0, 2), total: 5 });
    expect((await page({})).total).toBe(6);
    expect(await page({ index: 'status', value: 'nobody' })).toEqual({ ids: [], total: 0 });
    // The earliest window moves to the end of the day.
    const earliest = created.find((r) => r.id === byWindow[0])!;
    await records.update(earliest.id, 1, { ...earliest.value, window: 900 });
    expect((await page({ index: 'status', value: 'requested' })).ids).toEqual([...byWindow.slice(1), earliest.id]);
    await expect(records.list({ offset: -1 })).rejects.toThrow(RangeError);
  });

  it('lists by creation time without a sort key', async () => {
    const records = store.records<{ text: string }>({ name: `callbacks-${randomUUID()}`, prefix: 'CB', indexes: () => ({}) });
    for (const [text, now] of [
      ['second', '2026-02-02T00:00:00Z'],
      ['first', '2026-02-01T00:00:00Z'],
      ['third', '2026-02-03T00:00:00Z'],
    ] as const) {
      await records.create({ text }, { now: at(now) });
    }
    expect((await records.list()).items.map((r) => r.value.text)).toEqual(['first', 'second', 'third']);
  });
});

describe.each(factories)('%s store keeps reservations', (_name, open) => {
  let store: Store;
  let peer: Store;
  onTwoInstances(open, (opened) => {
    ({ store, peer } = opened);
  });
  const slot = () => `2026-12-01|almaty|10:00-${randomUUID()}`;

  it('gives at most `capacity` places, keeps a holder its one place, and frees a released one', async () => {
    const key = slot();
    expect(await store.reservations.reserve(key, 'visit-a', 2)).toBe(true);
    expect(await store.reservations.reserve(key, 'visit-a', 2)).toBe(true);
    expect(await peer.reservations.reserve(key, 'visit-b', 2)).toBe(true);
    expect(await store.reservations.reserve(key, 'visit-c', 2)).toBe(false);
    // The holders keep their places when full.
    expect(await store.reservations.reserve(key, 'visit-b', 2)).toBe(true);
    await store.reservations.release(key, 'visit-a');
    await store.reservations.release(key, 'visit-a');
    expect(await store.reservations.reserve(key, 'visit-c', 2)).toBe(true);
    expect(await store.reservations.counts([key])).toEqual([2]);
  });

  it('counts places per key in the order asked', async () => {
    const [a, b] = [slot(), slot()];
    await store.reservations.reserve(a, 'x', 5);
    await store.reservations.reserve(a, 'y', 5);
    await store.reservations.reserve(b, 'x', 5);
    expect(await peer.reservations.counts([b, slot(), a, b])).toEqual([1, 0, 2, 1]);
    expect(await store.reservations.counts([])).toEqual([]);
  });

  it('gives exactly 3 of 50 concurrent requests from two instances a place of capacity 3', async () => {
    const key = slot();
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => (i % 2 === 0 ? store : peer).reservations.reserve(key, `visit-${i}`, 3)));
    expect(results.filter(Boolean)).toHaveLength(3);
    expect(await store.reservations.counts([key])).toEqual([3]);
  });
});
