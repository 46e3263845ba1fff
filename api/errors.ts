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
