import type { FormId } from '../catalog/schema';
import { dataCorrectionForm } from './data-correction';
import { higherDuplicateForm } from './higher-duplicate';
import { schoolDuplicateForm } from './school-duplicate';
import { tvetDuplicateForm } from './tvet-duplicate';
import type { FormDefinition } from './types';

/** The forms the product can fill, by the catalog's form id. */
const forms = new Map<FormId, FormDefinition>([schoolDuplicateForm, tvetDuplicateForm, higherDuplicateForm, dataCorrectionForm].map((form) => [form.id, form]));

export function findForm(id: string | undefined): FormDefinition | undefined {
  return id ? forms.get(id as FormId) : undefined;
}

export type { FormDefinition, FormField, FormLayout, FormValues } from './types';
