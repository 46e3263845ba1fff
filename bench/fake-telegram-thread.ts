import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { type ApiCall, startFakeTelegram, TEST_TOKEN } from '../tests/support/fake-telegram';

/**
 * The fake Bot API on a thread of its own, for benches that load the product's event loop: a
 * request is timed when it reaches the fake, not when the product's busy loop would have let a
 * fake in the same thread see it. The calls are mirrored here, polled every 20 ms.
 */

interface Setup {
  latencyMs: number;
  sendLimit: number | null;
}

type Request = { since: number; id: number };
type Answer = { id: number; calls: ApiCall[]; refused: number };

export interface ThreadedFakeTelegram {
  apiRoot: string;
  token: string;
  /** The accepted calls so far, as last polled (method, params, at). */
  calls: ApiCall[];
  /** 429s and other refusals answered so far, as last polled. */
  refused(): number;
  /** Resolves with the calls of `method` to `chatId` once there are `count` of them (null after `timeoutMs`). */
  waitFor(method: string, count: number, chatId: number, timeoutMs?: number): Promise<ApiCall[] | null>;
  close(): Promise<void>;
}

if (!isMainThread && workerData?.fakeTelegram) {
  const setup = workerData.fakeTelegram as Setup;
  const telegram = await startFakeTelegram();
  telegram.setLatency(setup.latencyMs);
  telegram.limitSends(setup.sendLimit);
  parentPort!.on('message', (request: Request) => {
    // Only what a bench reads: the chat, the text and whether there were buttons.
    const calls = telegram.calls.slice(request.since).map((c) => ({
      method: c.method,
      at: c.at,
      params: { chat_id: c.params.chat_id, text: c.params.text, ...(c.params.reply_markup ? { reply_markup: c.params.reply_markup } : {}) },
    }));
    parentPort!.postMessage({ id: request.id, calls, refused: telegram.refused.length } satisfies Answer);
  });
  parentPort!.postMessage({ apiRoot: telegram.apiRoot });
}

export async function startThreadedFakeTelegram(setup: Setup): Promise<ThreadedFakeTelegram> {
  // The thread loads this TypeScript file through tsx, as the bench itself runs.
  const worker = new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(import.meta.url)}); });`, {
    eval: true,
    workerData: { fakeTelegram: setup },
  });
  const apiRoot = await new Promise<string>((resolve, reject) => {
    worker.once('message', (message: { apiRoot: string }) => resolve(message.apiRoot));
    worker.once('error', reject);
  });
  const calls: ApiCall[] = [];
  let refused = 0;
  let nextId = 0;
  const waiting = new Map<number, (answer: Answer) => void>();
  worker.on('message', (message: Answer) => waiting.get(message.id)?.(message));
  const poll = async () => {
    const id = ++nextId;
    const answer = await new Promise<Answer>((resolve) => {
      waiting.set(id, resolve);
      worker.postMessage({ since: calls.length, id } satisfies Request);
    });
    waiting.delete(id);
    calls.push(...answer.calls);
    refused = answer.refused;
  };
  let polling = true;
  const loop = (async () => {
    while (polling) {
      await poll();
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  return {
    apiRoot,
    token: TEST_TOKEN,
    calls,
    refused: () => refused,
    async waitFor(method, count, chatId, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = calls.filter((c) => c.method === method && Number(c.params.chat_id) === chatId);
        if (found.length >= count) return found;
        if (Date.now() > deadline) return null;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    async close() {
      polling = false;
      await loop;
      await poll();
      await worker.terminate();
    },
  };
}
