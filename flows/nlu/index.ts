import type { ComplaintAgainst } from '../../domain/complaint';
import type { Lang } from '../../store/types';
import type { ServiceId } from '../catalog/schema';
import { detectLang, languageOf, votes } from './lang';
import { type Analysis, analyse, getModel, type Model } from './model';
import { tellsAMistake, wordsOf } from './features';
import { fold, tokens } from './normalise';
import { asksForHomeVisit, asksForPerson, COMPLAINT_CUES, complainsOfVisit, demandsPerson } from './cues';
import {
  ALSO,
  ASKS_WHO_MAY,
  ASKS,
  ASKS_HOW_TO_APPLY,
  NO_PLACES,
  OFF_TOPIC,
  POINTED_QUESTION,
  applicationNumberIn,
  CORRECTION,
  DUPLICATE,
  HAS,
  SET_ASIDE,
  complaintAgainstCue,
  courtesyOf,
  GREETS_IN_JOURNEY,
  INTENT_GATES,
  isMenuWord,
  isOperatorWord,
  isThanksEmoji,
  WANTS,
  WHOLE_LIST,
  withoutFiller,
  TURNS,
  QUESTION_WORD,
  SAYS_NO,
  WONDERS,
  wondersIn,
} from './rules';

/**
 * What a citizen's typed message asks, in Kazakh (with or without Kazakh letters, in Latin script)
 * and Russian. It only routes: every answer still comes from the flows and the catalog.
 *
 * The text is folded to one comparable form (normalise.ts), split into words corrected against the
 * phrases' vocabulary, and classified by models (naive Bayes blended with softmax regression,
 * classifier.ts) trained at start on the phrase files (phrases/ and each service's `*.phrases.ts`
 * beside the catalog). A few certain cues (rules.ts) win.
 */

export { detectLang };
export { fold } from './normalise';
export { isMenuWord, isOperatorWord } from './rules';

/** Whether a text asks or wonders ("а если не примут?", "можно через цон", "қабылдай ма"), not tells. */
export function wonders(text: string): boolean {
  return wondersIn(fold(text), votes(text.slice(0, MAX_LENGTH)));
}

/** Whether a text asks who may get a service ("мне положено?", "кімге беріледі?"): the catalog's applicants answer it. */
export function asksWhoMay(text: string): boolean {
  return ASKS_WHO_MAY.test(fold(text));
}

export const INTENTS = ['checklist', 'home_visit', 'status', 'complaint', 'operator', 'language', 'greeting', 'menu', 'unknown', 'thanks', 'question'] as const;
export type Intent = (typeof INTENTS)[number];

export const QUESTION_TOPICS = ['fee', 'term', 'channels', 'hours', 'documents', 'missing_document', 'result', 'refusal'] as const;
export type QuestionTopic = (typeof QUESTION_TOPICS)[number];

export interface Guess {
  intent: Intent;
  serviceId: ServiceId | null;
  confidence: number;
}

export interface Parsed extends Guess {
  lang: Lang;
  /** True only when the text is clearly in `lang`: the bot offers to switch the reply language only then. */
  langCertain: boolean;
  /** The next best guesses, best first, none equal to the top one (at least two when unsure). */
  alternatives: Guess[];
  /**
   * Two or more services fit equally: the bot asks which one. In a journey only a complaint has them, and then
   * without a `serviceId` even when the journey's service is among them: the engine tells which case it is.
   */
  ambiguous?: ServiceId[];
  /** status: the application number typed. */
  applicationNumber?: string;
  /** complaint: whom it is against, when the text tells. */
  against?: ComplaintAgainst;
  /** question: what is asked. */
  topic?: QuestionTopic;
}

/** Below it the bot says it is not sure and offers the two best guesses and the operator. */
export const LOW_CONFIDENCE = 0.5;

/**
 * How sure a reading is of the service it names, when its two likeliest readings are a request for that service's list
 * and a question on it: the two added ("какие документы нужны для академического отпуска…" is 0.48 the one, 0.39 the
 * other). With another matter second ("академ срочно вчера": a status), the top reading's own confidence.
 *
 * @example
 * serviceCertainty(parse('какие документы нужны для академического отпуска по беременности')) // 0.87
 */
export function serviceCertainty(parsed: Parsed): number {
  const aboutService = (guess: Guess) => guess.serviceId === parsed.serviceId && (guess.intent === 'checklist' || guess.intent === 'question');
  if (!parsed.serviceId || !aboutService(parsed)) return 0;
  const [second] = parsed.alternatives;
  return parsed.confidence + (second && aboutService(second) ? second.confidence : 0);
}

/** In a journey, a guess less sure than this of anything but a question, on a text that asks, is taken for a question. */
const JOURNEY_QUESTION_DOUBT = 0.2;
/** In a journey, a question names another service than the journey's only when its words tell it this surely. */
const JOURNEY_SERVICE_CERTAINTY = 0.95;
/** …and in at least this many words. */
const JOURNEY_SERVICE_WORDS = 2;
/** A complaint that names only a place of study takes the service its other words tell with this certainty. */
const COMPLAINT_SERVICE_CERTAINTY = 0.9;
/** Below this, what the classifiers make of a message opening with thanks is too unsure to outweigh the thanks. */
const THANKS_DOUBT = 0.1;
/** A request for a list or a question with no service word takes the service the classifier tells from its letters this surely. */
const SERVICE_FROM_LETTERS_CERTAINTY = 0.95;
/** A complaint that names neither a service's name nor a place of study takes the service its words tell with this certainty. */
const COMPLAINT_WORDS_CERTAINTY = 0.95;
/** …and one about a duplicate, the duplicate its words tell with this certainty among the three. */
const DUPLICATE_COMPLAINT_CERTAINTY = 0.8;
/** Words a group of services shares name the whole group unless the other words tell one of them with this certainty. */
const BEYOND_GROUP_CERTAINTY = 0.995;
/** A second service this close to the first fits equally. */
const AMBIGUOUS_RATIO = 0.9;
/** A first message of at most this many words whose every reading is about one service asks for its list… */
const FEW_WORDS = 3;
/** …this surely. */
const SURE_OF_ONE_SERVICE = 0.9;
/** A message only this much of whose words the phrases know is not understood. */
const MIN_COVERAGE = 0.2;

/** Intents a text names by cues that catch them all (a person asked for, a complaint): without their cue the classifiers' lean to them is none. */
const CUED_INTENTS: ReadonlySet<Intent> = new Set(['operator', 'complaint']);

/** Intents that are about a service, and so carry one when it is named. */
const ABOUT_A_SERVICE: ReadonlySet<Intent> = new Set(['checklist', 'question', 'complaint', 'status', 'home_visit']);

const DUPLICATE_SERVICES: ReadonlySet<ServiceId> = new Set(['duplicate-school', 'duplicate-tvet', 'duplicate-higher']);

/** Intents that a text naming a service is not. */
const NO_SERVICE_TALK: ReadonlySet<Intent> = new Set(['unknown', 'greeting', 'thanks']);
/** What asks the bot itself to change how it talks or where it is, not about any matter. */
const BOT_CONTROLS: ReadonlySet<Intent> = new Set(['language', 'menu']);

const MAX_LENGTH = 2000;

/** Where the message was typed: `first` at the menu or as the first message, `journey` in the middle of a service's steps. */
export type ParseContext = 'first' | 'journey';

export interface ParseOptions {
  context?: ParseContext;
}

export function parse(text: string, fallbackLang: Lang = 'ru', options: ParseOptions = {}): Parsed {
  const context = options.context ?? 'first';
  // A turn may read one text twice (the menu, then the engine when the menu was unsure): the second read is the first's.
  if (last && last.text === text && last.fallbackLang === fallbackLang && last.context === context) return last.parsed;
  const parsed = parseWith(getModel(), text, fallbackLang, { context });
  last = { text, fallbackLang, context, parsed };
  return parsed;
}

/**
 * The points of a service a text most likely asks about, likeliest first: the topic classifier
 * alone, for a question the parse did not place ("режим работы какой" read as off-topic).
 *
 * @example
 * likelyTopics('cena kakaya?')[0]; // 'fee'
 */
export function likelyTopics(text: string): QuestionTopic[] {
  const model = getModel();
  const features = analyse(model, withoutFiller(fold(text.slice(0, MAX_LENGTH))));
  return model.topics.posteriors(features.vectors.intent).map((topic) => topic.label);
}

let last: { text: string; fallbackLang: Lang; context: ParseContext; parsed: Parsed } | undefined;

/** `parse` with a given model (the bench measures models trained without some phrases). */
export function parseWith(model: Model, text: string, fallbackLang: Lang = 'ru', { context = 'first' }: ParseOptions = {}): Parsed {
  const input = text.slice(0, MAX_LENGTH);
  const { lang, certain } = languageOf(input, fallbackLang);
  const base = { lang, langCertain: certain };
  if (isMenuWord(input)) return { ...base, intent: 'menu', serviceId: null, confidence: 1, alternatives: fallbackGuesses('menu') };
  if (isOperatorWord(input)) return { ...base, intent: 'operator', serviceId: null, confidence: 1, alternatives: fallbackGuesses('operator') };
  if (isThanksEmoji(input)) return { ...base, intent: 'thanks', serviceId: null, confidence: 0.9, alternatives: fallbackGuesses('thanks') };

  const folded = fold(input);
  const asked = withoutFiller(folded);
  if (ASKS_HOW_TO_APPLY.test(asked)) return { ...base, intent: 'question', serviceId: null, topic: 'channels', confidence: 0.9, alternatives: fallbackGuesses('question') };
  // What a correction in a journey sets aside ("…, а не колледж", "диплом емес") is not what is asked for.
  const features = analyse(model, context === 'journey' ? asked.replace(SET_ASIDE, ' ') : asked);
  const applicationNumber = applicationNumberIn(input);

  // Letter trigrams match almost anything: whether a text is understood at all is judged by its words.
  const understood = model.intents.coverage(features.intent, isWordFeature) >= MIN_COVERAGE && knowsAContentWord(model, features.intent);
  // The intents never to miss (cues.ts) are understood even in words the phrases do not hold ("перезвоните мне").
  // …as typed, and with its words corrected ("опреатор", "жоре алмайды").
  const corrected = `${folded} | ${wordsOf(tokens(asked), model.vocabulary)
    .map((w) => w.word)
    .join(' ')}`;
  const personDemanded = demandsPerson(corrected);
  const person = personDemanded || asksForPerson(corrected);
  const homeVisit = asksForHomeVisit(corrected);
  // A home visit that went wrong ("обещали приехать на дом и не приехали") is a complaint about it.
  const complains = COMPLAINT_CUES.test(corrected) || complainsOfVisit(corrected);
  const cued = person || homeVisit || complains || applicationNumber !== undefined;
  const opening = courtesyOf(folded, { opening: true });
  // A text of nothing but places or levels of study ("вуз, магистратура", "колледждікі", "9 класс") tells which one: a list's
  // request; opening with a greeting ("сәлем, колледж студентімін") it is a greeting still.
  const levelsOnly = !understood && features.namesLevel && !features.namesService && !opening;
  if (!understood && !features.namesService && !levelsOnly && !person && !homeVisit && !complains) {
    if (applicationNumber) return { ...base, intent: 'status', serviceId: null, confidence: 0.9, applicationNumber, alternatives: fallbackGuesses('status') };
    // In a journey, a question in words the phrases do not hold ("стоимость?", "сенбіде ше?") is about the journey's service.
    if (context === 'journey' && ASKS.test(folded) && INTENT_GATES.question!.test(folded))
      return { ...base, intent: 'question', serviceId: null, topic: topicOf(model, features, folded), confidence: LOW_CONFIDENCE, alternatives: fallbackGuesses('question') };
    // Nothing else understood: a message that opens with a greeting or thanks is one ("салем, апалар").
    if (opening) return { ...base, intent: opening, serviceId: null, confidence: 0.9, alternatives: fallbackGuesses(opening) };
    return { ...base, intent: 'unknown', serviceId: null, confidence: 0, alternatives: fallbackGuesses('unknown') };
  }

  const cues: Cues = { person, personDemanded, homeVisit, complains, applicationNumber };
  const { intents, namesAService, wholeList } = rankIntents(model, features, folded, context, cues);
  if (levelsOnly && !cued) promote(intents, 'checklist', true);
  const service = serviceOf(model, features, folded, context, intents, namesAService);
  // A first message about another state service or an everyday matter, with no word of education, is off-topic
  // (in a journey "а если прописки нет?" is a question about the journey's service).
  if (context === 'first' && !features.namesByName && !features.namesLevel && !person && !homeVisit && !complains && OFF_TOPIC.test(folded)) promote(intents, 'unknown');
  // …and so is one the scope classifier places elsewhere surely ("справка о несудимости", "апостиль на диплом"), whatever
  // service words it has; one that opens with a greeting or thanks is left to the next rule (small talk is not another matter).
  // A request of the bot's own controls ("сменить язык", "басты мәзір") is no matter, here or elsewhere.
  if (context === 'first' && !opening && !cued && !BOT_CONTROLS.has(intents[0]!.label) && elsewhereSurely(model, features, asked)) promote(intents, 'unknown');
  // A greeting or thanks followed by words the classifiers are not sure of, naming no service ("доброе утро из Кокшетау",
  // "салем достар мен Аралдан"), is one.
  const namesNothing = !features.namesService && !features.namesLevel && !cued;
  if (opening && (intents[0]!.label === 'unknown' || namesNothing) && intents[0]!.p < LOW_CONFIDENCE && !OFF_TOPIC.test(folded)) promote(intents, opening);
  // …and thanks that go on about a service the classifiers can hardly place ("спасибо, что помогли с академом, всё приняли") are thanks.
  else if (opening === 'thanks' && !cued && intents[0]!.p < THANKS_DOUBT) promote(intents, 'thanks');
  // A first message of nothing but a service's name ("Общежитие", "академ", "дубликат аттестата") asks for its list.
  if (context === 'first' && !cued && !opening && intents[0]!.label === 'checklist' && namesOnlyServices(features)) promote(intents, 'checklist', true);
  const top = intents[0]!;
  const { serviceId, ambiguous } = service.forIntent(top.label);
  const confidence = context === 'first' && !cued && features.namesService ? sureOfFirstMessage(intents, serviceId, service.forIntent) : top.p;
  const parsed: Parsed = { ...base, intent: top.label, serviceId, confidence: round(confidence), alternatives: [] };
  if (ambiguous) parsed.ambiguous = ambiguous;
  if (top.label === 'status' && applicationNumber) parsed.applicationNumber = applicationNumber;
  if (top.label === 'complaint') {
    const against = complaintAgainstCue(folded) ?? againstFrom(model.against.posteriors(features.vectors.all));
    if (against) parsed.against = against;
  }
  if (top.label === 'question') parsed.topic = wholeList ? 'documents' : topicOf(model, features, folded);

  parsed.alternatives = alternativesOf(parsed, intents, service.named);
  // …and so does one of a few words every reading of which is about that one service ("бесплатное питание", "питание в колледже").
  const aboutOneService = parsed.serviceId && parsed.alternatives.slice(0, 3).every((guess) => guess.serviceId === parsed.serviceId);
  if (context === 'first' && !cued && !opening && top.label === 'checklist' && aboutOneService && tokens(asked).length <= FEW_WORDS && !ASKS.test(folded))
    parsed.confidence = Math.max(parsed.confidence, SURE_OF_ONE_SERVICE);
  return parsed;
}

/**
 * How sure the reading of a first message that names a service and has no cue (cues.ts) is of where it leads: the first
 * intent's probability, without the lean to an intent whose cue the text lacks (a person, a
 * complaint: their cues catch those, so "мне нужен дубликат аттестата" is not half a request for
 * the operator), and, for a service's list, with the question on the same service added (both open
 * its list).
 *
 * @example
 * parse('мне нужно общежитие').confidence; // ≥ LOW_CONFIDENCE, not 0.43: the checklist opens without asking
 */
function sureOfFirstMessage(intents: Ranked, serviceId: ServiceId | null, serviceFor: (intent: Intent) => { serviceId: ServiceId | null }): number {
  const top = intents[0]!;
  if (top.label !== 'checklist' && top.label !== 'question') return top.p;
  const uncued = intents.reduce((sum, intent) => sum + (CUED_INTENTS.has(intent.label) ? intent.p : 0), 0);
  const question = top.label === 'checklist' && serviceId ? intents.find((intent) => intent.label === 'question') : undefined;
  const sameService = question && serviceFor('question').serviceId === serviceId ? question.p : 0;
  return uncued < 1 ? Math.min(1, (top.p + sameService) / (1 - uncued)) : top.p;
}

/**
 * Whether every word of the text but the shortest function words names a service (or a level of study, or the
 * case): no word is left to tell what is wanted of it ("академ отпуск по болезни").
 */
function namesOnlyServices(features: Analysis): boolean {
  return features.namesService && !hasIntentWords(features.intent);
}

/** The point a question asks, likeliest. */
function topicOf(model: Model, features: Analysis, folded: string): QuestionTopic {
  if (NO_PLACES.test(folded)) return 'refusal';
  return model.topics.posteriors(features.vectors.intent)[0]!.label;
}

/** The cues read on the whole text (cues.ts, rules.ts) that the intents' ranking follows. */
interface Cues {
  person: boolean;
  /** A person asked for outright, to connect to or talk with: it wins over a home visit or a complaint named beside it. */
  personDemanded: boolean;
  homeVisit: boolean;
  complains: boolean;
  applicationNumber: string | undefined;
}

type Ranked = { label: Intent; p: number }[];

/**
 * The intents, likeliest first: the classifier's probabilities with the lean of where the message was
 * typed, then the rules that know better than the phrases (a service named, a correction, "тоже", a
 * question in a journey, one point asked, the whole list asked, and last the cues never to miss).
 */
function rankIntents(model: Model, features: Analysis, folded: string, context: ParseContext, cues: Cues): { intents: Ranked; namesAService: boolean; wholeList: boolean } {
  const intents = inContext(model.intents.posteriors(features.vectors.intent), context);
  // An intent whose gate its words miss gives way, but a text that asks is a question whatever it asks about ("старый диплом заберут?").
  while (INTENT_GATES[intents[0]!.label] && !INTENT_GATES[intents[0]!.label]!.test(folded) && !(intents[0]!.label === 'question' && ASKS.test(folded))) intents.push(intents.shift()!);
  // In a journey a greeting says hello again or that the citizen is back; a place or a role typed there answers the step.
  if (context === 'journey' && intents[0]!.label === 'greeting' && !GREETS_IN_JOURNEY.test(folded)) intents.push(intents.shift()!);
  // A text that names a service is not off-topic, and a greeting or thanks with a service named is the request that follows it.
  while (features.namesService && NO_SERVICE_TALK.has(intents[0]!.label)) intents.push(intents.shift()!);
  // Nothing but a service named ("я потерял аттестат"): a request for it.
  // In a journey one service word is mostly a document its checklist asks for ("справка керек пе"): a service is named in two.
  const namesAService = context === 'journey' ? features.namesService && new Set(features.serviceStems).size >= JOURNEY_SERVICE_WORDS : features.namesService;
  if (namesAService && !hasIntentWords(features.intent)) promote(intents, 'checklist');
  // In a journey, "no, I mean the university" asks for another service's checklist.
  if (context === 'journey' && (features.namesService || features.namesLevel) && CORRECTION.test(folded)) promote(intents, 'checklist');
  // …and "общежитие тоже", "аттестатты да қосыңыз" asks for it besides the journey's.
  if (context === 'journey' && features.namesService && ALSO.test(folded)) promote(intents, 'checklist');
  // In a journey, a question ("электронно можно?", "кешкі 7-де баруға бола ма") the classifiers can hardly place is about the journey's service.
  if (context === 'journey' && intents[0]!.label !== 'question' && intents[0]!.p < JOURNEY_QUESTION_DOUBT && ASKS.test(folded)) promote(intents, 'question');
  // …and what is taken for a question on where and how to apply but wonders and wants nothing ("через цон", "егов арқылы
  // өзім жіберемін") answers the step's question of how the citizen applies: it is for the journey's list.
  if (context === 'journey' && intents[0]!.label === 'question' && !WONDERS.test(folded) && !QUESTION_WORD.test(folded) && !WANTS.test(folded) && topicOf(model, features, folded) === 'channels')
    promote(intents, 'checklist');
  // …and so does a home visit guessed for a text that tells what the citizen has ("справка об инвалидности у нас есть").
  if (context === 'journey' && intents[0]!.label === 'home_visit' && !cues.homeVisit && HAS.test(folded) && tellsCase(features, folded)) promote(intents, 'checklist');
  // A first message asking one point of a service ("дипломды қалпына келтіру ақылы ма?") gets the answer with the list.
  if (context === 'first' && intents[0]!.label === 'checklist' && POINTED_QUESTION.test(folded)) promote(intents, 'question');
  const wholeList = WHOLE_LIST.test(folded) && (intents[0]!.label === 'checklist' || intents[0]!.label === 'question');
  if (wholeList) promote(intents, namesAService || (features.namesLevel && context === 'first') || (context === 'journey' && features.namesByName) ? 'checklist' : 'question');
  // The intents never to miss: a person asked for, a home visit, and, so that it wins over both, a complaint.
  if (cues.person) promote(intents, 'operator', true);
  if (cues.homeVisit) promote(intents, 'home_visit', true);
  // A complaint cue wins over the service it mentions; a typed number with no other cue is a status question ("дайте номер 1414" is none).
  if (cues.complains) promote(intents, 'complaint', true);
  else if (cues.applicationNumber && !cues.person && !cues.homeVisit && intents[0]!.label !== 'complaint') promote(intents, 'status');
  // …unless a person is asked for outright: "оператора, пожалуйста, по жалобе на колледж" wants the person.
  if (cues.personDemanded) promote(intents, 'operator', true);
  return { intents, namesAService, wholeList };
}

/**
 * Which service the text is about, for the intent that ranked first: the services its words tell
 * (`named`, likeliest first), and for the intent finally chosen the service, or the services that fit equally.
 */
function serviceOf(model: Model, features: Analysis, folded: string, context: ParseContext, intents: Ranked, namesAService: boolean) {
  // Only a level of education ("колледж", "9 класс") names no service; only words a group shares ("диплом") name the whole group.
  const ranked = intents[0]!.label;
  const levelTells = features.namesLevel && ABOUT_A_SERVICE.has(ranked);
  // Which service is told by the words around its name too ("құжат тапсыру" to a college is admission); a request for a
  // list or a question that names its service in no word the phrases know as one ("общажечка", "қайта қабылдауға
  // егов арқылы бола ма") is about the service its letters tell surely.
  const told = features.namesService || levelTells;
  const heard = told || ranked === 'checklist' || ranked === 'question' ? model.services.posteriors(features.vectors.all) : [];
  const posteriors = told || (heard[0]?.p ?? 0) >= SERVICE_FROM_LETTERS_CERTAINTY ? heard : [];
  // A complaint about a duplicate ("в дубликате перепутали отчество") is about the duplicate, whatever went wrong in it.
  const aboutDuplicate = ranked === 'complaint' && DUPLICATE.test(folded);
  // A service named by its own name ("жатақхана", "питание") is the one, whatever its other words lean to ("ХҚКО-ға жатақхана үшін …").
  const own = aboutDuplicate ? undefined : features.ownService;
  const named = aboutDuplicate ? renormalised(posteriors.filter((s) => DUPLICATE_SERVICES.has(s.label))) : own ? ownFirst(posteriors, own) : posteriors;
  const first = named[0];
  // …unless its other words tell one of them surely ("диплом коледжа", "унивир дипломы", "дубликат атестата").
  // In a complaint about a duplicate, the mistake in it ("телнұсқада … қате") tells what went wrong, not which duplicate.
  const groupStems = aboutDuplicate ? features.serviceStems.filter((stem) => !tellsAMistake(stem)) : features.serviceStems;
  const group = !own && features.namesService && !features.namesLevel && (first?.p ?? 0) < BEYOND_GROUP_CERTAINTY ? model.ambiguousGroupOf(groupStems) : undefined;
  const tied = own ? [own] : (group ?? (first ? named.filter((s) => s.p >= first.p * AMBIGUOUS_RATIO).map((s) => s.label) : []));
  // A complaint about a place of study ("приёмная комиссия колледжа нагрубила") or a duplicate is about a service only when its words tell which surely.
  const unsureComplaint =
    ranked === 'complaint' && ((!features.namesMoreThanPlace && (first?.p ?? 0) < COMPLAINT_SERVICE_CERTAINTY) || (aboutDuplicate && (first?.p ?? 0) < DUPLICATE_COMPLAINT_CERTAINTY));

  const forIntent = (intent: Intent): { serviceId: ServiceId | null; ambiguous?: ServiceId[] } => {
    if (!ABOUT_A_SERVICE.has(intent)) return { serviceId: null };
    // In a journey a question, a complaint or a status question is about the journey's service unless it names another outright.
    // A status question has no documents to mention: one word of a service names it ("по общаге ответ пришёл?").
    // What is taken for a list's request there and only tells the citizen's case (tellsCase) is for the journey's list,
    // whatever service its words suggest.
    const namesAnother = namesAService || (intent === 'status' && features.namesService);
    const inherits = context === 'journey' && (intent === 'checklist' ? tellsCase(features, folded) : !namesAnother || (first?.p ?? 0) < JOURNEY_SERVICE_CERTAINTY);
    // A home visit or a complaint is about a service only when its name or a place of study is said ("ауылда тұрады" is a reason, not the dormitory).
    // …or, for a complaint, when its service words tell the service outright ("отказали в переводе").
    const toldOutright = intent === 'complaint' && features.namesService && (first?.p ?? 0) >= COMPLAINT_WORDS_CERTAINTY;
    const serviceUnsaid = (intent === 'home_visit' || intent === 'complaint') && !features.namesByName && !features.namesLevel && !toldOutright;
    const serviceId = first && tied.length === 1 && !inherits && !unsureComplaint && !serviceUnsaid ? first.label : null;
    // A complaint typed in a journey that several services fit ("в дубликате ошибка") keeps them: whether the journey's is
    // among them tells whether it is about the journey's service or the complaint must ask which.
    return tied.length > 1 && (!inherits || intent === 'complaint') ? { serviceId, ambiguous: tied } : { serviceId };
  };
  return { named, forIntent };
}

/**
 * Whether a message typed in a journey, taken for a request for a list, only tells the citizen's case for the
 * journey's own list ("3 курс, вечернее", "атаулы көмек аламыз", "ол әлі кәмелетке толмаған"): it asks and wants
 * nothing, and when it has words of a service or a level, names no service by its name and turns to nothing else.
 */
function tellsCase(features: Analysis, folded: string): boolean {
  if (ASKS.test(folded) || WANTS.test(folded)) return false;
  if (!features.namesService && !features.namesLevel) return true;
  if (features.namesService && features.namesByOwnName) return false;
  // A bare "no" answers the step's question ("нет, инвалидности нет"); with a level, or as "не то", "а не …", it corrects.
  if (CORRECTION.test(folded) && (features.namesLevel || !SAYS_NO.test(folded))) return false;
  return ![ALSO, TURNS, WHOLE_LIST, QUESTION_WORD].some((words) => words.test(folded));
}

/**
 * In a journey the citizen mostly asks about the service being discussed ("а сколько стоит?"): a
 * question is this many times likelier there than the phrases alone say. A first message has no such lean.
 */
const JOURNEY_QUESTION_PRIOR = 2;

/** The intents' probabilities with the lean of where the message was typed, highest first. */
function inContext(intents: { label: Intent; p: number }[], context: ParseContext): { label: Intent; p: number }[] {
  if (context === 'first') return intents;
  let sum = 0;
  for (const intent of intents) {
    if (intent.label === 'question') intent.p *= JOURNEY_QUESTION_PRIOR;
    sum += intent.p;
  }
  for (const intent of intents) intent.p /= sum;
  return intents.sort((a, b) => b.p - a.p);
}

/**
 * Moves an intent to the top, keeping its probability at least that of the one it displaces; `sure`
 * (a cue that never misleads) makes it sure even when it was on top already.
 */
function promote(intents: { label: Intent; p: number }[], intent: Intent, sure = false): void {
  const index = intents.findIndex((i) => i.label === intent);
  if (index === 0 && sure) intents[0]!.p = Math.max(intents[0]!.p, 0.9);
  if (index <= 0) return;
  const [promoted] = intents.splice(index, 1);
  intents.unshift({ label: intent, p: Math.max(promoted!.p, intents[0]!.p, 0.9) });
}

/** The posteriors with `own` first, as sure as the first was at least. */
function ownFirst(posteriors: { label: ServiceId; p: number }[], own: ServiceId): { label: ServiceId; p: number }[] {
  const first = posteriors[0];
  if (!first || first.label === own) return posteriors;
  const owned = posteriors.find((s) => s.label === own);
  return renormalised([{ label: own, p: Math.max(owned?.p ?? 0, first.p) }, ...posteriors.filter((s) => s.label !== own)]);
}

function renormalised<T>(posteriors: { label: T; p: number }[]): { label: T; p: number }[] {
  const sum = posteriors.reduce((total, s) => total + s.p, 0);
  return sum > 0 ? posteriors.map((s) => ({ label: s.label, p: s.p / sum })) : posteriors;
}

/**
 * How sure the classifier must be of whom a complaint is against to say it: below, the complaint
 * flow asks ("хочу пожаловаться" names no one, though most complaints that say it go on to a college).
 */
const AGAINST_CERTAINTY = 0.6;

function againstFrom(posteriors: { label: ComplaintAgainst | 'general'; p: number }[]): ComplaintAgainst | undefined {
  const best = posteriors[0]!;
  return best.label === 'general' || best.p < AGAINST_CERTAINTY ? undefined : best.label;
}

/**
 * The next best guesses: the same intent with the runner-up service, then the next intents (with the
 * service when they are about one), best first, never the top guess again.
 */
function alternativesOf(top: Parsed, intents: { label: Intent; p: number }[], named: { label: ServiceId; p: number }[]): Guess[] {
  const guesses: Guess[] = [];
  const serviceFor = (intent: Intent) => (ABOUT_A_SERVICE.has(intent) ? (named[0]?.label ?? null) : null);
  if (ABOUT_A_SERVICE.has(top.intent)) {
    for (const service of named.slice(0, 3)) guesses.push({ intent: top.intent, serviceId: service.label, confidence: round(top.confidence * service.p) });
  }
  for (const intent of intents.slice(1)) guesses.push({ intent: intent.label, serviceId: serviceFor(intent.label), confidence: round(intent.p) });
  const seen = new Set([`${top.intent}/${top.serviceId}`]);
  const distinct = guesses.filter((g) => {
    const key = `${g.intent}/${g.serviceId}`;
    if (seen.has(key) || g.intent === 'unknown') return false;
    seen.add(key);
    return true;
  });
  return distinct.sort((a, b) => b.confidence - a.confidence).slice(0, 3);
}

/** Whether the scope classifier is this sure a message is about another matter than this bot's. */
const ELSEWHERE_CERTAINTY = 0.9;

function isElsewhere(model: Model, features: Analysis): boolean {
  return model.scope.posteriors(features.vectors.all).some((s) => s.label === 'other' && s.p > ELSEWHERE_CERTAINTY);
}

/** Verbs of signing up ("записаться", "тіркелемін", "жазылу"), folded: the phrases of other matters (a school's first class, a kindergarten) are full of them. */
const SIGNING_UP = /(^|\s)(запис|тиркел|жазыл|жазам)\S*/g;

/**
 * Whether a message is about another matter by the words that tell a matter: a verb of signing up tells none, so
 * "как записаться в общежитие" is this bot's matter, and "как записать ребенка в первый класс" still another.
 */
function elsewhereSurely(model: Model, features: Analysis, asked: string): boolean {
  if (!isElsewhere(model, features)) return false;
  const matterWords = asked.replace(SIGNING_UP, ' ');
  return matterWords === asked || isElsewhere(model, analyse(model, matterWords));
}

/** When no classifier spoke: the journeys a citizen most often wants, so the bot can still offer two. */
function fallbackGuesses(top: Intent): Guess[] {
  return (['checklist', 'status', 'operator'] as const)
    .filter((intent) => intent !== top)
    .slice(0, 2)
    .map((intent) => ({ intent, serviceId: null, confidence: 0 }));
}

/** Whether the phrases know a word of three letters or more of the text ("не знаю" has none: "не" is too short, "знаю" unknown). */
function knowsAContentWord(model: Model, features: Map<string, number>): boolean {
  for (const feature of features.keys()) if (feature.startsWith('w:') && feature.length > 4 && model.intents.knows(feature)) return true;
  return false;
}

function isWordFeature(feature: string): boolean {
  return feature.startsWith('w:') || feature.startsWith('s:');
}

/** Whether any word besides the service's and the shortest function words ("я", "в", "мен") is left for the intent. */
function hasIntentWords(features: Map<string, number>): boolean {
  for (const feature of features.keys()) if (feature.startsWith('w:') && feature.length > 4) return true;
  return false;
}

function round(p: number): number {
  return Math.round(p * 1000) / 1000;
}
