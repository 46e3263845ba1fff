import { IIN_PATTERN } from '../../domain/iin';
import { normalizeKzPhone, PHONE_PATTERN } from '../../domain/phone';
import { regionById } from '../../domain/regions';
import { checkRegion } from './address';
import type { FlowContext } from '../types';
import type { AddressAnswer, Answer, Field, QuestionnaireState } from './types';

/**
 * What the transcript keeps of a message typed into a questionnaire: an IIN as "•••••••• 1234", a
 * phone as "+7 ••• ••• 45 67", an address as its region only. Whatever was typed, right or wrong:
 * a mistyped IIN is still someone's IIN.
 */

const HIDDEN = '••••••••';
/** What the transcript keeps of any part of an address past its region. */
export const HIDDEN_PART = '•••';

const lastDigits = (text: string, count: number): string => text.replace(/\D/g, '').slice(-count);

export function maskedIin(typed: string): string {
  return `${HIDDEN} ${lastDigits(typed, 4)}`.trim();
}

export function maskedPhone(typed: string): string {
  // "звоните на 8 701 234 56 78": the number in the sentence.
  const phone = normalizeKzPhone(typed.match(PHONE_PATTERN)?.[0] ?? typed);
  if (phone.ok) return `+7 ••• ••• ${phone.e164.slice(8, 10)} ${phone.e164.slice(10)}`;
  return maskedIin(typed);
}

/** Free text with the IINs and phone numbers in it masked; undefined when it has none. */
export function maskedInText(typed: string): string | undefined {
  const masked = typed.replace(IIN_PATTERN, maskedIin).replace(PHONE_PATTERN, maskedPhone);
  return masked === typed ? undefined : masked;
}

/** The transcript's text for a message typed at `field` (in `state`, before the answer); undefined when it may be kept as typed. */
export function transcriptTextOf(field: Field, typed: string, state: QuestionnaireState, ctx: FlowContext): string | undefined {
  switch (field.kind) {
    case 'iin':
      return maskedIin(typed);
    case 'phone':
      return maskedPhone(typed);
    case 'contact':
    case 'text':
      return maskedInText(typed);
    case 'address': {
      const given = regionById(state.address?.region ?? '');
      if (given) return `${given.name[ctx.lang]}, ${HIDDEN_PART}`;
      // Typed at the region question: the region's name, or hidden whole when it names none.
      const region = checkRegion(typed);
      return 'value' in region ? regionById(region.value)!.name[ctx.lang] : HIDDEN_PART;
    }
    default:
      return undefined;
  }
}

/** A stored answer as the transcript shows it (the summary read back): undefined when it may be shown whole. */
export function maskedAnswer(field: Field, value: Answer, ctx: FlowContext): string | undefined {
  switch (field.kind) {
    case 'iin':
      return maskedIin(String(value));
    case 'phone':
      return maskedPhone(String(value));
    case 'contact':
    case 'text':
      return maskedInText(String(value));
    case 'address': {
      const region = regionById((value as AddressAnswer).region);
      return region ? `${region.name[ctx.lang]}, ${HIDDEN_PART}` : HIDDEN_PART;
    }
    default:
      return undefined;
  }
}
