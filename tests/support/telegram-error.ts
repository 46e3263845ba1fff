import { GrammyError } from 'grammy';

/** The error grammY throws when the Bot API refuses a sendMessage: the code, the reason, retry_after for a 429, and the request. */
export function telegramError(error_code: number, description: string, retry_after?: number, payload: Record<string, unknown> = {}): GrammyError {
  return new GrammyError(
    `Call to 'sendMessage' failed! (${error_code}: ${description})`,
    { ok: false, error_code, description, ...(retry_after !== undefined ? { parameters: { retry_after } } : {}) },
    'sendMessage',
    payload,
  );
}
