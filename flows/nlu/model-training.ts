import type { ComplaintAgainst } from '../../domain/complaint';
import { createHash } from 'node:crypto';
import type { ServiceId } from '../catalog/schema';
import { restyle } from './augment';
import { Classifier } from './classifier';
import { FeatureIndex } from './sparse';
import { type Example, trainingExamples } from './examples';
import { featuresOf, type Word, wordsOf } from './features';
import type { Intent, QuestionTopic } from './index';
import { assembleModel, classifierSpecs, getModel, type Model, type Scope, trainWhenNeeded, useModel } from './model';
import { fold, tokens } from './normalise';
import { AMBIGUOUS_GROUPS } from './phrases/ambiguous';
import { withoutFiller } from './rules';
import { ownNamesOf, serviceNamesOf, serviceStemsOf } from './service-words';
import { finish, inSlices, pausesAfter, type Training } from './training';
import { Vocabulary } from './vocabulary';

/**
 * Training the model of typed text from the phrase files (flows/nlu/phrases/, and each service's
 * beside its catalog entry). Kept apart from model.ts, which parsing needs: the phrases are some
 * megabytes of code, and a server started from the build reads the model the build trained
 * (model-file.ts) without ever loading them.
 *
 * @example
 * const model = trainModel();
 * writeModelFile('dist/nlu-model.bin', model, phrasesFingerprint());
 */

/**
 * Trains the model between the server's other work, right after it starts, so that neither the
 * first requests nor the first citizen's message wait for the whole training; one needed before
 * it is done finishes it at once.
 */
export function trainInBackground(): Promise<Model> {
  const job = inSlices(modelTraining());
  trainWhenNeeded(() => job.finishNow());
  return job.result.then((trained) => {
    useModel(trained);
    return getModel();
  });
}

/** A hash of the examples the classifiers learn from: a model file is good for these phrases only. */
export function phrasesFingerprint(): string {
  return createHash('sha256').update(JSON.stringify(trainingExamples())).digest('base64url');
}

const LATIN_STYLES = ['latin_2021', 'latin_chat'] as const;
/** Transliteration draws nothing at random. */
const noRandom = () => 0;

/** A model trained on every phrase but the texts left out (to measure it on phrases it has not seen). */
export function trainModel(leftOut: ReadonlySet<string> = new Set()): Model {
  return finish(modelTraining(leftOut));
}

/** {@link trainModel}, pausing every so many examples (flows/nlu/training.ts). */
export function* modelTraining(leftOut: ReadonlySet<string> = new Set()): Training<Model> {
  const started = performance.now();
  const examples: (Example & { words: Word[] })[] = [];
  for (const example of trainingExamples()) {
    if (leftOut.has(example.text)) continue;
    examples.push({ ...example, words: wordsOf(tokens(withoutFiller(fold(example.text)))) });
    if (pausesAfter(examples.length - 1)) yield;
  }
  const vocabulary = new Vocabulary(examples.flatMap((example) => example.words.map((w) => w.word)));
  // Every word as it reads when typed in Latin letters and folded back ("ц" typed "ts", "щ" typed "sh").
  for (const [step, word] of vocabulary.words().entries()) {
    if (pausesAfter(step)) yield;
    for (const style of LATIN_STYLES) vocabulary.alias(fold(restyle(word, 'ru', style, noRandom)), word);
  }
  const serviceStems = serviceStemsOf(examples);
  const nameStems = new Set(examples.filter((e) => e.isName).flatMap((e) => e.words.map((w) => w.stem)));
  const ownNames = ownNamesOf(examples, nameStems);
  const isServiceStem = (stem: string) => serviceStems.has(stem);

  const specs = classifierSpecs();
  const index = new FeatureIndex();
  const intents = new Classifier<Intent>(specs.intents.labels, specs.intents.blend, index);
  const services = new Classifier<ServiceId>(specs.services.labels, specs.services.blend, index);
  const topics = new Classifier<QuestionTopic>(specs.topics.labels, specs.topics.blend, index);
  const against = new Classifier<ComplaintAgainst | 'general'>(specs.against.labels, specs.against.blend, index);
  const scope = new Classifier<Scope>(specs.scope.labels, specs.scope.blend, index);
  for (const [step, example] of examples.entries()) {
    if (pausesAfter(step)) yield;
    const features = featuresOf(example.words, isServiceStem);
    const intent = index.vector(features.intent, true);
    const all = index.vector(features.all, true);
    intents.add(example.intent, intent);
    // A service learns from its own phrases; an intent's phrase with its name put in adds only the name.
    for (const serviceId of example.services) services.add(serviceId, example.fromServiceFile ? all : features.service);
    if (example.topic) topics.add(example.topic, intent);
    if (example.against) against.add(example.against, all);
    // Every word counts: a certificate of no criminal record is another matter for all its "справка".
    scope.add(example.intent === 'unknown' ? 'other' : 'ours', all);
  }
  for (const classifier of [intents, services, topics, against, scope]) yield* classifier.training();
  const namedBy = serviceNamesOf(examples);
  const groups = AMBIGUOUS_GROUPS.map((group) => {
    const shared = new Set<string>();
    for (const lang of ['kk', 'ru'] as const) for (const phrase of group.phrases[lang]) for (const w of wordsOf(tokens(fold(phrase)))) if (serviceStems.has(w.stem)) shared.add(w.stem);
    // The words of the names of every service of the group ("диплом" names a college's and a university's, not a school's).
    const naming = new Set([...nameStems].filter((stem) => group.services.every((service) => namedBy.get(stem)?.has(service))));
    return { services: group.services, shared, naming };
  });
  return assembleModel({
    vocabulary,
    features: index,
    serviceStems,
    nameStems,
    ownNames,
    intents,
    services,
    topics,
    against,
    scope,
    groups,
    origin: 'trained',
    trainedInMs: performance.now() - started,
  });
}
