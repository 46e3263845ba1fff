import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { freePort } from './support/redis-server';
import { ChatClient } from './support/ws-client';

/**
 * How long a start from the sources may take: it transforms and loads the phrases of the
 * understanding (megabytes of TypeScript) before listening, which on a loaded CI machine with a cold
 * transform cache took longer than 15 s. The start's speed is measured from the build (start.test.ts).
 * The tests below allow for one start (70 s) or two (130 s).
 */
const START_WITHIN_MS = 60_000;

/**
 * The product in its own process, started from its sources (`main.ts`): what `npm start` runs, less
 * the build, so that these tests do not wait on it. The built start is tested in start.test.ts.
 */
async function startProcess(env: Record<string, string>): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'main.ts'], {
    cwd: new URL('..', import.meta.url).pathname,
    env: { PATH: process.env.PATH, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start: ${output}`)), START_WITHIN_MS);
    child.stdout!.on('data', () => {
      if (output.includes('Server listening')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${output}`)));
  });
  return { child, url: `ws://127.0.0.1:${port}/ws/chat`, output: () => output };
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

describe('the product in its own process', () => {
  const children: ChildProcess[] = [];
  afterEach(() => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  });

  it('keeps a conversation on Redis across a restart of the process, mid-flow', async () => {
    const env = { REDIS_URL: inject('redisUrl'), JWT_SECRET: 'restart-test-secret-of-32-characters' };
    const first = await startProcess(env);
    children.push(first.child);
    expect(first.output()).toContain('Using the Redis store');
    const client = await ChatClient.connect(first.url);
    const hello = await client.exchange({ type: 'hello', lang: 'kk' });
    const { token, conversationId } = hello.find((f) => f.type === 'session')!;
    await client.exchange({ type: 'choice', id: 'lang:ru' });
    for (const id of ['menu:checklist', 'svc:duplicate-school', 'ans:channel:state_corporation']) await client.exchange({ type: 'choice', id });
    client.close();
    expect(await stop(first.child)).toBe(0);

    const second = await startProcess(env);
    children.push(second.child);
    const again = await ChatClient.connect(second.url);
    const resumed = await again.exchange({ type: 'hello', lang: 'kk', token });
    expect(resumed.find((f) => f.type === 'session')!.conversationId).toBe(conversationId);
    const question = resumed.filter((f) => f.type === 'message').at(-1)!;
    expect(question.text).toMatch(/вопрос 2\.\nКто подаёт заявление\?/);
    const answered = await again.exchange({ type: 'choice', id: 'ans:applicant:parent' });
    expect(
      answered
        .filter((f) => f.type === 'message')
        .at(-1)!
        .choices.map((c: { id: string }) => c.id),
    ).toContain('ans:reason:lost');
    again.close();
    await stop(second.child);
  }, 130_000);

  it('says in one line that the in-memory store keeps nothing, and that Telegram is off', async () => {
    const started = await startProcess({});
    children.push(started.child);
    expect(started.output()).toMatch(/in-memory store, nothing is persisted/);
    expect(started.output()).toMatch(/Telegram channel is off/);
    await stop(started.child);
  }, 70_000);

  it('started from the sources, reads the model this run trained on them instead of training its own, and understands with it', async () => {
    // NODE_DEBUG=esm: Node names each module it loads, so the test sees which the start needed.
    const started = await startProcess({ NODE_DEBUG: 'esm' });
    children.push(started.child);
    await expect.poll(started.output, { timeout: 20_000 }).toContain('understanding of typed text read from node_modules/.cache');
    const parse = await fetch(started.url.replace('ws://', 'http://').replace('/ws/chat', '/api/nlu/parse'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'атестат потерял, что делать' }),
    });
    expect(await parse.json()).toMatchObject({ intent: 'checklist', serviceId: 'duplicate-school' });
    expect(started.output()).not.toContain('trained');
    // The phrases (megabytes of code) are for training only: this start never loaded them.
    const loaded = (path: string) => started.output().includes(`Storing ${new URL(path, import.meta.url).href}`);
    expect(loaded('../flows/nlu/model.ts')).toBe(true);
    expect(loaded('../flows/nlu/model-training.ts')).toBe(false);
    expect(loaded('../flows/nlu/phrases/greeting.ts')).toBe(false);
    await stop(started.child);
  }, 70_000);

  it('refuses to start on a bad value, naming the variable', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'main.ts'], {
      cwd: new URL('..', import.meta.url).pathname,
      env: { PATH: process.env.PATH, PORT: 'not-a-port', REDIS_URL: `redis://127.0.0.1/${randomUUID()}` },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (d) => (stderr += d));
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code).toBe(78);
    expect(stderr).toMatch(/PORT: /);
  });
});
