import { hash, randomBytes, randomUUID } from 'node:crypto';
import type { WebSocket } from 'ws';
import { z } from 'zod';
import { findForm } from '../../flows/forms';
import { type ChecklistView, MAX_CHOICE_ID_BYTES, type Reply } from '../../flows/types';
import type { Collection, ConversationStore, Files, Lang, TranscriptEntry } from '../../store/types';
import type { ConversationNumbers } from '../conversation-numbers';
import type { EngineEvent } from '../engine';
import type { FormFiles } from '../forms';
import { TokenBucket } from '../token-bucket';
import { isStoreUnavailable } from '../../store/unavailable';
import { failureText, runTurn, type TurnRunnerDeps } from './turns';

/** Frames of the widget WebSocket (DESIGN.md §6). */
const FrameId = z.string().min(1).max(64).optional();
const ClientFrame = z.discriminatedUnion('type', [
  z.object({ type: z.literal('hello'), lang: z.enum(['kk', 'ru']).optional(), token: z.string().max(200).optional(), lastSeen: z.number().int().min(0).optional() }),
  // The widget's own id of the frame (`id` on text frames; `frameId` on choice frames, whose `id` is
  // the button's): a frame sent again with the same id is handled once.
  z.object({ type: z.literal('text'), text: z.string().max(20_000), id: FrameId, frameId: FrameId }),
  z.object({ type: z.literal('choice'), id: z.string().min(1).max(MAX_CHOICE_ID_BYTES), frameId: FrameId }),
  // A file uploaded to POST /api/chat/files with this session's token, by the id it answered.
  z.object({ type: z.literal('file'), id: z.string().min(1).max(64) }),
  // The citizen ends the conversation on this device: the token is refused from then on.
  z.object({ type: z.literal('end') }),
]);

export type ServerFrame =
  /**
   * `fileMaxBytes`: the largest attachment the upload takes, for the widget to say before a file is chosen.
   * `number`: the conversation's number (C-2026-004821), whose sequence the citizen reads out to 1414.
   */
  | { type: 'session'; token: string; conversationId: string; number?: string; fileMaxBytes?: number }
  | {
      type: 'message';
      id: string;
      from: 'bot' | 'operator' | 'system';
      /** The operator's first name, on operator messages. */
      author?: string;
      text: string;
      choices?: { id: string; label: string }[];
      attachment?: WidgetAttachment;
      at: string;
      /** The conversation's language after this message, so the widget's own labels can follow a switch. */
      lang: Lang;
      /** The message's number in the transcript: the widget tells the server the last one it showed. */
      seq?: number;
      /** The longest answer the question takes: the widget shows a counter and stops there. */
      inputLimit?: number;
      /** An updated version of the message whose button was pressed: the widget shows it in that message's place. */
      replace?: true;
      /** The document list of the text as checkboxes to tick (their choice ids are `choiceId`). */
      checklist?: ChecklistView;
    }
  | { type: 'error'; code: string; message: string }
  /**
   * The bot is answering, or (`from: 'operator'`, with the operator's first name) an operator is
   * writing: the widget shows that someone is writing until the next message.
   */
  | { type: 'typing'; from?: 'operator'; author?: string }
  /** The conversation was ended on this device: every tab with its token forgets it. */
  | { type: 'ended' }
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
  attachment?: WidgetAttachment;
  /** An updated version of the bot message before it: shown in its place. */
  replace?: true;
}

/** A file a message links to; `title` names it for the citizen ("Заявление … (PDF)"). */
interface WidgetAttachment {
  fileName: string;
  url: string;
  title?: string;
}

/** What a form's download is called in the conversation's language. */
function attachmentOf(attachment: { formId: string; fileName: string }, url: string, lang: Lang): WidgetAttachment {
  const form = findForm(attachment.formId);
  return { fileName: attachment.fileName, url, ...(form ? { title: `${form.title[lang]} (PDF)` } : {}) };
}

const TOKEN = /^[A-Za-z0-9_-]{32,64}$/;
/**
 * Frames a socket may send: a burst of 20, then 3 a second, so a citizen clicking three times a
 * second is always served and a flood is refused after the burst.
 */
const FRAME_BURST = 20;
const FRAMES_PER_SECOND = 3;
/** How long a socket may stay open without saying hello, unless WS_HELLO_TIMEOUT_SECONDS says otherwise. */
const HELLO_TIMEOUT_MS = 10_000;

/** Whether a string has the form of a widget session token. */
export function isSessionToken(token: string): boolean {
  return TOKEN.test(token);
}

export function conversationIdForToken(token: string): string {
  return `web-${hash('sha256', token, 'base64url').slice(0, 22)}`;
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
    // The widget shows a button's id and label; what the bot reads typed answers by stays with it.
    ...(reply.choices?.length ? { choices: reply.choices.map(({ id, label }) => ({ id, label })) } : {}),
    ...(reply.attachment && link ? { attachment: attachmentOf(reply.attachment, link(reply.attachment), lang) } : {}),
    at: at.toISOString(),
    lang,
    ...(reply.seq !== undefined ? { seq: reply.seq } : {}),
    ...(reply.inputLimit ? { inputLimit: reply.inputLimit } : {}),
    ...(reply.replace ? { replace: true as const } : {}),
    ...(reply.checklist ? { checklist: reply.checklist } : {}),
  };
}

/** An operator (by first name) is writing to the citizen: the widget says so until the message comes. */
export function operatorTyping(author: string): ServerFrame {
  return { type: 'typing', from: 'operator', author };
}

/** Transcript entries as the widget shows them again; a form's link is signed anew. */
export function historyMessages(entries: readonly TranscriptEntry[], conversationId: string, forms: FormFiles, lang: Lang): HistoryMessage[] {
  // A pressed button whose answer replaced its message (a tick) is not shown again: the updated message is.
  const shown = entries.filter((entry, i) => !(entry.from === 'citizen' && entries[i + 1]?.replaces));
  return shown.map((entry) => ({
    from: entry.from,
    text: entry.text,
    at: entry.at,
    ...(entry.seq !== undefined ? { seq: entry.seq } : {}),
    ...(entry.author ? { author: entry.author } : {}),
    ...(entry.attachment ? { attachment: attachmentOf(entry.attachment, forms.link(conversationId, entry.attachment.formId), lang) } : {}),
    ...(entry.replaces ? { replace: true as const } : {}),
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
  /** Gives the conversation its number, told in the session frame. */
  numbers?: Pick<ConversationNumbers, 'assign'>;
  /** Where uploaded attachments are looked up when the widget sends one. */
  files: Pick<Files, 'get'>;
  /** Conversations ended on the citizen's device, by conversation id: their token resumes nothing. */
  endedSessions: EndedSessions;
  /** FILE_MAX_BYTES, told to the widget in the session frame. */
  fileMaxBytes?: number;
  /** A socket silent this long after opening (no hello) is closed with 1008. */
  helloTimeoutMs?: number;
}

export type EndedSessions = Pick<Collection<{ endedAt: string }>, 'get' | 'put'>;

/** The collection of ended widget conversations (shared by the socket and the file routes). */
export const ENDED_SESSIONS = 'web-ended-sessions';

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
  const frames = new TokenBucket(FRAMES_PER_SECOND, FRAME_BURST);
  let pending = Promise.resolve();
  // A socket that never says hello would hold a place under the per-address cap for nothing.
  const helloTimer = setTimeout(() => {
    if (!session) socket.close(1008, 'hello expected');
  }, deps.helloTimeoutMs ?? HELLO_TIMEOUT_MS);

  const error = (code: string, key: string) => sendFrame(socket, { type: 'error', code, message: texts.t(session?.lang ?? deps.defaultLang, key) });
  /** A frame that is not one of the protocol's: the widget is told, the log notes it below error level (it is the client's fault). */
  const refuse = (why: string) => {
    deps.log.debug({ why }, 'widget frame refused');
    error('bad_frame', 'common:errors.bad_frame');
  };

  const turn = async (event: EngineEvent, options: { langHint?: Lang | undefined; frameId?: string | undefined } = {}) => {
    const { conversationId } = session!;
    const { langHint, frameId } = options;
    const inbound = { conversationId, channel: 'web' as const, event, ...(langHint ? { langHint } : {}), ...(frameId ? { eventId: `web:${frameId}` } : {}) };
    // Said for each frame the citizen sent, in order: the widget also reads it as "frame taken".
    if (event.type !== 'resume' && event.type !== 'start') hub.send(conversationId, [{ type: 'typing' }]);
    const result = await runTurn(deps, inbound, session!.lang);
    session!.lang = result.lang;
    hub.send(conversationId, messageFrames(result.replies, { id: conversationId, lang: result.lang }, deps.forms));
  };

  /** Forgets the conversation on the citizen's side: its token is refused from now on and every tab holding it is told. */
  const end = async (conversationId: string) => {
    await deps.endedSessions.put(conversationId, { endedAt: new Date().toISOString() });
    hub.send(conversationId, [{ type: 'ended' }]);
    hub.remove(conversationId, socket);
    session = undefined; // the socket may say hello again for a new conversation
  };

  const onFrame = async (raw: string) => {
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      return refuse('not_json');
    }
    const parsed = ClientFrame.safeParse(json);
    if (!parsed.success) return refuse('not_a_frame');
    const frame = parsed.data;
    if (frame.type === 'hello') {
      if (session) return; // one hello per socket; a repeated one changes nothing
      clearTimeout(helloTimer);
      const ended = frame.token !== undefined && TOKEN.test(frame.token) && (await deps.endedSessions.get(conversationIdForToken(frame.token))) !== null;
      // A token of an ended conversation is refused: the page gets a new, empty conversation.
      if (ended) error('session_ended', 'common:errors.session_ended');
      const resumed = !ended && frame.token !== undefined && TOKEN.test(frame.token);
      const token = resumed ? frame.token! : randomBytes(32).toString('base64url');
      session = { conversationId: conversationIdForToken(token), lang: frame.lang ?? deps.defaultLang };
      hub.add(session.conversationId, socket);
      // Without its number (the store failed just then) the session still starts: the token is what must not be lost.
      const number = await deps.numbers?.assign(session.conversationId).catch((err: unknown) => {
        deps.log.warn({ err: { message: err instanceof Error ? err.message : String(err) } }, 'conversation number not given');
        return undefined;
      });
      sendFrame(socket, { type: 'session', token, conversationId: session.conversationId, ...(number ? { number } : {}), ...(deps.fileMaxBytes ? { fileMaxBytes: deps.fileMaxBytes } : {}) });
      if (resumed) {
        const missed = await missedEntries(deps.conversations, session.conversationId, frame.lastSeen);
        if (missed.length > 0) sendFrame(socket, { type: 'history', messages: historyMessages(missed, session.conversationId, deps.forms, session.lang) });
      }
      return turn({ type: resumed ? 'resume' : 'start' }, { langHint: frame.lang });
    }
    if (!session) return error('hello_first', 'common:errors.hello_first');
    if (frame.type === 'end') return end(session.conversationId);
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
    if (!frames.take()) return error('rate_limited', 'common:errors.rate_limited');
    if (isBinary) return refuse('binary');
    const raw = Array.isArray(data) ? Buffer.concat(data).toString('utf8') : Buffer.from(data as ArrayBuffer).toString('utf8');
    // Frames of one socket are handled in order, as the citizen sent them.
    pending = pending
      .then(() => onFrame(raw))
      .catch((err: unknown) => {
        deps.log.error({ err }, 'widget frame failed');
        sendFrame(socket, { type: 'error', code: isStoreUnavailable(err) ? 'unavailable' : 'internal', message: failureText(texts, session?.lang ?? deps.defaultLang, err) });
      });
  });
  // A frame the protocol layer could not read (too large, broken): the socket closes; nothing to alarm anyone.
  socket.on('error', (err) => deps.log.warn({ err: { message: err.message } }, 'widget socket error'));
  socket.on('close', () => {
    clearTimeout(helloTimer);
    if (session) hub.remove(session.conversationId, socket);
  });
}
