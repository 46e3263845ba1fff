import type { FormId, LocalizedText, SourceRef } from '../catalog/schema';
import type { Lang } from '../../store/types';

/**
 * A field the citizen fills in; `kind` decides how the typed value is checked: `text` needs a
 * letter, `contact` (contact details) takes a Kazakhstan phone number on its own as well as text,
 * `iin` and `year` are checked as such, and `choice` is answered with buttons.
 */
export interface FormField {
  id: string;
  label: LocalizedText;
  kind: 'text' | 'contact' | 'iin' | 'year' | 'choice';
  options?: { id: string; label: LocalizedText }[];
  optional?: boolean;
  maxLength?: number;
}

/** A filled form laid out as the seed prints it: the addressee block, the title, the body, the date and signature. */
export interface FormLayout {
  header: { value: string; caption: string }[];
  title: string;
  body: string[];
  dateLine: string;
  signatureCaption: string;
}

export type FormValues = Record<string, string>;

export interface FormDefinition {
  id: FormId;
  title: LocalizedText;
  source: SourceRef;
  fields: FormField[];
  /** Values the journey already knows (e.g. the reason from the checklist answers), so they are not asked again. */
  prefill?(answers: Readonly<Record<string, string>>, lang: Lang): FormValues;
  layout(values: FormValues, lang: Lang, today: string): FormLayout;
}
