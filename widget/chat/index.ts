/**
 * The chat widget: one script tag on any page (`<script src="https://HOST/widget.js" data-lang="kk" async>`)
 * adds a launcher and a chat panel, or shows the chat inline in `#citizen-assistant` (or `data-target`).
 * It lives in a shadow root, speaks the /ws/chat protocol, and offers a small API as
 * `window.CitizenAssistant`: open(), close(), setLanguage('kk'|'ru'), on('open'|'close', listener).
 */
import { Composer } from './composer';
import { Connection } from './connection';
import type { Choice, ServerFrame } from './frames';
import { MessageLog } from './messages';
import { readOptions } from './options';
import { Panel } from './panel';
import { stored } from './storage';
import { applyStyles } from './styles';
import { isLang, text, type Lang } from './texts';

type Listener = () => void;

function start(script: HTMLScriptElement | null): void {
  const options = readOptions(script);
  /** The page's language at first; then the conversation's, when the citizen switches it. */
  let lang: Lang = options.lang;
  /** Transcript numbers already shown (a live message may overtake the history frame, so the highest alone is not enough). */
  const shown = new Set<number>();
  let lastSeen = 0;
  const listeners = { open: new Set<Listener>(), close: new Set<Listener>() };

  const log = new MessageLog({ choose, lang: () => lang, server: options.server });
  const composer = new Composer({ say, attach });
  const panel = new Panel(options, { switchLang, end, toggled: (open) => emit(open ? 'open' : 'close') }, { log: log.element, composer: composer.element });

  const socketUrl = new URL('/ws/chat', options.server);
  socketUrl.protocol = socketUrl.protocol === 'https:' ? 'wss:' : 'ws:';
  const connection = new Connection(socketUrl, { frame: onFrame, online }, () => {
    const token = stored.token();
    return { lang, ...(token ? { token } : {}), ...(token && lastSeen > 0 ? { lastSeen } : {}) };
  });

  /** Whether a numbered message is new here, and if so marks it shown (a message is rendered once). */
  function firstSight(seq: number | undefined): boolean {
    if (seq === undefined) return true;
    if (shown.has(seq)) return false;
    shown.add(seq);
    lastSeen = Math.max(lastSeen, seq);
    return true;
  }

  function onFrame(frame: ServerFrame): void {
    if (frame.type === 'session') {
      stored.setToken(frame.token);
      // The sequence alone (004821 of C-2026-004821) is what the citizen reads out to 1414.
      panel.showNumber(frame.number?.slice(frame.number.lastIndexOf('-') + 1) ?? '');
      if (frame.fileMaxBytes) composer.setFileMax(frame.fileMaxBytes);
    } else if (frame.type === 'message') {
      useLang(frame.lang);
      if (frame.from === 'bot') composer.limitInput(frame.inputLimit);
      if (!firstSight(frame.seq)) return;
      log.add(frame, frame.replace ? { replace: 'pressed' } : {});
      panel.arrived(frame.checklist?.title ?? frame.text);
    } else if (frame.type === 'history') {
      // A fresh page gets the conversation so far; a reconnected one what it missed. Messages
      // without a number predate numbering and are shown on a fresh page only.
      const fresh = log.empty;
      for (const m of frame.messages) {
        if (m.seq === undefined ? !fresh : !firstSight(m.seq)) continue;
        // A pressed button is kept as "[label]"; it reads as the label.
        log.add({ ...m, text: m.from === 'citizen' ? m.text.replace(/^\[(.*)\]$/s, '$1') : m.text }, { earlier: fresh, ...(m.replace ? { replace: 'last-bot' as const } : {}) });
      }
    } else if (frame.type === 'typing') panel.showTyping(true, frame.from === 'operator' ? frame.author : undefined);
    else if (frame.type === 'ended') forget();
    else {
      log.add({ from: 'system', text: frame.message });
      panel.arrived(frame.message);
    }
  }

  function online(up: boolean): void {
    panel.status.textContent = up ? '' : text(lang, 'offline');
  }

  function say(message: string): void {
    log.add({ from: 'citizen', text: message });
    connection.send({ type: 'text', text: message });
  }

  function choose(choice: Choice, echo: boolean): void {
    if (echo) log.add({ from: 'citizen', text: choice.label });
    connection.send({ type: 'choice', id: choice.id });
  }

  /** Uploads with the session's token, then sends the file on the socket by its id. */
  async function attach(file: File): Promise<string | undefined> {
    const token = stored.token();
    if (!token) return text(lang, 'attach_failed');
    try {
      const response = await fetch(new URL('/api/chat/files', options.server), {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(file.name), 'accept-language': lang },
        body: file,
      });
      const body = (await response.json().catch(() => undefined)) as { id?: string; name?: string; error?: { message: string } } | undefined;
      if (response.status !== 201 || !body?.id) return body?.error?.message ?? text(lang, 'attach_failed');
      log.add({ from: 'citizen', text: `📎 ${body.name ?? file.name}` });
      connection.send({ type: 'file', id: body.id });
      return undefined;
    } catch {
      return text(lang, 'attach_failed');
    }
  }

  /** Puts the widget's own labels in the conversation's language. */
  function useLang(next: string | undefined): void {
    if (!isLang(next)) return;
    lang = next;
    panel.setLang(lang);
    composer.setLang(lang);
    if (panel.status.textContent) panel.status.textContent = text(lang, 'offline');
  }

  /** The header's switch: the conversation changes language (the server confirms, and the labels follow). */
  function switchLang(next: Lang): void {
    useLang(next);
    connection.send({ type: 'choice', id: `lang:${next}` });
  }

  /** Ends the conversation: the server refuses its token from now on, and nothing of it stays here. */
  function end(): void {
    connection.sendNow({ type: 'end' });
    forget();
  }

  function forget(): void {
    stored.forget();
    shown.clear();
    lastSeen = 0;
    log.clear();
    panel.showNumber('');
    panel.arrived(text(lang, 'ended'));
    log.add({ from: 'system', text: text(lang, 'ended') });
    connection.restart();
  }

  function emit(type: keyof typeof listeners): void {
    for (const listener of listeners[type]) listener();
    document.dispatchEvent(new CustomEvent(`citizen-assistant:${type}`));
  }

  const host = options.inline ?? document.body.appendChild(document.createElement('citizen-assistant'));
  const shadow = host.attachShadow({ mode: 'open' });
  applyStyles(shadow);
  shadow.append(panel.root);
  useLang(lang);
  if (options.open || stored.wasOpen() === '1') panel.open(false);
  connection.connect();

  (window as unknown as { CitizenAssistant: unknown }).CitizenAssistant = {
    open: () => panel.open(true),
    close: () => panel.close(),
    setLanguage: (next: string) => {
      if (isLang(next) && next !== lang) switchLang(next);
    },
    /** Calls `listener` when the panel opens or closes; returns a function that stops it. */
    on: (type: keyof typeof listeners, listener: Listener) => {
      listeners[type]?.add(listener);
      return () => listeners[type]?.delete(listener);
    },
  };
}

// The script tag is known only while it runs; the page's elements may come later (an async script in <head>).
const script = document.currentScript as HTMLScriptElement | null;
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => start(script), { once: true });
else start(script);
