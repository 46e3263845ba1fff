import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { OperatorRole } from '../../bot/handoff';
import type { Bus, Collection, Store } from '../../store/types';

export interface OperatorAccount {
  login: string;
  /** The name citizens see (its first word) and colleagues see in full. */
  name: string;
  role: OperatorRole;
  passwordHash: string;
  disabled: boolean;
  /**
   * Sessions signed before the last change of this number are over: it goes up on logout and on a
   * change of password, role or disabled, and every request checks its token against it.
   */
  sessionGeneration?: number;
  createdAt: string;
  updatedAt: string;
}

/** An account as the API shows it: never the password hash. */
export type PublicAccount = Omit<OperatorAccount, 'passwordHash' | 'sessionGeneration'>;

/** Bus topic on which every instance hears that an account's sessions ended (`{ login }`). */
export const SESSIONS_ENDED_TOPIC = 'operator-sessions-ended';

const SCRYPT: ScryptOptions = { N: 16384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const KEY_LENGTH = 32;

function scrypt(password: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => scryptCallback(password.normalize('NFC'), salt, KEY_LENGTH, SCRYPT, (error, key) => (error ? reject(error) : resolve(key))));
}

/** `scrypt$<salt>$<key>` (base64url), with node:crypto's scrypt at N=16384, r=8, p=1. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  return `scrypt$${salt.toString('base64url')}$${(await scrypt(password, salt)).toString('base64url')}`;
}

export async function verifyPassword(password: string, hash: string): Promise<boolean> {
  const [scheme, salt, key] = hash.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64url');
  const actual = await scrypt(password, Buffer.from(salt, 'base64url'));
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

export function publicAccount({ passwordHash: _hidden, sessionGeneration: _internal, ...account }: OperatorAccount): PublicAccount {
  return account;
}

/** The generation a session signed now carries. */
export function generationOf(account: OperatorAccount): number {
  return account.sessionGeneration ?? 0;
}

/** A login without a name gets one from the login ("aigerim.s" → "Aigerim"). */
function nameFromLogin(login: string): string {
  const first = login.split(/[._-]/)[0] ?? login;
  return first.charAt(0).toUpperCase() + first.slice(1);
}

/** Operator accounts: created by an admin or from OPERATOR_BOOTSTRAP, disabled rather than deleted. */
export class Accounts {
  private readonly records: Collection<OperatorAccount>;
  private readonly bus: Bus;
  /** Compared against when the login is unknown, so a wrong login takes as long as a wrong password. */
  private readonly decoy = hashPassword(randomBytes(16).toString('hex'));

  constructor(store: Store) {
    this.records = store.collection<OperatorAccount>('operators');
    this.bus = store.bus;
  }

  get(login: string): Promise<OperatorAccount | null> {
    return this.records.get(login.toLowerCase());
  }

  async list(): Promise<OperatorAccount[]> {
    return (await this.records.list()).sort((a, b) => a.login.localeCompare(b.login));
  }

  /** The account when the password matches and it is not disabled. */
  async authenticate(login: string, password: string): Promise<OperatorAccount | null> {
    const account = await this.get(login);
    const matches = await verifyPassword(password, account?.passwordHash ?? (await this.decoy));
    return account && matches && !account.disabled ? account : null;
  }

  /** False when the login is taken. */
  async create(input: { login: string; password: string; role: OperatorRole; name?: string }, now = new Date()): Promise<OperatorAccount | null> {
    const login = input.login.toLowerCase();
    const at = now.toISOString();
    const account: OperatorAccount = {
      login,
      name: input.name?.trim() || nameFromLogin(login),
      role: input.role,
      passwordHash: await hashPassword(input.password),
      disabled: false,
      createdAt: at,
      updatedAt: at,
    };
    return (await this.records.create(login, account)) ? account : null;
  }

  async update(login: string, patch: { name?: string; role?: OperatorRole; disabled?: boolean; password?: string }, now = new Date()): Promise<OperatorAccount | null> {
    const account = await this.get(login);
    if (!account) return null;
    const { password, ...fields } = patch;
    const endsSessions = password !== undefined || (patch.role !== undefined && patch.role !== account.role) || (patch.disabled !== undefined && patch.disabled !== account.disabled);
    const updated: OperatorAccount = {
      ...account,
      ...fields,
      ...(password ? { passwordHash: await hashPassword(password) } : {}),
      ...(endsSessions ? { sessionGeneration: generationOf(account) + 1 } : {}),
      updatedAt: now.toISOString(),
    };
    await this.records.put(account.login, updated);
    if (endsSessions) await this.bus.publish(SESSIONS_ENDED_TOPIC, { login: account.login });
    return updated;
  }

  /** Logout: every session of the account ends, on every instance. */
  async endSessions(login: string): Promise<void> {
    const account = await this.get(login);
    if (!account) return;
    await this.records.put(account.login, { ...account, sessionGeneration: generationOf(account) + 1 });
    await this.bus.publish(SESSIONS_ENDED_TOPIC, { login: account.login });
  }

  /** Creates the accounts of OPERATOR_BOOTSTRAP (`login:password:role,…`) that do not exist yet; returns the logins created. */
  async bootstrap(spec: string | undefined): Promise<string[]> {
    const created: string[] = [];
    for (const entry of (spec ?? '')
      .split(',')
      .map((e) => e.trim())
      .filter(Boolean)) {
      const login = entry.slice(0, entry.indexOf(':'));
      const role = entry.slice(entry.lastIndexOf(':') + 1) as OperatorRole;
      const password = entry.slice(login.length + 1, entry.lastIndexOf(':'));
      if (await this.create({ login, password, role })) created.push(login.toLowerCase());
    }
    return created;
  }
}
