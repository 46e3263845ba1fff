import { REGIONS } from '../../domain/regions';
import { type Choice, type FlowContext, localizedChoice, type Reply } from '../types';
import { optionsOf } from './choice';
import { dayLabel, offeredDays } from './date';
import { answerText, fieldName } from './display';
import { sizeText, typesText } from './file';
import { answerId, commandId, editId, WRITTEN } from './ids';
import { askedPart, currentField, skippable } from './state';
import type { AddressPart, Field, QuestionnaireDefinition, QuestionnaireState } from './types';

/** What the citizen is asked: the current question with its buttons, or the summary. */

export function promptReplies(def: QuestionnaireDefinition, state: QuestionnaireState, ctx: FlowContext): Reply[] {
  const field = currentField(def, state);
  return [field ? questionReply(def, state, field, ctx) : summaryReply(def, state, ctx)];
}

/**
 * The fields the citizen is asked, in order: not those the embedding flow answered at the start
 * (the reason a checklist already knows), so the first question asked is "1 of N" and N is what is left to answer.
 */
const askedFields = (def: QuestionnaireDefinition, state: QuestionnaireState): Field[] =>
  def.fields.filter((f) => state.values[f.id] === undefined || state.order.includes(f.id) || state.correcting === f.id);

function questionReply(def: QuestionnaireDefinition, state: QuestionnaireState, field: Field, ctx: FlowContext): Reply {
  const { t, lang } = ctx;
  const part = askedPart(field, state);
  const asked = askedFields(def, state);
  const lines = [t('questionnaire:question', { title: def.title[lang], position: asked.indexOf(field) + 1, total: asked.length, label: field.label[lang] })];
  const how = explanation(field, part, ctx);
  if (how) lines.push(how);
  const value = state.values[field.id];
  // Correcting: what the answer is now, until a new one is started; the transcript keeps it masked, as the summary's.
  const correcting = state.correcting === field.id && value !== undefined && (part === undefined || part === 'region');
  const now = (masked: boolean) => (correcting ? [t('questionnaire:now', { value: answerText(field, value, ctx, state.values, masked) })] : []);
  const text = [...lines, ...now(false)].join('\n');
  const transcriptText = [...lines, ...now(true)].join('\n');
  const answers = answerChoices(field, part, state, ctx);
  const choices = [
    ...answers,
    ...(skippable(field, state) ? [{ id: commandId('skip'), label: t('questionnaire:buttons.skip') }] : []),
    { id: commandId('back'), label: t('questionnaire:buttons.back') },
  ];
  const limit = field.kind === 'text' || field.kind === 'contact' ? field.maxLength : undefined;
  const typed = answers.length === 0 && field.kind !== 'file';
  return { text, ...(transcriptText !== text ? { transcriptText } : {}), choices, ...(limit && !part ? { inputLimit: limit } : {}), ...(typed ? { typedAnswer: true as const } : {}) };
}

/** The line under the question: how to answer (a typed kind), the part of the address, the consent's own text. */
function explanation(field: Field, part: AddressPart | undefined, ctx: FlowContext): string | undefined {
  const { t, lang } = ctx;
  switch (field.kind) {
    case 'text':
      return field.written ? t('questionnaire:written', { text: field.written }) : t('questionnaire:hint.text');
    case 'contact':
      return t('questionnaire:hint.text');
    case 'iin':
    case 'phone':
    case 'year':
    case 'date':
      return t(`questionnaire:hint.${field.kind}`);
    case 'file':
      return t('questionnaire:hint.file', { types: typesText(field, ctx), size: sizeText(field, ctx) });
    case 'consent':
      return t('questionnaire:consent.question', { text: field.text[lang] });
    case 'address':
      return t(`questionnaire:address.${part}`);
    case 'choice':
      return undefined;
  }
}

/** The buttons that answer: options, days, regions, yes and no, what the citizen already wrote. */
function answerChoices(field: Field, part: AddressPart | undefined, state: QuestionnaireState, ctx: FlowContext): Choice[] {
  switch (field.kind) {
    case 'choice':
      return optionsOf(field, ctx, state.values).map((o) => localizedChoice(answerId(field.id, o.id), o.label, ctx.lang, { also: o.also, no: o.no }));
    case 'date':
      return offeredDays(field, ctx).map((day) => ({ id: answerId(field.id, day), label: dayLabel(day, ctx) }));
    case 'address':
      return part === 'region' ? REGIONS.map((r) => localizedChoice(answerId(field.id, r.id), r.name, ctx.lang)) : [];
    case 'consent':
      return (['yes', 'no'] as const).map((answer) => ({ id: answerId(field.id, answer), label: ctx.t(`questionnaire:consent.${answer}`) }));
    case 'text':
      return field.written ? [{ id: answerId(field.id, WRITTEN), label: ctx.t('questionnaire:buttons.keep_written'), yes: true }] : [];
    default:
      return [];
  }
}

/** Every answer, numbered, with a button per number to correct it, "all correct" and "start again". */
export function summaryReply(def: QuestionnaireDefinition, state: QuestionnaireState, ctx: FlowContext): Reply {
  const { t, lang } = ctx;
  const summary = (masked: boolean) => {
    const lines = def.fields.map((field, i) => {
      const value = state.values[field.id];
      return `${i + 1}. ${fieldName(field, ctx)}: ${value === undefined ? '—' : answerText(field, value, ctx, state.values, masked)}`;
    });
    return [t('questionnaire:summary.title', { title: def.title[lang] }), ...lines, '', t('questionnaire:summary.hint')].join('\n');
  };
  const text = summary(false);
  const transcriptText = summary(true);
  const edits = def.fields.map((field, i) => ({ id: editId(field.id), label: t('questionnaire:buttons.edit', { number: i + 1 }) }));
  return {
    text,
    ...(transcriptText !== text ? { transcriptText } : {}),
    choices: [...edits, { id: commandId('confirm'), label: t('questionnaire:buttons.confirm'), yes: true }, { id: commandId('restart'), label: t('questionnaire:buttons.restart') }],
  };
}
