import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../config';
import { buildServer } from '../server';
import type { Conversation } from '../store/types';
import type { LoadMessage, LoadOrder, LoadResult } from './operator-queue-load';

/**
 * The operators' queue under load: 10 000 open conversations waiting (a tenth with priority),
 * consoles holding event streams, and queue moves going on, while `GET
 * /api/operator/conversations?owner=queue` is called at a steady rate. Prints p50/p99 of the
 * listing and of event delivery (take-over call → event on every stream).
 */

export interface QueueBenchResult extends LoadResult {
  conversations: number;
  consoles: number;
  listingRate: number;
  /** The server's CPU time (this process's) over the measured phase, per listing made: the moves and event streams included. */
  serverCpuMsPerListing: number;
}

const CONVERSATIONS = 10_000;
const CONSOLES = 20;
/** Take-over + hand-back pairs per second, each publishing events to every console. */
const MOVE_RATE = 5;

function queuedConversation(i: number, at: number): Conversation {
  const iso = new Date(at - (CONVERSATIONS - i) * 1000).toISOString();
  return {
    id: `web-bench-${i}`,
    channel: i % 3 === 0 ? 'telegram' : 'web',
    lang: i % 2 === 0 ? 'kk' : 'ru',
    owner: 'queue',
    status: 'open',
    state: { flow: 'operator', v: 1, step: 'queued', data: {} },
    offered: [{ id: 'queue:cancel', label: 'Выйти из очереди' }],
    data: { checklist: { serviceId: 'duplicate-school', answers: { channel: 'state_corporation', applicant: 'self', reason: 'lost' }, ticked: ['application'] } },
    address: i % 3 === 0 ? { telegramChatId: 100000 + i } : {},
    handoff: { queue: 'general', priority: i % 10 === 0 ? 1 : 0, waitingSince: iso, lastCitizenAt: iso, topic: `Вопрос номер ${i}` },
    createdAt: iso,
    updatedAt: iso,
    revision: 1,
  };
}

/**
 * `listingRate`: listing requests per second, spread evenly (an open loop: a slow answer does not
 * slow the load down).
 */
export async function operatorQueueBench(redisUrl: string, seconds: number, listingRate: number): Promise<QueueBenchResult> {
  const config = loadConfig({
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'silent',
    REDIS_URL: redisUrl,
    JWT_SECRET: 'bench-operator-secret-of-32-characters',
    CONTACT_CENTRE_HOURS: 'always',
    OPERATOR_BOOTSTRAP: 'bench:bench-password:operator',
    RATE_LIMIT_PER_MINUTE: '1000000',
    QUEUE_IDLE_MINUTES: '1440',
  });
  const server = await buildServer(config);
  const url = await server.listen();
  try {
    const now = Date.now();
    for (let start = 0; start < CONVERSATIONS; start += 500) {
      await Promise.all(
        Array.from({ length: Math.min(500, CONVERSATIONS - start) }, async (_, k) => {
          const conversation = queuedConversation(start + k, now);
          await server.store.conversations.save(conversation, 0, []);
          await server.handoff.refile(conversation);
        }),
      );
    }
    // The consoles and the listing load run in another process, as browsers would: their parsing
    // must not share the server's event loop.
    const load = fork(fileURLToPath(new URL('./operator-queue-load.ts', import.meta.url)), [], { execArgv: ['--import', 'tsx'] });
    let cpuAtStart = process.cpuUsage();
    const result = await new Promise<LoadResult>((resolve, reject) => {
      load.on('message', (message: LoadMessage) => {
        if ('measuring' in message) cpuAtStart = process.cpuUsage();
        else resolve(message.result);
      });
      load.once('error', reject);
      load.once('exit', (code) => code !== 0 && reject(new Error(`load process exited with ${code}`)));
      load.send({ url, seconds, conversations: CONVERSATIONS, consoles: CONSOLES, listingRate, moveRate: MOVE_RATE } satisfies LoadOrder);
    });
    const cpu = process.cpuUsage(cpuAtStart);
    return { conversations: CONVERSATIONS, consoles: CONSOLES, listingRate, ...result, serverCpuMsPerListing: (cpu.user + cpu.system) / 1000 / result.listings };
  } finally {
    await server.close();
  }
}
