import { autoRetry } from '@grammyjs/auto-retry';
import { run, sequentialize, type RunnerHandle } from '@grammyjs/runner';
import { createHash } from 'node:crypto';
import { Api, Bot, InputFile, InlineKeyboard, webhookCallback, type Context } from 'grammy';
import { detectFileType, UNKNOWN_MIME } from '../../domain/file-type';
import { MAX_CHOICE_ID_BYTES, type Reply, type SentFile } from '../../flows/types';
import type { Files, Lang, Outbox } from '../../store/types';
import type { EngineEvent } from '../engine';
import type { FormFiles } from '../forms';
import type { SendControl, TelegramOutboxPayload, TelegramSend } from '../outbox';
import { classifyTelegramFailure } from '../telegram-failure';
import { isStoreUnavailable } from '../../store/unavailable';
import { failureText, runTurn, type TurnRunnerDeps } from './turns';

export interface TelegramOptions {
  token: string;
  apiRoot?: string;
  webhookUrl?: string;
  webhookSecret?: string;
  defaultLang: Lang;
  /** The largest attachment taken from a citizen (bytes); 10 MB when omitted. */
  fileMaxBytes?: number;
}

const DEFAULT_FILE_MAX_BYTES = 10 * 1024 * 1024;
const TELEGRAM_API_ROOT = 'https://api.telegram.org';

/** What a photo or document message offers to download. */
interface OfferedFile {
  fileId: string;
  /** The size Telegram states, when it does. */
  size?: number;
  /** The document's file name; a photo has none. */
  name?: string;
  /** What the sender's client claimed; only used to describe a file too large to download. */
  claimedMime: string;
}

/** The body of a download, refused as soon as it passes `max` bytes; null when too large. */
async function readWithin(response: Response, max: number): Promise<Buffer | null> {
  if (Number(response.headers.get('content-length') ?? 0) > max) {
    await response.body?.cancel();
    return null;
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  if (!response.body) return Buffer.alloc(0);
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return Buffer.concat(chunks);
    total += value.length;
    if (total > max) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
}

const EXTENSIONS: Readonly<Record<string, string>> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'application/pdf': 'pdf' };

const MESSAGE_MAX = 4096;

export function conversationIdForChat(chatId: number): string {
  return `tg-${chatId}`;
}

export function langFromTelegram(code: string | undefined): Lang | undefined {
  if (!code) return undefined;
  const base = code.slice(0, 2).toLowerCase();
  return base === 'kk' || base === 'ru' ? base : undefined;
}

/** Short labels share a row, long ones get their own, so every button stays readable on a phone. */
export function keyboardFor(choices: Reply['choices']): InlineKeyboard | undefined {
  if (!choices?.length) return undefined;
  const keyboard = new InlineKeyboard();
  let inRow = 0;
  for (const choice of choices) {
    const short = choice.label.length <= 18;
    if (inRow > 0 && (!short || inRow === 2)) {
      keyboard.row();
      inRow = 0;
    }
    keyboard.text(choice.label, choice.id);
    inRow++;
    if (!short) {
      keyboard.row();
      inRow = 0;
    }
  }
  return keyboard;
}

/** Splits a text at line breaks so that no part exceeds Telegram's message limit. */
export function splitMessage(text: string, max = MESSAGE_MAX): string[] {
  if (text.length <= max) return [text];
  const parts: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let cut = rest.lastIndexOf('\n', max);
    if (cut < max / 2) cut = max;
    parts.push(rest.slice(0, cut));
    rest = rest.slice(cut).replace(/^\n/, '');
  }
  if (rest) parts.push(rest);
  return parts;
}

export interface TelegramChannel {
  readonly mode: 'polling' | 'webhook';
  readonly bot: Bot;
  readonly webhookSecret: string;
  /** Handles a webhook request (Fastify's request and reply). */
  webhook(request: unknown, reply: unknown): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
  /**
   * Sends what the outbox holds for a chat: the one send path to Telegram, for answers in a turn,
   * operator messages and notifications alike (bot/outbox.ts drains it within the shared limits).
   * A 429 or a failure is thrown at once, not waited out here: the drainer holds the bot for
   * retry_after and tries again from the first reply not sent whole.
   */
  send(payload: TelegramSend, control: SendControl): Promise<void>;
}

/**
 * Updates are answered once the turn is stored and its replies are queued in the live lane of the
 * outbox, never after a Bot API call: a slow Telegram does not hold the webhook up, and every
 * message goes under the limits all instances share. A reply could ride on the webhook's answer
 * (Telegram takes one method call in the response body), but Telegram says nothing back about it:
 * no 429 to hold the bot by, no sign that it arrived, and it would pass the shared limits. Only
 * answerCallbackQuery, which stops a pressed button spinning and is no message, rides on it.
 */
export function createTelegramChannel(options: TelegramOptions, deps: TurnRunnerDeps & { forms: FormFiles; files: Files; outbox: Outbox }): TelegramChannel {
  const bot = new Bot(options.token, { client: { ...(options.apiRoot ? { apiRoot: options.apiRoot } : {}), canUseWebhookReply: (method) => method === 'answerCallbackQuery' } });
  // Calls within an update (getFile, answerCallbackQuery) wait out a 429; the outbox's sends go
  // through an Api without the plugin, so that the drainer hears of the 429.
  bot.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 30 }));
  const outboxApi = new Api(options.token, options.apiRoot ? { apiRoot: options.apiRoot } : undefined);
  const webhookSecret = options.webhookSecret ?? createHash('sha256').update(`webhook:${options.token}`).digest('base64url').slice(0, 48);

  /** Sends replies; a reply that `replace`s is edited into the message whose button was pressed. */
  const send = async ({ chatId, replies, editMessageId }: TelegramSend, control: SendControl) => {
    for (let index = control.from; index < replies.length; index++) {
      const reply = replies[index]!;
      if (reply.replace && editMessageId !== undefined && reply.text.length <= MESSAGE_MAX) {
        const keyboard = keyboardFor(reply.choices);
        await control.beforeCall();
        const edited = await outboxApi.editMessageText(chatId, editMessageId, reply.text, keyboard ? { reply_markup: keyboard } : {}).then(
          () => true,
          (error: unknown) => {
            // Too old to edit, or unchanged: sent as a new message instead; a 429 or an outage is the drainer's.
            if (classifyTelegramFailure(error).kind !== 'permanent') throw error;
            return false;
          },
        );
        if (edited) {
          control.sent(index);
          continue;
        }
      }
      if (reply.attachment) {
        const pdf = await deps.forms.render(conversationIdForChat(chatId), reply.attachment.formId);
        if (pdf) {
          await control.beforeCall();
          await outboxApi.sendDocument(chatId, new InputFile(pdf, reply.attachment.fileName));
        }
      }
      const parts = splitMessage(reply.author ? `${reply.author}: ${reply.text}` : reply.text);
      for (const [part, text] of parts.entries()) {
        const keyboard = part === parts.length - 1 ? keyboardFor(reply.choices) : undefined;
        await control.beforeCall();
        await outboxApi.sendMessage(chatId, text, keyboard ? { reply_markup: keyboard } : {});
      }
      control.sent(index);
    }
  };

  /** Queues replies to a chat in the live lane; `key` makes a second queuing of the same ones a no-op. */
  const queue = async (chatId: number, replies: readonly Reply[], key: string, editMessageId?: number) => {
    if (replies.length === 0) return;
    const payload: TelegramOutboxPayload = { chatId, replies: [...replies], ...(editMessageId !== undefined ? { editMessageId } : {}) };
    await deps.outbox.add({ key, chat: String(chatId), payload });
  };

  const handle = async (ctx: Context, event: EngineEvent) => {
    const chatId = ctx.chat!.id;
    const langHint = langFromTelegram(ctx.from?.language_code);
    const turn = await runTurn(
      deps,
      {
        conversationId: conversationIdForChat(chatId),
        channel: 'telegram',
        event,
        // Telegram sends an update again when it is not sure it arrived: the engine handles it once.
        eventId: `tg:${ctx.update.update_id}`,
        // Writing again means the bot is no longer blocked there.
        address: { telegramChatId: chatId, blocked: false },
        ...(langHint ? { langHint } : {}),
      },
      langHint ?? options.defaultLang,
    );
    try {
      await queue(chatId, turn.replies, `turn:${ctx.update.update_id}`, ctx.callbackQuery?.message?.message_id);
    } catch (error) {
      if (!isStoreUnavailable(error)) throw error;
      // The outbox lives in the store: with the store out of reach the citizen is told directly that it is unavailable.
      await bot.api.sendMessage(chatId, failureText(deps.texts, turn.lang, error));
    }
  };

  const fileMaxBytes = options.fileMaxBytes ?? DEFAULT_FILE_MAX_BYTES;
  /**
   * A photo or document: downloaded through getFile when within the limit, its type found in its
   * content, stored under the conversation and handed to the engine as a file event. One over the
   * limit is not downloaded; the engine gets its stated size so the flow refuses it in its words.
   * Content of an unknown type gets application/octet-stream, which no flow accepts.
   */
  const receiveFile = async (ctx: Context, offered: OfferedFile) => {
    const chatId = ctx.chat!.id;
    const conversationId = conversationIdForChat(chatId);
    let file: SentFile;
    if (offered.size !== undefined && offered.size > fileMaxBytes) {
      file = { id: '', name: offered.name ?? 'photo.jpg', mime: offered.claimedMime, size: offered.size };
    } else {
      let bytes: Buffer | null;
      try {
        const { file_path: path } = await bot.api.getFile(offered.fileId);
        if (!path) throw new Error('getFile gave no file_path');
        const response = await fetch(`${options.apiRoot ?? TELEGRAM_API_ROOT}/file/bot${options.token}/${path}`, { signal: AbortSignal.timeout(30_000) });
        if (!response.ok) throw new Error(`file download answered ${response.status}`);
        bytes = await readWithin(response, fileMaxBytes);
      } catch (error) {
        // The message only: a download URL carries the bot's token.
        deps.metrics.errors.inc({ where: 'telegram_file' });
        deps.log.error({ err: { message: error instanceof Error ? error.message.replace(options.token, '…') : 'unknown' }, conversationId }, 'telegram file download failed');
        const lang = langFromTelegram(ctx.from?.language_code) ?? options.defaultLang;
        await queue(chatId, [{ text: deps.texts.t(lang, 'common:errors.internal'), from: 'system' }], `turn:${ctx.update.update_id}`);
        return;
      }
      if (bytes === null) {
        file = { id: '', name: offered.name ?? 'photo.jpg', mime: offered.claimedMime, size: Math.max(offered.size ?? 0, fileMaxBytes + 1) };
      } else {
        const mime = detectFileType(bytes) ?? UNKNOWN_MIME;
        const name = offered.name ?? `photo.${EXTENSIONS[mime] ?? 'bin'}`;
        const stored = await deps.files.put(bytes, { name, mime, owner: conversationId });
        file = { id: stored.id, name, mime, size: stored.size };
      }
    }
    await handle(ctx, { type: 'file', file });
  };

  // Updates of one chat are handled in order; different chats run concurrently.
  bot.use(sequentialize((ctx: Context) => ctx.chat?.id.toString()));
  bot.on('message:text', (ctx) => handle(ctx, { type: 'text', text: ctx.message.text }));
  bot.on('callback_query:data', async (ctx) => {
    const data = ctx.callbackQuery.data;
    // A forged or stale id is judged by the engine.
    if (ctx.chat) await handle(ctx, { type: 'choice', id: Buffer.byteLength(data) <= MAX_CHOICE_ID_BYTES ? data : data.slice(0, MAX_CHOICE_ID_BYTES) });
    // Always answered, so the button stops spinning; only after the turn is stored, because on a
    // webhook this answer is the response that tells Telegram the update arrived.
    await ctx.answerCallbackQuery().catch(() => undefined);
  });
  bot.on('message:photo', (ctx) => {
    // Telegram offers several sizes of a photo, the largest last.
    const largest = ctx.message.photo.reduce((best, size) => (size.width * size.height > best.width * best.height ? size : best));
    return receiveFile(ctx, { fileId: largest.file_id, ...(largest.file_size !== undefined ? { size: largest.file_size } : {}), claimedMime: 'image/jpeg' });
  });
  bot.on('message:document', (ctx) => {
    const document = ctx.message.document;
    return receiveFile(ctx, {
      fileId: document.file_id,
      ...(document.file_size !== undefined ? { size: document.file_size } : {}),
      name: (document.file_name ?? 'file').slice(0, 200),
      claimedMime: document.mime_type ?? UNKNOWN_MIME,
    });
  });
  // Stickers, voice: the bot understands text, buttons and files, and says so through the engine.
  bot.on('message', (ctx) => handle(ctx, { type: 'text', text: '' }));
  bot.catch((error) => {
    deps.metrics.errors.inc({ where: 'telegram' });
    deps.log.error({ err: error.error, updateId: error.ctx.update.update_id }, 'telegram update failed');
  });

  let runner: RunnerHandle | undefined;
  const mode = options.webhookUrl ? 'webhook' : 'polling';
  const callback = mode === 'webhook' ? webhookCallback(bot, 'fastify', { secretToken: webhookSecret }) : undefined;

  return {
    mode,
    bot,
    webhookSecret,
    webhook: async (request, reply) => {
      await (callback as (req: unknown, rep: unknown) => Promise<void>)(request, reply);
    },
    async start() {
      await bot.init();
      if (mode === 'webhook') {
        await bot.api.setWebhook(options.webhookUrl!, { secret_token: webhookSecret, allowed_updates: ['message', 'callback_query'] });
      } else {
        await bot.api.deleteWebhook();
        runner = run(bot, { runner: { fetch: { allowed_updates: ['message', 'callback_query'] } } });
      }
    },
    async stop() {
      if (runner?.isRunning()) await runner.stop();
    },
    send,
  };
}
