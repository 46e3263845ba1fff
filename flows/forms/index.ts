import type { FormId } from '../catalog/schema';
import { schoolDuplicateForm } from './school-duplicate';
import type { FormDefinition } from './types';

/** The forms the product can fill, by the catalog's form id. */
const forms = new Map<FormId, FormDefinition>([[schoolDuplicateForm.id, schoolDuplicateForm]]);

export function findForm(id: string | undefined): FormDefinition | undefined {
  return id ? forms.get(id as FormId) : undefined;
}

export type { FormDefinition, FormField, FormLayout, FormValues } from './types';
