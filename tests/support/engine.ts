import pino from 'pino';
import { createTexts } from '../../locales/i18n';
import { Applications } from '../../bot/applications';
import { complaintEffects } from '../../bot/complaint-chat';
import { Complaints } from '../../bot/complaints';
import { Engine, type EngineOptions } from '../../bot/engine';
import { HomeVisits, homeVisitEffects } from '../../bot/home-visits';
import { DEFAULT_RETENTION, eraseHandler } from '../../bot/retention';
import { statusEffects } from '../../bot/status';
import { RegistryStatusSource } from '../../bot/status-source';
import { createFlows } from '../../flows';
import { ERASE_EFFECT } from '../../flows/erase';
import { createMemoryStore } from '../../store/memory';

export const texts = createTexts();

/**
 * An engine over the real flows and texts, on the in-memory store unless told otherwise, with the
 * effects the flows declare served on that store (visits are booked, applications looked up, complaints filed; the
 * citizen is told nothing out of turn, there being no delivery here).
 */
export function testEngine(overrides: Partial<EngineOptions> = {}): Engine {
  const store = overrides.store ?? createMemoryStore();
  const now = overrides.now;
  const quiet = async () => undefined;
  const visits = new HomeVisits(store, { default: 4, byRegion: {} }, quiet, now);
  const applications = new Applications(store, quiet, now);
  const source = new RegistryStatusSource(applications, pino({ level: 'silent' }));
  const complaints = new Complaints(store, quiet, now);
  const effects = {
    ...homeVisitEffects(visits),
    ...statusEffects({ source, applications, rateLimits: store.rateLimits }),
    ...complaintEffects(complaints),
    [ERASE_EFFECT]: eraseHandler({ store, applications, recordDays: DEFAULT_RETENTION.recordDays, complaints: complaints.records }),
  };
  return new Engine({ store, texts, flows: createFlows(), defaultLang: 'kk', ...overrides, effects: { ...effects, ...overrides.effects } });
}
