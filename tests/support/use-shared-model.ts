import { inject } from 'vitest';
import { useModel } from '../../flows/nlu/model';
import { readModelFile } from '../../flows/nlu/model-file';

// Each test file that parses text reads the model the run trained once (global-setup.ts) instead of training its own.
// Nothing here loads the phrases (tens of megabytes of code): a file that never parses pays nothing for them.
const path = inject('nluModelFile');
const phrases = inject('nluModelPhrases');
useModel(() => {
  const model = readModelFile(path, phrases);
  if (!model) throw new Error(`The run's model of typed text (${path}) is missing or was trained on other phrases`);
  return model;
});
