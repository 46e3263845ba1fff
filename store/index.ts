import { createMemoryStore } from './memory';
import type { Store } from './types';

export interface StoreLogger {
  info(message: string): void;
  warn(message: string): void;
  error(details: object, message: string): void;
}

/** Redis when a URL or a cluster's nodes are configured, otherwise the embedded in-memory store (said once in the log). */
/** `commandTimeoutMs` (STORE_TIMEOUT_MS): how long a citizen's turn waits for Redis before being told it is unavailable. */
/** `clusterNodes` (REDIS_CLUSTER_NODES): some nodes of a Redis Cluster, used instead of a URL. */
export async function openStore(redisUrl: string | undefined, log: StoreLogger, options: { commandTimeoutMs?: number; clusterNodes?: readonly string[] | undefined } = {}): Promise<Store> {
  const clusterNodes = options.clusterNodes?.length ? options.clusterNodes : undefined;
  if (!redisUrl && !clusterNodes) {
    log.warn('REDIS_URL is not set: using the in-memory store, nothing is persisted across restarts');
    return createMemoryStore();
  }
  // Loaded only when configured: the client takes a quarter of a second to import.
  const { createRedisStore } = await import('./redis');
  const store = await createRedisStore({
    ...(clusterNodes ? { clusterNodes } : { url: redisUrl! }),
    ...(options.commandTimeoutMs ? { commandTimeoutMs: options.commandTimeoutMs } : {}),
    onError: (error) => log.error({ err: { message: error.message } }, 'Redis connection error'),
  });
  log.info(clusterNodes ? `Using the Redis store on a Redis Cluster (${clusterNodes.length} seed nodes given)` : 'Using the Redis store');
  return store;
}

export type * from './types';
