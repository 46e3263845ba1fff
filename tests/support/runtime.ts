import pino from 'pino';
import { createRuntime, type Runtime, type RuntimeOptions } from '../../bot/runtime';
import { parseOpeningHours } from '../../domain/hours';
import type { Store } from '../../store/types';
import { texts } from './engine';

/**
 * The conversation runtime as an instance runs it, quiet, with the contact centre always open and
 * the Telegram channel off, on the given store; the test sets the language, the clock and the rest.
 */
export function testRuntime(store: Store, options: Partial<Omit<RuntimeOptions, 'store'>> = {}): Runtime {
  return createRuntime({ store, texts, log: pino({ level: 'silent' }), defaultLang: 'ru', hours: parseOpeningHours('always'), idleMs: 3_600_000, secret: 'test-secret', telegram: false, ...options });
}
