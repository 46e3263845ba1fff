import { randomBytes } from 'node:crypto';
import { CONVERSATION_TTL_SECONDS, type Files, type StoredFile } from './types';

/** 144 random bits as 24 base64url characters: a file's id cannot be guessed from another's. */
export function newFileId(): string {
  return randomBytes(18).toString('base64url');
}

/** Attachments in this process's memory (copies in and out), forgotten after the conversations' time to live. */
export class MemoryFiles implements Files {
  private readonly files = new Map<string, { file: StoredFile; until: number }>();

  async put(bytes: Buffer, meta: { name: string; mime: string; owner: string }): Promise<{ id: string; size: number }> {
    const id = newFileId();
    const now = Date.now();
    for (const [old, entry] of this.files) if (entry.until <= now) this.files.delete(old);
    this.files.set(id, { file: { ...meta, bytes: Buffer.from(bytes), size: bytes.length }, until: now + CONVERSATION_TTL_SECONDS * 1000 });
    return { id, size: bytes.length };
  }

  async get(id: string): Promise<StoredFile | null> {
    const entry = this.files.get(id);
    if (!entry || entry.until <= Date.now()) return null;
    return { ...entry.file, bytes: Buffer.from(entry.file.bytes) };
  }

  async delete(id: string): Promise<boolean> {
    return this.files.delete(id);
  }

  async ownedBy(owner: string): Promise<string[]> {
    const now = Date.now();
    return [...this.files].filter(([, entry]) => entry.file.owner === owner && entry.until > now).map(([id]) => id);
  }
}
