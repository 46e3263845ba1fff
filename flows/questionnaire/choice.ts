import { plainLetters } from '../../domain/letters';
import type { FlowContext } from '../types';
import { tidy } from './typed';
import type { Answers, ChoiceField, ChoiceOption } from './types';

/** The options of a choice now: fixed, or worked out from the context and the answers so far. */
export function optionsOf(field: ChoiceField, ctx: FlowContext, values: Readonly<Answers>): readonly ChoiceOption[] {
  return typeof field.options === 'function' ? field.options(ctx, values) : field.options;
}

const comparable = (text: string): string => plainLetters(tidy(text)).replace(/[.!]+$/, '');

/** The option a typed answer names: its label in the citizen's language (any case, with or without Kazakh letters), or its number. */
export function typedOption(options: readonly ChoiceOption[], typed: string, ctx: FlowContext): ChoiceOption | undefined {
  const text = comparable(typed);
  if (/^\d{1,2}$/.test(text)) return options[Number(text) - 1];
  return options.find((option) => comparable(option.label[ctx.lang]) === text);
}
