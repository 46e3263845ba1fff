import { expect } from 'vitest';
import { fold } from '../../flows/nlu';
import { asksForHomeVisit, asksForPerson, COMPLAINT_CUES } from '../../flows/nlu/cues';

/** Texts each cue lexicon must find, and texts none of them may. */
export interface CueTexts {
  homeVisits: readonly string[];
  persons: readonly string[];
  complaints: readonly string[];
  neither: readonly string[];
}

/** Each lexicon finds its intent in its own texts, and stays out of the other lexicons' texts and of `neither`. */
export function expectCuesApart({ homeVisits, persons, complaints, neither }: CueTexts): void {
  for (const text of homeVisits) expect(asksForHomeVisit(fold(text)), text).toBe(true);
  for (const text of persons) expect(asksForPerson(fold(text)), text).toBe(true);
  for (const text of complaints) expect(COMPLAINT_CUES.test(fold(text)), text).toBe(true);
  for (const text of [...neither, ...persons, ...complaints]) expect(asksForHomeVisit(fold(text)), text).toBe(false);
  for (const text of [...neither, ...homeVisits, ...complaints]) expect(asksForPerson(fold(text)), text).toBe(false);
  for (const text of [...neither, ...homeVisits, ...persons]) expect(COMPLAINT_CUES.test(fold(text)), text).toBe(false);
}
