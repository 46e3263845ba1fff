import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import kkConsole from '../../locales/kk/console.json';
import ruConsole from '../../locales/ru/console.json';
import { startTestServer, type TestServer } from '../support/server';

/** Every text of a console.json, with its key. */
function leaves(tree: unknown, prefix = ''): Array<[string, string]> {
  if (typeof tree === 'string') return [[prefix, tree]];
  return Object.entries(tree as Record<string, unknown>).flatMap(([key, value]) => leaves(value, prefix ? `${prefix}.${key}` : key));
}

/** The texts only one language has: a text the other language words differently, long enough not to occur by chance. */
function ownTexts(own: unknown, other: unknown): string[] {
  const others = new Map(leaves(other));
  return leaves(own)
    .filter(([key, text]) => others.get(key) !== text && text.length >= 12)
    .map(([, text]) => text.split('{{')[0]!)
    .filter((text) => text.length >= 12);
}

/** A script as the browser reads it: esbuild writes non-ASCII letters as \uXXXX escapes. */
const unescaped = (script: string) => script.replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));

describe('the scripts and the console texts on the wire', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  const get = (url: string, headers: Record<string, string> = {}) => server.app.inject({ method: 'GET', url, headers });

  it.each(['/widget.js', '/operator.js', '/operator/texts/kk'])('sends %s compressed with br or gzip when asked, the same bytes as plain', async (url) => {
    const plain = await get(url, { 'accept-encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    const br = await get(url, { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.rawPayload).equals(plain.rawPayload)).toBe(true);
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
    const gzip = await get(url, { 'accept-encoding': 'gzip, br;q=0' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.rawPayload).equals(plain.rawPayload)).toBe(true);
    expect(br.headers.vary).toMatch(/accept-encoding/i);
  });

  it.each(['/widget.js', '/operator.js', '/operator/texts/ru'])('gives %s an ETag and answers 304 to a browser that holds it', async (url) => {
    const first = await get(url);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^".+"$/);
    expect(first.headers['cache-control']).toMatch(/no-cache|max-age/);
    const again = await get(url, { 'if-none-match': etag, 'accept-encoding': 'br' });
    expect(again.statusCode).toBe(304);
    expect(again.rawPayload.length).toBe(0);
    expect(again.headers.etag).toBe(etag);
    expect((await get(url, { 'if-none-match': '"something-else"' })).statusCode).toBe(200);
  });

  it('names the console script by its content on the console page, and lets the browser keep that one', async () => {
    const page = (await get('/operator?lang=kk')).body;
    const src = /<script src="(\/operator\.js\?v=[^"]+)"/.exec(page)?.[1];
    expect(src).toBeDefined();
    expect((await get(src!)).headers['cache-control']).toMatch(/immutable/);
    expect((await get('/operator.js?v=old')).headers['cache-control']).toBe('no-cache');
  });

  it('loads one language of the console at a time: ru has no Kazakh texts, kk no Russian, the script neither', async () => {
    const kkOnly = ownTexts(kkConsole, ruConsole);
    const ruOnly = ownTexts(ruConsole, kkConsole);
    expect(kkOnly.length).toBeGreaterThan(100);
    const script = unescaped((await get('/operator.js')).body);
    const ru = (await get('/operator/texts/ru')).body;
    const kk = (await get('/operator/texts/kk')).body;
    expect(JSON.parse(ru)).toEqual(ruConsole);
    expect(JSON.parse(kk)).toEqual(kkConsole);
    expect(kkOnly.filter((text) => ru.includes(text) || script.includes(text))).toEqual([]);
    expect(ruOnly.filter((text) => kk.includes(text) || script.includes(text))).toEqual([]);
    expect((await get('/operator/texts/en')).statusCode).toBe(404);
  });
});
