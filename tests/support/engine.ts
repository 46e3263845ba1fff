import { createTexts } from '../../locales/i18n';
import { Engine, type EngineOptions } from '../../bot/engine';
import { HomeVisits, homeVisitEffects } from '../../bot/home-visits';
import { createFlows } from '../../flows';
import { createMemoryStore } from '../../store/memory';

export const texts = createTexts();

/**
 * An engine over the real flows and texts, on the in-memory store unless told otherwise, with the
 * effects the flows declare served on that store (visits are booked; the citizen is told nothing
 * out of turn, there being no delivery here).
 */
export function testEngine(overrides: Partial<EngineOptions> = {}): Engine {
  const store = overrides.store ?? createMemoryStore();
  const now = overrides.now;
  const visits = new HomeVisits(store, { default: 4, byRegion: {} }, async () => undefined, now);
  return new Engine({ store, texts, flows: createFlows(), defaultLang: 'kk', ...overrides, effects: { ...homeVisitEffects(visits), ...overrides.effects } });
}
