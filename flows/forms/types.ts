import type { FormId, LocalizedText, SourceRef } from '../catalog/schema';
import type { Lang } from '../../store/types';
import type { AddressField, ChoiceField, ChoiceOption, ConsentField, Field, FileField } from '../questionnaire/types';

/**
 * A field the citizen fills in, asked by the questionnaire (flows/questionnaire): every kind whose
 * answer is one line of text on the printed form, a choice among fixed options included.
 */
export type FormField = Exclude<Field, ChoiceField | AddressField | ConsentField | FileField> | (ChoiceField & { options: readonly ChoiceOption[] });

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
