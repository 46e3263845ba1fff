import { inject } from 'vitest';
import { trainWhenNeeded, useModel } from '../../flows/nlu/model';
import { readModelFile } from '../../flows/nlu/model-file';
import { phrasesFingerprint, trainModel } from '../../flows/nlu/model-training';

// Each test file that parses text reads the model the run trained once (global-setup.ts) instead of training its own.
const path = inject('nluModelFile');
useModel(() => readModelFile(path, phrasesFingerprint()));
trainWhenNeeded(trainModel);
