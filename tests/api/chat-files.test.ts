import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaintFileForDesk } from '../../api/routes/chat-files';
import type { Inbound } from '../../bot/engine';
import type { SentFile } from '../../flows/types';
import { startTestServer, type TestServer } from '../support/server';
import { ChatClient } from '../support/ws-client';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(300, 3)]);
const EXE = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00'), Buffer.alloc(300, 1)]);

describe('widget attachments: POST /api/chat/files and the file frame', () => {
  let server: TestServer;
  const fileEvents: { conversationId: string; file: SentFile }[] = [];

  /** A widget session that said hello: its token and conversation. */
  const session = async () => {
    const client = await ChatClient.connect(server.wsUrl);
    const hello = await client.exchange({ type: 'hello', lang: 'ru' });
    const { token, conversationId } = hello.find((f) => f.type === 'session')!;
    return { client, token: token as string, conversationId: conversationId as string };
  };
  const upload = (body: Buffer, headers: Record<string, string>) =>
    fetch(`${server.url}/api/chat/files`, { method: 'POST', body: new Uint8Array(body), headers: { 'content-type': 'application/octet-stream', ...headers } });

  beforeAll(async () => {
    server = await startTestServer({ FILE_MAX_BYTES: '4096' });
    const handle = server.engine.handle.bind(server.engine);
    server.engine.handle = async (inbound: Inbound) => {
      if (inbound.event.type === 'file') {
        fileEvents.push({ conversationId: inbound.conversationId, file: inbound.event.file });
      }
      return handle(inbound);
    };
  });
  afterAll(() => server.close());

  it('takes a PNG from the session it belongs to (201), and gives it back only to that session', async () => {
    const { client, token, conversationId } = await session();
    const response = await upload(PNG, { authorization: `Bearer ${token}`, 'x-file-name': encodeURIComponent('фото жалобы.png') });
    expect(response.status).toBe(201);
    const sent = await response.json();
    expect(sent).toEqual({ id: expect.any(String), name: 'фото жалобы.png', mime: 'image/png', size: PNG.length });
    expect(await server.store.files.get(sent.id)).toMatchObject({ owner: conversationId, mime: 'image/png', bytes: PNG });

    const own = await fetch(`${server.url}/api/chat/files/${sent.id}`, { headers: { authorization: `Bearer ${token}` } });
    expect(own.status).toBe(200);
    expect(own.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await own.arrayBuffer())).toEqual(PNG);

    const other = await session();
    const refused = await fetch(`${server.url}/api/chat/files/${sent.id}`, { headers: { authorization: `Bearer ${other.token}` } });
    expect(refused.status).toBe(404);
    expect((await fetch(`${server.url}/api/chat/files/${sent.id}`)).status).toBe(401);
    // The complaints desk reads any conversation's file.
    expect((await complaintFileForDesk(server.store.files, sent.id))?.bytes).toEqual(PNG);
    client.close();
    other.client.close();
  });

  it('lets the widget embedded on another site call it (CORS preflight)', async () => {
    const preflight = await fetch(`${server.url}/api/chat/files`, {
      method: 'OPTIONS',
      headers: { origin: 'https://egov.example.kz', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, x-file-name' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('x-file-name');
  });

  it('refuses without a token or with a token of no conversation (401)', async () => {
    const none = await upload(PNG, {});
    expect(none.status).toBe(401);
    expect((await none.json()).error.code).toBe('unauthorized');
    const made = await upload(PNG, { authorization: `Bearer ${'a'.repeat(43)}` });
    expect(made.status).toBe(401);
  });

  it('refuses an executable renamed .jpg by its content (400 file_type) and a file over FILE_MAX_BYTES (413 file_size) in the citizen language', async () => {
    const { client, token } = await session();
    const exe = await upload(EXE, { authorization: `Bearer ${token}`, 'x-file-name': 'photo.jpg', 'accept-language': 'ru' });
    expect(exe.status).toBe(400);
    expect((await exe.json()).error).toEqual({ code: 'file_type', message: 'Такой файл не подходит. Отправьте PDF, JPG, PNG.' });

    const big = await upload(Buffer.concat([PNG, Buffer.alloc(4096)]), { authorization: `Bearer ${token}`, 'accept-language': 'kk' });
    expect(big.status).toBe(413);
    const error = (await big.json()).error;
    expect(error.code).toBe('file_size');
    expect(error.message).toMatch(/^Файл тым үлкен/);
    client.close();
  });

  it('hands the engine a file event for { type: "file", id } of this conversation, and refuses another conversation file', async () => {
    const mine = await session();
    const theirs = await session();
    const uploaded = await (await upload(PNG, { authorization: `Bearer ${theirs.token}`, 'x-file-name': 'theirs.png' })).json();
    const refused = await mine.client.exchange({ type: 'file', id: uploaded.id }, (f) => f.type === 'error');
    expect(refused.find((f) => f.type === 'error')?.code).toBe('file_unknown');
    expect(fileEvents.some((e) => e.conversationId === mine.conversationId)).toBe(false);

    const own = await (await upload(PNG, { authorization: `Bearer ${mine.token}`, 'x-file-name': 'scan.png' })).json();
    // The reply comes after the turn was stored, the transcript with it.
    await mine.client.exchange({ type: 'file', id: own.id }, (f) => f.type === 'message');
    expect(fileEvents.filter((e) => e.conversationId === mine.conversationId).map((e) => e.file)).toEqual([{ id: own.id, name: 'scan.png', mime: 'image/png', size: PNG.length }]);
    const transcript = await server.store.conversations.transcript(mine.conversationId);
    expect(transcript.some((e) => e.from === 'citizen' && e.text === '[📎 scan.png]')).toBe(true);
    mine.client.close();
    theirs.client.close();
  });
});
