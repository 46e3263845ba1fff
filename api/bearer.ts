import type { FastifyRequest } from 'fastify';
import { sameSecret } from '../domain/same-secret';

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
  return (request) => {
    const given = bearerToken(request);
    return given !== undefined && sameSecret(given, secret);
  };
}
