import { existsSync, readFileSync } from 'node:fs';
import type { ComplaintAgainst } from '../../domain/complaint';
import type { ServiceId } from '../../flows/catalog/schema';
import type { Intent, QuestionTopic } from '../../flows/nlu';
import type { Lang } from '../../store/types';

/** One labelled message of tests/nlu/dataset/ (its README gives the scheme). */
export interface Labelled {
  text: string;
  lang: Lang;
  intent: Intent;
  serviceId?: ServiceId | null;
  topic?: QuestionTopic;
  applicationNumber?: string;
  against?: ComplaintAgainst;
  ambiguous?: ServiceId[];
  context: 'first' | 'journey';
  style: string[];
}

export const DATASET = {
  train: new URL('./dataset/train.jsonl', import.meta.url),
  heldout: new URL('./dataset/heldout.jsonl', import.meta.url),
};

export function datasetExists(part: keyof typeof DATASET): boolean {
  return existsSync(DATASET[part]);
}

export function readDataset(part: keyof typeof DATASET): Labelled[] {
  return readFileSync(DATASET[part], 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as Labelled);
}

/** Whether two lists of services hold the same ones in any order: an ambiguous label and a parse's, or a label and a group of the phrases. */
export function sameServices(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}
