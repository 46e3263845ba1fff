import { describe, expect, it } from 'vitest';
import { classifyTelegramFailure, failureReason } from '../../bot/telegram-failure';
import { telegramError } from '../support/telegram-error';

describe('a failed Bot API call', () => {
  it('waits for retry_after (at least a second) when Telegram gives one', () => {
    expect(classifyTelegramFailure(telegramError(429, 'Too Many Requests: retry after 7', 7))).toEqual({ kind: 'later', afterMs: 7000 });
    expect(classifyTelegramFailure(telegramError(429, 'Too Many Requests: retry after 0', 0))).toEqual({ kind: 'later', afterMs: 1000 });
  });

  it('is dropped when sending again would fail the same way (400, 403)', () => {
    expect(classifyTelegramFailure(telegramError(400, 'Bad Request: chat not found'))).toEqual({ kind: 'permanent' });
    expect(classifyTelegramFailure(telegramError(403, 'Forbidden: bot was blocked by the user'))).toEqual({ kind: 'permanent' });
  });

  it("is tried again after a server error or a failure that is not Telegram's answer", () => {
    expect(classifyTelegramFailure(telegramError(502, 'Bad Gateway'))).toEqual({ kind: 'transient' });
    expect(classifyTelegramFailure(new Error('ECONNRESET'))).toEqual({ kind: 'transient' });
  });

  it("is logged by Telegram's code and reason only, never by the request", () => {
    const reason = failureReason(telegramError(403, 'Forbidden: bot was blocked by the user', undefined, { chat_id: 66, text: 'Жеке хабарлама' }));
    expect(reason).toEqual({ code: 403, description: 'Forbidden: bot was blocked by the user' });
    expect(failureReason(new Error('ECONNRESET'))).toEqual({ reason: 'ECONNRESET' });
  });
});
