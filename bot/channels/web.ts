import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { WebSocket } from 'ws';
import { z } from 'zod';
import type { Reply } from '../../flows/types';
import type { ConversationStore, Files, Lang, TranscriptEntry } from '../../store/types';
import type { EngineEvent } from '../engine';
import type { FormFiles } from '../forms';
import { runTurn, type TurnRunnerDeps } from './turns';

/** Frames of the widget WebSocket (DESIGN.md §6). */
const FrameId = z.string().min(1).max(64).optional();
const ClientFrame = z.discriminatedUnion('type', [
  z.object({ type: z.literal('hello'), lang: z.enum(['kk', 'ru']).optional(), token: z.string().max(200).optional(), lastSeen: z.number().int().min(0).optional() }),
  // The widget's own id of the frame (`id` on text frames; `frameId` on choice frames, whose `id` is
  // the button's): a frame sent again with the same id is handled once.
  z.object({ type: z.literal('text'), text: z.string().max(20_000), id: FrameId, frameId: FrameId }),
  z.object({ type: z.literal('choice'), id: z.string().min(1).max(64), frameId: FrameId }),
  // A file uploaded to POST /api/chat/files with this session's token, by the id it answered.
  z.object({ type: z.literal('file'), id: z.string().min(1).max(64) }),
]);

export type ServerFrame =
  | { type: 'session'; token: string; conversationId: string }
  | {
      type: 'message';
      id: string;
      from: 'bot' | 'operator' | 'system';
      /** The operator's first name, on operator messages. */
      author?: string;
      text: string;
      choices?: { id: string; label: string }[];
      attachment?: { fileName: string; url: string };
      at: string;
      /** The conversation's language after this message, so the widget's own labels can follow a switch. */
      lang: Lang;
      /** The message's number in the transcript: the widget tells the server the last one it showed. */
      seq?: number;
      /** The longest answer the question takes: the widget shows a counter and stops there. */
      inputLimit?: number;
    }
  | { type: 'error'; code: string; message: string }
  /**
   * Sent once after a resuming hello, oldest first: what the widget missed since the `lastSeen` it
   * gave, or the conversation so far for a fresh page.
   */
  | { type: 'history'; messages: HistoryMessage[] };

interface HistoryMessage {
  from: TranscriptEntry['from'];
  text: string;
  at: string;
  seq?: number;
  author?: string;
  attachment?: { fileName: string; url: string };
}

const TOKEN = /^[A-Za-z0-9_-]{32,64}$/;
/** Frames a socket may send per window before it is asked to slow down. */
const FRAMES_PER_WINDOW = 20;
const WINDOW_MS = 10_000;

/** Whether a string has the form of a widget session token. */
export function isSessionToken(token: string): boolean {
  return TOKEN.test(token);
}

export function conversationIdForToken(token: string): string {
  return `web-${createHash('sha256').update(token).digest('base64url').slice(0, 22)}`;
}

/** A reply as a widget frame; an attachment becomes a download link made by `link`. */
export function messageFrame(reply: Reply, options: { lang: Lang; link?: (attachment: NonNullable<Reply['attachment']>) => string; at?: Date }): ServerFrame {
  const { lang, link, at = new Date() } = options;
  return {
    type: 'message',
    id: randomUUID(),
    from: reply.from ?? 'bot',
    ...(reply.author ? { author: reply.author } : {}),
    text: reply.text,
    ...(reply.choices?.length ? { choices: reply.choices } : {}),
    ...(reply.attachment && link ? { attachment: { fileName: reply.attachment.fileName, url: link(reply.attachment) } } : {}),
    at: at.toISOString(),
    lang,
    ...(reply.seq !== undefined ? { seq: reply.seq } : {}),
    ...(reply.inputLimit ? { inputLimit: reply.inputLimit } : {}),
  };
}

/** Transcript entries as the widget shows them again; a form's link is signed anew. */
export function historyMessages(entries: readonly TranscriptEntry[], conversationId: string, forms: FormFiles): HistoryMessage[] {
  return entries.map((entry) => ({
    from: entry.from,
    text: entry.text,
    at: entry.at,
    ...(entry.seq !== undefined ? { seq: entry.seq } : {}),
    ...(entry.author ? { author: entry.author } : {}),
    ...(entry.attachment ? { attachment: { fileName: entry.attachment.fileName, url: forms.link(conversationId, entry.attachment.formId) } } : {}),
  }));
}

/** A conversation's replies as widget frames; attachments become signed download links. */
export function messageFrames(replies: readonly Reply[], conversation: { id: string; lang: Lang }, forms: FormFiles): ServerFrame[] {
  const link = (attachment: NonNullable<Reply['attachment']>) => forms.link(conversation.id, attachment.formId);
  return replies.map((reply) => messageFrame(reply, { link, lang: conversation.lang }));
}

/** The sockets open in this process for each widget conversation (several tabs share one token). */
export class WebSocketHub {
  private readonly sockets = new Map<string, Set<WebSocket>>();

  add(conversationId: string, socket: WebSocket): void {
    const set = this.sockets.get(conversationId) ?? new Set();
    set.add(socket);
    this.sockets.set(conversationId, set);
  }

  remove(conversationId: string, socket: WebSocket): void {
    const set = this.sockets.get(conversationId);
    set?.delete(socket);
    if (set?.size === 0) this.sockets.delete(conversationId);
  }

  /** Sends frames to every open socket of the conversation; returns how many sockets got them. */
  send(conversationId: string, frames: readonly ServerFrame[]): number {
    const set = this.sockets.get(conversationId);
    if (!set) return 0;
    for (const socket of set) for (const frame of frames) sendFrame(socket, frame);
    return set.size;
  }

  get connections(): number {
    let count = 0;
    for (const set of this.sockets.values()) count += set.size;
    return count;
  }
}

function sendFrame(socket: WebSocket, frame: ServerFrame): void {
  if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(frame));
}

export interface WebChannelDeps extends TurnRunnerDeps {
  hub: WebSocketHub;
  defaultLang: Lang;
  forms: FormFiles;
  /** Where a resumed conversation's transcript is read from. */
  conversations: Pick<ConversationStore, 'transcript'>;
  /** Where uploaded attachments are looked up when the widget sends one. */
  files: Pick<Files, 'get'>;
}

/** Messages of the conversation so far that a reloaded widget shows. */
const HISTORY_LENGTH = 40;
/** Missed messages sent to a widget that reconnects; one away longer gets the most recent ones. */
const CATCH_UP_LENGTH = 200;

/**
 * What a resuming widget has not shown: the entries after `lastSeen`, or for a fresh page (no
 * `lastSeen`) the most recent part of the conversation.
 */
async function missedEntries(conversations: Pick<ConversationStore, 'transcript'>, conversationId: string, lastSeen: number | undefined): Promise<TranscriptEntry[]> {
  if (lastSeen === undefined) return conversations.transcript(conversationId, HISTORY_LENGTH);
  const recent = await conversations.transcript(conversationId, CATCH_UP_LENGTH);
  return recent.filter((entry) => entry.seq !== undefined && entry.seq > lastSeen);
}

/** Drives the engine from one widget socket: hello first, then text and choice frames. */
export function attachWebSocket(socket: WebSocket, deps: WebChannelDeps): void {
  const { hub, texts } = deps;
  let session: { conversationId: string; lang: Lang } | undefined;
  let windowStart = Date.now();
  let framesInWindow = 0;
  let pending = Promise.resolve();

  const error = (code: string, key: string) => sendFrame(socket, { type: 'error', code, message: texts.t(session?.lang ?? deps.defaultLang, key) });

  const turn = async (event: EngineEvent, options: { langHint?: Lang | undefined; frameId?: string | undefined } = {}) => {
    const { conversationId } = session!;
    const { langHint, frameId } = options;
    const inbound = { conversationId, channel: 'web' as const, event, ...(langHint ? { langHint } : {}), ...(frameId ? { eventId: `web:${frameId}` } : {}) };
    const result = await runTurn(deps, inbound, session!.lang);
    session!.lang = result.lang;
    hub.send(conversationId, messageFrames(result.replies, { id: conversationId, lang: result.lang }, deps.forms));
  };

  const onFrame = async (raw: string) => {
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      return error('bad_frame', 'common:errors.bad_frame');
    }
    const parsed = ClientFrame.safeParse(json);
    if (!parsed.success) return error('bad_frame', 'common:errors.bad_frame');
    const frame = parsed.data;
    if (frame.type === 'hello') {
      if (session) return; // one hello per socket; a repeated one changes nothing
      const resumed = frame.token !== undefined && TOKEN.test(frame.token);
      const token = resumed ? frame.token! : randomBytes(32).toString('base64url');
      session = { conversationId: conversationIdForToken(token), lang: frame.lang ?? deps.defaultLang };
      hub.add(session.conversationId, socket);
      sendFrame(socket, { type: 'session', token, conversationId: session.conversationId });
      if (resumed) {
        const missed = await missedEntries(deps.conversations, session.conversationId, frame.lastSeen);
        if (missed.length > 0) sendFrame(socket, { type: 'history', messages: historyMessages(missed, session.conversationId, deps.forms) });
      }
      return turn({ type: resumed ? 'resume' : 'start' }, { langHint: frame.lang });
    }
    if (!session) return error('hello_first', 'common:errors.hello_first');
    if (frame.type === 'text') return turn({ type: 'text', text: frame.text }, { frameId: frame.id ?? frame.frameId });
    if (frame.type === 'file') {
      // Only a file uploaded in this conversation; another's is answered as unknown.
      const file = await deps.files.get(frame.id);
      if (!file || file.owner !== session.conversationId) return error('file_unknown', 'common:errors.bad_frame');
      return turn({ type: 'file', file: { id: frame.id, name: file.name, mime: file.mime, size: file.size } }, { frameId: `file:${frame.id}` });
    }
    return turn({ type: 'choice', id: frame.id }, { frameId: frame.frameId });
  };

  socket.on('message', (data, isBinary) => {
    const now = Date.now();
    if (now - windowStart > WINDOW_MS) {
      windowStart = now;
      framesInWindow = 0;
    }
    if (++framesInWindow > FRAMES_PER_WINDOW) return error('rate_limited', 'common:errors.rate_limited');
    if (isBinary) return error('bad_frame', 'common:errors.bad_frame');
    const raw = Array.isArray(data) ? Buffer.concat(data).toString('utf8') : Buffer.from(data as ArrayBuffer).toString('utf8');
    // Frames of one socket are handled in order, as the citizen sent them.
    pending = pending.then(() => onFrame(raw)).catch((err: unknown) => deps.log.error({ err }, 'widget frame failed'));
  });
  socket.on('close', () => {
    if (session) hub.remove(session.conversationId, socket);
  });
}
