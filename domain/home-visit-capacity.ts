import { REGIONS, type RegionId } from './regions';

/** Home visits a region's State Corporation office takes per window of a working day. */
export interface VisitCapacity {
  /** For every region not named. */
  default: number;
  byRegion: Partial<Record<RegionId, number>>;
}

export class InvalidCapacityError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidCapacityError';
  }
}

const MAX_PER_WINDOW = 1000;

/**
 * Reads `HOME_VISIT_CAPACITY`: a number for every region, then `region=number` for exceptions,
 * separated by `;`.
 *
 * @example
 * parseVisitCapacity('4; almaty=6; astana=6') // { default: 4, byRegion: { almaty: 6, astana: 6 } }
 */
export function parseVisitCapacity(text: string): VisitCapacity {
  const [first, ...rest] = text
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean);
  if (first === undefined) throw new InvalidCapacityError('empty');
  const capacity: VisitCapacity = { default: count(first, 'the default'), byRegion: {} };
  for (const part of rest) {
    const match = /^([a-z-]+)\s*=\s*(\S+)$/.exec(part);
    if (!match) throw new InvalidCapacityError(`"${part}" is not region=number`);
    const region = REGIONS.find((r) => r.id === match[1]);
    if (!region) throw new InvalidCapacityError(`unknown region "${match[1]}"`);
    capacity.byRegion[region.id] = count(match[2]!, region.id);
  }
  return capacity;
}

export function capacityOf(capacity: VisitCapacity, region: RegionId): number {
  return capacity.byRegion[region] ?? capacity.default;
}

function count(text: string, what: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0 || value > MAX_PER_WINDOW) throw new InvalidCapacityError(`${what}: "${text}" is not a whole number from 0 to ${MAX_PER_WINDOW}`);
  return value;
}
