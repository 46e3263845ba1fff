import { MAX_CHOICE_ID_BYTES } from '../types';
import type { QuestionnaireDefinition } from './types';

/**
 * The questionnaire's button ids, all under `q:`: `q:back`, `q:skip`, `q:confirm`, `q:restart`,
 * `q:edit:<field>`, and `q:<field>:<option>` for an answer given by a button (an option, a day, a
 * region, yes or no, what was already written), each at most `MAX_CHOICE_ID_BYTES`.
 */

export const PREFIX = 'q:';

const COMMANDS = ['back', 'skip', 'confirm', 'restart'] as const;
type Command = (typeof COMMANDS)[number];

/** Field ids a questionnaire may not use: they would read as its own buttons. */
const RESERVED = new Set<string>([...COMMANDS, 'edit']);

export type Pressed = { command: Command } | { edit: string } | { field: string; option: string };

/** The option of a text field's button that keeps what the citizen already wrote (`written`). */
export const WRITTEN = 'written';

export const commandId = (command: Command): string => `${PREFIX}${command}`;
export const editId = (field: string): string => checked(`${PREFIX}edit:${field}`);
export const answerId = (field: string, option: string): string => checked(`${PREFIX}${field}:${option}`);

function checked(id: string): string {
  if (Buffer.byteLength(id) > MAX_CHOICE_ID_BYTES) throw new Error(`button id longer than ${MAX_CHOICE_ID_BYTES} bytes: ${id}`);
  return id;
}

/** What a pressed button means; undefined for a button that is not the questionnaire's. */
export function pressed(id: string): Pressed | undefined {
  if (!id.startsWith(PREFIX)) return undefined;
  const rest = id.slice(PREFIX.length);
  const colon = rest.indexOf(':');
  if (colon < 0) return (COMMANDS as readonly string[]).includes(rest) ? { command: rest as Command } : undefined;
  const head = rest.slice(0, colon);
  const tail = rest.slice(colon + 1);
  return head === 'edit' ? { edit: tail } : { field: head, option: tail };
}

/**
 * Throws when the definition cannot work: a repeated or reserved field id, an id with a colon, or
 * a fixed option whose button id would be too long. Options worked out at run time are checked
 * when offered.
 */
export function checkDefinition(def: QuestionnaireDefinition): void {
  const seen = new Set<string>();
  for (const field of def.fields) {
    if (seen.has(field.id) || RESERVED.has(field.id) || field.id.includes(':') || !field.id) throw new Error(`questionnaire field id not usable: ${field.id}`);
    seen.add(field.id);
    editId(field.id);
    if (field.kind === 'choice' && typeof field.options !== 'function') for (const option of field.options) answerId(field.id, option.id);
  }
}
