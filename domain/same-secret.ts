import { hash, timingSafeEqual } from 'node:crypto';

/**
 * Whether two secrets (a bearer token, an IIN) are equal, compared as SHA-256 digests in constant
 * time: the time taken tells nothing of either, not even its length. An empty secret equals nothing.
 *
 * @example
 * sameSecret(typedIin, application.iin); // true only when both are the same non-empty text
 */
export function sameSecret(a: string, b: string): boolean {
  return timingSafeEqual(digest(a), digest(b)) && a !== '';
}

function digest(value: string): Buffer {
  return hash('sha256', value, 'buffer');
}
