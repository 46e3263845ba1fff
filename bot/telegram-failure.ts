import { GrammyError } from 'grammy';

/**
 * What to do about a failed Bot API call: send again after Telegram's retry_after (`later`),
 * never send again (`permanent`), or send again after a backoff (`transient`).
 */
export type TelegramFailure = { kind: 'later'; afterMs: number } | { kind: 'permanent' } | { kind: 'transient' };

/**
 * 429 (the outbox's sends are not retried inside the call): later, after retry_after. 400 (chat
 * not found, message malformed) and 403 (blocked by the user, kicked): sending again would fail
 * the same way. Anything else (5xx, network, Redis): try again later.
 */
/** Telegram's 403: the citizen blocked the bot (or left the chat). */
export function isBlockedByUser(error: unknown): boolean {
  return error instanceof GrammyError && error.error_code === 403;
}

export function classifyTelegramFailure(error: unknown): TelegramFailure {
  if (error instanceof GrammyError) {
    const retryAfter = error.parameters.retry_after;
    if (typeof retryAfter === 'number') return { kind: 'later', afterMs: Math.max(1, retryAfter) * 1000 };
    if (error.error_code === 400 || error.error_code === 403) return { kind: 'permanent' };
  }
  return { kind: 'transient' };
}

/**
 * What a log may say about a failure: a GrammyError carries the request (chat id and text), so
 * only Telegram's code and reason are kept; other errors by their message.
 */
export function failureReason(error: unknown): Record<string, unknown> {
  if (error instanceof GrammyError) return { code: error.error_code, description: error.description };
  return { reason: error instanceof Error ? error.message : String(error) };
}
