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

/** Words that say what kind of street it is, not which: a street named by them and a number alone ("мкр 5") has no house in it. */
const STREET_KINDS = new Set(
  'улица ул проспект пр пр-т просп мкр микрорайон мкрн переулок пер бульвар б-р шоссе тупик трасса квартал көшесі көше кошеси даңғылы дангылы шағын шагын аудан ауданы ыкшам ықшам'.split(' '),
);
const HOUSE_NUMBER = String.raw`\d+[\p{L}]?(?:[/-]\d+[\p{L}]?)?`;
/** "улица Абая 10, кв 5", "Абай көшесі 12-үй 5-пәтер", "мкр Самал-2, дом 33, кв. 12": the street, the house, a flat. */
const STREET_HOUSE_FLAT = new RegExp(
  String.raw`^(?<street>.+?)[\s,]+(?:(?:д\.?|дом|үй|уй)\s*)?(?<house>${HOUSE_NUMBER})(?:\s*-?\s*(?:үй|уй))?` +
    String.raw`(?:[\s,]+(?:(?:кв\.?|квартира|пәтер|патер)\s*(?<flat>\d+)|(?<flatAfter>\d+)\s*-?\s*(?:пәтер|патер)))?[\s.]*$`,
  'iu',
);

/**
 * A street typed with its house and maybe its flat, where the street is asked ("улица Абая 10, кв 5"): taken apart so
 * neither is asked again. Undefined when no house follows a street's name ("Абая", "мкр 5", "Самал-2").
 */
export function streetWithHouse(typed: string): { street: string; house: string; flat?: string } | undefined {
  const found = STREET_HOUSE_FLAT.exec(tidy(typed))?.groups;
  if (!found) return undefined;
  const street = found.street!.replace(/[\s,]+$/, '');
  const names = (street.toLowerCase().match(/\p{L}{3,}/gu) ?? []).filter((word) => !STREET_KINDS.has(word));
  if (names.length === 0 || !('value' in checkPart('street', street))) return undefined;
  const flat = found.flat ?? found.flatAfter;
  return { street, house: found.house!, ...(flat ? { flat } : {}) };
}

/** The address once every part is given; skipped parts are left out. */
export function completed(given: AddressParts): AddressAnswer | undefined {
  if (nextPart(given) !== undefined || !given.region || !regionById(given.region)) return undefined;
  const part = (name: AddressPart) => (given[name] && given[name] !== SKIPPED ? { [name]: given[name] } : {});
  return { region: given.region as RegionId, street: given.street!, house: given.house!, ...part('settlement'), ...part('flat'), ...part('access'), ...part('landmark') };
}

/** One line: "Алматы облысы, Қонаев, Абай көшесі, 12-үй, 5-пәтер, бағдар: мектептің қарсысында". */
export function addressLine(address: AddressAnswer, ctx: FlowContext): string {
  return [
    regionById(address.region)?.name[ctx.lang] ?? address.region,
    address.settlement,
    streetLine(address, ctx),
    address.access,
    address.landmark && ctx.t('questionnaire:address.landmark_line', { landmark: address.landmark }),
  ]
    .filter(Boolean)
    .join(', ');
}

/** The street, the house and the flat of an address: "Абай көшесі, 12-үй, 5-пәтер". */
export function streetLine({ street, house, flat }: Pick<AddressAnswer, 'street' | 'house' | 'flat'>, ctx: FlowContext): string {
  const t = (key: string, vars: Record<string, unknown>) => ctx.t(`questionnaire:address.${key}`, vars);
  return [street, t('house_line', { house }), flat && t('flat_line', { flat })].filter(Boolean).join(', ');
}
