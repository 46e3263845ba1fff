import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProduct } from '../scripts/build';
import { freePort } from './support/redis-server';
import { ChatClient } from './support/ws-client';

const root = new URL('..', import.meta.url);

/** Resolves once GET /health answers 200 (polled, the process's output in the error otherwise). */
async function healthy(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`exited ${child.exitCode}: ${output()}`);
    const ok = await fetch(`${url}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`no /health in 15 s: ${output()}`);
}

describe('the built product (npm start)', () => {
  let child: ChildProcess;
  let url: string;

  beforeAll(async () => {
    await buildProduct();
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    child = spawn(process.execPath, ['dist/main.mjs'], {
      cwd: root.pathname,
      env: { PATH: process.env.PATH, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    await healthy(url, child, () => output);
  }, 60_000);

  afterAll(() => {
    child?.kill('SIGTERM');
  });

  it('starts from dist/main.mjs and answers /health', async () => {
    const response = await fetch(`${url}/health`);
    expect(response.status).toBe(200);
  });

  it('serves the browser scripts built with it, and the pages that load them', async () => {
    for (const name of ['widget.js', 'operator.js']) {
      const served = await fetch(`${url}/${name}`).then((r) => r.text());
      expect(served).toBe(await readFile(new URL(`dist/public/${name}`, root), 'utf8'));
    }
    const page = await fetch(`${url}/operator`).then((r) => r.text());
    expect(page).toContain('/operator.js');
  });

  it('reads its texts from locales/: the chat greets in the language asked', async () => {
    const client = await ChatClient.connect(`${url.replace('http', 'ws')}/ws/chat`);
    const frames = await client.exchange({ type: 'hello', lang: 'kk' });
    client.close();
    expect(frames.map((f) => f.text).join('\n')).toContain('Сәлеметсіз бе!');
  });
});
