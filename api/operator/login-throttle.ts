import type { Collection, Store } from '../../store/types';

/** Failed logins of one account or one address, and until when the next attempt waits. */
interface Failures {
  key: string;
  count: number;
  lastAt: number;
  /** No attempt is checked before this time (ms since the epoch). */
  until: number;
}

export interface ThrottleRule {
  /** Failures allowed before the first wait. */
  free: number;
  /** The first wait; each further failure doubles it, up to `maxWaitMs`. */
  firstWaitMs: number;
  maxWaitMs: number;
}

/**
 * An account may fail 5 times, then waits 1 s, 2 s, 4 s… up to 15 minutes after each failure. An
 * address is allowed more, since a contact centre's operators share one address behind its NAT:
 * one of them mistyping cannot lock the others out, and the account rule still holds for a guesser.
 */
export const ACCOUNT_RULE: ThrottleRule = { free: 5, firstWaitMs: 1000, maxWaitMs: 15 * 60_000 };
export const ADDRESS_RULE: ThrottleRule = { free: 30, firstWaitMs: 1000, maxWaitMs: 15 * 60_000 };
/** Failures older than this are forgotten. */
const FORGET_MS = 3600_000;
/** Every this many failures counted here, forgotten records are removed, so guessed logins do not pile up in the store. */
const SWEEP_EVERY = 100;

export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** What became of a login attempt: refused unchecked while a wait lasts, or checked (the account, or null and whether a wait started). */
export type AttemptOutcome<A> = { refused: true; retryAfterSeconds: number } | { refused: false; account: A | null; startedWait: boolean };

/**
 * Exponential back-off of operator logins per account and per client address, kept in the store
 * so every instance applies the same waits. A wait ends by itself: nothing locks an account for good.
 */
export class LoginThrottle {
  private readonly failures: Collection<Failures>;
  private counted = 0;
  /** The attempt of each login under way on this instance: attempts wait for it, so a burst cannot slip past the count. */
  private readonly running = new Map<string, Promise<unknown>>();

  constructor(
    store: Store,
    private readonly now: () => number = Date.now,
  ) {
    this.failures = store.collection<Failures>('login-failures');
  }

  /**
   * One login attempt: refused while the account or the address waits, otherwise `verify` runs
   * and its outcome is counted. Attempts of one login run one after another on this instance, so
   * parallel guesses are counted one by one.
   */
  attempt<A>(login: string, address: string, verify: () => Promise<A | null>): Promise<AttemptOutcome<A>> {
    return this.serialize(login, async () => {
      const verdict = await this.check(login, address);
      if (!verdict.allowed) return { refused: true as const, retryAfterSeconds: verdict.retryAfterSeconds };
      const account = await verify();
      if (account) {
        await this.succeeded(login);
        return { refused: false as const, account, startedWait: false };
      }
      return { refused: false as const, account: null, startedWait: await this.failed(login, address) };
    });
  }

  private async serialize<T>(login: string, attempt: () => Promise<T>): Promise<T> {
    const key = accountKey(login);
    const before = this.running.get(key) ?? Promise.resolve();
    const mine = before.catch(() => undefined).then(attempt);
    this.running.set(key, mine);
    try {
      return await mine;
    } finally {
      if (this.running.get(key) === mine) this.running.delete(key);
    }
  }

  /** Whether a login may be checked now for this account from this address (a login that names no account backs off alike). */
  async check(login: string, address: string): Promise<ThrottleVerdict> {
    const now = this.now();
    const waits = (await Promise.all(keysOf(login, address).map(([key]) => this.failures.get(key)))).map((f) => (f ? f.until - now : 0));
    const longest = Math.max(0, ...waits);
    return longest > 0 ? { allowed: false, retryAfterSeconds: Math.ceil(longest / 1000) } : { allowed: true };
  }

  /** Counts a failure; true when it starts a wait for the account (worth its own audit entry). */
  async failed(login: string, address: string): Promise<boolean> {
    const now = this.now();
    let accountWaits = false;
    for (const [key, rule, isAccount] of keysOf(login, address)) {
      const before = await this.failures.get(key);
      const count = before && now - before.lastAt < FORGET_MS ? before.count + 1 : 1;
      const until = count > rule.free ? now + Math.min(rule.maxWaitMs, rule.firstWaitMs * 2 ** (count - rule.free - 1)) : 0;
      await this.failures.put(key, { key, count, lastAt: now, until });
      if (isAccount && until > 0) accountWaits = true;
    }
    if (++this.counted % SWEEP_EVERY === 0) await this.sweep(now);
    return accountWaits;
  }

  private async sweep(now: number): Promise<void> {
    const forgotten = (await this.failures.list()).filter((f) => now - f.lastAt >= FORGET_MS && f.until <= now);
    await Promise.all(forgotten.map((f) => this.failures.delete(f.key)));
  }

  /** A successful login clears the account's failures (the address keeps its own). */
  async succeeded(login: string): Promise<void> {
    await this.failures.delete(accountKey(login));
  }
}

const accountKey = (login: string) => `account:${login.toLowerCase()}`;

function keysOf(login: string, address: string): [string, ThrottleRule, boolean][] {
  return [
    [accountKey(login), ACCOUNT_RULE, true],
    [`address:${address}`, ADDRESS_RULE, false],
  ];
}
