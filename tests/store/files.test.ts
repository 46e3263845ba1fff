import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../store/types';
import { factories } from '../support/stores';

describe.each(factories)('files on the %s store', (_name, open) => {
  let store: Store;
  let other: Store;
  beforeAll(async () => {
    const space = `files-${randomUUID()}`;
    store = await open(space);
    other = await open(space);
  });
  afterAll(async () => {
    await store.close();
    if (other !== store) await other.close();
  });

  it('keeps every byte of a file with its name, type, size and owner, readable from another instance', async () => {
    const bytes = Buffer.from(Array.from({ length: 1024 }, (_, i) => (i * 7) % 256));
    const { id, size } = await store.files.put(bytes, { name: 'скан жалобы.pdf', mime: 'application/pdf', owner: 'web-abc' });
    expect(size).toBe(1024);
    expect(id).toMatch(/^[A-Za-z0-9_-]{24}$/);
    const stored = await other.files.get(id);
    expect(stored).toEqual({ bytes, name: 'скан жалобы.pdf', mime: 'application/pdf', size: 1024, owner: 'web-abc' });
    expect(Buffer.isBuffer(stored?.bytes)).toBe(true);
  });

  it('gives each file its own id, copies in and out, and forgets a deleted one', async () => {
    const bytes = Buffer.from([0xff, 0xd8, 0xff, 0x00]);
    const first = await store.files.put(bytes, { name: 'a.jpg', mime: 'image/jpeg', owner: 'tg-1' });
    const second = await store.files.put(bytes, { name: 'a.jpg', mime: 'image/jpeg', owner: 'tg-1' });
    expect(first.id).not.toBe(second.id);
    bytes[3] = 0x01;
    const read = await store.files.get(first.id);
    expect(read?.bytes).toEqual(Buffer.from([0xff, 0xd8, 0xff, 0x00]));
    if (read) read.bytes[0] = 0;
    expect((await store.files.get(first.id))?.bytes[0]).toBe(0xff);
    expect(await store.files.delete(first.id)).toBe(true);
    expect(await store.files.get(first.id)).toBeNull();
    expect(await store.files.delete(first.id)).toBe(false);
    expect(await store.files.get('no-such-file')).toBeNull();
    expect(await store.files.get(second.id)).not.toBeNull();
  });
});

describe.each(factories)('files of one conversation on the %s store', (_name, open) => {
  let store: Store;
  beforeAll(async () => {
    store = await open(`files-owned-${randomUUID()}`);
  });
  afterAll(() => store.close());

  it('lists the files a conversation sent, not those of another, and forgets deleted ones', async () => {
    const bytes = Buffer.from([0x25, 0x50, 0x44, 0x46]);
    const a = await store.files.put(bytes, { name: 'a.pdf', mime: 'application/pdf', owner: 'web-owner-1' });
    const b = await store.files.put(bytes, { name: 'b.pdf', mime: 'application/pdf', owner: 'web-owner-1' });
    await store.files.put(bytes, { name: 'c.pdf', mime: 'application/pdf', owner: 'web-owner-2' });
    expect((await store.files.ownedBy('web-owner-1')).sort()).toEqual([a.id, b.id].sort());
    await store.files.delete(a.id);
    expect(await store.files.ownedBy('web-owner-1')).toEqual([b.id]);
    expect(await store.files.ownedBy('web-nobody')).toEqual([]);
  });
});
