import { OperatorApi } from '../tests/support/operator-api';
import { SseClient } from '../tests/support/sse';

/**
 * The client side of the queue benchmark, run as its own process: consoles on the event stream,
 * queue listings at a steady rate, and take-overs (with hand-back) of conversations at the back.
 */

export interface LoadOrder {
  url: string;
  seconds: number;
  conversations: number;
  consoles: number;
  listingRate: number;
  moveRate: number;
}

/** What the load process tells the bench: that the measured phase starts, then its result. */
export type LoadMessage = { measuring: true } | { result: LoadResult };

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

async function run({ url, seconds, conversations, consoles: consoleCount, listingRate, moveRate }: LoadOrder): Promise<LoadResult> {
  const operator = await OperatorApi.login(url, 'bench', 'bench-password');
  const consoles = await Promise.all(Array.from({ length: consoleCount }, () => SseClient.connect(`${url}/api/operator/events`, operator.token)));
  let listingLatencies: number[] = [];
  let eventLatencies: number[] = [];
  let pending: Promise<unknown>[] = [];
  let until = 0;

  const listing = async () => {
    const started = performance.now();
    const response = await operator.get('/api/operator/conversations?owner=queue');
    if (response.status !== 200 || response.body.length !== PAGE) throw new Error(`listing answered ${response.status}`);
    listingLatencies.push(performance.now() - started);
  };

  let moveIndex = 0;
  const move = async () => {
    const id = `web-bench-${conversations - 1 - moveIndex++}`;
    const started = performance.now();
    const taken = await operator.post(`/api/operator/conversations/${id}/takeover`);
    if (taken.status !== 200) throw new Error(`take-over answered ${taken.status}`);
    await Promise.all(consoles.map((c) => c.waitFor((e) => e.event === 'takeover' && e.data.conversationId === id, 10_000)));
    eventLatencies.push(performance.now() - started);
    await operator.post(`/api/operator/conversations/${id}/release`);
  };

  /** Starts `task` `rate` times a second until the end, whatever the answers' pace (an open loop). */
  const schedule = async (rate: number, task: () => Promise<void>) => {
    const interval = 1000 / rate;
    for (let next = performance.now(); Date.now() < until; next += interval) {
      const wait = next - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      pending.push(task());
    }
  };

  const phase = async (ms: number) => {
    [listingLatencies, eventLatencies, pending] = [[], [], []];
    until = Date.now() + ms;
    await Promise.all([schedule(listingRate, listing), schedule(moveRate, move)]);
    await Promise.all(pending);
  };
  await phase(1000); // warm-up: compilation, the first queue-place announcements
  process.send!({ measuring: true } satisfies LoadMessage);
  await phase(seconds * 1000);
  for (const c of consoles) c.close();

  listingLatencies.sort((a, b) => a - b);
  eventLatencies.sort((a, b) => a - b);
  return {
    listings: listingLatencies.length,
    listingP50: percentile(listingLatencies, 50),
    listingP99: percentile(listingLatencies, 99),
    events: eventLatencies.length,
    eventP50: percentile(eventLatencies, 50),
    eventP99: percentile(eventLatencies, 99),
  };
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
