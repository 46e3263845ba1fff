import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config';
import { capturedProductLog } from '../support/log';
import { ChatClient, type Frame } from '../support/ws-client';
import { startTestServer, type TestServer } from '../support/server';

/** Resolves with the close code and reason once the server closes the socket. */
function closed(socket: WebSocket): Promise<{ code: number; reason: string; at: number }> {
  return new Promise((resolve) => socket.once('close', (code, reason) => resolve({ code, reason: String(reason), at: Date.now() })));
}

/** Opens a socket that says nothing; resolves once it is open (or closed at once by the server). */
async function silentSocket(url: string): Promise<WebSocket> {
  const socket = new WebSocket(url);
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  return socket;
}

/** The HTTP answer to a socket handshake the server refused. */
function refusedHandshake(url: string, origin: string | undefined): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, origin ? { origin } : {});
    socket.once('open', () => reject(new Error('the socket opened')));
    socket.once('unexpected-response', (_request, response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: JSON.parse(body) }));
    });
  });
}

const count = (frames: Frame[], predicate: (f: Frame) => boolean) => frames.filter(predicate).length;

describe('widget sockets that never say hello', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ WS_HELLO_TIMEOUT_SECONDS: '0.8', MAX_WS_CONNECTIONS_PER_IP: '2' });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('are closed with 1008 after the configured time, and hold a place under the per-address cap until then', async () => {
    const opened = Date.now();
    const silent = [await silentSocket(server.wsUrl), await silentSocket(server.wsUrl)];
    const closes = silent.map(closed);
    // The cap counts the silent ones: a third socket from the same address is closed at once.
    const third = new WebSocket(server.wsUrl);
    const refused = await closed(third);
    expect(refused).toMatchObject({ code: 1008, reason: 'too many connections' });
    expect(refused.at - opened).toBeLessThan(800);

    for (const close of await Promise.all(closes)) {
      expect(close).toMatchObject({ code: 1008, reason: 'hello expected' });
      expect(close.at - opened).toBeGreaterThanOrEqual(700);
      expect(close.at - opened).toBeLessThan(3000);
    }
    // Their places are free again, and a socket that says hello in time stays open past the timeout.
    const citizen = await ChatClient.connect(server.wsUrl);
    await citizen.exchange({ type: 'hello', lang: 'ru' });
    const later = await citizen.exchange({ type: 'text', text: 'меню' });
    expect(count(later, (f) => f.type === 'message')).toBeGreaterThan(0);
    expect(citizen.socket.readyState).toBe(WebSocket.OPEN);
    citizen.close();
  });
});

describe('widget frames: the limit and malformed ones', () => {
  let server: TestServer;
  const captured = capturedProductLog('debug');
  beforeAll(async () => {
    server = await startTestServer({ DEFAULT_LANG: 'ru', LOG_LEVEL: 'debug' }, { log: captured.log });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('serves a citizen clicking three times a second for 10 s', async () => {
    const client = await ChatClient.connect(server.wsUrl);
    await client.exchange({ type: 'hello', lang: 'ru' });
    const from = client.frames.length;
    const clicks = 30;
    for (let i = 0; i < clicks; i++) {
      client.send({ type: 'choice', id: 'menu:language', frameId: `click-${i}` });
      await new Promise((resolve) => setTimeout(resolve, 1000 / 3)); // the citizen's pace, not a wait for the server
    }
    const frames = await client.waitFor(() => count(client.frames.slice(from), (f) => f.type === 'message' && f.text.includes('Тілді таңдаңыз')) >= clicks, from, 10_000);
    expect(count(frames, (f) => f.type === 'error')).toBe(0);
    client.close();
  }, 20_000);

  it('stops a flood of 200 frames in a second after the burst, in the citizen language', async () => {
    const client = await ChatClient.connect(server.wsUrl);
    await client.exchange({ type: 'hello', lang: 'ru' });
    const from = client.frames.length;
    for (let i = 0; i < 200; i++) client.send({ type: 'choice', id: 'menu:language', frameId: `flood-${i}` });
    const frames = await client.waitFor(() => count(client.frames.slice(from), (f) => f.type === 'error' || (f.type === 'message' && f.text.includes('Тілді таңдаңыз'))) >= 200, from, 10_000);
    const refused = frames.filter((f) => f.type === 'error');
    expect(refused.length).toBeGreaterThanOrEqual(170);
    expect(refused[0]).toEqual({ type: 'error', code: 'rate_limited', message: 'Сообщения отправляются слишком часто. Подождите немного.' });
    expect(count(frames, (f) => f.type === 'message' && f.text.includes('Тілді таңдаңыз'))).toBeLessThanOrEqual(30);
    client.close();
  });
  it('answers malformed frames with bad_frame and logs them below error level', async () => {
    const client = await ChatClient.connect(server.wsUrl);
    await client.exchange({ type: 'hello', lang: 'ru' });
    const from = captured.lines.length;
    for (const frame of ['{not json', JSON.stringify({ type: 'unknown' }), JSON.stringify({ type: 'text', text: 5 })]) {
      const [error] = (await client.exchange(frame)).filter((f) => f.type === 'error');
      expect(error).toMatchObject({ code: 'bad_frame', message: 'Сообщение не распознано. Обновите страницу и попробуйте ещё раз.' });
    }
    client.close();
    const levels = captured.lines.slice(from).map((line) => JSON.parse(line) as { level: number; msg: string });
    expect(levels.filter((l) => l.msg === 'widget frame refused').map((l) => l.level)).toEqual([20, 20, 20]);
    expect(levels.filter((l) => l.level >= 50)).toEqual([]);
  });
});

describe('WIDGET_ALLOWED_ORIGINS', () => {
  let limited: TestServer;
  let open: TestServer;
  beforeAll(async () => {
    [limited, open] = await Promise.all([startTestServer({ WIDGET_ALLOWED_ORIGINS: 'https://egov-help.kz, https://www.example.kz' }), startTestServer()]);
  });
  afterAll(async () => {
    await Promise.all([limited?.close(), open?.close()]);
  });

  it('refuses a socket from another page with 403 in the error shape', async () => {
    expect(await refusedHandshake(limited.wsUrl, 'https://evil.example')).toEqual({ status: 403, body: { error: { code: 'origin_not_allowed', message: 'This page may not open the chat' } } });
    // A handshake without Origin comes from no browser page: refused too while a list is set.
    expect((await refusedHandshake(limited.wsUrl, undefined)).status).toBe(403);
  });

  it('opens a socket from a listed page or from this server, and from any page when unset', async () => {
    const own = new URL(limited.url).origin;
    for (const [url, origin] of [
      [limited.wsUrl, 'https://www.example.kz'],
      [limited.wsUrl, own],
      [open.wsUrl, 'https://evil.example'],
    ] as const) {
      const client = await ChatClient.connect(url, { origin });
      const hello = await client.exchange({ type: 'hello', lang: 'kk' });
      expect(count(hello, (f) => f.type === 'session')).toBe(1);
      client.close();
    }
  });

  it('is refused at start when it is not a list of origins', () => {
    expect(() => loadConfig({ WIDGET_ALLOWED_ORIGINS: 'egov-help.kz' })).toThrow(/WIDGET_ALLOWED_ORIGINS/);
    expect(() => loadConfig({ WIDGET_ALLOWED_ORIGINS: 'https://egov-help.kz/chat' })).toThrow(/WIDGET_ALLOWED_ORIGINS/);
  });
});
