import { validateIin } from '../../domain/iin';
import { formatKzPhone, normalizeKzPhone } from '../../domain/phone';
import type { FlowContext } from '../types';
import type { FormDefinition, FormField, FormValues } from './types';

/** A field left empty on purpose (an optional one the citizen skipped). */
export const SKIPPED = '';

export function nextField(form: FormDefinition, values: FormValues): FormField | undefined {
  return form.fields.find((f) => values[f.id] === undefined);
}

/** Checks a typed value; returns the value to keep, or the key of the message that says what is wrong. */
export function checkTyped(field: FormField, typed: string, ctx: FlowContext): { value: string } | { error: string; vars?: Record<string, unknown> } {
  const text = typed.trim().replace(/\s+/g, ' ');
  switch (field.kind) {
    case 'iin': {
      const result = validateIin(text);
      return result.ok ? { value: result.iin } : { error: `forms:errors.iin_${result.reason}` };
    }
    case 'year': {
      const year = Number(text);
      const thisYear = Number(ctx.now.toISOString().slice(0, 4));
      return /^\d{4}$/.test(text) && year >= 1940 && year <= thisYear ? { value: text } : { error: 'forms:errors.year', vars: { max: thisYear } };
    }
    case 'choice':
      return { error: 'forms:errors.use_buttons' };
    case 'contact': {
      // A bare phone number is a full answer; it is kept in one spelling (+7 701 234 56 78).
      const phone = normalizeKzPhone(text);
      if (phone.ok) return { value: formatKzPhone(phone.e164) };
      return checkText(text, field.maxLength);
    }
    default:
      return checkText(text, field.maxLength);
  }
}

/** Free text: at least two characters with a letter among them, and no longer than the field allows. */
function checkText(text: string, maxLength = 200): { value: string } | { error: string; vars?: Record<string, unknown> } {
  if (text.length < 2 || !/\p{L}/u.test(text)) return { error: 'forms:errors.too_short' };
  if (text.length > maxLength) return { error: 'forms:errors.too_long', vars: { max: maxLength } };
  return { value: text };
}
