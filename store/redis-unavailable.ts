import { AbortError, ClientClosedError, ClientOfflineError, ConnectionTimeoutError, ErrorReply, ReconnectStrategyError, SocketClosedUnexpectedlyError, SocketTimeoutError, TimeoutError } from 'redis';
import { addUnreachableKind } from './unavailable';

/** `AbortError`: a command of a turn not written before its deadline (store/redis-deadline.ts). */
const UNREACHABLE = [TimeoutError, AbortError, ClientOfflineError, ClientClosedError, SocketClosedUnexpectedlyError, ConnectionTimeoutError, SocketTimeoutError, ReconnectStrategyError];
/** Replies of a Redis Cluster that has lost a master (CLUSTERDOWN) or is moving the slot asked for (TRYAGAIN). */
const CLUSTER_REPLIES = /^(CLUSTERDOWN|TRYAGAIN) /;

/** The node-redis errors that mean Redis could not be reached in time. */
export function isRedisUnreachable(error: unknown): boolean {
  return UNREACHABLE.some((kind) => error instanceof kind) || (error instanceof ErrorReply && CLUSTER_REPLIES.test(error.message));
}

addUnreachableKind(isRedisUnreachable);
