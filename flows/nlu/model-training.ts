import type { ComplaintAgainst } from '../../domain/complaint';
import { createHash } from 'node:crypto';
import type { ServiceId } from '../catalog/schema';
import { restyle } from './augment';
import { Classifier } from './classifier';
import { FeatureIndex } from './sparse';
import { type Example, trainingExamples } from './examples';
import { featuresOf, namesWhatIsWanted, type Word, wordsOf } from './features';
import type { Intent, QuestionTopic } from './index';
import { assembleModel, classifierSpecs, getModel, type Model, type Scope, trainWhenNeeded, useModel } from './model';
import { fold, tokens } from './normalise';
import { AMBIGUOUS_GROUPS } from './phrases/ambiguous';
import { withoutFiller } from './rules';
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

/**
 * Words every service's phrases use that name none of them: documents, applications, getting and
 * giving, needing. Without this list the phrases' own habits would make them service words.
 */
const NEVER_A_SERVICE =
  /^(\d+|документ|докумен|турал|кужат|кабылда|кабылдау|заявлен|отиниш|керек|нужн|нуж|получ|оформ|пода|тапсыр|алу|ал|алайык|аламыз|аламын|алам|алсак|алсам|алып|алуга|алган|алгым|бер|беру|как|калай|где|кайда|мне|мен|мой|моя|для|ушин|мен|бар|жок|есть|нет|хоч|кел|сдел|жаса|тегин|бесплат|бесплатн|что|при|ето|или|уже|все|его|она|они)$/;

/** A stem names a service when its share of the services' words is this many times its share of the other phrases' words. */
const SERVICE_STEM_RATIO = 4;
/** …and when at least this part of its uses in the services' phrases is in one service's. */
const SERVICE_STEM_CONCENTRATION = 0.5;

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

/** A name's stem tells its service whatever else is said when at least this share of the phrases with it that name one service name that one… */
const OWN_NAME_SHARE = 0.97;
/** …in at least this many phrases. */
const OWN_NAME_USES = 30;

/**
 * The stems of services' names that tell one service whatever else the message says ("жатақхана",
 * "питан", "академ"), learned from the phrases: a level of education, a word that mostly tells the
 * case ("справка") or a loss is none, nor a name most phrases with it use for another service
 * ("аттестат" is corrected as often as duplicated).
 */
export function ownNamesOf(examples: readonly { services: readonly ServiceId[]; words: readonly { stem: string }[] }[], nameStems: ReadonlySet<string>): Map<string, ServiceId> {
  const uses = new Map<string, Map<ServiceId, number>>();
  for (const example of examples) {
    if (example.services.length !== 1) continue;
    const service = example.services[0]!;
    for (const stem of new Set(example.words.map((w) => w.stem))) {
      if (!nameStems.has(stem) || !namesWhatIsWanted(stem)) continue;
      const byService = uses.get(stem) ?? new Map<ServiceId, number>();
      byService.set(service, (byService.get(service) ?? 0) + 1);
      uses.set(stem, byService);
    }
  }
  const ownNames = new Map<string, ServiceId>();
  for (const [stem, byService] of uses) {
    let total = 0;
    let top: [ServiceId, number] | undefined;
    for (const [service, count] of byService) {
      total += count;
      if (!top || count > top[1]) top = [service, count];
    }
    if (top && total >= OWN_NAME_USES && top[1] / total >= OWN_NAME_SHARE) ownNames.set(stem, top[0]);
  }
  return ownNames;
}

/** Which services' names hold each stem. */
function serviceNamesOf(examples: readonly { isName?: boolean; services: readonly ServiceId[]; words: readonly { stem: string }[] }[]): Map<string, Set<ServiceId>> {
  const namedBy = new Map<string, Set<ServiceId>>();
  for (const example of examples) {
    if (!example.isName) continue;
    for (const { stem } of example.words) {
      const services = namedBy.get(stem) ?? new Set<ServiceId>();
      for (const service of example.services) services.add(service);
      namedBy.set(stem, services);
    }
  }
  return namedBy;
}

function serviceStemsOf(examples: readonly { fromServiceFile?: boolean; isName?: boolean; services: readonly string[]; words: readonly { stem: string }[] }[]): Set<string> {
  const inServices = new Map<string, number>();
  const byService = new Map<string, Map<string, number>>();
  const elsewhere = new Map<string, number>();
  const inNames = new Set<string>();
  let servicesTotal = 0;
  let elsewhereTotal = 0;
  for (const example of examples) {
    const fromService = example.fromServiceFile === true;
    if (!fromService && example.services.length > 0) continue; // a phrase with a service's name put in: its other words are the intent's
    for (const { stem } of example.words) {
      const counts = fromService ? inServices : elsewhere;
      counts.set(stem, (counts.get(stem) ?? 0) + 1);
      if (fromService) {
        servicesTotal += 1;
        const perService = byService.get(stem) ?? new Map<string, number>();
        for (const service of example.services) perService.set(service, (perService.get(service) ?? 0) + 1);
        byService.set(stem, perService);
      } else elsewhereTotal += 1;
      if (example.isName && stem.length > 2) inNames.add(stem);
    }
  }
  const stems = new Set<string>();
  for (const [stem, count] of inServices) {
    const share = count / servicesTotal;
    const otherShare = ((elsewhere.get(stem) ?? 0) + 0.5) / elsewhereTotal;
    // A word of a service's name needs only to be commoner there than elsewhere; any other word, much
    // commoner, and mostly in one service's phrases ("хочу" is in all of them and names none).
    const perService = [...(byService.get(stem)?.values() ?? [])];
    const concentrated = Math.max(...perService) >= SERVICE_STEM_CONCENTRATION * perService.reduce((a, b) => a + b, 0);
    const named = inNames.has(stem) ? share >= otherShare : share >= SERVICE_STEM_RATIO * otherShare && concentrated;
    if (named && !NEVER_A_SERVICE.test(stem)) stems.add(stem);
  }
  return stems;
}
