import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Inbound } from '../../bot/engine';
import type { SentFile } from '../../flows/types';
import type { FakeTelegram } from '../support/fake-telegram';
import { startTelegramTestServer, type TestServer } from '../support/server';
import { Arrivals } from '../support/wait';

const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2000, 7)]);
const PDF = Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n');
const EXE = Buffer.concat([Buffer.from('MZ\x90\x00'), Buffer.alloc(500, 1)]);

describe('photos and documents from Telegram', () => {
  let telegram: FakeTelegram;
  let server: TestServer;
  let close: () => Promise<void>;
  /** The file events the engine was handed, by conversation. */
  const events: { conversationId: string; file: SentFile }[] = [];
  const arrivals = new Arrivals();
  const fileEvent = (conversationId: string) =>
    arrivals.until(
      () => events.find((e) => e.conversationId === conversationId)?.file,
      () => `no file event for ${conversationId}`,
    );

  beforeAll(async () => {
    ({ telegram, server, close } = await startTelegramTestServer({ FILE_MAX_BYTES: '4096' }));
    const handle = server.engine.handle.bind(server.engine);
    server.engine.handle = async (inbound: Inbound) => {
      if (inbound.event.type === 'file') {
        events.push({ conversationId: inbound.conversationId, file: inbound.event.file });
        arrivals.notify();
      }
      return handle(inbound);
    };
  });
  afterAll(() => close());

  it('downloads the largest size of a photo through getFile, stores it under the conversation and hands the engine a file event', async () => {
    telegram.sendPhoto(6001, JPEG, { languageCode: 'ru' });
    const file = await fileEvent('tg-6001');
    expect(file).toMatchObject({ name: 'photo.jpg', mime: 'image/jpeg', size: JPEG.length });
    const getFile = telegram.calls.filter((c) => c.method === 'getFile');
    expect(getFile.at(-1)?.params.file_id).toBe('file-2');
    expect(await server.store.files.get(file.id)).toEqual({ bytes: JPEG, name: 'photo.jpg', mime: 'image/jpeg', size: JPEG.length, owner: 'tg-6001' });
    await telegram.waitFor('sendMessage', 1, 0, 6001);
    const transcript = await server.store.conversations.transcript('tg-6001');
    expect(transcript.some((entry) => entry.from === 'citizen' && entry.text === '[📎 photo.jpg]')).toBe(true);
  });

  it('takes a PDF document by its content with its own name', async () => {
    telegram.sendDocument(6002, PDF, 'шағым.pdf', 'application/pdf', { languageCode: 'kk' });
    const file = await fileEvent('tg-6002');
    expect(file).toMatchObject({ name: 'шағым.pdf', mime: 'application/pdf', size: PDF.length });
    expect((await server.store.files.get(file.id))?.bytes).toEqual(PDF);
  });

  it('gives an executable renamed .jpg the unknown type, whatever the client claimed', async () => {
    telegram.sendDocument(6003, EXE, 'photo.jpg', 'image/jpeg');
    const file = await fileEvent('tg-6003');
    expect(file.mime).toBe('application/octet-stream');
    expect(file.name).toBe('photo.jpg');
  });

  it('does not download a file stated to be over FILE_MAX_BYTES, and stops one that turns out larger', async () => {
    const big = Buffer.concat([PDF, Buffer.alloc(5000, 32)]);
    const downloaded = telegram.downloads.length;
    telegram.sendDocument(6004, big, 'big.pdf', 'application/pdf');
    const stated = await fileEvent('tg-6004');
    expect(stated).toEqual({ id: '', name: 'big.pdf', mime: 'application/pdf', size: big.length });
    expect(telegram.downloads.length).toBe(downloaded);

    telegram.sendDocument(6005, big, 'unstated.pdf', 'application/pdf', { statedSize: null });
    const unstated = await fileEvent('tg-6005');
    expect(unstated.id).toBe('');
    expect(unstated.size).toBeGreaterThan(4096);
  });
});
