/**
 * What the widget keeps on this device: the session token (so a reload or another page of the site
 * resumes the conversation), frames typed while offline, the text size and whether the panel was open.
 * Storage can be refused (private modes, blocked third-party storage): the widget then works for the
 * page's lifetime only.
 */
const KEYS = {
  token: 'citizen-assistant-token',
  pending: 'citizen-assistant-pending',
  scale: 'citizen-assistant-text-size',
  open: 'citizen-assistant-open',
} as const;

function read(storage: () => Storage, key: string): string | null {
  try {
    return storage().getItem(key);
  } catch {
    return null;
  }
}

function write(storage: () => Storage, key: string, value: string | null): void {
  try {
    if (value === null) storage().removeItem(key);
    else storage().setItem(key, value);
  } catch {
    // kept in memory only
  }
}

const local = () => localStorage;
const session = () => sessionStorage;

export const stored = {
  token: () => read(local, KEYS.token),
  setToken: (token: string) => write(local, KEYS.token, token),
  /** Frames not yet taken by the server, oldest first. */
  pending: (): string[] => {
    try {
      const list = JSON.parse(read(local, KEYS.pending) ?? '[]') as unknown;
      return Array.isArray(list) ? list.filter((item): item is string => typeof item === 'string') : [];
    } catch {
      return [];
    }
  },
  setPending: (frames: readonly string[]) => write(local, KEYS.pending, frames.length ? JSON.stringify(frames) : null),
  scale: () => Number(read(local, KEYS.scale)) || 100,
  setScale: (scale: number) => write(local, KEYS.scale, String(scale)),
  /** Whether the panel was open on the previous page of this tab. */
  wasOpen: () => read(session, KEYS.open),
  setOpen: (open: boolean) => write(session, KEYS.open, open ? '1' : '0'),
  /** Forgets the conversation on this device: its token and whatever was waiting to be sent. */
  forget: () => {
    write(local, KEYS.token, null);
    write(local, KEYS.pending, null);
  },
};
