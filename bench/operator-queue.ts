import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../config';
import { buildServer } from '../server';
import type { Conversation } from '../store/types';
import type { LoadMessage, LoadOrder, LoadResult, LoadRole } from './operator-queue-load';

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

/** The server's configuration for the queue benches: a Redis of their own, the contact centre always open. */
function benchConfig(redisUrl: string, extra: Record<string, string>) {
  return loadConfig({
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'silent',
    REDIS_URL: redisUrl,
    JWT_SECRET: 'bench-operator-secret-of-32-characters',
    CONTACT_CENTRE_HOURS: 'always',
    ...extra,
  });
}

/** Stores CONVERSATIONS queued conversations, each filed in the queue as the engine files it. */
async function fillQueue(server: Awaited<ReturnType<typeof buildServer>>, now: number): Promise<void> {
  for (let start = 0; start < CONVERSATIONS; start += 500) {
    await Promise.all(
      Array.from({ length: Math.min(500, CONVERSATIONS - start) }, async (_, k) => {
        const conversation = queuedConversation(start + k, now);
        await server.store.conversations.save(conversation, 0, []);
        await server.handoff.refile(conversation);
      }),
    );
  }
}

/**
 * Forks a load process per role, starts them together once all are connected, and resolves with
 * their results; `onMeasuring` is called when the listings' measured phase starts.
 */
async function onLoadProcesses(order: Omit<LoadOrder, 'role'>, onMeasuring: () => void): Promise<Partial<LoadResult>[]> {
  const roles: LoadRole[] = ['listings', 'consoles'];
  const processes = roles.map((role) => ({ role, child: fork(fileURLToPath(new URL('./operator-queue-load.ts', import.meta.url)), [], { execArgv: ['--import', 'tsx'] }) }));
  try {
    let ready = 0;
    return await Promise.all(
      processes.map(
        ({ role, child }) =>
          new Promise<Partial<LoadResult>>((resolve, reject) => {
            child.on('message', (message: LoadMessage) => {
              if ('ready' in message && ++ready === processes.length) for (const p of processes) p.child.send('go');
              else if ('measuring' in message && role === 'listings') onMeasuring();
              else if ('result' in message) resolve(message.result);
            });
            child.once('error', reject);
            child.once('exit', (code) => code !== 0 && reject(new Error(`the ${role} load process exited with ${code}`)));
            child.send({ ...order, role } satisfies LoadOrder);
          }),
      ),
    );
  } finally {
    for (const { child } of processes) if (child.exitCode === null) child.kill();
  }
}

/**
 * `listingRate`: listing requests per second, spread evenly (an open loop: a slow answer does not
 * slow the load down).
 */
export async function operatorQueueBench(redisUrl: string, seconds: number, listingRate: number): Promise<QueueBenchResult> {
  const config = benchConfig(redisUrl, {
    OPERATOR_BOOTSTRAP: 'bench:bench-password:operator',
    RATE_LIMIT_PER_MINUTE: '1000000',
    QUEUE_IDLE_MINUTES: '1440',
  });
  const server = await buildServer(config);
  const url = await server.listen();
  try {
    await fillQueue(server, Date.now());
    // The load runs in other processes, as browsers would: their parsing must not share the server's event loop.
    let cpuAtStart = process.cpuUsage();
    const results = await onLoadProcesses({ url, seconds, conversations: CONVERSATIONS, consoles: CONSOLES, listingRate, moveRate: MOVE_RATE }, () => {
      cpuAtStart = process.cpuUsage();
    });
    const cpu = process.cpuUsage(cpuAtStart);
    const result = Object.assign({}, ...results) as LoadResult;
    return { conversations: CONVERSATIONS, consoles: CONSOLES, listingRate, ...result, serverCpuMsPerListing: (cpu.user + cpu.system) / 1000 / result.listings };
  } finally {
    await server.close();
  }
}

export interface SweepBenchResult {
  conversations: number;
  /** Silent long enough to be asked "still waiting?". */
  due: number;
  /** The first sweep of an instance reads every queued conversation; the next ones only those the index says fell silent. */
  sweeps: { full: boolean; ms: number; cpuMs: number; asked: number }[];
}

/**
 * The idle sweep over CONVERSATIONS waiting, of which the oldest `due` have been silent longer than
 * the idle time: one sweep that reads them all (an instance's first), then sweeps that read only
 * the silent ones, each timed with its CPU.
 */
export async function queueSweepBench(redisUrl: string, due = 100): Promise<SweepBenchResult> {
  const idleMinutes = 60;
  const config = benchConfig(redisUrl, { QUEUE_IDLE_MINUTES: String(idleMinutes) });
  const server = await buildServer(config);
  try {
    // queuedConversation(i) fell silent CONVERSATIONS - i seconds before `at`: the first `due` an idle time and more ago.
    await fillQueue(server, Date.now() - idleMinutes * 60_000 + (CONVERSATIONS - due) * 1000 - 500);
    const sweeps: SweepBenchResult['sweeps'] = [];
    for (let i = 0; i < 4; i++) {
      const cpu = process.cpuUsage();
      const started = performance.now();
      const asked = await server.handoff.sweep();
      const used = process.cpuUsage(cpu);
      sweeps.push({ full: i === 0, ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000, asked });
    }
    return { conversations: CONVERSATIONS, due, sweeps };
  } finally {
    await server.close();
  }
}
