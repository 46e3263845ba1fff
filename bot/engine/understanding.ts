import { findService, type ServiceId } from '../../flows/catalog';
import { CHECKLIST_FLOW_ID } from '../../flows/checklist';
import { COMPLAINT_FLOW_ID } from '../../flows/complaint';
import { HOME_VISIT_FLOW_ID } from '../../flows/home-visit';
import { MENU_FLOW_ID, type MenuSection, languagePrompt } from '../../flows/menu';
import { asksWhoMay, fold, type Guess, LOW_CONFIDENCE, likelyTopics, type Parsed, parse, QUESTION_TOPICS, type QuestionTopic } from '../../flows/nlu';
import { choicesByWords, matchChoice, matchChoiceByWords } from '../../flows/nlu/choice-match';
import { visitChangeAsked } from '../../flows/nlu/cues';
import { ASKS, ASKS_WHAT_NOW, GREETS_IN_JOURNEY, languageNamed, OFF_TOPIC, QUESTION_WORD, SAYS_DONT_KNOW, saysGoodbye } from '../../flows/nlu/rules';
import { languageOf } from '../../flows/nlu/lang';
import { answerQuestion, namesChannel } from '../../flows/service-questions';
import { STATUS_FLOW_ID } from '../../flows/status';
import { type Choice, type FlowContext, MAX_CHOICE_ID_BYTES, type Reply } from '../../flows/types';
import type { Conversation } from '../../store/types';
import type { FlowRunner } from './flow-runner';
import type { Decision } from './types';

/**
 * A choice valid from any step: go to a service's checklist (`go:checklist:<serviceId>`), to the
 * status of an application typed with the question (`go:status:<number>`), to a complaint against
 * whom and about which service the message said (`go:complaint:<against>:<serviceId>`, either may
 * be empty), the answer on one point of the journey's service (`go:answer:<topic>`), or stay (`go:stay`).
 */
export const GO_PREFIX = 'go:';
export const STAY = 'go:stay';

/**
 * Where a conversation keeps the words of a complaint typed mid-journey while the switch is
 * offered: too long for the button, they become the complaint's description if the citizen goes.
 * In `data`, so that erasing or anonymising the conversation takes them too.
 */
const TYPED_COMPLAINT = 'typedComplaint';
/** Beside them, the services those words fit equally when the journey's is not one of them: the complaint asks among them. */
const TYPED_COMPLAINT_SERVICES = 'typedComplaintServices';
/**
 * Likewise the words of a request a guess or a switch leads from to a service's checklist ("академ срочно, по болезни"):
 * what they tell of the case answers the checklist's questions if the citizen goes.
 */
const TYPED_REQUEST = 'typedRequest';
const CHECKLIST_GO = `${GO_PREFIX}${CHECKLIST_FLOW_ID}:`;
/** A booked visit's change typed elsewhere ("перенесите визит на среду"): its words name the day too. */
const VISIT_CHANGE_GO = `${GO_PREFIX}${HOME_VISIT_FLOW_ID}:`;

/** Readings of another matter than the service itself: "мне положено, а колледж не даёт" is a complaint still. */
const ELSEWHERE: ReadonlySet<string> = new Set(['complaint', 'home_visit', 'operator', 'status']);

/** The menu's sections a typed message can lead to from inside another journey. */
const JOURNEYS: readonly MenuSection[] = ['home_visit', 'status', 'complaint'];

export interface Misunderstood {
  runner: FlowRunner;
  conversation: Conversation;
  text: string;
  /** What the current step said to the text it did not take: kept when nothing better is found. */
  decision: Decision;
  /** The turn as if the citizen had pressed the offered button `id`. */
  choose(id: string): Decision;
}

/**
 * A typed message the current step did not take, understood in this order: an answer to the
 * buttons offered (a label, a yes or no, a number, or a short answer in the words of one button);
 * a question about the service of the journey, answered from the catalog while the citizen stays
 * where they were; thanks, a greeting, a wish for the menu, the language or an operator; another
 * journey or service, offered as a switch that keeps the current answers; a short answer that
 * asks in the words of one button; a guess the bot is unsure of, offered as buttons with the
 * operator. Only then is the step's own "not understood" kept.
 */
export function understand({ runner, conversation, text, decision, choose }: Misunderstood): Decision {
  const choice = matchChoice(text, conversation.offered);
  if (choice) return choose(choice);
  const folded = fold(text);
  // A short answer in the words of one button ("через цон", "мама", "не терял, просто испорчен"), unless it asks
  // ("через цон можно?", "аттестатқа қандай құжаттар керек": not "Құжат иесінің өзі").
  const asks = ASKS.test(folded) || QUESTION_WORD.test(folded);
  const byWords = wordsChoice(text, runner, conversation);
  if (byWords && !asks) return choose(byWords);
  const ctx = runner.context(conversation);
  const said = (replies: Reply[], extra: Partial<Decision> = {}): Decision => ({ conversation, replies, effects: [], keepOffered: true, ...extra });
  // "до свидания", "сау болыңыз": said back, with the word that the answers wait where they are.
  if (saysGoodbye(folded)) return said([{ text: ctx.t('understanding:goodbye') }]);
  // "а что писать?", "мұнда не жазамын?": the step's question again, which says what it wants (not the documents of its service).
  if (ASKS_WHAT_NOW.test(folded)) return { conversation, replies: runner.currentPrompt(conversation), effects: [] };

  const current = runner.current(conversation.state);
  const subject = current?.subject?.(conversation.state);
  /** The flow's own answer on a point of its matter ("сколько ждать ответа?" in a complaint), where it has one. */
  const ownAnswer = (topic: QuestionTopic) => current?.answer?.(conversation.state, topic, ctx);
  // Where a question about a service may start its checklist: the menu, or the checklist's own choice of service.
  // Anywhere else (a visit, a status look-up, a complaint) a question naming a service is offered as a switch.
  const choosingService = !subject && (conversation.state.flow === MENU_FLOW_ID || conversation.state.flow === CHECKLIST_FLOW_ID);
  const parsed = parse(text, conversation.lang, { context: subject ? 'journey' : 'first' });
  // "через цон" where the step asks something else (or no step asks it: a service with one way): where and how to apply.
  // Not "в ЦОНе нагрубили, хочу пожаловаться": another matter read surely.
  const elsewhere = parsed.confidence >= LOW_CONFIDENCE && ELSEWHERE.has(parsed.intent);
  if (subject && !asks && !elsewhere && namesChannel(text)) return said(ownAnswer('channels') ?? answerQuestion(subject, 'channels', ctx));

  // "мне положено?", "кімге беріледі?", however sure the classifiers are of the rest: who may get the service, from its rules.
  if (asksWhoMay(text) && !ELSEWHERE.has(parsed.intent)) {
    // In a journey, the service it names as a first message would name it: one word is enough there ("а жатақхана кімге
    // беріледі?" in the meals' checklist). Another than the journey's is answered too, with the offer to go to it.
    const named = subject ? (parsed.serviceId ?? parse(text, conversation.lang, { context: 'first' }).serviceId) : null;
    const another = named && named !== subject?.serviceId ? checklistChoice(named, ctx) : undefined;
    if (subject && another) return said([...answerQuestion({ serviceId: named!, answers: {} }, 'applicants', ctx), switchOffer(another, ctx)]);
    if (subject) return said(answerQuestion(subject, 'applicants', ctx));
    // Outside any journey, naming the service ("кто имеет право на общежитие?"): its checklist, opening with who may get it.
    if (parsed.serviceId && choosingService && runner.has(CHECKLIST_FLOW_ID)) return runner.start(conversation, CHECKLIST_FLOW_ID, { serviceId: parsed.serviceId, whoMay: true });
  }

  // "дубликат" at a list of services, which three of them fit equally: which of those, not guesses that leave the step.
  const fitting = asks || elsewhere ? [] : stepChoicesNamed(text, runner, conversation);
  if (fitting.length > 1) return said([{ text: ctx.t('understanding:which_of'), choices: fitting }]);

  if (parsed.confidence >= LOW_CONFIDENCE) {
    if (parsed.intent === 'question' && parsed.topic) {
      // The flow's own matter first ("сколько ждать ответа?" in a complaint is the complaint's term).
      const own = ownAnswer(parsed.topic);
      if (own) return said(own);
      const serviceId = parsed.serviceId ?? subject?.serviceId;
      if (serviceId && choosingService && runner.has(CHECKLIST_FLOW_ID)) {
        // Asked outside any journey ("сколько стоит дубликат аттестата?"): the service's checklist, then the answer.
        const started = runner.start(conversation, CHECKLIST_FLOW_ID, { serviceId });
        return { ...started, replies: [...started.replies, ...answerQuestion({ serviceId, answers: {} }, parsed.topic, runner.context(started.conversation))] };
      }
      if (subject && serviceId === subject.serviceId) return said(answerQuestion(subject, parsed.topic, ctx));
      // Asked outside any journey without naming a service ("сколько стоит?"): which service, first; among those its words fit ("дубликат").
      if (!serviceId && choosingService && runner.has(CHECKLIST_FLOW_ID))
        return runner.start(conversation, CHECKLIST_FLOW_ID, parsed.ambiguous ? { candidates: parsed.ambiguous, written: text } : undefined);
      // A question about another service than the journey's names that service: the offer to switch below.
    }
    // The journey's own service asked for again ("какие документы нужны для дубликата аттестата" in its checklist): its documents, staying put.
    if (subject && parsed.intent === 'checklist' && parsed.serviceId === subject.serviceId) return said(answerQuestion(subject, 'documents', ctx));
    // With no buttons on offer (thanks as a first message), or at a question that waits for a typed answer (a name, an
    // IIN), the step's own question follows: "press the button above" would point at no button that answers it.
    if (parsed.intent === 'thanks')
      return said(
        conversation.offered.length > 0 && !awaitsTypedAnswer(runner, conversation)
          ? [{ text: ctx.t('understanding:thanks') }]
          : [{ text: ctx.t('understanding:thanks_no_buttons') }, ...runner.currentPrompt(conversation)],
      );
    // A greeting here says hello again or that the citizen is back; without such words ("вчера", read as "вечера") the step's own words answer.
    if (parsed.intent === 'greeting') return GREETS_IN_JOURNEY.test(folded) ? said([{ text: ctx.t('understanding:greeting') }]) : decision;
    if (parsed.intent === 'menu') return runner.start(conversation, MENU_FLOW_ID);
    if (parsed.intent === 'language') return said([languagePrompt(ctx.t, languageNamed(folded))]);
    if (parsed.intent === 'operator') return choose('menu:operator');
    const target = switchTarget(parsed, folded, subject?.serviceId, ctx);
    // Asking for the section the citizen is in ("где моё заявление?" at the status look-up): the step's own words say what it
    // waits for; a question on its matter ("когда ответят на жалобу?" in the complaint) gets the flow's own answer, where it has one.
    if (target && leadsHere(target, conversation)) {
      const own = asks ? ownAnswer(likelyTopics(text)[0]!) : undefined;
      return own ? said(own) : decision;
    }
    if (target) {
      const offer = switchOffer(target, ctx);
      // The complaint's words ride along to the complaint (see goTo); taking any switch, or staying, drops them.
      if (parsed.intent !== 'complaint') return said([offer], keepingRequest(conversation, text, [target]));
      const { candidates } = complaintServices(parsed, subject?.serviceId);
      const typed = { [TYPED_COMPLAINT]: text, ...(candidates ? { [TYPED_COMPLAINT_SERVICES]: candidates } : {}) };
      return said([offer], { conversation: { ...conversation, data: { ...conversation.data, ...typed } } });
    }
  }

  // Asking, but neither a question the catalog answers nor another journey: the button its words name ("жоғалып кетті ме?").
  if (byWords) return choose(byWords);

  // "не знаю", "білмеймін": the question again, with a person to ask beside its buttons (not guesses at what it asks).
  if (SAYS_DONT_KNOW.test(folded)) return withOperator(decision, ctx);
  // A question in a journey the classifiers only half take for off-topic ("режим работы какой"), naming no other matter,
  // is most likely on a point of the journey's service: the likeliest two points, and a person.
  // So is one half taken for the journey's own service ("а общежитие бесплатное?" in its checklist), not for another.
  const ownService = subject && (parsed.intent === 'checklist' || parsed.intent === 'question') && parsed.serviceId === subject.serviceId;
  if (subject && (parsed.intent === 'unknown' || ownService) && parsed.confidence < LOW_CONFIDENCE && asks && !OFF_TOPIC.test(folded)) {
    const points = likelyTopics(text)
      .slice(0, 2)
      .map((topic) => answerChoice(topic, ctx));
    return said([unsureOf(points, ctx)], { notUnderstood: true });
  }
  // A question the bot is unsure of, in a journey, is first guessed to be on the journey's own service.
  const answer = subject && parsed.intent === 'question' && parsed.topic && (!parsed.serviceId || parsed.serviceId === subject.serviceId) ? answerChoice(parsed.topic, ctx) : undefined;
  const [likeliest, ...others] = [parsed, ...parsed.alternatives].map((guess) => guessChoice(guess, subject?.serviceId, ctx));
  if (likeliest && leadsHere(likeliest, conversation)) return decision;
  const guesses = [answer, likeliest, ...others].filter((c): c is Choice => c !== undefined && !leadsHere(c, conversation));
  const unique = guesses.filter((c, i) => guesses.findIndex((other) => other.id === c.id) === i).slice(0, 2);
  // Read surely as something that leads nowhere else ("1 курс", "утерян": an answer in a journey the step did not take), the
  // unlikely readings behind it are no guesses. Read as off-topic ("не знаю"): the step's own words say best what it waits for.
  const surelyNowhereElse = !likeliest && !answer && parsed.confidence >= LOW_CONFIDENCE;
  if (unique.length > 0 && parsed.confidence > 0 && parsed.intent !== 'unknown' && !surelyNowhereElse) {
    return said([unsureOf(unique, ctx)], { notUnderstood: true, ...keepingRequest(conversation, text, unique) });
  }
  // A question nothing above places, where a typed answer is awaited ("а где его взять?" at the application number): the
  // question again, which says what it wants and where it is found, without a reproach for an answer not given.
  if (asks && awaitsTypedAnswer(runner, conversation)) return { conversation, replies: runner.currentPrompt(conversation), effects: [], notUnderstood: true };
  return decision;
}

/** The conversation keeping the words typed (`TYPED_REQUEST`) when a choice offered leads to a service's checklist or to a booked visit's change. */
function keepingRequest(conversation: Conversation, text: string, offered: readonly Choice[]): Partial<Decision> {
  if (!offered.some((choice) => choice.id.startsWith(CHECKLIST_GO) || choice.id.startsWith(VISIT_CHANGE_GO))) return {};
  return { conversation: { ...conversation, data: { ...conversation.data, [TYPED_REQUEST]: text } } };
}

/** "Вы имели в виду одно из этого?" with the guesses, likeliest first, and the operator: a "да" typed back means the likeliest. */
function unsureOf(guesses: readonly Choice[], ctx: FlowContext): Reply {
  const [likeliest, ...others] = guesses;
  return { text: ctx.t('understanding:unsure'), choices: [...(likeliest ? [{ ...likeliest, yes: true as const }] : []), ...others, sectionChoice('operator', ctx)] };
}

/** "Go to «Место в общежитии»? Your answers here are kept": the switch to another journey, or staying. */
function switchOffer(target: Choice, ctx: FlowContext): Reply {
  return {
    text: ctx.t('understanding:switch.offer', { title: target.label }),
    choices: [
      { id: target.id, label: ctx.t('understanding:switch.go') },
      { id: STAY, label: ctx.t('understanding:switch.stay') },
    ],
  };
}

/**
 * The button a short answer names by its words. A section of the menu offered earlier as a guess ("Статус заявления" beside
 * a question) is not one, unless the step offers it itself: "заявление заполнить" typed later is not a wish for the status.
 * A section a text names is read below, as a switch the citizen confirms.
 */
function wordsChoice(text: string, runner: FlowRunner, conversation: Conversation): string | undefined {
  const id = matchChoiceByWords(text, conversation.offered);
  if (!id?.startsWith('menu:') || conversation.state.flow === MENU_FLOW_ID) return id;
  if (runner.currentPrompt(conversation).some((reply) => reply.choices?.some((c) => c.id === id))) return id;
  return matchChoiceByWords(
    text,
    conversation.offered.filter((c) => !c.id.startsWith('menu:')),
  );
}

/** The step's own buttons a short answer's words fit equally: two or more, and not all of them. */
function stepChoicesNamed(text: string, runner: FlowRunner, conversation: Conversation): Choice[] {
  const own = runner.currentPrompt(conversation).flatMap((reply) => reply.choices ?? []);
  const named = choicesByWords(text, own);
  return named.length > 1 && named.length < own.length ? own.filter((choice) => named.includes(choice.id)) : [];
}

/** The decision with the operator offered among the last reply's buttons (once). */
function withOperator(decision: Decision, ctx: FlowContext): Decision {
  const last = decision.replies.at(-1);
  const operator = sectionChoice('operator', ctx);
  if (!last?.choices || last.choices.some((c) => c.id === operator.id)) return decision;
  return { ...decision, replies: [...decision.replies.slice(0, -1), { ...last, choices: [...last.choices, operator] }] };
}

/** The journey a confident reading of the text leads to, when it is not the one the citizen is in. */
function switchTarget(parsed: Parsed, folded: string, currentService: string | undefined, ctx: FlowContext): Choice | undefined {
  const aboutService = parsed.intent === 'checklist' || parsed.intent === 'question';
  if (aboutService && parsed.serviceId && parsed.serviceId !== currentService) return checklistChoice(parsed.serviceId, ctx);
  // "где заявление SC-2026-0601?" mid-journey: the number goes with the switch, so only the IIN is asked after it.
  if (parsed.intent === 'status' && parsed.applicationNumber) return statusChoice(parsed.applicationNumber, ctx);
  // "в ЦОНе нагрубили, жалуюсь": whom it is against is not asked again, nor the service.
  if (parsed.intent === 'complaint') return complaintChoice(parsed.against, complaintServices(parsed, currentService).serviceId, ctx);
  // "отмените выезд": the change asked goes with the switch, so the one visit booked is cancelled or moved without its list.
  const change = parsed.intent === 'home_visit' ? visitChangeAsked(folded) : undefined;
  if (change) return carrying(`${GO_PREFIX}${HOME_VISIT_FLOW_ID}:${change}`, 'home_visit', ctx);
  if ((JOURNEYS as readonly string[]).includes(parsed.intent)) return sectionChoice(parsed.intent as MenuSection, ctx);
  return undefined;
}

/**
 * Whether a button would lead to the section the citizen is already in ("где моё заявление?" typed in
 * the status look-up): no switch to it is offered, and the step's own words say what it waits for.
 */
function leadsHere(choice: Choice, conversation: Conversation): boolean {
  const [prefix, section] = choice.id.split(':');
  return (prefix === 'menu' || (prefix === 'go' && section !== CHECKLIST_FLOW_ID)) && section === conversation.state.flow;
}

/** A button for a guess: a service's checklist or a section of the menu; none for what is not a place to go. */
function guessChoice(guess: Guess, currentService: string | undefined, ctx: FlowContext): Choice | undefined {
  if (guess.intent === 'checklist' && guess.serviceId && guess.serviceId !== currentService) return checklistChoice(guess.serviceId, ctx);
  if ((JOURNEYS as readonly string[]).includes(guess.intent)) return sectionChoice(guess.intent as MenuSection, ctx);
  return undefined;
}

function checklistChoice(serviceId: string, ctx: FlowContext): Choice | undefined {
  const service = findService(serviceId);
  return service && { id: `${GO_PREFIX}${CHECKLIST_FLOW_ID}:${service.id}`, label: service.shortTitle[ctx.lang] };
}

const sectionChoice = (section: MenuSection, ctx: FlowContext): Choice => ({ id: `menu:${section}`, label: ctx.t(`menu:choices.${section}`) });

const ANSWER_PREFIX = `${GO_PREFIX}answer:`;

/** The answer on one point ("Сколько стоит") of the journey's service. */
const answerChoice = (topic: QuestionTopic, ctx: FlowContext): Choice => ({ id: `${ANSWER_PREFIX}${topic}`, label: ctx.t(`understanding:topics.${topic}`) });

/** The status section with the number typed; a number too long for a button is asked again there. */
function statusChoice(number: string, ctx: FlowContext): Choice {
  return carrying(`${GO_PREFIX}${STATUS_FLOW_ID}:${number}`, 'status', ctx);
}

/**
 * Which service a complaint typed in a journey is about: the one it names outright; else the journey's, when its
 * words fit no service or the journey's among others ("в дубликате ошибка" in a duplicate's journey); else none,
 * and the services its words fit equally are the candidates the complaint asks among.
 */
function complaintServices(parsed: Parsed, currentService: string | undefined): { serviceId?: string; candidates?: ServiceId[] } {
  if (parsed.serviceId) return { serviceId: parsed.serviceId };
  const fits = parsed.ambiguous;
  if (fits && !(currentService && (fits as readonly string[]).includes(currentService))) return { candidates: fits };
  return currentService ? { serviceId: currentService } : {};
}

/** The complaint section, told whom the complaint is against and about which service. */
function complaintChoice(against: string | undefined, serviceId: string | undefined, ctx: FlowContext): Choice {
  return carrying(`${GO_PREFIX}${COMPLAINT_FLOW_ID}:${against ?? ''}:${serviceId ?? ''}`, 'complaint', ctx);
}

/** A section's button carrying what the message told, when it fits a button's id; else the plain section. */
function carrying(id: string, section: MenuSection, ctx: FlowContext): Choice {
  return Buffer.byteLength(id) <= MAX_CHOICE_ID_BYTES ? { id, label: ctx.t(`menu:choices.${section}`) } : sectionChoice(section, ctx);
}

/**
 * A `go:` choice from any step: the checklist of the service it names, the status of the
 * application it carries, the complaint with what it was told, the home visit with the change of
 * a booking asked, the answer on one point of the journey's service (the citizen stays where they
 * were), or the current question again for "stay". Undefined when the id names nothing
 * (a forged or outdated button, an answer outside a journey).
 */
export function goTo(runner: FlowRunner, withTyped: Conversation, id: string): Decision | undefined {
  const { [TYPED_COMPLAINT]: typedComplaint, [TYPED_COMPLAINT_SERVICES]: typedCandidates, [TYPED_REQUEST]: typedRequest, ...data } = withTyped.data;
  const conversation = typedComplaint === undefined && typedCandidates === undefined && typedRequest === undefined ? withTyped : { ...withTyped, data };
  if (id === STAY) return { conversation, replies: runner.currentPrompt(conversation), effects: [] };
  if (id.startsWith(ANSWER_PREFIX)) {
    const topic = QUESTION_TOPICS.find((t) => id === `${ANSWER_PREFIX}${t}`);
    const subject = runner.current(conversation.state)?.subject?.(conversation.state);
    return topic && subject ? { conversation, replies: answerQuestion(subject, topic, runner.context(conversation)), effects: [], keepOffered: true } : undefined;
  }
  const statusOf = `${GO_PREFIX}${STATUS_FLOW_ID}:`;
  // The status flow checks the number as if typed at its own question.
  if (id.startsWith(statusOf)) return runner.has(STATUS_FLOW_ID) ? runner.start(conversation, STATUS_FLOW_ID, { number: id.slice(statusOf.length) }) : undefined;
  const [, flowId, first, second] = id.split(':');
  // The complaint flow takes only a known addressee and service, as from the menu, and offers the words typed as what happened.
  if (flowId === COMPLAINT_FLOW_ID && runner.has(COMPLAINT_FLOW_ID))
    return runner.start(conversation, COMPLAINT_FLOW_ID, {
      ...(first ? { against: first } : {}),
      ...(second ? { serviceId: second } : {}),
      ...(typeof typedComplaint === 'string' ? { written: typedComplaint } : {}),
      ...(!second && typedCandidates !== undefined ? { candidates: typedCandidates } : {}),
    });
  if (flowId === HOME_VISIT_FLOW_ID && (first === 'cancel' || first === 'move') && runner.has(HOME_VISIT_FLOW_ID))
    return runner.start(conversation, HOME_VISIT_FLOW_ID, { change: first, ...(typeof typedRequest === 'string' ? { written: typedRequest } : {}) });
  if (flowId !== CHECKLIST_FLOW_ID || !first || !findService(first) || !runner.has(CHECKLIST_FLOW_ID)) return undefined;
  return runner.start(conversation, CHECKLIST_FLOW_ID, { serviceId: first, ...(typeof typedRequest === 'string' ? { written: typedRequest } : {}) });
}

/**
 * Once per conversation, when the citizen clearly writes in the other language, the offer to go
 * on in it, in that language. Not for an answer typed into a question that takes any text
 * (`before`'s step): a name or an address says nothing of the language wanted.
 */
export function withLanguageOffer(runner: FlowRunner, decision: Decision, text: string, before: Conversation): Decision {
  const { conversation } = decision;
  if (conversation.languageOffered) return decision;
  const { lang, certain } = languageOf(text, conversation.lang);
  if (!certain || lang === conversation.lang) return decision;
  if (runner.currentPrompt(before).some((reply) => reply.inputLimit !== undefined)) return decision;
  const t = runner.context({ ...conversation, lang }).t;
  // "Продолжить на русском?" is answered "да" as often as pressed.
  const offer: Reply = { text: t('understanding:language_offer'), choices: [{ id: `lang:${lang}`, label: t(`common:choices.lang_${lang}`), yes: true }] };
  return { ...decision, conversation: { ...conversation, languageOffered: lang }, replies: [...decision.replies, offer] };
}

/** Whether the step waits for a typed answer (a name, an IIN, an application number), its buttons only skipping or leaving it. */
function awaitsTypedAnswer(runner: FlowRunner, conversation: Conversation): boolean {
  return runner.currentPrompt(conversation).some((reply) => reply.typedAnswer);
}
