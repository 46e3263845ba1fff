import { OperatorApi } from '../tests/support/operator-api';
import { SseClient } from '../tests/support/sse';

/**
 * The client side of the queue benchmark, run as two processes, as on two machines: one console
 * listing the queue at a steady rate (`listings`), and the other consoles on the event stream with
 * the take-overs (and hand-backs) of conversations at the back (`consoles`). Reading the events of
 * twenty streams takes the time of a process; the one that times the listings does nothing else.
 */

export type LoadRole = 'listings' | 'consoles';

export interface LoadOrder {
  role: LoadRole;
  url: string;
  seconds: number;
  conversations: number;
  consoles: number;
  listingRate: number;
  moveRate: number;
}

/** What a load process tells the bench: that it is connected, that its measured phase starts, then its result. */
export type LoadMessage = { ready: true } | { measuring: true } | { result: Partial<LoadResult> };

export interface LoadResult {
  listings: number;
  listingP50: number;
  listingP99: number;
  events: number;
  eventP50: number;
  eventP99: number;
}

/** The API's default page of the queue. */
const PAGE = 50;

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** p50 and p99 of latencies in ms. */
function spread(latencies: number[]): { count: number; p50: number; p99: number } {
  const sorted = [...latencies].sort((a, b) => a - b);
  return { count: sorted.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
}

/**
 * Runs `task` `rate` times a second for `ms`, whatever the answers' pace (an open loop), after a
 * second's warm-up (compilation, the first queue-place announcements); returns the latencies of
 * the measured phase.
 */
async function openLoop(rate: number, seconds: number, task: () => Promise<number>): Promise<number[]> {
  let latencies: number[] = [];
  const phase = async (ms: number) => {
    latencies = [];
    const pending: Promise<void>[] = [];
    const until = Date.now() + ms;
    for (let next = performance.now(); Date.now() < until; next += 1000 / rate) {
      const wait = next - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      pending.push(task().then((ms) => void latencies.push(ms)));
    }
    await Promise.all(pending);
  };
  await phase(1000);
  process.send!({ measuring: true } satisfies LoadMessage);
  await phase(seconds * 1000);
  return latencies;
}

/** Lists the queue; the clock stops when the whole answer has arrived, before it is parsed. */
async function listings({ url, seconds, listingRate }: LoadOrder, operator: OperatorApi): Promise<Partial<LoadResult>> {
  const listing = async () => {
    const started = performance.now();
    const response = await fetch(`${url}/api/operator/conversations?owner=queue`, { headers: { authorization: `Bearer ${operator.token}` } });
    const body = await response.text();
    const took = performance.now() - started;
    if (response.status !== 200 || (JSON.parse(body) as unknown[]).length !== PAGE) throw new Error(`listing answered ${response.status}`);
    return took;
  };
  const measured = spread(await openLoop(listingRate, seconds, listing));
  return { listings: measured.count, listingP50: measured.p50, listingP99: measured.p99 };
}

/** Take-overs of conversations at the back of the queue, each timed until every console has its event, then handed back. */
async function consoles({ url, seconds, conversations, consoles: count, moveRate }: LoadOrder, operator: OperatorApi): Promise<Partial<LoadResult>> {
  const streams = await Promise.all(Array.from({ length: count }, () => SseClient.connect(`${url}/api/operator/events`, operator.token)));
  let moveIndex = 0;
  const move = async () => {
    const id = `web-bench-${conversations - 1 - moveIndex++}`;
    const started = performance.now();
    const taken = await operator.post(`/api/operator/conversations/${id}/takeover`);
    if (taken.status !== 200) throw new Error(`take-over answered ${taken.status}`);
    await Promise.all(streams.map((c) => c.waitFor((e) => e.event === 'takeover' && e.data.conversationId === id, 10_000)));
    const took = performance.now() - started;
    await operator.post(`/api/operator/conversations/${id}/release`);
    return took;
  };
  process.send!({ ready: true } satisfies LoadMessage);
  await new Promise((resolve) => process.once('message', resolve));
  const measured = spread(await openLoop(moveRate, seconds, move));
  for (const stream of streams) stream.close();
  return { events: measured.count, eventP50: measured.p50, eventP99: measured.p99 };
}

async function run(order: LoadOrder): Promise<Partial<LoadResult>> {
  const operator = await OperatorApi.login(order.url, 'bench', 'bench-password');
  if (order.role === 'consoles') return consoles(order, operator);
  process.send!({ ready: true } satisfies LoadMessage);
  await new Promise((resolve) => process.once('message', resolve));
  return listings(order, operator);
}

process.once('message', (order) => {
  run(order as LoadOrder).then(
    (result) => process.send!({ result } satisfies LoadMessage, () => process.exit(0)),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
});
