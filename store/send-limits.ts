import { TokenBucket } from '../bot/token-bucket';
import type { SendLane, SendLimits, SendPermit, SendRates } from './types';

/** How long bulk requests keep yielding after a live one was refused: time for it to ask again. */
export const LIVE_DEMAND_GRACE_MS = 50;

/** The span in which at most `bulkBurst` calls may have been taken for a bulk call to go. */
export function bulkSpanMs(rates: SendRates): number {
  return (rates.windowMs * rates.bulkBurst) / rates.perWindow;
}

interface BotLimits {
  /** When each call in the window was taken (ms), oldest first. */
  window: number[];
  chats: Map<string, TokenBucket>;
  holdUntil: number;
  /** Bulk requests wait until then: a live one is waiting for the window. */
  liveUntil: number;
}

/**
 * The send limits in this process's memory (the embedded store: one instance), with the same
 * rules as the Redis script: hold, then live demand, then the window, then the spread of bulk
 * calls, then the chat's bucket.
 */
export class MemorySendLimits implements SendLimits {
  private readonly bots = new Map<string, BotLimits>();

  constructor(private readonly now: () => number = Date.now) {}

  private limitsOf(bot: string): BotLimits {
    let limits = this.bots.get(bot);
    if (!limits) {
      limits = { window: [], chats: new Map(), holdUntil: 0, liveUntil: 0 };
      this.bots.set(bot, limits);
    }
    return limits;
  }

  async take({ bot, chat, lane, rates }: { bot: string; chat: string; lane: SendLane; rates: SendRates }): Promise<SendPermit> {
    const now = this.now();
    const limits = this.limitsOf(bot);
    if (limits.holdUntil > now) return { taken: false, waitMs: limits.holdUntil - now, scope: 'hold' };
    if (lane === 'bulk' && limits.liveUntil > now) return { taken: false, waitMs: limits.liveUntil - now, scope: 'all' };
    while (limits.window.length > 0 && limits.window[0]! <= now - rates.windowMs) limits.window.shift();
    if (limits.window.length >= rates.perWindow) {
      const waitMs = limits.window[limits.window.length - rates.perWindow]! + rates.windowMs - now + 1;
      if (lane === 'live') limits.liveUntil = Math.max(limits.liveUntil, now + waitMs + LIVE_DEMAND_GRACE_MS);
      return { taken: false, waitMs, scope: 'all' };
    }
    if (lane === 'bulk' && limits.window.length >= rates.bulkBurst) {
      const waitMs = Math.ceil(limits.window[limits.window.length - rates.bulkBurst]! + bulkSpanMs(rates) - now);
      if (waitMs > 0) return { taken: false, waitMs, scope: 'all' };
    }
    let bucket = limits.chats.get(chat);
    if (!bucket) {
      bucket = new TokenBucket(rates.chatPerSecond, rates.chatBurst, this.now);
      limits.chats.set(chat, bucket);
    }
    const chatWait = bucket.wait(1);
    if (chatWait > 0 && lane === 'bulk') return { taken: false, waitMs: chatWait, scope: 'chat' };
    bucket.spend(1);
    limits.window.push(now);
    // A bucket full again is forgotten.
    for (const [id, other] of limits.chats) if (other.full) limits.chats.delete(id);
    return { taken: true };
  }

  async hold(bot: string, ms: number): Promise<void> {
    const limits = this.limitsOf(bot);
    limits.holdUntil = Math.max(limits.holdUntil, this.now() + ms);
  }
}
