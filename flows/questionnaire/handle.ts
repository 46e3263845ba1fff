import { regionById } from '../../domain/regions';
import type { FlowContext, FlowEvent, Reply } from '../types';
import { checkPart, checkRegion, completed, streetLine, streetWithHouse } from './address';
import { optionsOf, typedOption } from './choice';
import { typedConsent } from './consent';
import { checkDay, checkTypedDate } from './date';
import { checkFile } from './file';
import { checkDefinition, pressed, type Pressed, WRITTEN } from './ids';
import { answerText, fieldName } from './display';
import { HIDDEN_PART, transcriptTextOf } from './mask';
import { promptReplies, summaryReply } from './prompt';
import { saysSkip } from './skip-words';
import { answered, askedPart, back, correcting, currentField, readState, restarted, skippable } from './state';
import { checkContact, checkIin, checkPhone, checkText, checkYear, type Checked, digitsExpected, type Refusal, saysNotKnown } from './typed';
import { SKIPPED, type AddressPart, type AddressParts, type Answer, type Answers, type Field, type QuestionnaireDefinition, type QuestionnaireState, type QuestionnaireStep } from './types';

/**
 * Runs a questionnaire inside a flow's step. Pure: no I/O, and the clock only from `ctx.now`.
 * Every step returns the next state; the embedding flow keeps it in its own state and acts on the
 * outcome.
 */

/** What an event gives the current question: an answer, one part of an address, a "no" to a consent, or why not. */
type Taken = { value: Answer } | { part: AddressPart; value: string; with?: AddressParts } | { refused: true } | Refusal;

/** The first question (or the summary, when `prefill` answers every field). Values for fields the definition lacks are dropped. */
export function start(def: QuestionnaireDefinition, ctx: FlowContext, prefill: Readonly<Answers> = {}): QuestionnaireStep {
  checkDefinition(def);
  const values = Object.fromEntries(def.fields.flatMap((f) => (prefill[f.id] === undefined ? [] : [[f.id, prefill[f.id]!]])));
  const state: QuestionnaireState = { values, order: [] };
  return { state, replies: promptReplies(def, state, ctx) };
}

/** The current question again, or the summary: after a reload, a language switch, a hand-back. */
export function prompt(def: QuestionnaireDefinition, state: Partial<QuestionnaireState>, ctx: FlowContext): Reply[] {
  return promptReplies(def, readState(def, state), ctx);
}

/** Every answer with a button to correct each, to confirm, and to start again. */
export function summary(def: QuestionnaireDefinition, state: Partial<QuestionnaireState>, ctx: FlowContext): Reply {
  return summaryReply(def, readState(def, state), ctx);
}

export function handle(def: QuestionnaireDefinition, stored: Partial<QuestionnaireState>, event: FlowEvent, ctx: FlowContext): QuestionnaireStep {
  const state = readState(def, stored);
  const field = currentField(def, state);
  if (event.type === 'choice') {
    const press = pressed(event.id);
    return press ? onButton(def, state, field, press, ctx) : refuse(def, state, { error: 'questionnaire:errors.use_buttons' }, ctx);
  }
  if (!field) return atSummary(def, state, event, ctx);
  // "нет", "не помню", "жоқ" typed where the question may be skipped, or "не помню номер" where digits are: skipped, as with its button.
  if (event.type === 'text' && skippable(field, state) && (saysSkip(event.text, ctx) || (wantsDigits(field, state) && saysNotKnown(event.text)))) return skip(def, state, field, ctx);
  const taken =
    event.type === 'text'
      ? typed(field, event.text, state, ctx)
      : event.type === 'file' && field.kind === 'file'
        ? checkFile(event.file, field, ctx)
        : { error: 'questionnaire:errors.file_not_needed' };
  const ahead = event.type === 'text' && 'error' in taken ? answeredAhead(def, state, field, event.text, ctx) : undefined;
  if (ahead) return ahead;
  const step = take(def, state, field, taken, ctx);
  const transcriptText = event.type === 'text' ? transcriptTextOf(field, event.text, state, ctx) : undefined;
  return transcriptText === undefined ? step : { ...step, transcriptText };
}

function onButton(def: QuestionnaireDefinition, state: QuestionnaireState, field: Field | undefined, press: Pressed, ctx: FlowContext): QuestionnaireStep {
  const stale: Refusal = { error: 'questionnaire:errors.use_buttons' };
  if ('edit' in press) {
    const target = field ? undefined : def.fields.find((f) => f.id === press.edit);
    return target ? asked(def, correcting(state, target), ctx) : refuse(def, state, stale, ctx);
  }
  if ('field' in press) return field && press.field === field.id ? take(def, state, field, pressedAnswer(field, press.option, state, ctx), ctx) : refuse(def, state, stale, ctx);
  switch (press.command) {
    case 'back': {
      const previous = back(state);
      return previous ? asked(def, previous, ctx) : { state, replies: [], outcome: { cancelled: true } };
    }
    case 'skip':
      return field ? skip(def, state, field, ctx) : refuse(def, state, stale, ctx);
    case 'confirm':
      return field ? refuse(def, state, stale, ctx) : { state, replies: [], outcome: { done: state.values } };
    case 'restart':
      return field ? refuse(def, state, stale, ctx) : asked(def, restarted(state), ctx);
  }
}

/** A typed answer to the current question (or the current part of an address); one that should hold digits is not understood without any. */
function typed(field: Field, text: string, state: QuestionnaireState, ctx: FlowContext): Taken {
  const taken = checkTyped(field, text, state, ctx);
  return wantsDigits(field, state) ? digitsExpected(taken, text) : taken;
}

/** An IIN, a phone, a year, a date, a house, an application number. */
function wantsDigits(field: Field, state: QuestionnaireState): boolean {
  if (field.kind === 'address') return askedPart(field, state) === 'house';
  if (field.kind === 'text') return field.names === 'application';
  return field.kind === 'iin' || field.kind === 'phone' || field.kind === 'year' || field.kind === 'date';
}

function checkTyped(field: Field, text: string, state: QuestionnaireState, ctx: FlowContext): Taken {
  switch (field.kind) {
    case 'text':
      return checkText(text, field);
    case 'contact':
      return checkContact(text, field.maxLength);
    case 'iin':
      return checkIin(text);
    case 'phone':
      return checkPhone(text);
    case 'year':
      return checkYear(text, ctx, field.min);
    case 'date':
      return checkTypedDate(text, field, ctx);
    case 'choice': {
      const option = typedOption(optionsOf(field, ctx, state.values), text, ctx);
      return option ? { value: option.id } : { error: 'questionnaire:errors.use_buttons', notUnderstood: true };
    }
    case 'consent':
      return consentAnswer(typedConsent(text, ctx), ctx);
    case 'address': {
      const part = askedPart(field, state) ?? 'region';
      // "улица Абая 10, кв 5" where the street is asked: the house and the flat are not asked again.
      const withHouse = part === 'street' ? streetWithHouse(text) : undefined;
      if (withHouse) {
        const { street, ...houseAndFlat } = withHouse;
        return { part, value: street, with: houseAndFlat };
      }
      return asPart(part, part === 'region' ? checkRegion(text) : checkPart(part, text));
    }
    case 'file':
      return { error: 'questionnaire:errors.file_expected', notUnderstood: true };
  }
}

/** An answer given by the current question's own button: an option, a day, a region, yes or no, what was already written. */
function pressedAnswer(field: Field, option: string, state: QuestionnaireState, ctx: FlowContext): Taken {
  const stale: Refusal = { error: 'questionnaire:errors.use_buttons' };
  switch (field.kind) {
    case 'choice':
      return optionsOf(field, ctx, state.values).some((o) => o.id === option) ? { value: option } : stale;
    case 'date':
      // A day offered yesterday may be past today: checked like a typed one.
      return /^\d{4}-\d{2}-\d{2}$/.test(option) ? checkDay(option, field, ctx) : stale;
    case 'consent':
      return option === 'yes' || option === 'no' ? consentAnswer(option, ctx) : stale;
    case 'address':
      return askedPart(field, state) === 'region' && regionById(option) ? { part: 'region', value: option } : stale;
    case 'text':
      // Checked as if typed now: what was written before may be too long for the field.
      return option === WRITTEN && field.written ? checkText(field.written, field) : stale;
    default:
      return stale;
  }
}

function consentAnswer(answer: 'yes' | 'no' | undefined, ctx: FlowContext): Taken {
  if (answer === 'yes') return { value: { agreed: true, at: ctx.now.toISOString() } };
  return answer === 'no' ? { refused: true } : { error: 'questionnaire:errors.use_buttons', notUnderstood: true };
}

const asPart = (part: AddressPart, checked: Checked): Taken => ('value' in checked ? { part, value: checked.value } : checked);

/** Keeps what was taken and asks the next question; an error and the same question again; a "no" to a consent ends it. */
function take(def: QuestionnaireDefinition, state: QuestionnaireState, field: Field, taken: Taken, ctx: FlowContext): QuestionnaireStep {
  if ('error' in taken) return refuse(def, state, taken, ctx);
  if ('refused' in taken) {
    const reason = field.kind === 'consent' && field.refusal ? field.refusal[ctx.lang] : ctx.t('questionnaire:consent.refused');
    return { state, replies: [{ text: reason }], outcome: { stopped: 'consent' } };
  }
  if (!('part' in taken)) return asked(def, answered(state, field, taken.value), ctx);
  const parts = { ...state.address, [taken.part]: taken.value, ...taken.with };
  const address = completed(parts);
  const step = asked(def, address ? answered(state, field, address) : { ...state, address: parts }, ctx);
  if (!taken.with) return step;
  // Said back so a wrong reading is seen (and undone with "back"); the transcript keeps no address.
  const written = (line: string) => ctx.t('questionnaire:address.written', { line });
  const line = streetLine({ street: parts.street!, house: parts.house!, flat: parts.flat }, ctx);
  return { ...step, replies: [{ text: written(line), transcriptText: written(HIDDEN_PART) }, ...step.replies] };
}

/** Kinds of answer that cannot be mistaken for anything else typed at a choice: digits of their own shape. */
const UNMISTAKABLE: ReadonlySet<Field['kind']> = new Set(['phone', 'iin']);

/**
 * An answer typed before its question, in digits of its own shape: after a choice, the next question's ("87011234567" to
 * "Кому позвонит сотрудник?"); at a person's name, any later question's (the IIN or the phone typed where the name is
 * asked). Kept for that question, which is then not asked, and the current question asked again after a word that it
 * was kept. Masked in the transcript as if typed at its own question.
 */
function answeredAhead(def: QuestionnaireDefinition, state: QuestionnaireState, field: Field, text: string, ctx: FlowContext): QuestionnaireStep | undefined {
  const at = def.fields.indexOf(field);
  const later = field.kind === 'choice' ? def.fields.slice(at + 1, at + 2) : field.kind === 'text' && field.names === 'person' ? def.fields.slice(at + 1) : [];
  const fitting = later
    .filter((f) => UNMISTAKABLE.has(f.kind) && state.values[f.id] === undefined)
    .map((f) => ({ next: f, checked: checkTyped(f, text, state, ctx) }))
    .find(({ checked }) => 'value' in checked);
  if (!fitting || !('value' in fitting.checked)) return undefined;
  const { next, checked } = fitting;
  const kept = answered(state, next, checked.value);
  const said = (masked: boolean) => ctx.t('questionnaire:kept_ahead', { field: fieldName(next, ctx), value: answerText(next, checked.value, ctx, kept.values, masked) });
  const typedMasked = transcriptTextOf(next, text, state, ctx);
  return { state: kept, replies: [{ text: said(false), transcriptText: said(true) }, ...promptReplies(def, kept, ctx)], ...(typedMasked === undefined ? {} : { transcriptText: typedMasked }) };
}

/** The skip button: an optional field, or an optional part of an address. */
function skip(def: QuestionnaireDefinition, state: QuestionnaireState, field: Field, ctx: FlowContext): QuestionnaireStep {
  if (!skippable(field, state)) return refuse(def, state, { error: 'questionnaire:errors.use_buttons' }, ctx);
  const part = askedPart(field, state);
  return take(def, state, field, part && part !== 'region' ? { part, value: SKIPPED } : { value: SKIPPED }, ctx);
}

/** Typed at the summary: a line's number reopens that answer; anything else is not understood. */
function atSummary(def: QuestionnaireDefinition, state: QuestionnaireState, event: FlowEvent, ctx: FlowContext): QuestionnaireStep {
  const number = event.type === 'text' && /^\s*\d{1,2}\s*$/.test(event.text) ? Number(event.text) : 0;
  const target = def.fields[number - 1];
  return target ? asked(def, correcting(state, target), ctx) : refuse(def, state, { error: 'questionnaire:errors.summary', notUnderstood: true }, ctx);
}

function asked(def: QuestionnaireDefinition, state: QuestionnaireState, ctx: FlowContext): QuestionnaireStep {
  return { state, replies: promptReplies(def, state, ctx) };
}

/** What is wrong, then the same question; nothing given so far is lost. */
function refuse(def: QuestionnaireDefinition, state: QuestionnaireState, refusal: Refusal, ctx: FlowContext): QuestionnaireStep {
  const replies = [{ text: ctx.t(refusal.error, refusal.vars) }, ...promptReplies(def, state, ctx)];
  return refusal.notUnderstood ? { state, replies, notUnderstood: true } : { state, replies };
}
