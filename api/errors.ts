import { z } from 'zod';

/** The error body of every 4xx/5xx (DESIGN.md §6). */
export const ApiError = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
export type ApiError = z.infer<typeof ApiError>;

export function apiError(code: string, message: string): ApiError {
  return { error: { code, message } };
}
