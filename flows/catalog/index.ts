import { parseCatalog, type Service, type ServiceId } from './schema';
import { services as allServices } from './services';

/** The validated catalog, built once at import: a bad entry fails at start, never mid-conversation. */
export const catalog: readonly Service[] = parseCatalog(allServices);

const byId = new Map(catalog.map((s) => [s.id, s]));

export function findService(id: string): Service | undefined {
  return byId.get(id as ServiceId);
}

export * from './schema';
