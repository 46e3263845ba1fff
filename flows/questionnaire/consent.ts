import { plainLetters } from '../../domain/letters';
import type { FlowContext } from '../types';
import { tidy } from './typed';

/** Yes and no as people type them in either language (after `plainLetters`). */
const YES = new Set(['да', 'иа', 'ия', 'келисемин', 'согласен', 'согласна', 'yes']);
const NO = new Set(['нет', 'жок', 'келиспеймин', 'не согласен', 'не согласна', 'no']);

/** A typed answer to a consent: a yes or no word, or a button's label; undefined when it is neither. */
export function typedConsent(typed: string, ctx: FlowContext): 'yes' | 'no' | undefined {
  const text = plainLetters(tidy(typed)).replace(/[.!]+$/, '');
  if (YES.has(text) || text === plainLetters(ctx.t('questionnaire:consent.yes'))) return 'yes';
  if (NO.has(text) || text === plainLetters(ctx.t('questionnaire:consent.no'))) return 'no';
  return undefined;
}
