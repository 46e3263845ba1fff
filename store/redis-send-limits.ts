import { randomBytes } from 'node:crypto';
import { defineScript } from 'redis';
import type { RedisClient } from './redis';
import { bulkSpanMs, LIVE_DEMAND_GRACE_MS } from './send-limits';
import type { SendLane, SendLimits, SendPermit, SendRates } from './types';

/**
 * KEYS: window (sorted set of the calls taken, by time), the chat's bucket (hash tokens, at), hold
 * (until, ms), live demand (until, ms); a live call spends from the chat's bucket without waiting for it. ARGV: lane, perWindow, windowMs, chatPerSecond, chatBurst,
 * member, grace, bulkBurst, bulk span (ms). The time is Redis's, so instances whose clocks differ still count one window.
 * Returns { waitMs, scope }: waitMs 0 when taken.
 */
const takeSend = defineScript({
  NUMBER_OF_KEYS: 4,
  SCRIPT: `
    local time = redis.call('TIME')
    local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
    local hold = tonumber(redis.call('GET', KEYS[3]) or '0')
    if hold > now then return {hold - now, 'hold'} end
    local lane = ARGV[1]
    if lane == 'bulk' then
      local live = tonumber(redis.call('GET', KEYS[4]) or '0')
      if live > now then return {live - now, 'all'} end
    end
    local perWindow = tonumber(ARGV[2])
    local windowMs = tonumber(ARGV[3])
    redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - windowMs)
    local count = redis.call('ZCARD', KEYS[1])
    if count >= perWindow then
      local oldest = redis.call('ZRANGE', KEYS[1], count - perWindow, count - perWindow, 'WITHSCORES')
      local wait = tonumber(oldest[2]) + windowMs - now + 1
      if lane == 'live' then
        local untilMs = now + wait + tonumber(ARGV[7])
        local current = tonumber(redis.call('GET', KEYS[4]) or '0')
        if untilMs > current then redis.call('SET', KEYS[4], untilMs, 'PX', wait + tonumber(ARGV[7])) end
      end
      return {wait, 'all'}
    end
    local bulkBurst = tonumber(ARGV[8])
    if lane == 'bulk' and count >= bulkBurst then
      local recent = redis.call('ZRANGE', KEYS[1], count - bulkBurst, count - bulkBurst, 'WITHSCORES')
      local wait = math.ceil(tonumber(recent[2]) + tonumber(ARGV[9]) - now)
      if wait > 0 then return {wait, 'all'} end
    end
    local rate = tonumber(ARGV[4])
    local burst = tonumber(ARGV[5])
    local bucket = redis.call('HMGET', KEYS[2], 'tokens', 'at')
    local tokens = tonumber(bucket[1]) or burst
    local at = tonumber(bucket[2]) or now
    if now > at then
      tokens = math.min(burst, tokens + (now - at) * rate / 1000)
      at = now
    end
    if tokens < 1 and lane ~= 'live' then return {math.ceil((1 - tokens) * 1000 / rate), 'chat'} end
    redis.call('HSET', KEYS[2], 'tokens', tostring(tokens - 1), 'at', at)
    redis.call('PEXPIRE', KEYS[2], math.ceil((burst - tokens + 1) * 1000 / rate) + 1000)
    redis.call('ZADD', KEYS[1], now, ARGV[6])
    redis.call('PEXPIRE', KEYS[1], windowMs + 1000)
    return {0, 'taken'}`,
  parseCommand(parser, window: string, chat: string, hold: string, live: string, lane: SendLane, rates: SendRates, member: string) {
    parser.pushKeys([window, chat, hold, live]);
    parser.push(
      lane,
      String(rates.perWindow),
      String(rates.windowMs),
      String(rates.chatPerSecond),
      String(rates.chatBurst),
      member,
      String(LIVE_DEMAND_GRACE_MS),
      String(rates.bulkBurst),
      String(bulkSpanMs(rates)),
    );
  },
  transformReply: (reply: unknown): SendPermit => {
    const [waitMs, scope] = reply as [number, string];
    return waitMs <= 0 ? { taken: true } : { taken: false, waitMs, scope: scope as 'hold' | 'all' | 'chat' };
  },
});

/** KEYS: hold. ARGV: ms. Sets the hold unless a later one is set. */
const holdSends = defineScript({
  NUMBER_OF_KEYS: 1,
  SCRIPT: `
    local time = redis.call('TIME')
    local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
    local untilMs = now + tonumber(ARGV[1])
    if untilMs > tonumber(redis.call('GET', KEYS[1]) or '0') then redis.call('SET', KEYS[1], untilMs, 'PX', ARGV[1]) end
    return 1`,
  parseCommand(parser, hold: string, ms: number) {
    parser.pushKeys([hold]);
    parser.push(String(Math.max(1, Math.ceil(ms))));
  },
  transformReply: () => undefined,
});

export const sendLimitScripts = { takeSend, holdSends };

/**
 * The send limits in Redis, one script call per Bot API call. A bot's keys share the hash tag
 * `{send:<bot>}`, so the script runs on one slot (also on Redis Cluster).
 */
export class RedisSendLimits implements SendLimits {
  /** Tells this process's calls apart in the window's sorted set. */
  private readonly instance = randomBytes(4).toString('hex');
  private counter = 0;

  constructor(
    private readonly client: RedisClient,
    private readonly prefix: string,
  ) {}

  private base(bot: string): string {
    return `${this.prefix}{send:${bot}}:`;
  }

  take({ bot, chat, lane, rates }: { bot: string; chat: string; lane: SendLane; rates: SendRates }): Promise<SendPermit> {
    const base = this.base(bot);
    return this.client.takeSend(`${base}window`, `${base}chat:${chat}`, `${base}hold`, `${base}live`, lane, rates, `${this.instance}:${++this.counter}`);
  }

  async hold(bot: string, ms: number): Promise<void> {
    await this.client.holdSends(`${this.base(bot)}hold`, ms);
  }
}
