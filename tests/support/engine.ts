import { createTexts } from '../../locales/i18n';
import { Engine, type EngineOptions } from '../../bot/engine';
import { createFlows } from '../../flows';
import { createMemoryStore } from '../../store/memory';

export const texts = createTexts();

/** An engine over the real flows and texts, on the in-memory store unless told otherwise. */
export function testEngine(overrides: Partial<EngineOptions> = {}): Engine {
  return new Engine({ store: createMemoryStore(), texts, flows: createFlows(), defaultLang: 'kk', ...overrides });
}
