import type { RegionId } from '../../domain/regions';
import type { LocalizedText } from '../catalog/schema';
import type { FlowContext, Reply, SentFile } from '../types';

interface FieldBase {
  /** Unique in the questionnaire and part of its button ids (at most 64 bytes with the option): keep it short. */
  id: string;
  /** The question. */
  label: LocalizedText;
  /** The answer's name in the summary, when the question is too long for it. */
  short?: LocalizedText;
  /** A skip button leaves it unanswered (the answer is then `SKIPPED`). */
  optional?: boolean;
}

/** Free text with a letter in it. */
export interface TextField extends FieldBase {
  kind: 'text';
  maxLength?: number;
  /** What the citizen already wrote that answers it (a complaint typed at the menu): shown under the question, with a button that keeps it. */
  written?: string;
  /** `latin`: written in Latin letters (a name as in the passport); Cyrillic is refused. */
  script?: 'latin';
  /**
   * What the answer names, so that a question typed here ("сколько стоит?") is not taken for it: a
   * person (letters, spaces, hyphens, apostrophes, dots and brackets only), a thing such as a school, a
   * specialty or a street (anything without a question mark), or an application by its number (letters
   * and digits as the receipt prints them, digits only too).
   */
  names?: 'person' | 'thing' | 'application';
}

/** Contact details: a Kazakhstan phone number on its own (kept as "+7 701 234 56 78") or any text. */
export interface ContactField extends FieldBase {
  kind: 'contact';
  maxLength?: number;
}

/** The 12-digit IIN, checked by its birth date and check digit. */
export interface IinField extends FieldBase {
  kind: 'iin';
}

/** A Kazakhstan phone number, kept as E.164 (+77012345678). */
export interface PhoneField extends FieldBase {
  kind: 'phone';
}

/** A year from `min` (1940 unless given) to this year. */
export interface YearField extends FieldBase {
  kind: 'year';
  min?: number;
}

/** A working day ('YYYY-MM-DD') within a range counted in working days after today. */
export interface DateField extends FieldBase {
  kind: 'date';
  /** The first and last day allowed, in working days after today: `{ from: 1, to: 10 }` is the next working day to the tenth. 0 is today when it is a working day. */
  workingDays: { from: number; to: number };
  /** How many working days, from the first, are offered as buttons (5 unless given). */
  offer?: number;
}

export interface ChoiceOption {
  /** Part of the button id: keep it short. */
  id: string;
  label: LocalizedText;
  /** Words a citizen types for it besides its label, in either language ("нагрубили" for "Грубое обращение"). */
  also?: readonly string[];
  /** The option a plain "нет" / "жоқ" means ("Ничего особенного"). */
  no?: true;
}

/** Options worked out when the question is asked, from what the embedding flow knows and the answers so far. Pure. */
export type OptionsOf = (ctx: FlowContext, values: Readonly<Answers>) => readonly ChoiceOption[];

/** One of a few options, pressed as a button or typed as its label or number. The answer is the option's id. */
export interface ChoiceField extends FieldBase {
  kind: 'choice';
  options: readonly ChoiceOption[] | OptionsOf;
}

/** A home address, asked in parts (see `ADDRESS_PARTS`), shown and corrected as one answer. */
export interface AddressField extends FieldBase {
  kind: 'address';
}

/** Yes or no to `text`; no stops the questionnaire (outcome `{ stopped: 'consent' }`), yes records when. */
export interface ConsentField extends FieldBase {
  kind: 'consent';
  text: LocalizedText;
  /** What the citizen is told on "no", when the general words do not fit. */
  refusal?: LocalizedText;
}

/** A file the citizen sends, of the given MIME types (`image/*` for any image) and size. */
export interface FileField extends FieldBase {
  kind: 'file';
  accept: readonly string[];
  maxBytes: number;
}

export type Field = TextField | ContactField | IinField | PhoneField | YearField | DateField | ChoiceField | AddressField | ConsentField | FileField;

/** The parts of an address, in the order asked. */
export const ADDRESS_PARTS = ['region', 'settlement', 'street', 'house', 'flat', 'access', 'landmark'] as const;
export type AddressPart = (typeof ADDRESS_PARTS)[number];

/** The parts of an address given so far (`SKIPPED` for a skipped optional part). */
export type AddressParts = Partial<Record<AddressPart, string>>;

export interface AddressAnswer {
  region: RegionId;
  /** Town or village; none for the three cities of republican significance. */
  settlement?: string;
  street: string;
  house: string;
  flat?: string;
  /** Entrance, floor, intercom code, as typed. */
  access?: string;
  landmark?: string;
}

export interface ConsentAnswer {
  agreed: true;
  /** When the citizen agreed (ISO time). */
  at: string;
}

export type FileAnswer = SentFile;

/**
 * An answer: text, a 12-digit IIN, an E.164 phone, a year, an ISO date or an option id as a string;
 * an address, a consent or a file as an object.
 */
export type Answer = string | AddressAnswer | ConsentAnswer | FileAnswer;
export type Answers = Record<string, Answer>;

/** An optional field the citizen skipped: no kind takes an empty answer, so it means nothing else. */
export const SKIPPED = '';

/** What to ask: a heading for every question (e.g. the form's title) and the fields in order. */
export interface QuestionnaireDefinition {
  title: LocalizedText;
  fields: readonly Field[];
}

/**
 * Where a questionnaire is, as plain JSON (stored with the embedding flow's state and resumed on any
 * instance). The question asked is the field being corrected, else the first without an answer;
 * with every field answered, the summary.
 */
export interface QuestionnaireState {
  values: Answers;
  /** Field ids in the order answered, so that "back" undoes the last; values given at the start are not in it. */
  order: string[];
  /** A field reopened from the summary: its new answer goes back to the summary. */
  correcting?: string;
  /** The parts of the address being asked, given so far. */
  address?: AddressParts;
}

export type StopReason = 'consent';

/** How a questionnaire ended: confirmed on the summary, stopped by a "no" to a consent, or left by "back" from the first question. */
export type Outcome = { done: Answers } | { stopped: StopReason } | { cancelled: true };

/** What one event did to a questionnaire. */
export interface QuestionnaireStep {
  state: QuestionnaireState;
  /** The next question or the summary, after an error message when the answer was refused; on an outcome, only what the citizen must be told (a refusal's reason). */
  replies: Reply[];
  outcome?: Outcome;
  /** What the transcript keeps instead of the typed text: IIN and phone masked, an address as its region. */
  transcriptText?: string;
  /** Typed where only buttons answer, and matching none of them. */
  notUnderstood?: boolean;
}
