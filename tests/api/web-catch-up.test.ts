import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../bot/handoff';
import { ChatClient, type Frame } from '../support/ws-client';
import { startTestServer, type TestServer } from '../support/server';

const operator: Actor = { login: 'aigerim', name: 'Айгерим Сапарова', role: 'operator' };
const lastSeq = (frames: Frame[]) => Math.max(...frames.filter((f) => f.type === 'message').map((f) => f.seq as number));

describe('a widget that comes back shows what it missed', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ CONTACT_CENTRE_HOURS: 'always' });
  });
  afterAll(() => server.close());

  it('gets exactly the operator messages written while its socket was down, once', async () => {
    const first = await ChatClient.connect(server.wsUrl);
    const hello = await first.exchange({ type: 'hello', lang: 'kk' });
    const { token, conversationId } = hello.find((f) => f.type === 'session')!;
    const from = first.frames.length;
    await server.handoff.takeover(conversationId, operator);
    const joined = await first.waitFor((f) => f.type === 'message' && f.from === 'system', from);
    const lastSeen = lastSeq([...hello, ...joined]);
    first.close();

    await server.handoff.message(conversationId, operator, 'Сәлеметсіз бе! Құжаттарыңызды тексердім.');
    await server.handoff.message(conversationId, operator, 'Ертең ХҚКО-ға келіңіз.');

    const second = await ChatClient.connect(server.wsUrl);
    second.send({ type: 'hello', lang: 'kk', token, lastSeen });
    const [history] = (await second.waitFor((f) => f.type === 'history')).filter((f) => f.type === 'history');
    expect(history!.messages.map((m: Frame) => [m.from, m.author, m.text])).toEqual([
      ['operator', 'Айгерим', 'Сәлеметсіз бе! Құжаттарыңызды тексердім.'],
      ['operator', 'Айгерим', 'Ертең ХҚКО-ға келіңіз.'],
    ]);
    expect(history!.messages.every((m: Frame) => m.seq > lastSeen)).toBe(true);

    // Nothing more is sent for the reconnect while the operator has the conversation; the next live message comes once.
    const mark = second.frames.length;
    await server.handoff.message(conversationId, operator, 'Тағы сұрағыңыз бар ма?');
    const live = await second.waitFor((f) => f.type === 'message' && f.from === 'operator', mark);
    expect(live.filter((f) => f.type === 'message').map((f) => f.text)).toEqual(['Тағы сұрағыңыз бар ма?']);
    second.close();
  });

  it('links a filled form again in the history of a reloaded page, with a fresh signature that downloads', async () => {
    const first = await ChatClient.connect(server.wsUrl);
    const hello = await first.exchange({ type: 'hello', lang: 'kk' });
    const { token, conversationId } = hello.find((f) => f.type === 'session')!;
    const values = { school: '№ 12 мектеп', full_name: 'Әлімжанова Гүлнұр', iin: '850520400003', graduation_year: '2002', school_changed: '', document: 'certificate' };
    await server.engine.change(conversationId, (c) => ({
      conversation: { ...c, data: { ...c.data, forms: { 'seed000-app1': { lang: 'kk', values } } } },
      replies: [{ text: 'Өтініш дайын.', attachment: { kind: 'form', formId: 'seed000-app1', fileName: 'seed000-app1-kk.pdf' } }],
    }));
    first.close();

    const reloaded = await ChatClient.connect(server.wsUrl);
    reloaded.send({ type: 'hello', lang: 'kk', token });
    const [history] = (await reloaded.waitFor((f) => f.type === 'history')).filter((f) => f.type === 'history');
    const withFile = history!.messages.find((m: Frame) => m.attachment);
    expect(withFile).toMatchObject({ text: 'Өтініш дайын.', attachment: { fileName: 'seed000-app1-kk.pdf' } });
    const pdf = await fetch(`${server.url}${withFile.attachment.url}`);
    expect(pdf.status).toBe(200);
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    reloaded.close();
  });

  it('handles a frame sent twice with the same id once', async () => {
    const client = await ChatClient.connect(server.wsUrl);
    const hello = await client.exchange({ type: 'hello', lang: 'ru' });
    const { conversationId } = hello.find((f) => f.type === 'session')!;
    client.send({ type: 'choice', id: 'menu:language', frameId: 'f-1' });
    client.send({ type: 'choice', id: 'menu:language', frameId: 'f-1' });
    await client.exchange({ type: 'text', text: 'меню', id: 'f-2' });
    const transcript = await server.store.conversations.transcript(conversationId);
    const citizen = transcript.filter((e) => e.from === 'citizen').map((e) => e.text);
    expect(citizen).toHaveLength(2);
    expect(citizen[1]).toBe('меню');
    client.close();
  });
});
