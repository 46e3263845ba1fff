const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH']);

/**
 * Kinds of errors a store's client raises when it cannot reach its server. The Redis store adds
 * its client's when it is loaded, so a product running on the in-memory store never loads the
 * Redis client for this.
 */
const unreachableKinds: ((error: unknown) => boolean)[] = [];

export function addUnreachableKind(isKind: (error: unknown) => boolean): void {
  unreachableKinds.push(isKind);
}

/**
 * Whether an error means the store could not be reached in time (Redis down, restarting or too
 * slow), as opposed to a fault in what was asked: the citizen is told the service is temporarily
 * unavailable, and nothing of the turn was stored.
 */
export function isStoreUnavailable(error: unknown): boolean {
  if (unreachableKinds.some((isKind) => isKind(error))) return true;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && NETWORK_CODES.has(code);
}
