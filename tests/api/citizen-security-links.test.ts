import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../api/logger';
import { ChatClient, type Frame } from '../support/ws-client';
import { startTestServer, type TestServer } from '../support/server';

const IIN = '850520400003';
const NAME = 'Әлімжанова Гүлнұр';

/** Fills the school application form over the widget socket; resolves with the message that links the PDF. */
async function fillSchoolForm(client: ChatClient): Promise<Frame> {
  for (const id of ['menu:checklist', 'svc:duplicate-school', 'ans:channel:provider_office', 'ans:applicant:parent', 'ans:reason:damaged', 'nav:form']) await client.exchange({ type: 'choice', id });
  for (const text of ['№ 12 мектеп', NAME, IIN, '2002']) await client.exchange({ type: 'text', text });
  await client.exchange({ type: 'choice', id: 'q:skip' });
  await client.exchange({ type: 'choice', id: 'q:document:certificate' });
  const done = await client.exchange({ type: 'choice', id: 'q:confirm' });
  return done.find((f) => f.type === 'message' && f.attachment)!;
}

describe('form download links expire, belong to one conversation and stay out of the logs', () => {
  let server: TestServer;
  let now = new Date('2026-12-01T05:00:00Z');
  const lines: string[] = [];

  beforeAll(async () => {
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    server = await startTestServer({ LINK_TTL_HOURS: '2', DEFAULT_LANG: 'ru' }, { now: () => now, log: createLogger('info', stream) });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('serves a fresh link, refuses it with 410 in the citizen language once expired, and the reloaded history links it anew', async () => {
    const client = await ChatClient.connect(server.wsUrl);
    const hello = await client.exchange({ type: 'hello', lang: 'kk' });
    const { token } = hello.find((f) => f.type === 'session')!;
    const { attachment } = await fillSchoolForm(client);
    client.close();
    expect((await fetch(`${server.url}${attachment.url}`)).status).toBe(200);

    now = new Date(now.getTime() + 2 * 3600_000 + 1000);
    const expired = await fetch(`${server.url}${attachment.url}`, { headers: { 'accept-language': 'kk' } });
    expect(expired.status).toBe(410);
    expect(await expired.json()).toEqual({ error: { code: 'link_expired', message: 'Сілтеменің мерзімі өтті. Чатты қайта ашыңыз: онда файлға жаңа сілтеме болады.' } });
    const inRussian = await fetch(`${server.url}${attachment.url}`, { headers: { 'accept-language': 'ru-RU,ru;q=0.9' } });
    expect((await inRussian.json()).error.message).toMatch(/^Срок действия ссылки истёк/);

    const reloaded = await ChatClient.connect(server.wsUrl);
    reloaded.send({ type: 'hello', lang: 'kk', token });
    const [history] = (await reloaded.waitFor((f) => f.type === 'history')).filter((f) => f.type === 'history');
    const relinked = history!.messages.find((m: Frame) => m.attachment).attachment.url as string;
    expect(relinked).not.toBe(attachment.url);
    const pdf = await fetch(`${server.url}${relinked}`);
    expect(pdf.status).toBe(200);
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    reloaded.close();
  });

  it("refuses a link moved to another conversation's session with 403", async () => {
    const first = await ChatClient.connect(server.wsUrl);
    const { conversationId: own } = (await first.exchange({ type: 'hello', lang: 'ru' })).find((f) => f.type === 'session')!;
    const { attachment } = await fillSchoolForm(first);
    const other = await ChatClient.connect(server.wsUrl);
    const { conversationId: foreign } = (await other.exchange({ type: 'hello', lang: 'ru' })).find((f) => f.type === 'session')!;
    await fillSchoolForm(other);
    const moved = (attachment.url as string).replace(own, foreign);
    expect(moved).not.toBe(attachment.url);
    const refused = await fetch(`${server.url}${moved}`, { headers: { 'accept-language': 'ru' } });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({ error: { code: 'bad_signature', message: 'Ссылка недействительна. Откройте файл из своего чата.' } });
    const unsigned = await fetch(`${server.url}${(attachment.url as string).replace(/&exp=\d+/, '')}`);
    expect(unsigned.status).toBe(403);
    first.close();
    other.close();
  });

  it('logs a form download without its signature or the personal data in the form', async () => {
    const client = await ChatClient.connect(server.wsUrl);
    await client.exchange({ type: 'hello', lang: 'ru' });
    const { attachment } = await fillSchoolForm(client);
    client.close();
    const from = lines.length;
    expect((await fetch(`${server.url}${attachment.url}`)).status).toBe(200);
    const logged = lines.slice(from).join('');
    expect(logged).toContain('/api/forms/'); // the download is logged…
    const sig = /sig=([^&]+)/.exec(attachment.url)![1]!;
    for (const secret of [sig, 'sig=', IIN, NAME, 'Әлімжанова']) expect(logged).not.toContain(secret); // …without what it must not carry
  });
});
