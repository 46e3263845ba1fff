import { handle, prompt, start, summary } from './handle';

/**
 * A questionnaire a flow embeds in its own state to ask data field by field: each answer checked,
 * optional ones skipped, "back" undoing the last, then a summary from which any one answer is
 * corrected, and a confirmation.
 *
 * @example
 * const begun = questionnaire.start(definition, ctx, { reason: 'lost' });
 * // keep begun.state in the flow's state; on each event:
 * const step = questionnaire.handle(definition, stored, event, ctx);
 * if (step.outcome && 'done' in step.outcome) use(step.outcome.done);
 */
export const questionnaire = { start, handle, prompt, summary } as const;

export { answerText, fieldName } from './display';
export { checkDay, checkTypedDate, dayLabel } from './date';
export type { Checked } from './typed';
export { checkFile, sizeText, typesText } from './file';
export { answerId, checkDefinition, PREFIX as QUESTIONNAIRE_PREFIX } from './ids';
export { SKIPPED } from './types';
export type {
  AddressAnswer,
  Answer,
  Answers,
  ChoiceField,
  ChoiceOption,
  ConsentAnswer,
  Field,
  FileAnswer,
  Outcome,
  QuestionnaireDefinition,
  QuestionnaireState,
  QuestionnaireStep,
  StopReason,
} from './types';
