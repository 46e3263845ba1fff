import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';

/** The error body of every 4xx/5xx (DESIGN.md §6). */
export const ApiError = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
export type ApiError = z.infer<typeof ApiError>;

export function apiError(code: string, message: string): ApiError {
  return { error: { code, message } };
}

/**
 * The error handler of the contract: a request that fails its schema as 400 `bad_request` naming
 * where (`body/status: Invalid option…`), rate limiting as 429, any other 4xx with its own code,
 * and anything else as 500 `internal`, after `onInternal` (count it, log it).
 */
export function errorAnswer(onInternal: (error: FastifyError, request: FastifyRequest) => void) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      const first = error.validation[0];
      const where = first?.instancePath ? `${error.validationContext ?? 'request'}${first.instancePath}` : (error.validationContext ?? 'request');
      return reply.code(400).send(apiError('bad_request', `${where}: ${first?.message ?? 'invalid'}`));
    }
    const status = error.statusCode ?? 500;
    if (status === 429) return reply.code(429).send(apiError('rate_limited', 'Too many requests, slow down'));
    if (status >= 400 && status < 500) return reply.code(status).send(apiError(error.code?.toLowerCase() ?? 'bad_request', error.message));
    onInternal(error, request);
    return reply.code(500).send(apiError('internal', 'Internal error'));
  };
}

/** Requests longer than this in their first line are answered 414 rather than 431 when Node's parser overflows. */
const LONG_REQUEST_LINE = 4096;

/**
 * What Node's HTTP parser refuses before Fastify sees a request (`clientErrorHandler`): headers or
 * URL too large, a timeout, a malformed request. Answered in the contract's shape, then the socket
 * is closed, as Node does.
 */
export function clientErrorAnswer(error: Error & { code?: string; rawPacket?: unknown }, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, body] = clientError(error);
  const json = JSON.stringify(body);
  if (socket.writable) {
    socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(json)}\r\nConnection: close\r\n\r\n${json}`);
  }
  socket.destroy(error);
}

function clientError(error: Error & { code?: string; rawPacket?: unknown }): [number, ApiError] {
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') return [408, apiError('timeout', 'The request took too long to arrive')];
  if (error.code === 'HPE_HEADER_OVERFLOW') {
    // Node counts the URL with the headers; a first line that does not end soon is a URL too long.
    const firstLineEnd = Buffer.isBuffer(error.rawPacket) ? error.rawPacket.indexOf('\r\n') : 0;
    if (firstLineEnd < 0 || firstLineEnd > LONG_REQUEST_LINE) return [414, apiError('uri_too_long', 'The URL is too long')];
    return [431, apiError('headers_too_large', 'The request headers are too large')];
  }
  return [400, apiError('bad_request', 'The request is not valid HTTP')];
}

/** Fastify's own refusals before routing (`frameworkErrors`): a URL it cannot decode, a path parameter too long. */
export function frameworkErrorAnswer(fallback: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => FastifyReply) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply => {
    if (error.code === 'FST_ERR_BAD_URL') return reply.code(400).send(apiError('bad_url', 'The URL is not valid: check its % escapes'));
    if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') return reply.code(414).send(apiError('uri_too_long', 'A part of the URL is too long'));
    return fallback(error, request, reply);
  };
}
