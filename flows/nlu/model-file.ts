import { closeSync, openSync, readFileSync, readSync, writeFileSync } from 'node:fs';
import type { ServiceId } from '../catalog/schema';
import { Classifier, type ClassifierState } from './classifier';
import { FeatureIndex } from './sparse';
import { assembleModel, classifierSpecs, type Model } from './model';
import { Vocabulary, type VocabularyState } from './vocabulary';

/**
 * A trained model as a file, and back. `npm run build` trains the model once and writes it beside
 * the bundle, so that a starting server reads it in a few tens of milliseconds instead of training
 * for one or two seconds of CPU. The file names the phrases it was trained on (a hash of the
 * training examples, `phrasesFingerprint` in model-training.ts, which the build also writes into the
 * bundle); a file trained on other phrases is not used, and the server trains instead.
 *
 * @example
 * const phrases = phrasesFingerprint();
 * writeModelFile('dist/nlu-model.bin', trainModel(), phrases);
 * const model = readModelFile('dist/nlu-model.bin', phrases); // undefined when missing or trained on other phrases
 */

/** Bumped when the file's layout changes, so that an older file is never read as a newer one. */
const FORMAT = 6;

type ClassifierName = keyof ReturnType<typeof classifierSpecs>;

interface ModelFile {
  format: number;
  phrases: string;
  vocabulary: VocabularyState;
  serviceStems: string[];
  nameStems: string[];
  ownNames: [string, ServiceId][];
  groups: { services: Model['groups'][number]['services']; shared: string[]; naming: string[] }[];
  /** The features of all the classifiers, once: each classifier names its own by their place here. */
  features: string[];
  classifiers: Record<ClassifierName, EncodedClassifier>;
}

/** Where an array's bytes lie after the header: their offset from the arrays' start, and their length. */
interface ArraySpan {
  at: number;
  bytes: number;
}

interface EncodedClassifier {
  features: ArraySpan;
  bayes: { logs: ArraySpan; known: ArraySpan; denominators: number[] };
  softmax?: { weights: ArraySpan; biases: ArraySpan };
}

/**
 * The file: the header's length (4 bytes), the header (JSON: the words, stems, features and where each
 * array lies), padding to 8 bytes, then the arrays' bytes, so that reading them back copies memory
 * instead of parsing numbers.
 */
export function encodeModel(model: Model, phrases: string): Buffer {
  const arrays: Buffer[] = [];
  let size = 0;
  const place = (array: Float64Array | Float32Array | Int32Array | Uint8Array): ArraySpan => {
    const bytes = Buffer.from(array.buffer, array.byteOffset, array.byteLength);
    const padded = toEight(bytes.length);
    arrays.push(bytes, Buffer.alloc(padded - bytes.length));
    const at = size;
    size += padded;
    return { at, bytes: bytes.length };
  };
  const encodeClassifier = (state: ClassifierState): EncodedClassifier => ({
    features: place(state.features),
    bayes: { logs: place(state.bayes.logs), known: place(state.bayes.known), denominators: state.bayes.denominators },
    ...(state.softmax ? { softmax: { weights: place(state.softmax.weights), biases: place(state.softmax.biases) } } : {}),
  });
  const classifiers = Object.fromEntries((Object.keys(classifierSpecs()) as ClassifierName[]).map((name) => [name, encodeClassifier(model[name].dump())])) as ModelFile['classifiers'];
  // The format and the phrases come first: `phrasesOfModelFile` reads them from the file's first bytes.
  const file: ModelFile = {
    format: FORMAT,
    phrases,
    vocabulary: model.vocabulary.dump(),
    serviceStems: [...model.serviceStems],
    nameStems: [...model.nameStems],
    ownNames: [...model.ownNames],
    groups: model.groups.map((group) => ({ services: group.services, shared: [...group.shared], naming: [...group.naming] })),
    features: model.features.features(),
    classifiers,
  };
  const header = Buffer.from(JSON.stringify(file));
  const start = Buffer.alloc(arraysStart(header.length));
  start.writeUInt32LE(header.length, 0);
  header.copy(start, 4);
  return Buffer.concat([start, ...arrays]);
}

/** The model a file holds, or undefined when it was written in another layout or trained on other `phrases`. */
export function decodeModel(bytes: Buffer, phrases: string): Model | undefined {
  const started = performance.now();
  const headerLength = bytes.readUInt32LE(0);
  const file = JSON.parse(bytes.toString('utf8', 4, 4 + headerLength)) as ModelFile;
  if (file.format !== FORMAT || file.phrases !== phrases) return undefined;
  const offset = bytes.byteOffset + arraysStart(headerLength);
  // Each array gets memory of its own: a Buffer read from a file may share a pool at any offset.
  const copy = ({ at, bytes: length }: ArraySpan): ArrayBuffer => bytes.buffer.slice(offset + at, offset + at + length) as ArrayBuffer;
  const state = (name: ClassifierName): ClassifierState => {
    const encoded = file.classifiers[name];
    return {
      features: new Int32Array(copy(encoded.features)),
      bayes: { logs: new Float32Array(copy(encoded.bayes.logs)), known: new Uint8Array(copy(encoded.bayes.known)), denominators: encoded.bayes.denominators },
      ...(encoded.softmax ? { softmax: { weights: new Float32Array(copy(encoded.softmax.weights)), biases: new Float64Array(copy(encoded.softmax.biases)) } } : {}),
    };
  };
  const specs = classifierSpecs();
  const features = FeatureIndex.of(file.features);
  return assembleModel({
    vocabulary: Vocabulary.restore(file.vocabulary),
    features,
    serviceStems: new Set(file.serviceStems),
    nameStems: new Set(file.nameStems),
    ownNames: new Map(file.ownNames),
    groups: file.groups.map((group) => ({ services: group.services, shared: new Set(group.shared), naming: new Set(group.naming) })),
    intents: Classifier.restore(specs.intents.labels, specs.intents.blend, features, state('intents')),
    services: Classifier.restore(specs.services.labels, specs.services.blend, features, state('services')),
    topics: Classifier.restore(specs.topics.labels, specs.topics.blend, features, state('topics')),
    against: Classifier.restore(specs.against.labels, specs.against.blend, features, state('against')),
    scope: Classifier.restore(specs.scope.labels, specs.scope.blend, features, state('scope')),
    origin: 'file',
    trainedInMs: performance.now() - started,
  });
}

/** Where the arrays begin: after the header's length, the header, and padding. */
function arraysStart(headerLength: number): number {
  return toEight(4 + headerLength);
}

/** A length padded to a multiple of 8 bytes, so that each Float64Array starts aligned. */
function toEight(length: number): number {
  return Math.ceil(length / 8) * 8;
}

export function writeModelFile(path: string, model: Model, phrases: string): void {
  writeFileSync(path, encodeModel(model, phrases));
}

/**
 * Whether the file at `path` holds a model in this layout trained on `phrases`, read from its first
 * bytes only (the whole file is tens of megabytes): a server decides at start whether it needs the
 * phrases to train, and reads the model itself later.
 */
export function modelFileFits(path: string, phrases: string): boolean {
  return phrasesOfModelFile(path) === phrases;
}

/** The header's first fields as `encodeModel` writes them: the layout, then the phrases' fingerprint. */
const HEADER_START = /^\{"format":(\d+),"phrases":"([\w-]+)"/;

/**
 * The fingerprint of the phrases the model in the file at `path` was trained on, read from its first
 * bytes; undefined when there is no file or it is in another layout. Lets a caller that knows the
 * file is today's (scripts/model-cache.ts) check it without loading the phrases themselves.
 */
export function phrasesOfModelFile(path: string): string | undefined {
  const start = Buffer.alloc(4 + 128);
  let file: number;
  try {
    file = openSync(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  let read: number;
  try {
    read = readSync(file, start, 0, start.length, 0);
  } finally {
    closeSync(file);
  }
  const fields = HEADER_START.exec(start.toString('utf8', 4, read));
  return fields && Number(fields[1]) === FORMAT ? fields[2] : undefined;
}

/** The model in the file at `path`, or undefined when there is none or it is not good for these `phrases`. */
export function readModelFile(path: string, phrases: string): Model | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  return decodeModel(bytes, phrases);
}
