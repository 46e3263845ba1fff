import { REGIONS, regionById, regionByName, type RegionId } from '../../domain/regions';
import type { FlowContext } from '../types';
import { checkText, tidy, type Checked } from './typed';
import { ADDRESS_PARTS, SKIPPED, type AddressAnswer, type AddressPart, type AddressParts } from './types';

/**
 * An address asked part by part: the region (buttons), the town or village (not for the three
 * cities), the street, the house, then the flat, the entrance, floor and intercom, and a landmark,
 * each of which may be skipped.
 */

export const OPTIONAL_PARTS: ReadonlySet<AddressPart> = new Set(['flat', 'access', 'landmark']);

const MAX_LENGTH = 100;

const asked = (given: AddressParts): AddressPart[] => ADDRESS_PARTS.filter((part) => part !== 'settlement' || !regionById(given.region ?? '')?.city);

/** The part to ask next; undefined when every part is given. */
export function nextPart(given: AddressParts): AddressPart | undefined {
  return asked(given).find((part) => given[part] === undefined);
}

/** The parts without the last one given ("back" within the address); undefined when none was given. */
export function withoutLast(given: AddressParts): AddressParts | undefined {
  const last = asked(given)
    .filter((part) => given[part] !== undefined)
    .at(-1);
  if (!last) return undefined;
  const { [last]: _dropped, ...rest } = given;
  return rest;
}

/** A region typed by its name, in either language, or by its number in the list. */
export function checkRegion(typed: string): Checked<RegionId> {
  const text = tidy(typed);
  const byNumber = /^\d{1,2}$/.test(text) ? REGIONS[Number(text) - 1] : undefined;
  const region = byNumber ?? regionByName(text);
  return region ? { value: region.id } : { error: 'questionnaire:errors.region', notUnderstood: true };
}

/** A typed part other than the region: a house and a flat need a number, the rest a word. */
export function checkPart(part: Exclude<AddressPart, 'region'>, typed: string): Checked {
  const text = tidy(typed);
  if (part === 'house') return /\d/.test(text) && text.length <= 20 ? { value: text } : { error: 'questionnaire:errors.house' };
  if (part === 'flat') return /\d/.test(text) && text.length <= 10 ? { value: text } : { error: 'questionnaire:errors.flat' };
  if (part !== 'access') return checkText(text, { maxLength: MAX_LENGTH, names: 'thing' });
  // Entrance, floor and intercom may be digits only ("2/5/25").
  if (!text) return { error: 'questionnaire:errors.too_short' };
  return text.length > MAX_LENGTH ? { error: 'questionnaire:errors.too_long', vars: { max: MAX_LENGTH } } : { value: text };
}

/** The address once every part is given; skipped parts are left out. */
export function completed(given: AddressParts): AddressAnswer | undefined {
  if (nextPart(given) !== undefined || !given.region || !regionById(given.region)) return undefined;
  const part = (name: AddressPart) => (given[name] && given[name] !== SKIPPED ? { [name]: given[name] } : {});
  return { region: given.region as RegionId, street: given.street!, house: given.house!, ...part('settlement'), ...part('flat'), ...part('access'), ...part('landmark') };
}

/** One line: "Алматы облысы, Қонаев, Абай көшесі, 12-үй, 5-пәтер, бағдар: мектептің қарсысында". */
export function addressLine(address: AddressAnswer, ctx: FlowContext): string {
  const t = (key: string, vars: Record<string, unknown>) => ctx.t(`questionnaire:address.${key}`, vars);
  return [
    regionById(address.region)?.name[ctx.lang] ?? address.region,
    address.settlement,
    address.street,
    t('house_line', { house: address.house }),
    address.flat && t('flat_line', { flat: address.flat }),
    address.access,
    address.landmark && t('landmark_line', { landmark: address.landmark }),
  ]
    .filter(Boolean)
    .join(', ');
}
