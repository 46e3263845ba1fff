import { spawn, type ChildProcess } from 'node:child_process';
import { readdir, readFile, rename } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProduct } from '../scripts/build';
import { freePort, type RedisServer, startRedisServer } from './support/redis-server';
import { ChatClient } from './support/ws-client';

const root = new URL('..', import.meta.url);

const understands = (url: string) =>
  fetch(`${url}/api/nlu/parse`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'потеряла аттестат' }) }).then((r) => r.json());

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

/** A product started from dist/main.mjs, on a free port, with what it printed so far (Node's module loading included). */
interface Started {
  url: string;
  output(): string;
  /** The chunks of dist/ the process has loaded. */
  chunks(): string[];
  stop(): Promise<void>;
}

async function startBuilt(env: Record<string, string>): Promise<Started> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let output = '';
  const child = spawn(process.execPath, ['dist/main.mjs'], {
    cwd: root.pathname,
    // NODE_DEBUG=esm: Node names each module it loads, so a test sees which chunks a start needs.
    env: { PATH: process.env.PATH, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'info', NODE_DEBUG: 'esm', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  await healthy(url, child, () => output);
  return {
    url,
    output: () => output,
    chunks: () => [...new Set(output.match(/dist\/chunk-[\w-]+\.mjs/g) ?? [])].map((path) => path.slice('dist/'.length)),
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** The chunk of the build holding the phrases the model is trained on (its name is a hash). */
async function phrasesChunk(): Promise<string> {
  const names = (await readdir(new URL('dist/', root))).filter((name) => name.startsWith('chunk-'));
  const holding = [];
  for (const name of names) if ((await readFile(new URL(`dist/${name}`, root), 'utf8')).includes('flows/nlu/phrases/greeting.ts')) holding.push(name);
  expect(holding).toHaveLength(1);
  return holding[0]!;
}

describe('the built product (npm start)', () => {
  let product: Started;
  let url: string;
  let redis: RedisServer;
  const output = () => product.output();

  beforeAll(async () => {
    // Its own Redis: the bundled client is exercised, and the operator account is the test's own.
    [redis] = await Promise.all([startRedisServer(), buildProduct()]);
    product = await startBuilt({ OPERATOR_BOOTSTRAP: 'aigerim:aigerim-pass-1:operator', REDIS_URL: redis.url, JWT_SECRET: 'start-test-secret-of-32-characters!!' });
    url = product.url;
    // The build trains the model of typed text when its phrases changed: over a minute on a slow machine.
  }, 180_000);

  afterAll(async () => {
    await product?.stop();
    await redis?.stop();
  });

  it('starts from dist/main.mjs and answers /health', async () => {
    const response = await fetch(`${url}/health`);
    expect(response.status).toBe(200);
  });

  it('reads the model of typed text trained at build instead of training it, and understands with it', async () => {
    // read half a second after the start is answered, so that /health never waits for it; reading the file takes
    // a second or two, several on a loaded machine, where training instead would take a minute
    await expect.poll(output, { timeout: 20_000 }).toContain('understanding of typed text read from the build');
    expect(await understands(url)).toMatchObject({ intent: 'checklist', serviceId: 'duplicate-school' });
    // The phrases (megabytes of code) are for training only: this start never loaded them.
    expect(product.chunks().length).toBeGreaterThan(0);
    expect(product.chunks()).not.toContain(await phrasesChunk());
  });

  it('trains the model at start when the build holds none, answering requests between the slices of its training', async () => {
    const modelFile = new URL('dist/nlu-model.bin', root);
    const keptAside = new URL('dist/nlu-model.bin.aside', root);
    await rename(modelFile, keptAside);
    let second: Started | undefined;
    try {
      second = await startBuilt({});
      // Logged as it starts listening; its output comes through pipes, which may bring it after /health's answer.
      await expect.poll(second.output, { timeout: 10_000 }).toContain('the build holds no model for these phrases');
      await expect.poll(async () => second!.chunks().includes(await phrasesChunk()), { timeout: 10_000 }).toBe(true);
      // The training takes minutes on the whole phrases (what it gives, sliced or not: tests/nlu/training.test.ts);
      // the server answers meanwhile.
      expect((await fetch(`${second.url}/health`)).status).toBe(200);
      expect(second.output()).not.toContain('finished training');
    } finally {
      await second?.stop();
      await rename(keptAside, modelFile);
    }
  }, 60_000);

  it('serves the browser scripts built with it, and the pages that load them', async () => {
    for (const name of ['widget.js', 'operator.js']) {
      const served = await fetch(`${url}/${name}`).then((r) => r.text());
      expect(served).toBe(await readFile(new URL(`dist/public/${name}`, root), 'utf8'));
    }
    const page = await fetch(`${url}/operator`).then((r) => r.text());
    expect(page).toContain('/operator.js');
  });

  it('renders a filled form as a PDF with pdfkit loaded on demand, and logs an operator in', async () => {
    const client = await ChatClient.connect(`${url.replace('http', 'ws')}/ws/chat`);
    await client.exchange({ type: 'hello', lang: 'ru' });
    for (const id of ['menu:checklist', 'svc:duplicate-school', 'ans:channel:provider_office', 'ans:applicant:parent', 'ans:reason:damaged', 'nav:form']) await client.exchange({ type: 'choice', id });
    for (const text of ['№ 12 мектеп', 'Әлімжанова Гүлнұр', '850520400003', '2002']) await client.exchange({ type: 'text', text });
    await client.exchange({ type: 'choice', id: 'q:skip' });
    await client.exchange({ type: 'choice', id: 'q:document:certificate' });
    const done = await client.exchange({ type: 'choice', id: 'q:confirm' });
    client.close();
    const link = done.find((f) => f.type === 'message' && f.attachment)!.attachment.url as string;
    const pdf = await fetch(`${url}${link}`);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    const login = await fetch(`${url}/api/operator/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'aigerim', password: 'aigerim-pass-1' }) });
    expect(login.status).toBe(200);
    expect((await fetch(`${url}/docs/json`)).status).toBe(200);
  });

  it('reads its texts from locales/: the chat greets in the language asked', async () => {
    const client = await ChatClient.connect(`${url.replace('http', 'ws')}/ws/chat`);
    const frames = await client.exchange({ type: 'hello', lang: 'kk' });
    client.close();
    expect(frames.map((f) => f.text).join('\n')).toContain('Сәлеметсіз бе!');
  });
});
