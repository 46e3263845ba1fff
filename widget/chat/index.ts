/**
 * The chat widget: one script tag on any page (`<script src="/widget.js" data-lang="kk" defer>`).
 * It speaks the /ws/chat protocol, keeps the session token in localStorage so a reload resumes the
 * conversation, and renders bot choices as buttons.
 */
type Choice = { id: string; label: string };
type ServerFrame =
  | { type: 'session'; token: string; conversationId: string }
  | {
      type: 'message';
      id: string;
      from: 'bot' | 'operator' | 'system';
      author?: string;
      text: string;
      choices?: Choice[];
      attachment?: Attachment;
      at: string;
      lang?: string;
      seq?: number;
      inputLimit?: number;
    }
  | { type: 'error'; code: string; message: string }
  | { type: 'history'; messages: { from: 'citizen' | 'bot' | 'operator' | 'system'; text: string; at: string; seq?: number; author?: string; attachment?: Attachment }[] };
type Attachment = { fileName: string; url: string };

const UI = {
  kk: {
    title: 'Мемлекеттік қызметтер көмекшісі',
    placeholder: 'Хабарлама жазыңыз…',
    send: 'Жіберу',
    reconnecting: 'Байланыс қалпына келтірілуде…',
    open: 'Көмекшімен сөйлесу',
    close: 'Жабу',
    operator: '1414 операторы',
    attach: 'Файл тіркеу (JPEG, PNG, PDF)',
    attachFailed: 'Файлды жіберу мүмкін болмады. Қайталап көріңіз.',
  },
  ru: {
    title: 'Помощник по госуслугам',
    placeholder: 'Напишите сообщение…',
    send: 'Отправить',
    reconnecting: 'Восстанавливаем соединение…',
    open: 'Чат с помощником',
    close: 'Закрыть',
    operator: 'оператор',
    attach: 'Прикрепить файл (JPEG, PNG, PDF)',
    attachFailed: 'Не удалось отправить файл. Попробуйте ещё раз.',
  },
} as const;
type Lang = keyof typeof UI;

const STORAGE_KEY = 'citizen-assistant-token';
const script = document.currentScript as HTMLScriptElement | null;
const pageLang = (script?.dataset.lang ?? document.documentElement.lang ?? 'kk').slice(0, 2);
/** The page's language at first; then the conversation's, when the citizen switches it in the chat. */
let lang: Lang = pageLang === 'ru' ? 'ru' : 'kk';
const serverUrl = new URL(script?.src ?? location.href);
let ui: (typeof UI)[Lang] = UI[lang];

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

const root = el('section', { class: 'ca-widget', 'aria-label': ui.title });
const header = el('header', { class: 'ca-header' }, ui.title);
const log = el('ol', { class: 'ca-log', 'aria-live': 'polite', 'data-testid': 'chat-log' });
const status = el('p', { class: 'ca-status', role: 'status' });
const form = el('form', { class: 'ca-form' });
/** The longest message the server takes; a question may ask for less, and then a counter shows how much is left. */
const MESSAGE_LIMIT = 2000;
const input = el('input', { type: 'text', 'aria-label': ui.placeholder, placeholder: ui.placeholder, maxlength: String(MESSAGE_LIMIT), autocomplete: 'off', 'aria-describedby': 'ca-counter' });
const counter = el('p', { class: 'ca-counter', id: 'ca-counter', 'data-testid': 'chat-counter', hidden: '' });
let inputLimit: number | undefined;

/** Shows "typed / limit" while the question has a limit of its own, and stops the text box there. */
function showCount(): void {
  counter.hidden = inputLimit === undefined;
  if (inputLimit !== undefined) counter.textContent = `${input.value.length} / ${inputLimit}`;
}

function limitInput(limit: number | undefined): void {
  inputLimit = limit;
  input.maxLength = limit ?? MESSAGE_LIMIT;
  showCount();
}
input.addEventListener('input', showCount);
const send = el('button', { type: 'submit' }, ui.send);
// A photo or scan: uploaded with the session's token, then sent on the socket by its id.
const attach = el('label', { class: 'ca-attach', title: ui.attach });
const attachText = el('span', { class: 'ca-visually-hidden' }, ui.attach);
const fileInput = el('input', { type: 'file', accept: 'image/jpeg,image/png,application/pdf', class: 'ca-visually-hidden', 'data-testid': 'chat-file' });
/** A paper clip drawn inline, so it shows without an emoji font. */
function clipIcon(): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  for (const [k, v] of Object.entries({ viewBox: '0 0 24 24', width: '22', height: '22', fill: 'none', stroke: '#0b5cad', 'stroke-width': '2', 'stroke-linecap': 'round', 'aria-hidden': 'true' }))
    svg.setAttribute(k, v);
  const path = document.createElementNS(ns, 'path');
  path.setAttribute('d', 'M21 11.5l-8.5 8.5a5 5 0 0 1-7-7l9-9a3.3 3.3 0 0 1 4.7 4.7l-9 9a1.7 1.7 0 0 1-2.4-2.4l8.3-8.3');
  svg.append(path);
  return svg;
}
attach.append(clipIcon(), attachText, fileInput);
form.append(attach, input, send);

/** Puts the widget's own labels in the conversation's language. */
function useLang(next: string | undefined): void {
  if ((next !== 'kk' && next !== 'ru') || next === lang) return;
  lang = next;
  ui = UI[lang];
  root.setAttribute('aria-label', ui.title);
  header.textContent = ui.title;
  input.setAttribute('aria-label', ui.placeholder);
  input.placeholder = ui.placeholder;
  send.textContent = ui.send;
  attach.title = ui.attach;
  attachText.textContent = ui.attach;
  if (status.textContent) status.textContent = ui.reconnecting;
}
root.append(header, log, status, form, counter);

const style = el('style');
style.textContent = `
.ca-widget{font:15px/1.4 system-ui,sans-serif;max-width:420px;border:1px solid #c8d0dc;border-radius:12px;display:flex;flex-direction:column;height:560px;background:#fff;color:#1b2430}
.ca-header{padding:12px 16px;background:#0b5cad;color:#fff;border-radius:12px 12px 0 0;font-weight:600}
.ca-log{list-style:none;margin:0;padding:12px;overflow-y:auto;flex:1;display:flex;flex-direction:column;gap:8px}
.ca-msg{padding:8px 12px;border-radius:10px;max-width:85%;white-space:pre-wrap;word-wrap:break-word}
.ca-from-citizen{align-self:flex-end;background:#e3effc}
.ca-from-bot,.ca-from-system{align-self:flex-start;background:#f1f3f6}
.ca-from-operator{align-self:flex-start;background:#fff4d6}
.ca-history{opacity:.75}
.ca-author{display:block;font-size:12px;font-weight:600;color:#6b4e00;margin-bottom:2px}
.ca-choices{display:flex;flex-wrap:wrap;gap:6px;margin-top:6px}
.ca-choices button{border:1px solid #0b5cad;background:#fff;color:#0b5cad;border-radius:16px;padding:4px 10px;cursor:pointer;font:inherit}
.ca-choices button:focus-visible,.ca-form button:focus-visible,.ca-form input:focus-visible{outline:3px solid #f0a500;outline-offset:1px}
.ca-status{margin:0;padding:0 12px;color:#8a5a00;font-size:13px;min-height:1em}
.ca-form{display:flex;gap:8px;padding:12px;border-top:1px solid #e1e5ea}
.ca-form input{flex:1;padding:8px;border:1px solid #c8d0dc;border-radius:8px;font:inherit}
.ca-attach{display:flex;align-items:center;padding:0 6px;cursor:pointer;font-size:20px;border-radius:8px}
.ca-attach:focus-within{outline:3px solid #f0a500;outline-offset:1px}
.ca-visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.ca-counter{margin:0;padding:0 12px 8px;color:#4a5564;font-size:13px;text-align:right}
.ca-form button{padding:8px 14px;border:0;border-radius:8px;background:#0b5cad;color:#fff;font:inherit;cursor:pointer}`;

function append(from: string, text: string, choices: Choice[] = [], attachment?: Attachment, author?: string, earlier = false): void {
  const item = el('li', { class: `ca-msg ca-from-${from}${earlier ? ' ca-history' : ''}`, 'data-from': from });
  // An operator's message says who wrote it: "Айгерим · оператор".
  if (from === 'operator' && author) item.append(el('span', { class: 'ca-author' }, `${author} · ${ui.operator}`));
  item.append(el('span', {}, text));
  if (attachment) {
    const link = el('a', { href: new URL(attachment.url, serverUrl).href, download: attachment.fileName }, attachment.fileName);
    item.append(el('br'), link);
  }
  if (choices.length) {
    const group = el('div', { class: 'ca-choices' });
    for (const choice of choices) {
      const button = el('button', { type: 'button', 'data-choice': choice.id }, choice.label);
      button.addEventListener('click', () => {
        append('citizen', choice.label);
        transmit({ type: 'choice', id: choice.id, frameId: frameId() });
      });
      group.append(button);
    }
    item.append(group);
  }
  log.append(item);
  log.scrollTop = log.scrollHeight;
}

let socket: WebSocket | undefined;
let retry = 0;
const outbox: string[] = [];
/** The transcript number of the last message shown: a reconnect asks only for what came after it. */
let lastSeen = 0;
/** Numbers already shown (a live message may overtake the history frame, so the highest alone is not enough). */
const shown = new Set<number>();

/** Whether a numbered message is new here, and if so marks it shown (a message is rendered once). */
function firstSight(seq: number | undefined): boolean {
  if (seq === undefined) return true;
  if (shown.has(seq)) return false;
  shown.add(seq);
  lastSeen = Math.max(lastSeen, seq);
  return true;
}

/** The widget's own id of a frame, so a frame sent twice over a flaky connection is handled once. */
function frameId(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

function transmit(frame: object): void {
  const data = JSON.stringify(frame);
  if (socket?.readyState === WebSocket.OPEN) socket.send(data);
  else outbox.push(data);
}

function connect(): void {
  const url = new URL('/ws/chat', serverUrl);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  socket = new WebSocket(url);
  socket.addEventListener('open', () => {
    retry = 0;
    status.textContent = '';
    const token = localStorage.getItem(STORAGE_KEY) ?? undefined;
    socket!.send(JSON.stringify({ type: 'hello', lang, ...(token ? { token } : {}), ...(token && lastSeen > 0 ? { lastSeen } : {}) }));
    for (const data of outbox.splice(0)) socket!.send(data);
  });
  socket.addEventListener('message', (event) => {
    const frame = JSON.parse(String(event.data)) as ServerFrame;
    if (frame.type === 'session') localStorage.setItem(STORAGE_KEY, frame.token);
    else if (frame.type === 'message') {
      useLang(frame.lang);
      if (frame.from === 'bot') limitInput(frame.inputLimit);
      if (firstSight(frame.seq)) append(frame.from, frame.text, frame.choices, frame.attachment, frame.author);
    } else if (frame.type === 'history') {
      // A fresh page gets the conversation so far; a reconnected one what it missed. Messages
      // without a number predate numbering and are shown on a fresh page only.
      const fresh = log.childElementCount === 0;
      for (const m of frame.messages) {
        if (m.seq === undefined ? !fresh : !firstSight(m.seq)) continue;
        // A pressed button is kept as "[label]"; it reads as the label.
        append(m.from, m.from === 'citizen' ? m.text.replace(/^\[(.*)\]$/s, '$1') : m.text, [], m.attachment, m.author, fresh);
      }
    } else append('system', frame.message);
  });
  socket.addEventListener('close', () => {
    status.textContent = ui.reconnecting;
    setTimeout(connect, Math.min(30_000, 500 * 2 ** retry++));
  });
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const text = input.value.trim();
  if (!text) return;
  append('citizen', text);
  transmit({ type: 'text', text, id: frameId() });
  input.value = '';
  showCount();
});

fileInput.addEventListener('change', async () => {
  const file = fileInput.files?.[0];
  fileInput.value = '';
  const token = localStorage.getItem(STORAGE_KEY);
  if (!file || !token) return;
  try {
    const response = await fetch(new URL('/api/chat/files', serverUrl), {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(file.name), 'accept-language': lang },
      body: file,
    });
    const body = (await response.json().catch(() => undefined)) as { id?: string; name?: string; error?: { message: string } } | undefined;
    if (response.status !== 201 || !body?.id) {
      append('system', body?.error?.message ?? ui.attachFailed);
      return;
    }
    append('citizen', `📎 ${body.name ?? file.name}`);
    transmit({ type: 'file', id: body.id });
  } catch {
    append('system', ui.attachFailed);
  }
});

const mount = document.querySelector(script?.dataset.target ?? '#citizen-assistant') ?? document.body;
document.head.append(style);
mount.append(root);
connect();
export {};
