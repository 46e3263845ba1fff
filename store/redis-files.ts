import type { RedisClient } from './redis';
import { newFileId } from './files';
import { CONVERSATION_TTL_SECONDS, type Files, type StoredFile } from './types';

/**
 * Attachments in Redis: one string key per file holding its description and its content in
 * base64 (binary-safe through the client's string replies), gone with the conversations' time to live.
 */
export class RedisFiles implements Files {
  constructor(
    private readonly client: RedisClient,
    private readonly prefix: string,
  ) {}

  private key(id: string) {
    return `${this.prefix}file:${id}`;
  }

  /** The ids a conversation sent, expiring with its newest file. */
  private ownerKey(owner: string) {
    return `${this.prefix}files-of:{${owner}}`;
  }

  async put(bytes: Buffer, meta: { name: string; mime: string; owner: string }): Promise<{ id: string; size: number }> {
    const id = newFileId();
    const value = JSON.stringify({ name: meta.name, mime: meta.mime, owner: meta.owner, size: bytes.length, data: bytes.toString('base64') });
    // Two keys in different cluster slots: the file first, so an id listed is always one that was stored.
    await this.client.set(this.key(id), value, { expiration: { type: 'EX', value: CONVERSATION_TTL_SECONDS } });
    await this.client.multi().sAdd(this.ownerKey(meta.owner), id).expire(this.ownerKey(meta.owner), CONVERSATION_TTL_SECONDS).exec();
    return { id, size: bytes.length };
  }

  async get(id: string): Promise<StoredFile | null> {
    const value = await this.client.get(this.key(id));
    if (value === null) return null;
    const { data, ...meta } = JSON.parse(value) as Omit<StoredFile, 'bytes'> & { data: string };
    return { ...meta, bytes: Buffer.from(data, 'base64') };
  }

  async delete(id: string): Promise<boolean> {
    return (await this.client.del(this.key(id))) > 0;
  }

  async ownedBy(owner: string): Promise<string[]> {
    const ids = await this.client.sMembers(this.ownerKey(owner));
    // A file gone (deleted, expired) leaves its id in the set: only those still kept are answered, and the others dropped.
    const kept = await Promise.all(ids.map((id) => this.client.exists(this.key(id))));
    const gone = ids.filter((_, i) => kept[i] === 0);
    if (gone.length > 0) await this.client.sRem(this.ownerKey(owner), gone);
    return ids.filter((_, i) => kept[i] === 1);
  }
}
