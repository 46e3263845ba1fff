import { formatKzPhone } from '../../domain/phone';
import { formatCivilDate } from '../../locales/format';
import type { FlowContext } from '../types';
import { addressLine } from './address';
import { maskedAnswer } from './mask';
import { optionsOf } from './choice';
import { SKIPPED, type AddressAnswer, type Answer, type Answers, type Field, type FileAnswer } from './types';

/**
 * An answer as the summary shows it: the option's label, the date in words, the phone spaced, the
 * address on one line. `masked`: as the transcript keeps it, personal data hidden.
 */
export function answerText(field: Field, value: Answer, ctx: FlowContext, values: Readonly<Answers>, masked = false): string {
  if (value === SKIPPED) return ctx.t('questionnaire:summary.skipped');
  if (masked) {
    const hidden = maskedAnswer(field, value, ctx);
    if (hidden !== undefined) return hidden;
  }
  switch (field.kind) {
    case 'phone':
      return formatKzPhone(String(value));
    case 'date':
      return formatCivilDate(String(value), ctx.lang);
    case 'choice':
      return optionsOf(field, ctx, values).find((o) => o.id === value)?.label[ctx.lang] ?? String(value);
    case 'address':
      return addressLine(value as AddressAnswer, ctx);
    case 'consent':
      return ctx.t('questionnaire:consent.given');
    case 'file':
      return (value as FileAnswer).name;
    default:
      return String(value);
  }
}

/** The field's name in the summary, before a colon: without the question's own "?" or full stop. */
export function fieldName(field: Field, ctx: FlowContext): string {
  return (field.short ?? field.label)[ctx.lang].replace(/[?.:]+$/, '');
}
