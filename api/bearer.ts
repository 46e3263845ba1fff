import { hash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';

/** `Authorization: Bearer <token>` (RFC 6750): the scheme in any case, the token one word. */
const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** The bearer token a request carries, if it carries one. */
export function bearerToken(request: FastifyRequest): string | undefined {
  return BEARER.exec(request.headers.authorization ?? '')?.[1];
}

/**
 * Whether a request carries `secret` as its bearer token. Both are compared as digests, so the time
 * the comparison takes tells nothing of the secret, not even its length.
 *
 * @example
 * const carriesToken = bearerCheck(config.METRICS_TOKEN);
 * if (!carriesToken(request)) return reply.code(401).send(apiError('unauthorized', 'Send Authorization: Bearer <METRICS_TOKEN>'));
 */
export function bearerCheck(secret: string): (request: FastifyRequest) => boolean {
  const expected = digest(secret);
  return (request) => {
    const given = bearerToken(request);
    return given !== undefined && timingSafeEqual(digest(given), expected);
  };
}

function digest(value: string): Buffer {
  return hash('sha256', value, 'buffer');
}
