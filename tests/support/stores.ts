import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, inject } from 'vitest';
import { createMemoryStore } from '../../store/memory';
import { createRedisStore } from '../../store/redis';
import type { Store } from '../../store/types';

/** What the stores report to `onError` (bus handlers that threw), for the test that throws on purpose. */
export const reported: Error[] = [];
export const onError = (error: Error) => reported.push(error);

/**
 * Opens a store on a key space: two stores opened on the same one are two instances of one
 * deployment (for memory, where nothing is shared between processes, the same instance).
 */
export type Open = (space: string) => Promise<Store>;
const memoryStores = new Map<string, Store>();

const clusterNodes = inject('redisClusterNodes');
if (clusterNodes.length === 0) console.warn('redis-server or redis-cli is missing: the store suites skip the Redis Cluster');

/**
 * As the server opens its store, a turn's commands fail fast and have a deadline (STORE_TIMEOUT_MS);
 * a generous one here, so that a suite writing 10 000 entries at once on a loaded machine meets it.
 */
const STORE_TIMEOUT_MS = 10_000;

/** Every store, for suites that hold them to one contract with `describe.each`: memory, one Redis, a 3-node Redis Cluster. */
export const factories: [string, Open][] = [
  [
    'memory',
    async (space) => {
      const store = memoryStores.get(space) ?? createMemoryStore({ onError });
      memoryStores.set(space, store);
      return store;
    },
  ],
  ['redis', (space) => createRedisStore({ url: inject('redisUrl'), prefix: `test-${space}:`, onError, commandTimeoutMs: STORE_TIMEOUT_MS })],
  ...(clusterNodes.length > 0
    ? [['redis-cluster', (space: string) => createRedisStore({ clusterNodes, prefix: `test-${space}:`, onError, commandTimeoutMs: STORE_TIMEOUT_MS })] as [string, Open]]
    : []),
];

/**
 * Two instances of one deployment for a suite: opened on one fresh key space before its tests,
 * handed to `use`, closed after.
 *
 * @example
 * let store: Store;
 * let peer: Store;
 * onTwoInstances(open, (opened) => {
 *   ({ store, peer } = opened);
 * });
 */
export function onTwoInstances(open: Open, use: (opened: { store: Store; peer: Store }) => void): void {
  let opened: { store: Store; peer: Store } | undefined;
  beforeAll(async () => {
    const space = randomUUID();
    opened = { store: await open(space), peer: await open(space) };
    use(opened);
  });
  afterAll(async () => {
    await opened?.peer.close();
    await opened?.store.close();
  });
}
