import { ClientClosedError, ClientOfflineError, ConnectionTimeoutError, ReconnectStrategyError, SocketClosedUnexpectedlyError, SocketTimeoutError, TimeoutError } from 'redis';

const UNREACHABLE = [TimeoutError, ClientOfflineError, ClientClosedError, SocketClosedUnexpectedlyError, ConnectionTimeoutError, SocketTimeoutError, ReconnectStrategyError];
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH']);

/**
 * Whether an error means the store could not be reached in time (Redis down, restarting or too
 * slow), as opposed to a fault in what was asked: the citizen is told the service is temporarily
 * unavailable, and nothing of the turn was stored.
 */
export function isStoreUnavailable(error: unknown): boolean {
  if (UNREACHABLE.some((kind) => error instanceof kind)) return true;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && NETWORK_CODES.has(code);
}
