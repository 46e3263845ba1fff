import type { Features } from './bayes';
import { rootOf, stemKazakh, stemRussian } from './stem';
import type { Vocabulary } from './vocabulary';

/**
 * What the classifiers see of a folded text. Each word is corrected to a known one when mistyped
 * and stemmed; it gives its word, its stem, the pair with the previous stem ("не прин…", "бас
 * тарт…") and, at a lower weight, its letter trigrams and four-grams, which still match a word nobody
 * corrected.
 *
 * The words that name a service ("аттестат", "жатақхана", "потерял") go to the service classifier
 * only; the intent classifier sees a single "a service is named" feature in their place, so that
 * "сколько стоит дубликат аттестата" is a question because of "сколько стоит", whatever it is about.
 */
const NGRAM_WEIGHT = 0.5;
/** A pair of stems says more than either word alone: at 1.5 rather than 1, +29 of 39 118 right five-fold (1.4–1.8 alike), +52 of 49 114. */
const PAIR_WEIGHT = 1.5;
/** The lengths of the letter n-grams taken from each word, its ends marked ("<жат", "ахан", "на>"). */
const NGRAM_LENGTHS = [3, 4];
export const SERVICE_NAMED = 'm:service';
/** …and a single "something was lost" feature in place of the words of losing, which go to the service classifier. */
const LOSS_TOLD = 'm:loss';

export interface TextFeatures {
  intent: Features;
  /** The service words' features. */
  service: Features;
  /** Every word's features: which service is told by the words around its name too ("құжат тапсыру" to a college). */
  all: Features;
  /** The stems that name a service, in order. */
  serviceStems: string[];
  /** Whether one of them names what is wanted, not only a level of education. */
  namesService: boolean;
  /** Whether one of them names more than a place of study: "школа" names the school's one service, but a complaint about a school may be about anything there. */
  namesMoreThanPlace: boolean;
  /** Whether a level of education or a place of study is named. */
  namesLevel: boolean;
}

/** Losing or spoiling something: it tells which service only with what was lost ("аттестат жоғалды", not "куәлігім жоғалды"). */
const LOSS = /^(жогал|потер|утер|утрач|пропа|испорт|испорч|сгор|украл|укра|булин|бузыл|жыртыл|куйип|урлан|табылма|таппа|агып)/;

/** Whether a stem tells only that something was lost or spoiled ("жоғалды", "табылмай"), not what. */
function tellsLoss(stem: string): boolean {
  return LOSS.test(stem);
}

/** Getting back a document: beside a name a group shares it asks for a duplicate ("восстановить диплом"), alone it is reinstatement. */
const RESTORE = /^(восстанов|востанов|калпына)/;

/** Whether a stem tells only that something was lost, spoiled or is to be got back, not what. */
export function tellsLossOrRestore(stem: string): boolean {
  return LOSS.test(stem) || RESTORE.test(stem);
}

/**
 * Whether a stem of a service's name says which service is wanted: not a level of education ("колледж"), a word
 * that mostly tells the case ("справка") or a loss or getting back ("потерял", "восстановить").
 */
export function namesWhatIsWanted(stem: string): boolean {
  return !namesALevel(stem) && !tellsTheCase(stem) && !tellsLossOrRestore(stem);
}

/** A mistake in a document ("қате", "ошибка", "ошиблись"). */
const MISTAKE = /^(кат$|кате|ошиб|неправил|неверн)/;

/** Whether a stem tells only that something is wrong, not in what. */
export function tellsAMistake(stem: string): boolean {
  return MISTAKE.test(stem);
}

/** A school: the place of one service (its certificate's duplicate), so it names that service, but only the place in a complaint. */
const SCHOOL = /^(школ|мектеп)/;

/** Levels of education and places of study: they tell which service among several, but name none alone (a school has one service, so it is not among them). */
const LEVEL =
  /^(лицей|птк|пту|вуз|вузовск|жоо|жогары|высш|вышк|инст$|академи|магистр|магистер|магистратур|бакалавр|аспирантур|докторантур|интернатур|резидентур|консерватор|юрфак|медфак|факультет|класс|сынып|студент|курс|касиптик|профессиональн|тжкб|типо$|технар|шараг|среднеспец)|(колледж|колеж|коледж|калледж|калеж|техникум|училищ|университет|универ|институт)/;

/** Whether a stem names a level of education or a place of study (LEVEL). */
export function namesALevel(stem: string): boolean {
  return LEVEL.test(stem);
}

/**
 * Words of services' names that, typed in a journey, mostly tell the citizen's case rather than name a
 * service: a document they have or lack ("справка есть", "куәлігі жоқ"), a mistake and where it is
 * ("фамилия поменялась", "туған күні қате"), the school and where it is ("мектеп Сарыағашта"), the other place
 * ("в другой колледж").
 */
const CASE_WORD =
  /^(школ|мектеп|фамил|тег$|тегим|справ|аныктам|свидетельств|куалик|докумен|кужат|кат$|кате|ошиб|друг|баска|мест$|орн$|орын|оку$|учеб|обучен|бил$|образован|специальн|мемлекет|государствен|орт$|средн|жан$|пода$|тапсыр$|бер$)/;

/** Whether a stem of a service's name mostly tells the citizen's case in a journey (CASE_WORD). */
export function tellsTheCase(stem: string): boolean {
  return CASE_WORD.test(stem);
}

export interface Word {
  typed: string;
  word: string;
  stem: string;
}

/** Each word corrected (when a vocabulary is given) and stemmed. */
export function wordsOf(typed: readonly string[], vocabulary?: Vocabulary): Word[] {
  const words: Word[] = [];
  for (const t of typed) {
    const word = vocabulary?.correct(t);
    // Two words typed without the space between them ("академотпуск", "дайынба") are read as two.
    const parts = word === undefined ? vocabulary?.split(t) : undefined;
    if (parts) for (const part of parts) words.push({ typed: part, word: part, stem: stemOf(part) });
    else words.push({ typed: t, word: word ?? t, stem: stemOf(word ?? t) });
  }
  return words;
}

/** Stems already worked out: the phrases repeat their words, and so do citizens. Emptied when it grows past the limit. */
const stems = new Map<string, string>();
const STEM_CACHE_LIMIT = 50_000;

/** A word's root when it has one of stem.ts's; else of its Russian and Kazakh stems the shorter: each strips too little of the other language's words. */
export function stemOf(word: string): string {
  const known = stems.get(word);
  if (known !== undefined) return known;
  const root = rootOf(word);
  if (root !== undefined) return root;
  const russian = stemRussian(word);
  const kazakh = stemKazakh(word);
  const stem = russian.length <= kazakh.length ? russian : kazakh;
  if (stems.size >= STEM_CACHE_LIMIT) stems.clear();
  stems.set(word, stem);
  return stem;
}

/** Each word's letter n-gram features, worked out once: citizens repeat their words, and so do the phrases. */
const ngrams = new Map<string, string[]>();
const NGRAM_CACHE_LIMIT = 50_000;

function ngramsOf(typed: string): string[] {
  const known = ngrams.get(typed);
  if (known) return known;
  const padded = `<${typed}>`;
  const features: string[] = [];
  for (const n of NGRAM_LENGTHS) for (let i = 0; i + n <= padded.length; i++) features.push(`c:${padded.slice(i, i + n)}`);
  if (ngrams.size >= NGRAM_CACHE_LIMIT) ngrams.clear();
  ngrams.set(typed, features);
  return features;
}

export function featuresOf(words: readonly Word[], isServiceStem: (stem: string) => boolean): TextFeatures {
  const intent: Features = new Map();
  const service: Features = new Map();
  const all: Features = new Map();
  const add = (features: Features, feature: string, weight: number) => {
    features.set(feature, (features.get(feature) ?? 0) + weight);
    all.set(feature, (all.get(feature) ?? 0) + weight);
  };
  const serviceStems: string[] = [];
  let previousIntent: string | undefined;
  let previousService: string | undefined;
  let namesService = false;
  let namesMoreThanPlace = false;
  let namesLevel = false;
  for (const { typed, word, stem } of words) {
    const level = namesALevel(stem);
    const named = level || isServiceStem(stem);
    const target = named ? service : intent;
    if (named) {
      serviceStems.push(stem);
      if (level) namesLevel = true;
      else if (!tellsLoss(stem)) {
        namesService = true;
        if (!SCHOOL.test(stem)) namesMoreThanPlace = true;
      }
    }
    add(target, `w:${word}`, 1);
    add(target, `s:${stem}`, 1);
    const previous = named ? previousService : previousIntent;
    if (previous) add(target, `p:${previous}_${stem}`, PAIR_WEIGHT);
    if (named) previousService = stem;
    else previousIntent = stem;
    for (const ngram of ngramsOf(typed)) add(target, ngram, NGRAM_WEIGHT);
  }
  if (namesService) intent.set(SERVICE_NAMED, 4);
  if (serviceStems.some(tellsLoss)) intent.set(LOSS_TOLD, 2);
  return { intent, service, all, serviceStems, namesService, namesMoreThanPlace, namesLevel };
}
