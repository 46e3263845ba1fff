import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Logger } from 'pino';
import type { Reply } from '../flows/types';
import type { IdempotencyStore, Outbox, OutboxEntry } from '../store/types';
import { splitMessage } from './channels/telegram';
import { classifyTelegramFailure, failureReason, isBlockedByUser, type TelegramFailure } from './telegram-failure';
import { TokenBucket } from './token-bucket';

/** What the outbox holds for one Telegram message: one reply to one chat. */
export interface TelegramOutboxPayload {
  chatId: number;
  reply: Reply;
}

/** Bot API calls a reply takes (each counts against Telegram's limits): its parts and its document. */
export function callsFor(reply: Reply): number {
  return splitMessage(reply.author ? `${reply.author}: ${reply.text}` : reply.text).length + (reply.attachment ? 1 : 0);
}

/** Stream ids compare by their time, then their sequence. */
function olderThan(a: string, b: string): boolean {
  const [aTime = 0, aSeq = 0] = a.split('-').map(Number);
  const [bTime = 0, bSeq = 0] = b.split('-').map(Number);
  return aTime !== bTime ? aTime < bTime : aSeq < bSeq;
}

interface Held {
  entry: OutboxEntry;
  payload: TelegramOutboxPayload;
  cost: number;
  /** Not to be tried before this time (ms): after a failure (a 429 holds the whole chat instead). */
  notBefore: number;
  failures: number;
  /** Telegram accepted it; only recording and acking are left. */
  sent: boolean;
}

export interface OutboxDrainerOptions {
  outbox: Outbox;
  idempotency: IdempotencyStore;
  /** Sends replies to a chat (the Telegram channel's `send`). */
  send: (chatId: number, replies: readonly Reply[]) => Promise<void>;
  /** Told when Telegram answers that the citizen blocked the bot (403), so the chat is not tried again. */
  onBlocked?: (chatId: number) => Promise<void>;
  log: Logger;
  /** This instance's name in the consumer group; unique per process by default. */
  consumer?: string;
  /** An entry read but not acked for this long is handed to another instance (default 60 s). */
  visibilityMs?: number;
  /** How long one read waits for new entries (default 2 s). */
  blockMs?: number;
  /** Entries held in this process at once (default 200). */
  capacity?: number;
  /** Sends running at once, to different chats (default OUTBOX_CONCURRENCY). */
  concurrency?: number;
  /** All chats together: Telegram allows about 30 messages a second (default: `telegramRates(30, 1)`). */
  globalRate?: { perSecond: number; burst: number };
  /** One chat: about one message a second, short bursts tolerated (default: `telegramRates(30, 1)`). */
  chatRate?: { perSecond: number; burst: number };
  /** A message that keeps failing (not 429) is given up this long after it was queued (default 6 h). */
  giveUpAfterMs?: number;
  now?: () => number;
}

/**
 * Sends running at once by default, each to another chat. It is also the most a crash can send
 * twice: a send Telegram accepted whose key was not yet claimed (see OutboxDrainer).
 */
export const OUTBOX_CONCURRENCY = 8;

/** A chat may get this many messages at once before its rate applies. */
export const CHAT_BURST = 3;

/**
 * The drainer's limits for Telegram: `perSecond` over all chats (TELEGRAM_RATE_PER_SECOND, about 30
 * for Telegram) with a burst of a tenth of a second's worth (at least 1), which absorbs a late
 * timer without letting any second hold more than `perSecond` plus that burst; `perChatPerSecond`
 * for each chat (TELEGRAM_RATE_PER_CHAT_PER_SECOND, about 1) with a burst of CHAT_BURST.
 */
export function telegramRates(perSecond: number, perChatPerSecond: number): { globalRate: { perSecond: number; burst: number }; chatRate: { perSecond: number; burst: number } } {
  return { globalRate: { perSecond, burst: Math.max(1, Math.ceil(perSecond / 10)) }, chatRate: { perSecond: perChatPerSecond, burst: CHAT_BURST } };
}

/** How long the record of a sent key is kept: longer than any entry waits in the outbox. */
const SENT_TTL_SECONDS = 7 * 24 * 3600;
const MAX_BACKOFF_MS = 60_000;

function payloadOf(entry: OutboxEntry): TelegramOutboxPayload | undefined {
  const payload = entry.payload as Partial<TelegramOutboxPayload> | null;
  if (!payload || typeof payload.chatId !== 'number' || typeof payload.reply?.text !== 'string') return undefined;
  return payload as TelegramOutboxPayload;
}

/**
 * Drains the outbox to Telegram: one loop per instance, every instance in one consumer group.
 *
 * - Limits: a global token bucket and one per chat (see `telegramRates`: 30/s and 1/s by default);
 *   a chat's messages go one at a time, in the order they were queued; a 429 holds the chat until
 *   its retry_after is over while the other chats go on (`send` must hand the 429 back rather than
 *   wait it out), and the send tried again takes its tokens again.
 * - At least once: an entry is acked only after Telegram accepted it (or refused it for good: 400,
 *   403). After the send, its key is claimed in the idempotency store, and a key already claimed
 *   is acked without sending, so an entry handed to another instance, or queued twice with one key,
 *   is not sent twice. What remains: a crash between Telegram's acceptance and the claim sends the
 *   message again from another instance, so a kill repeats at most the sends in flight: one per
 *   chat and `concurrency` in all; a reply split in parts that fails half-way is sent whole again.
 * - Entries held here (waiting for their chat, their turn or a retry_after) are extended every
 *   third of the visibility timeout, so no other instance takes them while this one is alive.
 */
export class OutboxDrainer {
  readonly consumer: string;
  private readonly visibilityMs: number;
  private readonly blockMs: number;
  private readonly capacity: number;
  private readonly concurrency: number;
  private readonly giveUpAfterMs: number;
  private readonly now: () => number;
  private readonly global: TokenBucket;
  private readonly chatRate: { perSecond: number; burst: number };
  private readonly chatBuckets = new Map<string, TokenBucket>();
  /**
   * Chats Telegram told to wait (429), until when (ms): kept by chat, not by message, so that an
   * older message taken over from a stopped instance, which goes first, waits too.
   */
  private readonly chatHolds = new Map<string, number>();
  /** Held entries by chat, oldest first. */
  private readonly chats = new Map<string, Held[]>();
  private readonly heldIds = new Set<string>();
  private readonly busy = new Set<string>();
  private readonly inFlight = new Set<Promise<void>>();
  private running = false;
  private timer: NodeJS.Timeout | undefined;
  private lease: NodeJS.Timeout | undefined;
  private roomWaiter: (() => void) | undefined;
  private readonly idleWaiters: (() => void)[] = [];

  constructor(private readonly options: OutboxDrainerOptions) {
    this.consumer = options.consumer ?? `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
    this.visibilityMs = options.visibilityMs ?? 60_000;
    this.blockMs = options.blockMs ?? 2000;
    this.capacity = options.capacity ?? 200;
    this.concurrency = options.concurrency ?? OUTBOX_CONCURRENCY;
    this.giveUpAfterMs = options.giveUpAfterMs ?? 6 * 3600_000;
    this.now = options.now ?? Date.now;
    const defaults = telegramRates(30, 1);
    const global = options.globalRate ?? defaults.globalRate;
    this.global = new TokenBucket(global.perSecond, global.burst, this.now);
    this.chatRate = options.chatRate ?? defaults.chatRate;
  }

  private get held(): number {
    return this.heldIds.size;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    void this.readLoop();
    this.lease = setInterval(() => void this.extendHeld(), Math.max(10, Math.floor(this.visibilityMs / 3)));
    this.lease.unref();
  }

  /**
   * Stops reading and waits (up to `graceMs`) for the sends in flight. Entries read but not sent
   * stay pending and go to another instance after the visibility timeout.
   */
  async stop(graceMs = 10_000): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    clearInterval(this.lease);
    this.roomWaiter?.();
    let timeout: NodeJS.Timeout | undefined;
    await Promise.race([Promise.allSettled([...this.inFlight]), new Promise((resolve) => (timeout = setTimeout(resolve, graceMs)))]);
    clearTimeout(timeout);
  }

  /**
   * Resolves the next time, while running, that no send is in flight and none may start now:
   * whatever is still held waits for its chat's token or a retry time. A read that finds nothing
   * also gets there, so it comes within the read's block time when there is nothing to do.
   */
  idle(): Promise<void> {
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private async readLoop(): Promise<void> {
    while (this.running) {
      const room = this.capacity - this.held;
      if (room <= 0) {
        await new Promise<void>((resolve) => (this.roomWaiter = resolve));
        this.roomWaiter = undefined;
        continue;
      }
      let entries: OutboxEntry[];
      try {
        entries = await this.options.outbox.read(this.consumer, { count: room, blockMs: this.blockMs, visibilityMs: this.visibilityMs });
      } catch (error) {
        if (!this.running) return;
        this.options.log.error({ err: error }, 'reading the outbox failed');
        await new Promise((resolve) => setTimeout(resolve, 1000).unref());
        continue;
      }
      // Stopped meanwhile: what was read stays pending and is handed over after the visibility timeout.
      if (!this.running) return;
      for (const entry of entries) await this.hold(entry);
      this.dispatch();
    }
  }

  private async hold(entry: OutboxEntry): Promise<void> {
    if (this.heldIds.has(entry.id)) return; // ours already, read again after a long wait
    const payload = payloadOf(entry);
    if (!payload) {
      this.options.log.error({ entryId: entry.id }, 'outbox entry without a chat or a reply: dropped');
      await this.options.outbox.ack(entry.id).catch(() => undefined);
      return;
    }
    const held: Held = { entry, payload, cost: callsFor(payload.reply), notBefore: 0, failures: 0, sent: false };
    let queue = this.chats.get(entry.chat);
    if (!queue) {
      queue = [];
      this.chats.set(entry.chat, queue);
    }
    // In the order queued, also for an entry taken over from a stopped instance after newer ones
    // were read; never ahead of the head while it is being sent.
    let at = queue.length;
    while (at > (this.busy.has(entry.chat) ? 1 : 0) && olderThan(entry.id, queue[at - 1]!.entry.id)) at--;
    queue.splice(at, 0, held);
    this.heldIds.add(entry.id);
  }

  private chatBucket(chat: string): TokenBucket {
    let bucket = this.chatBuckets.get(chat);
    if (!bucket) {
      bucket = new TokenBucket(this.chatRate.perSecond, this.chatRate.burst, this.now);
      this.chatBuckets.set(chat, bucket);
    }
    return bucket;
  }

  /** Starts every send that may go now, and sets a timer for the soonest one that may go later. */
  private dispatch(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.running) return;
    let soonest = Infinity;
    for (const [chat, queue] of this.chats) {
      if (this.inFlight.size >= this.concurrency) break;
      const head = queue[0];
      if (!head || this.busy.has(chat)) continue;
      const now = this.now();
      const notBefore = Math.max(head.notBefore, head.sent ? 0 : (this.chatHolds.get(chat) ?? 0));
      if (notBefore > now) {
        soonest = Math.min(soonest, notBefore - now);
        continue;
      }
      // Recording and acking an accepted message uses no Bot API call.
      if (!head.sent) {
        const bucket = this.chatBucket(chat);
        const wait = Math.max(bucket.wait(head.cost), this.global.wait(head.cost));
        if (wait > 0) {
          soonest = Math.min(soonest, wait);
          continue;
        }
        bucket.take(head.cost);
        this.global.take(head.cost);
      }
      this.run(chat, head);
    }
    for (const [chat, bucket] of this.chatBuckets) if (!this.chats.has(chat) && bucket.full) this.chatBuckets.delete(chat);
    const now = this.now();
    for (const [chat, until] of this.chatHolds) if (until <= now) this.chatHolds.delete(chat);
    if (soonest < Infinity) {
      this.timer = setTimeout(() => this.dispatch(), soonest);
      this.timer.unref();
    }
    if (this.inFlight.size === 0) for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  private run(chat: string, held: Held): void {
    this.busy.add(chat);
    const running: Promise<void> = this.process(held)
      .catch((error: unknown) => this.options.log.error({ entryId: held.entry.id, ...failureReason(error) }, 'outbox: unexpected failure'))
      .finally(() => {
        this.busy.delete(chat);
        this.inFlight.delete(running);
        this.dispatch();
      });
    this.inFlight.add(running);
  }

  private sentKey(entry: OutboxEntry): string {
    return `outbox:${entry.key}`;
  }

  private async process(held: Held): Promise<void> {
    const { entry, payload } = held;
    const { log, outbox, idempotency } = this.options;
    if (!held.sent) {
      try {
        if (await outbox.claimed(this.sentKey(entry))) {
          log.info({ entryId: entry.id }, 'outbox entry already sent: acked without sending');
          held.sent = true;
        }
      } catch (error) {
        return this.retry(held, { kind: 'transient' }, error);
      }
    }
    if (!held.sent) {
      try {
        await this.options.send(payload.chatId, [payload.reply]);
      } catch (error) {
        const failure = classifyTelegramFailure(error);
        if (failure.kind === 'permanent') {
          // No chat id, no text: the entry id and Telegram's reason are enough to find it.
          log.warn({ entryId: entry.id, ...failureReason(error) }, 'Telegram refused an outbox message for good: dropped');
          if (isBlockedByUser(error)) await this.options.onBlocked?.(payload.chatId).catch((err: unknown) => log.error({ err, entryId: entry.id }, 'marking a blocked chat failed'));
          return this.finish(held);
        }
        return this.retry(held, failure, error);
      }
      held.sent = true;
      try {
        await idempotency.claim(this.sentKey(entry), SENT_TTL_SECONDS);
      } catch (error) {
        return this.retry(held, { kind: 'transient' }, error);
      }
    }
    return this.finish(held);
  }

  private async finish(held: Held): Promise<void> {
    try {
      await this.options.outbox.ack(held.entry.id);
    } catch (error) {
      held.sent = true; // whatever happened, do not send it again from here
      return this.retry(held, { kind: 'transient' }, error);
    }
    this.release(held);
  }

  private release(held: Held): void {
    const queue = this.chats.get(held.entry.chat);
    const index = queue?.indexOf(held) ?? -1;
    if (queue && index >= 0) queue.splice(index, 1);
    if (queue?.length === 0) this.chats.delete(held.entry.chat);
    this.heldIds.delete(held.entry.id);
    this.roomWaiter?.();
  }

  private async retry(held: Held, failure: TelegramFailure, error: unknown): Promise<void> {
    const now = this.now();
    if (failure.kind === 'later') {
      this.chatHolds.set(held.entry.chat, Math.max(this.chatHolds.get(held.entry.chat) ?? 0, now + failure.afterMs));
      this.options.log.warn({ entryId: held.entry.id, retryAfterMs: failure.afterMs }, 'Telegram asked to wait: the chat waits');
      return;
    }
    held.failures++;
    if (!held.sent && now - held.entry.addedAt > this.giveUpAfterMs) {
      this.options.log.error({ entryId: held.entry.id, failures: held.failures, ...failureReason(error) }, 'outbox message kept failing: given up');
      try {
        await this.options.outbox.ack(held.entry.id);
        this.release(held);
      } catch {
        held.notBefore = now + MAX_BACKOFF_MS;
      }
      return;
    }
    held.notBefore = now + Math.min(MAX_BACKOFF_MS, 1000 * 2 ** (held.failures - 1));
    this.options.log.warn({ entryId: held.entry.id, failures: held.failures, ...failureReason(error) }, 'sending an outbox message failed: it is tried again');
  }

  /** Keeps the entries held here from being handed to another instance. */
  private async extendHeld(): Promise<void> {
    if (this.heldIds.size === 0) return;
    try {
      await this.options.outbox.extend(this.consumer, [...this.heldIds]);
    } catch (error) {
      this.options.log.error({ err: error }, 'extending held outbox entries failed');
    }
  }
}
