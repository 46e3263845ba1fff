import { plainLetters } from '../../domain/letters';
import type { FlowContext } from '../types';
import { tidy } from './typed';

/**
 * What people type instead of pressing "Skip" at a question they may leave unanswered, in either
 * language (after `plainLetters`): "нет", "не помню", "жоқ", "білмеймін", "керек емес".
 */
const SKIP_WORDS = new Set([
  'нет',
  'нету',
  'не знаю',
  'не помню',
  'не было',
  'не нужно',
  'не надо',
  'ничего',
  'пропустить',
  'пропусти',
  'пропускаю',
  'жок',
  'билмеймин',
  'есимде жок',
  'керек емес',
  'кажет емес',
  'ештене',
  'откизип жиберу',
  'no',
  '-',
  '—',
]);

/** Whether a typed answer says to leave the question unanswered: a skip word, or the skip button's own label. */
export function saysSkip(typed: string, ctx: FlowContext): boolean {
  const text = plainLetters(tidy(typed)).replace(/[.!,)]+$/, '');
  return SKIP_WORDS.has(text) || text === plainLetters(ctx.t('questionnaire:buttons.skip'));
}
