import { type EducationLevel, parseCatalog, type Service, type ServiceId } from './schema';
import { services as allServices } from './services';

/** Defined in the built bundle only (scripts/build.ts). */
declare const PREBUILT_SCRIPTS: string | undefined;

/**
 * The validated catalog: a bad entry fails at start (or the build), never mid-conversation. Run
 * from the sources it is validated at import; the build validates it before bundling it, so the
 * bundle takes it as it is (the schema check was a twentieth of the start).
 */
export const catalog: readonly Service[] = typeof PREBUILT_SCRIPTS === 'string' ? (allServices as readonly Service[]) : parseCatalog(allServices);

const byId = new Map(catalog.map((s) => [s.id, s]));

export function findService(id: string): Service | undefined {
  return byId.get(id as ServiceId);
}

/**
 * The services a flow was told fit what the citizen typed (`candidates` of a flow's start), when
 * there are several: ids of unknown services and anything else are left out.
 */
export function candidateServices(value: unknown): string[] {
  const known = Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string' && findService(id) !== undefined) : [];
  return known.length > 1 ? known : [];
}

/** The services the organisations of a level of study provide, in the catalog's order. */
export function servicesOfLevel(level: EducationLevel): string[] {
  return catalog.filter((service) => service.levels.includes(level)).map((service) => service.id);
}

export * from './schema';
