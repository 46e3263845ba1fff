import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Arrivals } from './wait';

/**
 * A Bot API server on 127.0.0.1 that grammY talks to over real HTTP (`apiRoot`). It queues the
 * updates a test injects for getUpdates, records every method call, and answers like Telegram.
 */
export interface ApiCall {
  method: string;
  params: Record<string, any>;
  /** When the request reached the fake (ms since the epoch): checks of the rate limits go by it. */
  at: number;
}

/** How the fake refuses a call: Telegram's error code and description, and retry_after for a 429. */
export interface ApiFailure {
  error_code: number;
  description: string;
  retry_after?: number;
}

export interface FakeTelegram {
  apiRoot: string;
  token: string;
  /** The calls answered with success (refused ones are in `refused`). */
  calls: ApiCall[];
  /** The calls answered with an error set up by `failNext`. */
  refused: ApiCall[];
  /** Answers the next `count` calls of `method` (to `chatId`, if given) with `failure` instead of success. */
  failNext(method: string, count: number, failure: ApiFailure, chatId?: number): void;
  /**
   * From now on answers each call of `method` with `failure` with probability `fraction`, drawn
   * from a generator seeded with `seed`: the same calls in the same order fail the same way.
   * `failNext` goes first; a fraction of 0 stops it.
   */
  failRandomly(method: string, fraction: number, failure: ApiFailure, seed?: number): void;
  /**
   * The next call of `method` is accepted (it is in `calls`) and answered only on `release()`:
   * never, for a message Telegram took while its sender died before hearing so. `arrived`
   * resolves with the call.
   */
  holdNext(method: string): { arrived: Promise<ApiCall>; release(): void };
  /** From now on answers every method call but getUpdates `ms` later (0: at once), as a slow or distant Telegram does. */
  setLatency(ms: number): void;
  /**
   * From now on refuses a message (sendMessage, sendDocument, editMessageText) that would make more
   * than `perSecond` accepted in any one second with a 429 and `retryAfter` (null: no limit), as
   * Telegram does to a bot that goes over its limit.
   */
  limitSends(perSecond: number | null, retryAfter?: number): void;
  /** Accepted messages (sendMessage, sendDocument, editMessageText) by the whole second they arrived in (ms since the epoch / 1000). */
  sendsPerSecond(): Map<number, number>;
  /** Queues a private-chat text message from a user. */
  sendText(chatId: number, text: string, languageCode?: string): void;
  /**
   * Queues a photo from a user, offered in a small and a large size (the content is the large
   * one's); served by getFile and the file download path. `statedSize` overrides the file_size
   * Telegram states (null: none stated).
   */
  sendPhoto(chatId: number, content: Buffer, options?: { languageCode?: string; statedSize?: number | null }): void;
  /** Queues a document from a user with its file name and the MIME type the client claims. */
  sendDocument(chatId: number, content: Buffer, fileName: string, mimeType: string, options?: { languageCode?: string; statedSize?: number | null }): void;
  /** The paths of the files downloaded through the file path, in order. */
  downloads: string[];
  /** Queues a press of an inline button with the given callback data. */
  pressButton(chatId: number, data: string, languageCode?: string): string;
  /** Resolves with the calls of `method` (to `chatId`, if given) once at least `count` of them were made after call number `since`. */
  waitFor(method: string, count?: number, since?: number, chatId?: number): Promise<ApiCall[]>;
  close(): Promise<void>;
}

/** The most `times` (ms) that fall within any window of `windowMs`: a sliding window, not fixed seconds. */
export function mostInAnyWindow(times: readonly number[], windowMs = 1000): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let end = 0, start = 0; end < sorted.length; end++) {
    while (sorted[end]! - sorted[start]! >= windowMs) start++;
    most = Math.max(most, end - start + 1);
  }
  return most;
}

/** mulberry32: a small seeded generator of numbers in [0, 1). */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const TEST_TOKEN = '123456:TEST-token-for-the-fake-bot-api-server';

/** The inline keyboard's buttons of a sendMessage/editMessageText call, in order. */
export function buttonsOf(call: ApiCall): { text: string; callback_data: string }[] {
  return (call.params.reply_markup?.inline_keyboard ?? []).flat();
}

/** The environment that points the product's Telegram channel at this fake Bot API. */
export function telegramEnv(telegram: FakeTelegram): Record<string, string> {
  return { TELEGRAM_BOT_TOKEN: telegram.token, TELEGRAM_API_ROOT: telegram.apiRoot };
}

export async function startFakeTelegram(): Promise<FakeTelegram> {
  const calls: ApiCall[] = [];
  const refused: ApiCall[] = [];
  const failures: { method: string; chatId?: number; left: number; failure: ApiFailure }[] = [];
  let random: { method: string; fraction: number; failure: ApiFailure; draw: () => number } | undefined;
  let hold: { method: string; arrived: (call: ApiCall) => void; answer?: () => void; released: boolean } | undefined;
  const updates: Record<string, unknown>[] = [];
  const arrivals = new Arrivals();
  let pendingPoll: ((updates: Record<string, unknown>[]) => void) | undefined;
  let updateId = 1000;
  let messageId = 1;
  /** Files users sent, by file_id: their path on the file server and content. */
  const files = new Map<string, { path: string; content: Buffer }>();
  const downloads: string[] = [];
  const offerFile = (content: Buffer, statedSize: number | null | undefined, extension: string) => {
    const id = `file-${files.size + 1}`;
    files.set(id, { path: `documents/${id}.${extension}`, content });
    const size = statedSize === undefined ? content.length : statedSize;
    return { file_id: id, file_unique_id: `u${id}`, ...(size !== null ? { file_size: size } : {}) };
  };
  const userMessage = (chatId: number, languageCode: string | undefined, body: Record<string, unknown>) => {
    updates.push({
      update_id: ++updateId,
      message: { message_id: messageId++, date: Math.floor(Date.now() / 1000), chat: { id: chatId, type: 'private', first_name: 'Айгүл' }, from: user(chatId, languageCode), ...body },
    });
    deliver();
  };

  const deliver = () => {
    if (pendingPoll && updates.length) {
      const poll = pendingPoll;
      pendingPoll = undefined;
      poll(updates.splice(0));
    }
  };
  const user = (chatId: number, languageCode?: string) => ({ id: chatId, is_bot: false, first_name: 'Айгүл', ...(languageCode ? { language_code: languageCode } : {}) });

  const readBody = async (request: IncomingMessage): Promise<Record<string, any>> => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    if (!raw) return {};
    if ((request.headers['content-type'] ?? '').includes('application/json')) return JSON.parse(raw);
    return { raw }; // multipart (documents): kept whole for the test to inspect
  };

  let latencyMs = 0;
  let sendLimit: { perSecond: number; retryAfter: number } | undefined;
  const isSend = (method: string) => method === 'sendMessage' || method === 'sendDocument' || method === 'editMessageText';

  const server: Server = createServer(async (request, response) => {
    const at = Date.now();
    const download = /^\/file\/bot([^/]+)\/(.+)$/.exec(request.url ?? '');
    if (download) {
      const file = download[1] === TEST_TOKEN ? [...files.values()].find((f) => f.path === download[2]) : undefined;
      if (!file) {
        response.writeHead(404).end();
        return;
      }
      downloads.push(file.path);
      response.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(file.content.length) });
      response.end(file.content);
      return;
    }
    const match = /^\/bot([^/]+)\/(\w+)$/.exec(request.url ?? '');
    const reply = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    // Recorded when it arrives, answered after the latency: what Telegram counts is the arrival.
    const answerLater = (send: () => void) => (latencyMs > 0 && match?.[2] !== 'getUpdates' ? void setTimeout(send, latencyMs) : send());
    if (!match || match[1] !== TEST_TOKEN) return reply(401, { ok: false, error_code: 401, description: 'Unauthorized' });
    const method = match[2]!;
    const params = await readBody(request);
    if (method === 'getUpdates') {
      const offset = Number(params.offset ?? 0);
      const ready = updates.filter((u) => Number(u.update_id) >= offset);
      updates.splice(0, updates.length, ...ready);
      if (updates.length) return reply(200, { ok: true, result: updates.splice(0) });
      const timeout = Math.min(Number(params.timeout ?? 0), 2) * 1000;
      const timer = setTimeout(() => {
        pendingPoll = undefined;
        reply(200, { ok: true, result: [] });
      }, timeout);
      pendingPoll = (result) => {
        clearTimeout(timer);
        reply(200, { ok: true, result });
      };
      return;
    }
    const overLimit =
      sendLimit !== undefined && isSend(method) && calls.filter((c) => isSend(c.method) && c.at > at - 1000).length >= sendLimit.perSecond
        ? { error_code: 429, description: `Too Many Requests: retry after ${sendLimit.retryAfter}`, retry_after: sendLimit.retryAfter }
        : undefined;
    const failing = failures.find((f) => f.left > 0 && f.method === method && (f.chatId === undefined || Number(params.chat_id) === f.chatId));
    if (failing) failing.left--;
    const failure = overLimit ?? failing?.failure ?? (random?.method === method && random.draw() < random.fraction ? random.failure : undefined);
    if (failure) {
      refused.push({ method, params, at });
      arrivals.notify();
      const { retry_after, ...error } = failure;
      return answerLater(() => reply(failure.error_code, { ok: false, ...error, ...(retry_after !== undefined ? { parameters: { retry_after } } : {}) }));
    }
    const call = { method, params, at };
    calls.push(call);
    arrivals.notify();
    const answer = () => {
      switch (method) {
        case 'getMe':
          return reply(200, {
            ok: true,
            result: { id: 42, is_bot: true, first_name: 'Көмекші', username: 'assistant_test_bot', can_join_groups: false, can_read_all_group_messages: false, supports_inline_queries: false },
          });
        case 'getFile': {
          const file = files.get(String(params.file_id));
          if (!file) return reply(400, { ok: false, error_code: 400, description: 'Bad Request: invalid file_id' });
          return reply(200, { ok: true, result: { file_id: params.file_id, file_unique_id: `u${params.file_id}`, file_size: file.content.length, file_path: file.path } });
        }
        case 'sendMessage':
        case 'sendDocument':
        case 'editMessageText':
          return reply(200, { ok: true, result: { message_id: messageId++, date: Math.floor(Date.now() / 1000), chat: { id: Number(params.chat_id), type: 'private' }, text: params.text ?? '' } });
        default:
          return reply(200, { ok: true, result: true });
      }
    };
    if (hold?.method === method) {
      const held = hold;
      hold = undefined;
      held.arrived(call);
      if (held.released) return answerLater(answer);
      held.answer = () => answerLater(answer);
      return;
    }
    return answerLater(answer);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    apiRoot: `http://127.0.0.1:${port}`,
    token: TEST_TOKEN,
    calls,
    refused,
    downloads,
    setLatency(ms) {
      latencyMs = ms;
    },
    limitSends(perSecond, retryAfter = 1) {
      sendLimit = perSecond === null ? undefined : { perSecond, retryAfter };
    },
    sendsPerSecond() {
      const counts = new Map<number, number>();
      for (const call of calls) if (isSend(call.method)) counts.set(Math.floor(call.at / 1000), (counts.get(Math.floor(call.at / 1000)) ?? 0) + 1);
      return counts;
    },
    sendPhoto(chatId, content, options = {}) {
      const small = offerFile(content.subarray(0, Math.min(content.length, 16)), undefined, 'jpg');
      const large = offerFile(content, options.statedSize, 'jpg');
      userMessage(chatId, options.languageCode, {
        photo: [
          { ...small, width: 90, height: 60 },
          { ...large, width: 1280, height: 853 },
        ],
      });
    },
    sendDocument(chatId, content, fileName, mimeType, options = {}) {
      userMessage(chatId, options.languageCode, { document: { ...offerFile(content, options.statedSize, 'bin'), file_name: fileName, mime_type: mimeType } });
    },
    failNext(method, count, failure, chatId) {
      failures.push({ method, left: count, failure, ...(chatId !== undefined ? { chatId } : {}) });
    },
    failRandomly(method, fraction, failure, seed = 1) {
      random = fraction > 0 ? { method, fraction, failure, draw: seeded(seed) } : undefined;
    },
    holdNext(method) {
      let arrived!: (call: ApiCall) => void;
      const promise = new Promise<ApiCall>((resolve) => (arrived = resolve));
      const held: NonNullable<typeof hold> = { method, arrived, released: false };
      hold = held;
      return {
        arrived: promise,
        release() {
          held.released = true;
          held.answer?.();
        },
      };
    },
    sendText(chatId, text, languageCode) {
      updates.push({
        update_id: ++updateId,
        message: { message_id: messageId++, date: Math.floor(Date.now() / 1000), chat: { id: chatId, type: 'private', first_name: 'Айгүл' }, from: user(chatId, languageCode), text },
      });
      deliver();
    },
    pressButton(chatId, data, languageCode) {
      const id = `cb${++updateId}`;
      updates.push({
        update_id: updateId,
        callback_query: {
          id,
          from: user(chatId, languageCode),
          chat_instance: 'ci',
          data,
          message: { message_id: messageId++, date: Math.floor(Date.now() / 1000), chat: { id: chatId, type: 'private' }, text: '…' },
        },
      });
      deliver();
      return id;
    },
    waitFor(method, count = 1, since = 0, chatId) {
      const matching = () => calls.slice(since).filter((c) => c.method === method && (chatId === undefined || Number(c.params.chat_id) === chatId));
      return arrivals.until(
        () => {
          const found = matching();
          return found.length >= count ? found : undefined;
        },
        () => `waiting for ${count} × ${method}; got ${JSON.stringify(calls.slice(since).map((c) => c.method))}`,
      );
    },
    close: () =>
      new Promise((resolve) => {
        pendingPoll?.([]);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The texts of the bot's next answer to a chat after call `since`: its messages up to the first with an inline keyboard. */
export async function answerTo(telegram: FakeTelegram, chat: number, since: number): Promise<string> {
  for (let count = 1; ; count++) {
    const sent = await telegram.waitFor('sendMessage', count, since, chat);
    const end = sent.findIndex((c) => buttonsOf(c).length > 0);
    if (end >= 0)
      return sent
        .slice(0, end + 1)
        .map((c) => String(c.params.text))
        .join('\n');
  }
}
