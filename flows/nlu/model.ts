import { COMPLAINT_AGAINST, type ComplaintAgainst } from '../../domain/complaint';
import { SERVICE_IDS, type ServiceId } from '../catalog/schema';
import type { Classifier } from './classifier';
import { featuresOf, namesALevel, namesWhatIsWanted, type TextFeatures, tellsLossOrRestore, tellsTheCase, wordsOf } from './features';
import { INTENTS, type Intent, QUESTION_TOPICS, type QuestionTopic } from './index';
import { tokens } from './normalise';
import type { FeatureIndex, SparseVector } from './sparse';
import type { Vocabulary } from './vocabulary';

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
  /** The features every classifier learned, shared: a message's are looked up once for all of them. */
  features: FeatureIndex;
  /** Stems that name a service: far more frequent in the services' phrases than in the others. */
  serviceStems: ReadonlySet<string>;
  /** Stems of the services' own names ("аттестат", "питан"), a surer sign of a service than any other service stem. */
  nameStems: ReadonlySet<string>;
  /**
   * Name stems that tell one service whatever else is said ("жатақхана", "питан", "академ"): in the
   * phrases nearly every message with one of them is about that service (`ownNamesOf`, model-training.ts).
   */
  ownNames: ReadonlyMap<string, ServiceId>;
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
/** Where a model trained before can be had from, read at first use (see `useModel`). */
let prebuilt: (() => Model | undefined) | undefined;
/** How a model is trained when none was given (see `trainWhenNeeded`). */
let fallback: (() => Model) | undefined;

/**
 * The model: the one given to `useModel` (read at first use when given as a function), else the
 * one `trainWhenNeeded` trains; kept once had. The phrases it is trained on live in the
 * training's modules (model-training.ts), which a server started from the build never loads.
 */
export function getModel(): Model {
  model ??= prebuilt?.() ?? fallback?.();
  if (!model) throw new Error('The understanding of typed text has no model: give one to useModel, or a training to trainWhenNeeded (flows/nlu/model-training.ts)');
  return model;
}

/**
 * Uses a model trained before (model-file.ts reads one written at build), unless one is in use
 * already; given a function, calls it at first use, and falls back to the training if it gives none.
 */
export function useModel(trained: Model | (() => Model | undefined)): void {
  if (typeof trained === 'function') prebuilt = trained;
  else model ??= trained;
}

/** How to have a model at first use when none was given, or the one given was not good (model-training.ts). */
export function trainWhenNeeded(train: () => Model): void {
  fallback = train;
}

/** A text's features, with those its classifiers see as vectors of the model's features. */
export interface Analysis extends TextFeatures {
  vectors: { intent: SparseVector; all: SparseVector };
  /** Whether one of the services' own names is said ("общага", "аттестат"), a surer sign of a service than its other words. */
  namesByName: boolean;
  /** …and one that is neither a level of education ("общага", not "курс" or "колледж") nor a word that mostly tells the case ("справка", "фамилия"). */
  namesByOwnName: boolean;
  /** The one service the text's own names tell (`Model.ownNames`), when they tell one and no other. */
  ownService: ServiceId | undefined;
}

/** The features of a text for this model. */
export function analyse(model: Model, folded: string): Analysis {
  const features = featuresOf(wordsOf(tokens(folded), model.vocabulary), (stem) => model.serviceStems.has(stem));
  return {
    ...features,
    vectors: { intent: model.features.vector(features.intent), all: model.features.vector(features.all) },
    namesByName: features.serviceStems.some((stem) => model.nameStems.has(stem)),
    namesByOwnName: features.serviceStems.some((stem) => model.nameStems.has(stem) && !namesALevel(stem) && !tellsTheCase(stem)),
    ownService: ownServiceOf(model, features.serviceStems),
  };
}

/**
 * The service the stems' own names tell, when they tell exactly one and no other name is said beside them
 * ("аттестат жатақханада жоғалды" is about the certificate lost in the dormitory).
 */
function ownServiceOf(model: Model, stems: readonly string[]): ServiceId | undefined {
  let told: ServiceId | undefined;
  for (const stem of stems) {
    const service = model.ownNames.get(stem);
    if (!service) {
      if (model.nameStems.has(stem) && namesWhatIsWanted(stem)) return undefined;
      continue;
    }
    if (told && told !== service) return undefined;
    told = service;
  }
  return told;
}

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

/** The model from its trained parts (as trained, or as read back from a file by model-file.ts). */
export function assembleModel(parts: Omit<Model, 'ambiguousGroupOf'>): Model {
  const { groups, nameStems } = parts;
  // A group fits when the text names something only with words the names of all its services hold ("диплом", "дубликат")
  // and its other service words are words the group shares or tell a loss ("восстановить диплом" too); the widest such group comes first.
  const ambiguousGroupOf = (stems: readonly string[]) => {
    const named = stems.filter((stem) => nameStems.has(stem) && !tellsLossOrRestore(stem));
    if (named.length === 0) return undefined;
    return groups.find((g) => named.every((stem) => g.naming.has(stem)) && stems.every((stem) => g.shared.has(stem) || tellsLossOrRestore(stem)))?.services;
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
