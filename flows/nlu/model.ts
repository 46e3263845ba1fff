import { COMPLAINT_AGAINST, type ComplaintAgainst } from '../../domain/complaint';
import { SERVICE_IDS, type ServiceId } from '../catalog/schema';
import { restyle } from './augment';
import { Classifier } from './classifier';
import { type Example, trainingExamples } from './examples';
import { AMBIGUOUS_GROUPS } from './phrases/ambiguous';
import { featuresOf, type TextFeatures, type Word, wordsOf } from './features';
import { INTENTS, type Intent, QUESTION_TOPICS, type QuestionTopic } from './index';
import { fold, tokens } from './normalise';
import { withoutFiller } from './rules';
import { finish, inSlices, pausesAfter, type Training } from './training';
import { Vocabulary } from './vocabulary';

/** A message about this bot's matters, or about something else. */
export type Scope = 'ours' | 'other';

/** Services some words fit equally, and the stems of those words. */
export interface AmbiguousGroupStems {
  services: ServiceId[];
  shared: ReadonlySet<string>;
  /** The stems of the names of every one of its services. */
  naming: ReadonlySet<string>;
}

/** The trained classifiers: what is asked, which service, which question, whom a complaint is against. */
export interface Model {
  vocabulary: Vocabulary;
  /** Stems that name a service: far more frequent in the services' phrases than in the others. */
  serviceStems: ReadonlySet<string>;
  /** Stems of the services' own names ("аттестат", "питан"), a surer sign of a service than any other service stem. */
  nameStems: ReadonlySet<string>;
  intents: Classifier<Intent>;
  services: Classifier<ServiceId>;
  topics: Classifier<QuestionTopic>;
  against: Classifier<ComplaintAgainst | 'general'>;
  /** Whether a message is about this bot's matters at all, or about another state service or everyday matter (an `unknown` phrase). */
  scope: Classifier<Scope>;
  /** The groups of services some words fit equally ("диплом": a college's or a university's), with those words' stems. */
  groups: readonly AmbiguousGroupStems[];
  /** The services a message names equally when all its service words are words their group shares. */
  ambiguousGroupOf(stems: readonly string[]): ServiceId[] | undefined;
  /** Whether it was trained in this process or read from a file written at build (model-file.ts). */
  origin: 'trained' | 'file';
  /** How long training (or reading) took, in milliseconds. */
  trainedInMs: number;
}

let model: Model | undefined;
let background: { finishNow(): Model } | undefined;

/** The model: read or trained from the phrase files at first use (or finished then, when training in the background), and kept. */
export function getModel(): Model {
  model ??= prebuilt?.() ?? (background ? background.finishNow() : trainModel());
  return model;
}

/** Where a model trained before can be had from, read at first use (see `useModel`). */
let prebuilt: (() => Model | undefined) | undefined;

/**
 * Uses a model trained before (model-file.ts reads one written at build), unless one is in use
 * already; given a function, calls it at first use, and trains as usual if it gives none.
 */
export function useModel(trained: Model | (() => Model | undefined)): void {
  if (typeof trained === 'function') prebuilt = trained;
  else model ??= trained;
}

/**
 * Trains the model between the server's other work, right after it starts, so that neither the
 * first requests nor the first citizen's message wait for the whole training.
 */
export function trainInBackground(): Promise<Model> {
  if (model) return Promise.resolve(model);
  const job = inSlices(modelTraining());
  background = job;
  return job.result.then((trained) => {
    model ??= trained;
    return model;
  });
}

/** The features of a text for this model. */
export function analyse(model: Model, folded: string): TextFeatures {
  return featuresOf(wordsOf(tokens(folded), model.vocabulary), (stem) => model.serviceStems.has(stem));
}

/**
 * Words every service's phrases use that name none of them: documents, applications, getting and
 * giving, needing. Without this list the phrases' own habits would make them service words.
 */
const NEVER_A_SERVICE =
  /^(\d+|документ|докумен|турал|кужат|кабылда|кабылдау|заявлен|отиниш|керек|нужн|нуж|получ|оформ|пода|тапсыр|алу|ал|бер|беру|как|калай|где|кайда|мне|мен|мой|моя|для|ушин|мен|бар|жок|есть|нет|хоч|кел|сдел|жаса|тегин|бесплат|бесплатн|что|при|это|или|уже|все|его|она|они)$/;

/** A stem names a service when its share of the services' words is this many times its share of the other phrases' words. */
const SERVICE_STEM_RATIO = 4;
/** …and when at least this part of its uses in the services' phrases is in one service's. */
const SERVICE_STEM_CONCENTRATION = 0.5;

/**
 * How each classifier blends naive Bayes and softmax regression (classifier.ts). Set on all labelled
 * messages measured 5-fold and on the training ones typed in other styles (bench/nlu.ts): the
 * regression helps which intent and which service; the intents' scales also make LOW_CONFIDENCE flag
 * about one message in nine, and about half of the wrong answers among them. A topic and whom a
 * complaint is against keep naive Bayes alone; whether a message is about this bot's matters needs the
 * regression (naive Bayes alone changed nothing, five-fold).
 */
const BLENDS = {
  intents: { bayes: 0.73, softmax: 0.33 },
  services: { bayes: 3, softmax: 1 },
  topics: { bayes: 6, softmax: 0 },
  against: { bayes: 6, softmax: 0 },
  scope: { bayes: 3, softmax: 1 },
} as const;

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
  const isServiceStem = (stem: string) => serviceStems.has(stem);

  const specs = classifierSpecs();
  const intents = new Classifier<Intent>(specs.intents.labels, specs.intents.blend);
  const services = new Classifier<ServiceId>(specs.services.labels, specs.services.blend);
  const topics = new Classifier<QuestionTopic>(specs.topics.labels, specs.topics.blend);
  const against = new Classifier<ComplaintAgainst | 'general'>(specs.against.labels, specs.against.blend);
  const scope = new Classifier<Scope>(specs.scope.labels, specs.scope.blend);
  for (const [step, example] of examples.entries()) {
    if (pausesAfter(step)) yield;
    const features = featuresOf(example.words, isServiceStem);
    intents.add(example.intent, features.intent);
    // A service learns from its own phrases; an intent's phrase with its name put in adds only the name.
    for (const serviceId of example.services) services.add(serviceId, example.fromServiceFile ? features.all : features.service);
    if (example.topic) topics.add(example.topic, features.intent);
    if (example.against) against.add(example.against, features.all);
    // Every word counts: a certificate of no criminal record is another matter for all its "справка".
    scope.add(example.intent === 'unknown' ? 'other' : 'ours', features.all);
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
  return assembleModel({ vocabulary, serviceStems, nameStems, intents, services, topics, against, scope, groups, origin: 'trained', trainedInMs: performance.now() - started });
}

/** The model from its trained parts (as trained, or as read back from a file by model-file.ts). */
export function assembleModel(parts: Omit<Model, 'ambiguousGroupOf'>): Model {
  const { groups, nameStems } = parts;
  // A group fits when the text names something only with words the names of all its services hold ("диплом", "дубликат")
  // and its other service words are words the group shares; the widest such group comes first.
  const ambiguousGroupOf = (stems: readonly string[]) => {
    const named = stems.filter((stem) => nameStems.has(stem));
    if (named.length === 0) return undefined;
    return groups.find((g) => named.every((stem) => g.naming.has(stem)) && stems.every((stem) => g.shared.has(stem)))?.services;
  };
  return { ...parts, ambiguousGroupOf };
}

/**
 * The classifiers of a model, with the labels and blends they are made with. A function, not a
 * constant: the intents' labels come from index.ts, which imports this module.
 */
export function classifierSpecs() {
  return {
    intents: { labels: INTENTS, blend: BLENDS.intents },
    services: { labels: SERVICE_IDS, blend: BLENDS.services },
    topics: { labels: QUESTION_TOPICS, blend: BLENDS.topics },
    against: { labels: [...COMPLAINT_AGAINST, 'general'] as const, blend: BLENDS.against },
    scope: { labels: ['ours', 'other'] as const, blend: BLENDS.scope },
  } as const;
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
