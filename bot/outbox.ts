import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Logger } from 'pino';
import type { Reply } from '../flows/types';
import { MemorySendLimits } from '../store/send-limits';
import type { IdempotencyStore, Outbox, OutboxEntry, SendLane, SendLimits, SendRates } from '../store/types';
import { classifyTelegramFailure, failureReason, isBlockedByUser, type TelegramFailure } from './telegram-failure';

/**
 * What the outbox holds for one chat: the replies of one turn (`replies`, with the message whose
 * button was pressed, which a `replace` reply edits), or one reply outside a turn (`reply`).
 */
export interface TelegramOutboxPayload {
  chatId: number;
  reply?: Reply;
  replies?: Reply[];
  editMessageId?: number;
}

/** A payload as sent: its replies in order. */
export interface TelegramSend {
  chatId: number;
  replies: Reply[];
  editMessageId?: number;
}

/** How a send keeps to the limits and resumes after a failure half-way. */
export interface SendControl {
  /** Resolves when the next Bot API call may be made: the shared limits gave it a token. */
  beforeCall(): Promise<void>;
  /** The first reply an earlier attempt did not send whole. */
  from: number;
  /** Told when reply `index` was sent whole. */
  sent(index: number): void;
}

/** Stream ids compare by their time, then their sequence. */
function olderThan(a: string, b: string): boolean {
  const [aTime = 0, aSeq = 0] = a.split('-').map(Number);
  const [bTime = 0, bSeq = 0] = b.split('-').map(Number);
  return aTime !== bTime ? aTime < bTime : aSeq < bSeq;
}

interface Held {
  entry: OutboxEntry;
  lane: SendLane;
  payload: TelegramSend;
  /** Not to be tried before this time (ms): after a failure, or while its chat has no token. */
  notBefore: number;
  failures: number;
  /** Replies sent whole by earlier attempts. */
  repliesSent: number;
  /** Telegram accepted it; only recording and acking are left. */
  sent: boolean;
  /**
   * When the token of its next call was asked for (ms). Counted in the window when Redis took it, which
   * is after this: a busy event loop may read the answer much later, so the time of the answer would
   * hide how late the call is.
   */
  tokenAt?: number;
}

export interface OutboxDrainerOptions {
  /** The bulk lane (notifications). */
  outbox: Outbox;
  /** The live lane (answers in a turn, conversations with the contact centre): sent first. */
  liveOutbox?: Outbox;
  idempotency: IdempotencyStore;
  /** Sends a payload (the Telegram channel's `send`), calling `control.beforeCall` before each Bot API call. */
  send: (payload: TelegramSend, control: SendControl) => Promise<void>;
  /** Told when Telegram answers that the citizen blocked the bot (403), so the chat is not tried again. */
  onBlocked?: (chatId: number) => Promise<void>;
  log: Logger;
  /** The limits shared by every instance (the store's); limits of this process alone by default. */
  limits?: SendLimits;
  /** Whose limits: Telegram counts per bot (default `telegram`). */
  bot?: string;
  /** Default: `sendRates(30, 1)`. */
  rates?: SendRates;
  /** This instance's name in the consumer group; unique per process by default. */
  consumer?: string;
  /** An entry read but not acked for this long is handed to another instance (default 60 s). */
  visibilityMs?: number;
  /** How long one read waits for new entries (default 2 s). */
  blockMs?: number;
  /** Entries held in this process at once, per lane (default 200). */
  capacity?: number;
  /** Sends running at once, to different chats (default OUTBOX_CONCURRENCY); live ones may run as many more. */
  concurrency?: number;
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
 * How much longer than a second the window over all chats is: a call is counted when its token is
 * taken and reaches Telegram a little later, by a latency that varies; the margin keeps any second
 * as Telegram counts it within the rate.
 */
export const WINDOW_MARGIN_MS = 100;

/**
 * A token taken longer ago than this when its call starts (the process was busy in between) is
 * taken again: counted at the old time, the call could fall into a later second beyond the margin.
 */
export const LATE_TOKEN_MS = WINDOW_MARGIN_MS / 2;
/** How many times in a row a call takes its token again for lateness before it goes anyway. */
export const MAX_LATE_RETAKES = 3;

/**
 * The shared limits for Telegram: `perSecond` calls over all chats (TELEGRAM_RATE_PER_SECOND, about
 * 30 for Telegram) in any window of a second (plus WINDOW_MARGIN_MS), and `perChatPerSecond` for
 * each chat (TELEGRAM_RATE_PER_CHAT_PER_SECOND, about 1) with a burst of CHAT_BURST.
 */
export function sendRates(perSecond: number, perChatPerSecond: number): SendRates {
  // A rate below one a second, or with a fraction, is one call in a longer window, or whole calls in a shorter one.
  const perWindow = Math.max(1, Math.floor(perSecond));
  return { perWindow, windowMs: Math.round((perWindow / perSecond) * 1000) + WINDOW_MARGIN_MS, bulkBurst: bulkBurstOf(perWindow), chatPerSecond: perChatPerSecond, chatBurst: CHAT_BURST };
}

/** A tenth of the window's calls (at least one) may go at once in the bulk lane: 3 in any 110 ms at 30 a second. */
function bulkBurstOf(perWindow: number): number {
  return Math.max(1, Math.ceil(perWindow / 10));
}

/**
 * The same limits as rates and bursts: no second holds more than `globalRate.perSecond` (the
 * burst is what a token bucket of that rate would add, for checks written against one).
 */
export function telegramRates(perSecond: number, perChatPerSecond: number): { globalRate: { perSecond: number; burst: number }; chatRate: { perSecond: number; burst: number } } {
  return { globalRate: { perSecond, burst: bulkBurstOf(perSecond) }, chatRate: { perSecond: perChatPerSecond, burst: CHAT_BURST } };
}

/** How long the record of a sent key is kept: longer than any entry waits in the outbox. */
const SENT_TTL_SECONDS = 7 * 24 * 3600;
const MAX_BACKOFF_MS = 60_000;
/** How often a chat whose older message another instance holds is looked at again. */
const TURN_POLL_MS = 100;
/** The longest a send sleeps before asking the limits again. */
const MAX_WAIT_MS = 1000;

function payloadOf(entry: OutboxEntry): TelegramSend | undefined {
  const payload = entry.payload as Partial<TelegramOutboxPayload> | null;
  if (!payload || typeof payload.chatId !== 'number') return undefined;
  const replies = payload.replies ?? (payload.reply ? [payload.reply] : []);
  if (replies.length === 0 || !replies.every((reply) => typeof reply?.text === 'string')) return undefined;
  return { chatId: payload.chatId, replies, ...(typeof payload.editMessageId === 'number' ? { editMessageId: payload.editMessageId } : {}) };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Drains the outbox to Telegram: every instance reads both lanes in one consumer group each, and
 * sends what it read within limits all instances share (the store's SendLimits).
 *
 * - One token per Bot API call, asked right before the call: at most `rates.perWindow` calls over
 *   all chats in any window and a bucket per chat (see `sendRates`: 30/s and 1/s by default).
 *   Notifications are spread over the window (3 in any 110 ms by default), so a citizen's answer
 *   never finds a window taken whole at its start and waits out the rest of it. A
 *   chat's messages go one at a time, in the order they were queued, whichever lane they are in.
 * - The live lane goes first: a chat with a live message is tried before chats with notifications
 *   only, and a live call waiting for the window makes bulk calls wait on every instance.
 * - A 429 holds the whole bot, on every instance, for its retry_after (the chat too, here); the
 *   send is tried again from the first reply it did not send whole.
 * - At least once: an entry is acked only after Telegram accepted it (or refused it for good: 400,
 *   403). After the send, its key is claimed in the idempotency store, and a key already claimed
 *   is acked without sending, so an entry handed to another instance, or queued twice with one key,
 *   is not sent twice. What remains: a crash between Telegram's acceptance and the claim sends the
 *   message again from another instance, so a kill repeats at most the sends in flight: one per
 *   chat and `concurrency` bulk ones in all.
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
  private readonly limits: SendLimits;
  private readonly bot: string;
  private readonly rates: SendRates;
  private readonly lanes: { lane: SendLane; outbox: Outbox }[];
  /**
   * Chats Telegram told to wait (429), until when (ms): kept by chat, not by message, so that an
   * older message taken over from a stopped instance, which goes first, waits too.
   */
  private readonly chatHolds = new Map<string, number>();
  /** Held entries by chat, oldest first. */
  private readonly chats = new Map<string, Held[]>();
  /** `<lane>:<entry id>` of every entry held. */
  private readonly heldIds = new Set<string>();
  private readonly heldByLane: Record<SendLane, number> = { live: 0, bulk: 0 };
  private readonly busy = new Set<string>();
  private readonly inFlight = new Set<Promise<void>>();
  private running = false;
  private dispatching = false;
  private dispatchAgain = false;
  private timer: NodeJS.Timeout | undefined;
  private lease: NodeJS.Timeout | undefined;
  private readonly roomWaiters: Partial<Record<SendLane, () => void>> = {};
  private readonly idleWaiters: (() => void)[] = [];

  constructor(private readonly options: OutboxDrainerOptions) {
    this.consumer = options.consumer ?? `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
    this.visibilityMs = options.visibilityMs ?? 60_000;
    this.blockMs = options.blockMs ?? 2000;
    this.capacity = options.capacity ?? 200;
    this.concurrency = options.concurrency ?? OUTBOX_CONCURRENCY;
    this.giveUpAfterMs = options.giveUpAfterMs ?? 6 * 3600_000;
    this.now = options.now ?? Date.now;
    this.limits = options.limits ?? new MemorySendLimits(this.now);
    this.bot = options.bot ?? 'telegram';
    this.rates = options.rates ?? sendRates(30, 1);
    this.lanes = [...(options.liveOutbox ? [{ lane: 'live' as const, outbox: options.liveOutbox }] : []), { lane: 'bulk' as const, outbox: options.outbox }];
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    for (const { lane, outbox } of this.lanes) void this.readLoop(lane, outbox);
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
    for (const wake of Object.values(this.roomWaiters)) wake?.();
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

  private outboxOf(lane: SendLane): Outbox {
    return this.lanes.find((l) => l.lane === lane)!.outbox;
  }

  private async readLoop(lane: SendLane, outbox: Outbox): Promise<void> {
    while (this.running) {
      const room = this.capacity - this.heldByLane[lane];
      if (room <= 0) {
        // What is held may all wait for older entries a stopped instance left pending: those are
        // taken over even with no room, or the lane would wait for them for ever.
        const roomMade = await this.waitForRoom(lane, this.takeOverEveryMs);
        if (!roomMade && this.running) await this.takeOver(lane, outbox);
        continue;
      }
      let entries: OutboxEntry[];
      try {
        entries = await outbox.read(this.consumer, { count: room, blockMs: this.blockMs, visibilityMs: this.visibilityMs });
      } catch (error) {
        if (!this.running) return;
        this.options.log.error({ err: error, lane }, 'reading the outbox failed');
        await sleep(1000);
        continue;
      }
      // Stopped meanwhile: what was read stays pending and is handed over after the visibility timeout.
      if (!this.running) return;
      for (const entry of entries) await this.hold(lane, entry);
      this.dispatch();
    }
  }

  /** How often a lane with no room looks for entries to take over. */
  private get takeOverEveryMs(): number {
    return Math.max(10, Math.floor(this.visibilityMs / 3));
  }

  /** Resolves true when a held entry of `lane` is released (or on stop), false after `ms`. */
  private waitForRoom(lane: SendLane, ms: number): Promise<boolean> {
    return new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => {
        delete this.roomWaiters[lane];
        resolve(false);
      }, ms);
      timer.unref();
      this.roomWaiters[lane] = () => {
        clearTimeout(timer);
        delete this.roomWaiters[lane];
        resolve(true);
      };
    });
  }

  /** Holds the entries of `lane` left pending by a stopped instance for the visibility timeout, beyond the capacity. */
  private async takeOver(lane: SendLane, outbox: Outbox): Promise<void> {
    let entries: OutboxEntry[];
    try {
      entries = await outbox.takeOver(this.consumer, { count: this.capacity, visibilityMs: this.visibilityMs });
    } catch (error) {
      if (this.running) this.options.log.error({ err: error, lane }, 'taking over outbox entries failed');
      return;
    }
    if (!this.running) return;
    for (const entry of entries) await this.hold(lane, entry);
    if (entries.length > 0) this.dispatch();
  }

  private async hold(lane: SendLane, entry: OutboxEntry): Promise<void> {
    if (this.heldIds.has(`${lane}:${entry.id}`)) return; // ours already, read again after a long wait
    const payload = payloadOf(entry);
    if (!payload) {
      this.options.log.error({ entryId: entry.id }, 'outbox entry without a chat or a reply: dropped');
      await this.outboxOf(lane)
        .ack(entry.id)
        .catch(() => undefined);
      return;
    }
    const held: Held = { entry, lane, payload, notBefore: 0, failures: 0, repliesSent: 0, sent: false };
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
    this.heldIds.add(`${lane}:${entry.id}`);
    this.heldByLane[lane]++;
  }

  /** A chat with a live message waiting goes as live, its older notifications with it. */
  private laneOf(queue: readonly Held[]): SendLane {
    return queue.some((held) => held.lane === 'live') ? 'live' : 'bulk';
  }

  /** Starts every send that may go now, and sets a timer for the soonest one that may go later. */
  private dispatch(): void {
    if (this.dispatching) {
      this.dispatchAgain = true;
      return;
    }
    this.dispatching = true;
    void this.dispatchRounds()
      .catch((error: unknown) => this.options.log.error({ err: error }, 'outbox: dispatch failed'))
      .finally(() => (this.dispatching = false));
  }

  private async dispatchRounds(): Promise<void> {
    do {
      this.dispatchAgain = false;
      await this.dispatchOnce();
    } while (this.dispatchAgain && this.running);
    if (this.inFlight.size === 0) for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  private async dispatchOnce(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.running) return;
    let soonest = Infinity;
    const later = (ms: number) => (soonest = Math.min(soonest, Math.max(1, ms)));
    const waiting = [...this.chats]
      .filter(([chat, queue]) => queue.length > 0 && !this.busy.has(chat))
      .map(([chat, queue]) => ({ chat, head: queue[0]!, lane: this.laneOf(queue) }))
      .sort((a, b) => (a.lane === b.lane ? (olderThan(a.head.entry.id, b.head.entry.id) ? -1 : 1) : a.lane === 'live' ? -1 : 1));
    /** Set when the window (or a hold) refused a call of that lane: the rest of that lane waits too. */
    const blocked: Partial<Record<SendLane, true>> = {};
    for (const { chat, head, lane } of waiting) {
      if (this.inFlight.size >= this.concurrency * (lane === 'live' ? 2 : 1)) continue;
      if (blocked[lane] || (lane === 'bulk' && blocked.live)) continue;
      const now = this.now();
      const notBefore = Math.max(head.notBefore, head.sent ? 0 : (this.chatHolds.get(chat) ?? 0));
      if (notBefore > now) {
        later(notBefore - now);
        continue;
      }
      // Recording and acking an accepted message uses no Bot API call.
      if (head.sent) {
        this.run(chat, head, false);
        continue;
      }
      // An older message to this chat is held by another instance (or pending for one that died).
      if (!(await this.isTurn(head))) {
        head.notBefore = this.now() + TURN_POLL_MS;
        later(TURN_POLL_MS);
        continue;
      }
      // Sent already (by an instance that died before acking, or queued twice with one key): acked without sending.
      // Asked before the token is taken, so that the call follows its token at once.
      const sent = await this.alreadySent(head);
      if (sent === undefined) {
        later(1000);
        continue;
      }
      if (sent) {
        head.sent = true;
        this.run(chat, head, false);
        continue;
      }
      let permit: Awaited<ReturnType<SendLimits['take']>>;
      const askedAt = this.now();
      try {
        permit = await this.limits.take({ bot: this.bot, chat, lane, rates: this.rates });
      } catch (error) {
        this.options.log.error({ err: error }, 'outbox: asking the send limits failed');
        later(1000);
        break;
      }
      if (!this.running) return;
      if (permit.taken) {
        head.tokenAt = askedAt;
        // An older entry taken over meanwhile goes first: the next round looks at it (this token is lost).
        if (this.chats.get(chat)?.[0] === head) this.run(chat, head, true);
        else this.dispatchAgain = true;
        continue;
      }
      later(permit.waitMs);
      if (permit.scope === 'chat') head.notBefore = this.now() + permit.waitMs;
      else blocked[permit.scope === 'hold' ? 'live' : lane] = true;
    }
    const now = this.now();
    for (const [chat, until] of this.chatHolds) if (until <= now) this.chatHolds.delete(chat);
    if (soonest < Infinity && this.running) {
      this.timer = setTimeout(() => this.dispatch(), soonest);
      this.timer.unref();
    }
  }

  /** Whether the entry's key was claimed as sent; undefined when the store could not tell. */
  private async alreadySent(held: Held): Promise<boolean | undefined> {
    try {
      const sent = await this.outboxOf(held.lane).claimed(this.sentKey(held.entry));
      if (sent) this.options.log.info({ entryId: held.entry.id }, 'outbox entry already sent: acked without sending');
      return sent;
    } catch (error) {
      this.options.log.error({ err: error }, 'outbox: asking whether an entry was sent failed');
      return undefined;
    }
  }

  private async isTurn(held: Held): Promise<boolean> {
    try {
      return await this.outboxOf(held.lane).turn(held.entry);
    } catch (error) {
      this.options.log.error({ err: error }, 'outbox: asking whose turn a chat is failed');
      return false;
    }
  }

  /** `prepaid`: the first call's token was taken when the send was started (after the entry was found not sent). */
  private run(chat: string, held: Held, prepaid: boolean): void {
    this.busy.add(chat);
    const running: Promise<void> = this.process(held, prepaid)
      .catch((error: unknown) => this.options.log.error({ entryId: held.entry.id, ...failureReason(error) }, 'outbox: unexpected failure'))
      .finally(() => {
        this.busy.delete(chat);
        this.inFlight.delete(running);
        this.dispatch();
      });
    this.inFlight.add(running);
  }

  /** Waits until the shared limits give a call to `chat` a token, and notes when it was asked for. */
  private async acquire(held: Held): Promise<void> {
    for (;;) {
      const lane = this.laneOf(this.chats.get(held.entry.chat) ?? [held]);
      const askedAt = this.now();
      const permit = await this.limits.take({ bot: this.bot, chat: held.entry.chat, lane, rates: this.rates });
      if (permit.taken) {
        held.tokenAt = askedAt;
        return;
      }
      await sleep(Math.min(MAX_WAIT_MS, permit.waitMs));
    }
  }

  private sentKey(entry: OutboxEntry): string {
    return `outbox:${entry.key}`;
  }

  private async process(held: Held, prepaid: boolean): Promise<void> {
    const { entry, payload } = held;
    const { log, idempotency } = this.options;
    if (!held.sent) {
      let unpaid = !prepaid;
      const control: SendControl = {
        beforeCall: async () => {
          if (unpaid) await this.acquire(held);
          // A token the loop was too busy to use at once is taken again (the old one stays counted), a few times at most:
          // under a load that keeps every answer late, the call goes rather than burn the window.
          for (let retakes = 0; retakes < MAX_LATE_RETAKES && this.now() - (held.tokenAt ?? 0) > LATE_TOKEN_MS; retakes++) await this.acquire(held);
          unpaid = true;
        },
        from: held.repliesSent,
        sent: (index) => (held.repliesSent = Math.max(held.repliesSent, index + 1)),
      };
      try {
        await this.options.send(payload, control);
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
      await this.outboxOf(held.lane).ack(held.entry.id);
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
    if (this.heldIds.delete(`${held.lane}:${held.entry.id}`)) this.heldByLane[held.lane]--;
    this.roomWaiters[held.lane]?.();
  }

  private async retry(held: Held, failure: TelegramFailure, error: unknown): Promise<void> {
    const now = this.now();
    if (failure.kind === 'later') {
      this.chatHolds.set(held.entry.chat, Math.max(this.chatHolds.get(held.entry.chat) ?? 0, now + failure.afterMs));
      this.options.log.warn({ entryId: held.entry.id, retryAfterMs: failure.afterMs }, 'Telegram asked to wait: every instance waits');
      await this.limits.hold(this.bot, failure.afterMs).catch((err: unknown) => this.options.log.error({ err }, 'holding the shared send limits failed'));
      return;
    }
    held.failures++;
    if (!held.sent && now - held.entry.addedAt > this.giveUpAfterMs) {
      this.options.log.error({ entryId: held.entry.id, failures: held.failures, ...failureReason(error) }, 'outbox message kept failing: given up');
      try {
        await this.outboxOf(held.lane).ack(held.entry.id);
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
    for (const { lane, outbox } of this.lanes) {
      const ids = [...this.heldIds].filter((id) => id.startsWith(`${lane}:`)).map((id) => id.slice(lane.length + 1));
      if (ids.length === 0) continue;
      try {
        await outbox.extend(this.consumer, ids);
      } catch (error) {
        this.options.log.error({ err: error, lane }, 'extending held outbox entries failed');
      }
    }
  }
}
