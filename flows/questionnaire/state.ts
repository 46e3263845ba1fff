import { nextPart, OPTIONAL_PARTS, withoutLast } from './address';
import type { AddressPart, Answer, Field, QuestionnaireDefinition, QuestionnaireState } from './types';
import { copyWith } from '../../domain/copy-with';

/** Moves through a questionnaire's state: answer, back, correct from the summary, start again. Pure. */

/** The field asked now: the one being corrected, else the first without an answer; undefined at the summary. */
export function currentField(def: QuestionnaireDefinition, state: QuestionnaireState): Field | undefined {
  const correcting = state.correcting ? def.fields.find((f) => f.id === state.correcting) : undefined;
  return correcting ?? def.fields.find((f) => state.values[f.id] === undefined);
}

/** The address part asked now, for an address field. */
export function askedPart(field: Field, state: QuestionnaireState): AddressPart | undefined {
  return field.kind === 'address' ? (nextPart(state.address ?? {}) ?? 'region') : undefined;
}

/** Whether the question asked now may be left unanswered: an optional field, or an optional part of an address. */
export function skippable(field: Field, state: QuestionnaireState): boolean {
  const part = askedPart(field, state);
  return part && part !== 'region' ? OPTIONAL_PARTS.has(part) : field.optional === true;
}

/**
 * A stored state as this version reads it: anything missing or malformed is dropped, so a state
 * written before a field was added, or before the questionnaire had parts of its own (a form's
 * `{ values, order }`), is asked on from where it stands.
 */
export function readState(def: QuestionnaireDefinition, raw: Partial<QuestionnaireState> | undefined): QuestionnaireState {
  const values = raw?.values && typeof raw.values === 'object' ? { ...raw.values } : {};
  const order = Array.isArray(raw?.order) ? raw.order.filter((id) => typeof id === 'string' && values[id] !== undefined) : [];
  const correcting = typeof raw?.correcting === 'string' && def.fields.some((f) => f.id === raw.correcting) ? raw.correcting : undefined;
  const address = raw?.address && typeof raw.address === 'object' ? { ...raw.address } : undefined;
  return { values, order, ...(correcting && { correcting }), ...(address && { address }) };
}

/** The answer kept; a new answer is the last in the order, a correction keeps its place. Back at the summary after a correction. */
export function answered(state: QuestionnaireState, field: Field, value: Answer): QuestionnaireState {
  const order = state.order.includes(field.id) || state.correcting === field.id ? state.order : [...state.order, field.id];
  return { values: copyWith(state.values, { [field.id]: value }), order };
}

/**
 * "Back": within an address, its last part; when correcting, the summary unchanged; otherwise the
 * last answer undone. Undefined from the first question: there is nothing to undo.
 */
export function back(state: QuestionnaireState): QuestionnaireState | undefined {
  const parts = state.address && withoutLast(state.address);
  if (parts) return { ...state, address: parts };
  const { correcting: _correcting, address: _address, ...rest } = state;
  if (state.correcting) return rest;
  const last = state.order.at(-1);
  if (!last) return undefined;
  const { [last]: _undone, ...values } = state.values;
  return { values, order: state.order.slice(0, -1) };
}

/** A field reopened from the summary. */
export function correcting(state: QuestionnaireState, field: Field): QuestionnaireState {
  return { values: state.values, order: state.order, correcting: field.id };
}

/** Every question asked again; what the embedding flow gave at the start (never asked) is kept. */
export function restarted(state: QuestionnaireState): QuestionnaireState {
  const given = Object.entries(state.values).filter(([id]) => !state.order.includes(id));
  return { values: Object.fromEntries(given), order: [] };
}
