import { inject } from 'vitest';
import { useModel } from '../../flows/nlu/model';
import { readModelFile } from '../../flows/nlu/model-file';

// Each test file that parses text reads the model the run trained once (global-setup.ts) instead of training its own.
const path = inject('nluModelFile');
useModel(() => readModelFile(path));
