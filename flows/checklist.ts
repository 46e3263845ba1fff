import { addCalendarDays, addWorkingDays, countsThroughProvisionalYear, nextWorkingDay, registrationDay, timeInAlmaty, todayInAlmaty, type RegistrationDelay } from '../domain/calendar';
import { formatCivilDate } from '../locales/format';
import { candidateServices, catalog, CHANNEL_IDS, findService, type ChannelId, type Question, type Service, type Term } from './catalog';
import { afterHoursFor, chosenOptions, documentsFor, nextQuestion, possibleQuestions, termsFor, type AfterHoursOnChannel, type Answers } from './catalog/personalise';
import { answerWords, ASKED_NOT_READ } from './catalog/answer-words';
import { fromCollegeSlides } from './catalog/present';
import { findForm, type FormDefinition, type FormValues } from './forms';
import type { Lang } from '../store/types';
import { asksWhoMay, fold, LOW_CONFIDENCE, parse, wonders } from './nlu';
import { matchChoice, matchChoiceByWords, saidInPassing } from './nlu/choice-match';
import { QUESTION_WORD, tellsOfSchoolPupil } from './nlu/rules';
import { questionnaire, type Answers as FormAnswers, type QuestionnaireState } from './questionnaire';
import type { Choice, DataItem, DataSection, DescribeContext, Flow, FlowContext, FlowEvent, Reply, StepResult } from './types';
import { localizedChoice, operatorChoice, stateOf } from './types';
import { copyWith } from '../domain/copy-with';

/**
 * The checklist journey: choose the service the way citizens think of it, answer the few questions
 * that decide which conditional documents apply, then tick the personalised list and read where to
 * apply, the term with its date on the working-day calendar, the fee, the result and what to check
 * before going. Every fact comes from the catalog.
 */

export const CHECKLIST_FLOW_ID = 'checklist';

type Step = 'pick' | 'question' | 'checklist' | 'details' | 'form';

interface ChecklistData {
  serviceId?: string;
  answers: Record<string, string>;
  /** Question ids in the order answered, so that "back" undoes the last one. */
  history: string[];
  ticked: string[];
  /** The application form's questionnaire, kept once started so that the citizen comes back to where they were. */
  form?: QuestionnaireState;
  /** The options chosen so far for a question that takes several, once the citizen asked to choose several, until they say that is all. */
  picked?: string[];
  /** Opened by a home visit's booking, which goes on from the list (not "I cannot come": the citizen said so already). */
  forVisit?: true;
  /** Options typed for a later question before it was asked ("көп балалы отбасымыз" at how to hand in), by question id: taken when it comes. */
  ahead?: Record<string, string>;
}

const NAV = {
  back: 'nav:back',
  restart: 'nav:restart',
  details: 'nav:details',
  list: 'nav:list',
  cannotCome: 'nav:cannot_come',
  form: 'nav:form',
  done: 'nav:done',
  several: 'nav:several',
} as const;

function dataOf(raw: Record<string, unknown>): ChecklistData {
  return {
    answers: { ...((raw.answers as Record<string, string>) ?? {}) },
    history: [...((raw.history as string[]) ?? [])],
    ticked: [...((raw.ticked as string[]) ?? [])],
    ...(typeof raw.serviceId === 'string' ? { serviceId: raw.serviceId } : {}),
    ...(raw.form ? { form: raw.form as ChecklistData['form'] } : {}),
    ...(Array.isArray(raw.picked) ? { picked: [...(raw.picked as string[])] } : {}),
    ...(raw.forVisit === true ? { forVisit: true as const } : {}),
    ...(raw.ahead ? { ahead: { ...(raw.ahead as Record<string, string>) } } : {}),
  };
}

/** The data with the question answered and the picking of several options over. */
function answered(data: ChecklistData, question: Question, answer: string): ChecklistData {
  const { picked: _, ...rest } = data;
  return { ...rest, answers: { ...data.answers, [question.id]: answer }, history: [...data.history, question.id] };
}

/**
 * The channel answered before any question: the only one a service has, or the one the journey
 * that opened the checklist applies through (a home visit: the State Corporation).
 */
function initialAnswers(service: Service, channel?: unknown): Record<string, string> {
  if (service.channels.length === 1) return { channel: service.channels[0]!.id };
  return service.channels.some((c) => c.id === channel) ? { channel: channel as string } : {};
}

interface ChooseOptions {
  channel?: unknown;
  whoMay?: boolean;
  forVisit?: boolean;
  /** The message that chose the service. */
  written?: string;
}

export function createChecklistFlow(): Flow {
  const flow: Flow = {
    id: CHECKLIST_FLOW_ID,
    version: 1,
    start(ctx, params) {
      const service = typeof params?.serviceId === 'string' ? findService(params.serviceId) : undefined;
      if (service)
        return choose(service, ctx, {
          channel: params?.channel,
          whoMay: params?.whoMay === true,
          forVisit: params?.forVisit === true,
          written: typeof params?.written === 'string' ? params.written : undefined,
        });
      // Two services fit what the citizen typed (a diploma: college or university?): one short question.
      // The message is kept for the one picked: what it tells of the case answers that service's questions ("нужен дубликат, потерял").
      const candidates = candidateServices(params?.candidates);
      const written = candidates.length > 0 && typeof params?.written === 'string' ? { written: params.written } : {};
      const state = stateOf(flow, 'pick', { answers: {}, history: [], ticked: [], ...(candidates.length > 0 ? { candidates } : {}), ...written });
      return { replies: flow.prompt(state, ctx), state };
    },

    handle(state, event, ctx): StepResult {
      const data = dataOf(state.data);
      const step = state.step as Step;
      const service = data.serviceId ? findService(data.serviceId) : undefined;
      const id = event.type === 'choice' ? event.id : undefined;

      if (id === NAV.restart) return flow.start(ctx);
      if (step === 'pick' || !service) {
        const picked = id?.startsWith('svc:') ? findService(id.slice(4)) : event.type === 'text' ? findService(parse(event.text, ctx.lang).serviceId ?? '') : undefined;
        const kept = typeof state.data.written === 'string' ? state.data.written : undefined;
        if (picked) return choose(picked, ctx, event.type === 'text' ? { whoMay: asksWhoMay(event.text), written: event.text } : { written: kept });
        return again(state, ctx, 'checklist:pick_from_list', event);
      }
      const form = findForm(service.form);
      if (step === 'form' && form) return fillForm(service, form, data, event, ctx);
      if (id === NAV.back) return back(service, data, step, ctx);
      // "заполнить заявление" before the list, or for a service that has no form: when it can be filled, or that it cannot be here.
      if (event.type === 'text' && WANTS_FORM.test(fold(event.text)) && (!form || step === 'question')) {
        const told = { text: form ? ctx.t('checklist:form_later') : ctx.t('checklist:no_form', { title: service.shortTitle[ctx.lang] }) };
        return step === 'question' ? { replies: [told, ...flow.prompt(state, ctx)], state } : { replies: [told], state };
      }

      // "он в 3 классе" in the list of a service for students past school: whom it is for, and the step again.
      const notForSchool = event.type === 'text' ? notForSchoolReply(service, event.text, ctx) : [];
      if (notForSchool.length && (step === 'question' || step === 'checklist')) return { replies: [...notForSchool, ...flow.prompt(state, ctx)], state };

      if (step === 'question') {
        const question = nextQuestion(service, data.answers);
        const option = question && id?.startsWith(`ans:${question.id}:`) ? question.options.find((o) => id === `ans:${question.id}:${o.id}`) : undefined;
        if (question?.multiple && id === NAV.done && data.picked?.length) return advance(service, answered(data, question, data.picked.join(',')), ctx);
        if (question?.multiple && id === NAV.several) {
          const next = stateOf(flow, 'question', { ...data, picked: [] });
          return { replies: [{ ...questionReply(service, question, dataOf(next.data), ctx), replace: true }], state: next };
        }
        const ahead = question && !option && event.type === 'text' ? keptAhead(service, data, question, event.text, ctx) : undefined;
        if (ahead) return show('question', service, ahead.data, ctx, [{ text: ctx.t('checklist:kept_ahead', { answer: ahead.label }) }]);
        if (!question || !option) return again(state, ctx, 'checklist:answer_with_buttons', event);
        if (question.multiple && data.picked) {
          // Choosing several: each press adds or removes an option; "done" answers with them all, in the order of the options.
          const chosen = data.picked.includes(option.id) ? data.picked.filter((o) => o !== option.id) : [...data.picked, option.id];
          const picked = question.options.map((o) => o.id).filter((o) => chosen.includes(o));
          const next = stateOf(flow, 'question', { ...data, picked });
          return { replies: [{ ...questionReply(service, question, dataOf(next.data), ctx), replace: true }], state: next };
        }
        return advance(service, answered(data, question, option.id), ctx);
      }

      if (step === 'checklist') {
        if (id?.startsWith('tick:')) {
          const documentId = id.slice(5);
          if (!documentsFor(service, data.answers).some((d) => d.id === documentId)) return again(state, ctx, 'common:errors.stale_choice');
          const ticked = data.ticked.includes(documentId) ? data.ticked.filter((t) => t !== documentId) : [...data.ticked, documentId];
          const next = stateOf(flow, 'checklist', { ...data, ticked });
          // The ticks go to the collected data at once: an operator may be looking at them.
          return { replies: [{ ...checklistReply(service, dataOf(next.data), ctx), replace: true }], state: next, data: collected(service, dataOf(next.data), ctx) };
        }
        if (id === NAV.details) return show('details', service, data, ctx);
      }
      if (step === 'checklist' || step === 'details') {
        if (id === NAV.form && form) return show('form', service, { ...data, form: formState(form, data, ctx) }, ctx);
        if (id === NAV.list) return show('checklist', service, data, ctx);
        if (id === NAV.cannotCome) return { replies: cannotCome(service, ctx), state, data: collected(service, data, ctx, { limitedMobility: true }) };
      }
      return again(state, ctx, 'checklist:answer_with_buttons', event);
    },

    subject(state) {
      const data = dataOf(state.data);
      return data.serviceId ? { serviceId: data.serviceId, answers: data.answers } : undefined;
    },

    describe: describeChecklist,

    prompt(state, ctx) {
      const data = dataOf(state.data);
      const service = data.serviceId ? findService(data.serviceId) : undefined;
      if (state.step === 'pick' || !service) {
        const candidates = (state.data.candidates as string[] | undefined)?.map(findService).filter((s): s is Service => s !== undefined);
        if (candidates?.length) {
          const choices: Choice[] = candidates.map((s) => localizedChoice(`svc:${s.id}`, s.shortTitle, ctx.lang));
          return [{ text: ctx.t('understanding:which_service'), choices: [...choices, { id: NAV.restart, label: ctx.t('checklist:nav.restart') }] }];
        }
        const choices: Choice[] = catalog.map((s) => localizedChoice(`svc:${s.id}`, s.shortTitle, ctx.lang));
        return [{ text: ctx.t('checklist:pick'), choices }];
      }
      if (state.step === 'question') {
        const question = nextQuestion(service, data.answers);
        if (question) return [questionReply(service, question, data, ctx)];
      }
      if (state.step === 'details') return detailsReplies(service, data, ctx);
      const form = findForm(service.form);
      if (state.step === 'form' && form) return questionnaire.prompt(form, formState(form, data, ctx), ctx);
      return [checklistReply(service, data, ctx)];
    },
  };

  /** The question again after an answer it does not take; typed text the step did not understand counts as such. */
  const again = (state: ReturnType<typeof stateOf>, ctx: FlowContext, key: string, event?: FlowEvent): StepResult => ({
    replies: [{ text: ctx.t(key) }, ...flow.prompt(state, ctx)],
    state,
    ...(event?.type === 'text' ? { notUnderstood: true } : {}),
  });

  const show = (step: Step, service: Service, data: ChecklistData, ctx: FlowContext, before: Reply[] = []): StepResult => {
    const state = stateOf(flow, step, copyWith(data, { serviceId: service.id }));
    return { replies: [...before, ...flow.prompt(state, ctx)], state, data: collected(service, data, ctx) };
  };

  /** The next question, or the checklist once every question that matters is answered; an answer typed ahead answers its question when it comes. */
  const advance = (service: Service, data: ChecklistData, ctx: FlowContext): StepResult => {
    let next = nextQuestion(service, data.answers);
    while (next && data.ahead?.[next.id]) {
      const { [next.id]: kept, ...ahead } = data.ahead;
      data = answered({ ...data, ahead }, next, kept!);
      next = nextQuestion(service, data.answers);
    }
    return show(next ? 'question' : 'checklist', service, data, ctx);
  };

  /**
   * The service chosen, and its first question; asked who may get it ("положено ли бесплатное питание?"), who may, between.
   * What the message that chose it (`written`) tells of the case answers its questions when they come ("академ отпуск по
   * болезни": the reason), said back to the citizen, who may go back on it.
   */
  const choose = (service: Service, ctx: FlowContext, { channel, whoMay = false, forVisit = false, written }: ChooseOptions = {}): StepResult => {
    const answers = initialAnswers(service, channel);
    const told = written === undefined ? [] : toldInMessage(service, answers, written);
    const ahead = told.length ? { ahead: Object.fromEntries(told.map(({ question, option }) => [question.id, option.id])) } : {};
    const data: ChecklistData = { serviceId: service.id, answers, history: [], ticked: [], ...ahead, ...(forVisit ? { forVisit: true as const } : {}) };
    const result = advance(service, data, ctx);
    const chosen = { text: ctx.t('checklist:chosen', { title: service.title[ctx.lang] }) };
    const heard = told.length ? [{ text: ctx.t('checklist:told_in_message', { answers: told.map(({ option }) => option.label[ctx.lang]).join('», «') }) }] : [];
    const notForSchool = written === undefined ? [] : notForSchoolReply(service, written, ctx);
    return { ...result, replies: [chosen, ...notForSchool, ...heard, ...(whoMay ? [{ text: applicantsText(service, ctx) }] : []), ...result.replies] };
  };

  /**
   * One answer to the form's questionnaire. Once the citizen confirms its summary, the PDF; "back"
   * from its first question, the list. The questionnaire stays in the state either way, so "fill
   * the form" comes back to where the citizen was (the summary, once it is filled).
   */
  const fillForm = (service: Service, form: FormDefinition, data: ChecklistData, event: FlowEvent, ctx: FlowContext): StepResult => {
    const step = questionnaire.handle(form, formState(form, data, ctx), formerFormButton(event), ctx);
    const next = { ...data, form: step.state };
    const masked = step.transcriptText === undefined ? {} : { transcriptText: step.transcriptText };
    if (!step.outcome) return { replies: step.replies, state: stateOf(flow, 'form', { ...next }), ...masked, ...(step.notUnderstood && { notUnderstood: true }) };
    const list = show('checklist', service, next, ctx);
    if (!('done' in step.outcome)) return { ...list, replies: [...step.replies, ...list.replies], ...masked };
    const values = formValues(step.outcome.done);
    const fileName = `${form.id}-${ctx.lang}.pdf`;
    return {
      ...list,
      ...masked,
      replies: [{ text: formReadyText(service, form, next.answers, ctx), attachment: { kind: 'form', formId: form.id, fileName } }, ...list.replies],
      data: collected(service, next, ctx, { forms: { ...checklistOf(ctx.conversation.data).forms, [form.id]: { lang: ctx.lang, values } } }),
    };
  };

  /** Undoes the last answer; from the first question, back to the list of services. */
  const back = (service: Service, data: ChecklistData, step: Step, ctx: FlowContext): StepResult => {
    if (step === 'details') return show('checklist', service, data, ctx);
    const { picked: _, ...rest } = data;
    const last = data.history.at(-1);
    if (!last) return flow.start(ctx);
    const answers = { ...data.answers };
    delete answers[last];
    return show('question', service, { ...rest, answers, history: data.history.slice(0, -1) }, ctx);
  };

  return flow;
}

/** A filled application form as the conversation keeps it for its PDF. */
export interface FilledForm {
  lang: Lang;
  values: FormValues;
}

/**
 * What this journey keeps in the conversation's collected data, under `checklist`: the service with
 * the answers and ticks, the filled forms by form id, and whether the citizen cannot come in person.
 */
export interface CollectedChecklist {
  serviceId?: string;
  answers?: Record<string, string>;
  ticked?: string[];
  forms?: Record<string, FilledForm>;
  limitedMobility?: true;
}

const asRecord = (value: unknown): Record<string, unknown> | undefined => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined);

/**
 * The checklist's part of a conversation's collected data. Conversations from before the namespace
 * kept `forms` and `limitedMobility` at the top level: they are read as part of it.
 */
export function checklistOf(data: Readonly<Record<string, unknown>>): CollectedChecklist {
  const own = (asRecord(data.checklist) ?? {}) as CollectedChecklist;
  const earlierForms = asRecord(data.forms) as Record<string, FilledForm> | undefined;
  return {
    ...own,
    ...(earlierForms || own.forms ? { forms: { ...earlierForms, ...own.forms } } : {}),
    ...(own.limitedMobility || data.limitedMobility === true ? { limitedMobility: true } : {}),
  };
}

/** What operators see of this journey, kept with what the conversation already has under `checklist`. */
function collected(service: Service, data: ChecklistData, ctx: FlowContext, more: Partial<CollectedChecklist> = {}): Record<string, unknown> {
  const checklist = copyWith(checklistOf(ctx.conversation.data), { serviceId: service.id, answers: data.answers, ticked: data.ticked, ...more });
  return { checklist };
}

const isChannelId = (id: string): id is ChannelId => (CHANNEL_IDS as readonly string[]).includes(id);

/**
 * The checklist for operators: the service, each answer as its question and option, the ticked
 * documents by their text, the filled forms by their title, and whether the citizen cannot come.
 */
function describeChecklist(data: Readonly<Record<string, unknown>>, { lang, t }: DescribeContext): DataSection | undefined {
  const { serviceId, answers = {}, ticked = [], forms = {}, limitedMobility } = checklistOf(data);
  const service = serviceId ? findService(serviceId) : undefined;
  const items: DataItem[] = [];
  if (service) {
    items.push({ label: t('checklist:collected.service'), value: service.title[lang] });
    for (const [questionId, optionId] of Object.entries(answers)) {
      const question = service.questions.find((q) => q.id === questionId);
      const labels = question ? chosenOptions(optionId).flatMap((id) => question.options.find((o) => o.id === id)?.label[lang] ?? []) : [];
      if (question && labels.length) items.push({ label: question.text[lang], value: labels.join(', ') });
      // A single-channel service asks no channel question: the channel is given.
      else if (questionId === 'channel' && isChannelId(optionId)) items.push({ label: t('checklist:collected.channel'), value: t(`checklist:collected.channels.${optionId}`) });
    }
    const documents = service.documents.filter((d) => ticked.includes(d.id)).map((d) => d.text[lang]);
    if (documents.length) items.push({ label: t('checklist:collected.ticked'), value: documents.join('; ') });
  }
  for (const [formId, filled] of Object.entries(forms)) {
    const form = findForm(formId);
    if (form) items.push({ label: t('checklist:collected.form'), value: t('checklist:collected.form_in', { title: form.title[lang], lang: t(`checklist:collected.langs.${filled.lang}`) }) });
  }
  if (limitedMobility) items.push({ label: t('checklist:collected.mobility'), value: t('checklist:collected.mobility_yes') });
  return items.length ? { title: t('checklist:collected.title'), items } : undefined;
}

function navChoices(ctx: FlowContext, ...ids: (typeof NAV)[keyof typeof NAV][]): Choice[] {
  return ids.map((id) => ({ id, label: ctx.t(`checklist:nav.${id.slice(4)}`) }));
}

/** A question's options as buttons, with the words citizens type for them; ticked on and off while several are picked. */
function optionChoices(question: Question, ctx: FlowContext, picking?: readonly string[]): Choice[] {
  const mark = (optionId: string) => (picking ? `${picking.includes(optionId) ? '✅' : '⬜'} ` : '');
  return question.options.map((o) => localizedChoice(`ans:${question.id}:${o.id}`, o.label, ctx.lang, { mark: mark(o.id), also: answerWords(question.id, o.id) }));
}

/**
 * A wish to fill in the application, folded: "заполнить заявление", "бланк", "өтініш толтыру", or the application alone
 * ("заявление", "а өтініш?"), which at a checklist is about its form, not the status of one handed in.
 */
const WANTS_FORM = /(^|[^а-яa-z])(заполн|толтыр|бланк)|^(а\s+)?(заявлени[еяю]|отиниш\S{0,3})\s*[?.!]*$/;

/** Matters a typed text may name beside an answer's words ("оператор, я многодетная"): not an answer kept for later. */
const NOT_AN_ANSWER: ReadonlySet<string> = new Set(['operator', 'complaint', 'home_visit', 'status', 'menu', 'language']);

/**
 * An answer typed for a later question before this one is answered ("көп балалы отбасымыз" at how the documents are
 * handed in, "ата-анасымын" before "who applies", which the paper channels ask): the one later question that may still
 * be asked whose option its words name, kept for it. Not when the text answers this question (the understanding of
 * typed text takes it), wonders or asks ("а куда сдавать документы"), or names another matter.
 */
function keptAhead(service: Service, data: ChecklistData, question: Question, text: string, ctx: FlowContext): { data: ChecklistData; label: string } | undefined {
  const current = optionChoices(question, ctx);
  if (matchChoice(text, current) || matchChoiceByWords(text, current) || wonders(text) || QUESTION_WORD.test(fold(text))) return undefined;
  const later = possibleQuestions(service, data.answers).filter((q) => q.id !== question.id && data.answers[q.id] === undefined);
  const found = later.flatMap((q) => {
    const id = matchChoiceByWords(text, optionChoices(q, ctx));
    const option = id && q.options.find((o) => id === `ans:${q.id}:${o.id}`);
    return option ? [{ question: q, option }] : [];
  });
  if (found.length !== 1) return undefined;
  const parsed = parse(text, ctx.lang, { context: 'journey' });
  if (parsed.confidence >= LOW_CONFIDENCE && NOT_AN_ANSWER.has(parsed.intent)) return undefined;
  const [kept] = found as [(typeof found)[number]];
  return { data: { ...data, ahead: { ...data.ahead, [kept.question.id]: kept.option.id } }, label: kept.option.label[ctx.lang] };
}

/** What a service for students past school says to a text that tells of a school pupil (`Service.notForSchool`). */
function notForSchoolReply(service: Service, text: string, ctx: FlowContext): Reply[] {
  return service.notForSchool && tellsOfSchoolPupil(text) ? [{ text: service.notForSchool.text[ctx.lang] }] : [];
}

/**
 * The answers a message that names a service tells beside its name: for each question that may be asked, the one option
 * the message says in passing ("по болезни" of "академ отпуск по болезни"), in the order of the questions.
 */
function toldInMessage(service: Service, answers: Answers, text: string): { question: Question; option: Question['options'][number] }[] {
  const name = [service.shortTitle.ru, service.shortTitle.kk];
  return possibleQuestions(service, answers).flatMap((question) => {
    if (answers[question.id] !== undefined || ASKED_NOT_READ.has(question.id)) return [];
    const typedFor = question.options.map((o) => ({ id: o.id, label: '', also: answerWords(question.id, o.id) }));
    const id = saidInPassing(text, typedFor, name);
    const option = id && question.options.find((o) => o.id === id);
    return option ? [{ question, option }] : [];
  });
}

/**
 * A question with its options as buttons. A question that takes several answers with one press as
 * well, and offers "several": then each option is ticked on and off and "done" answers.
 */
function questionReply(service: Service, question: Question, data: ChecklistData, ctx: FlowContext): Reply {
  const picking = question.multiple ? data.picked : undefined;
  const choices = optionChoices(question, ctx, picking);
  const more = !question.multiple ? [] : !picking ? [NAV.several] : picking.length ? [NAV.done] : [];
  const position = data.history.length + 1;
  return { text: ctx.t('checklist:question', { position, title: service.shortTitle[ctx.lang], question: question.text[ctx.lang] }), choices: [...choices, ...navChoices(ctx, ...more, NAV.back)] };
}

/**
 * "I cannot come", offered only where the seed provides a home visit; to a citizen whose booking of one opened the
 * list, the way back to it (the menu's section resumes the booking where it was), which a "да" takes.
 */
function visitChoices(service: Service, data: ChecklistData, ctx: FlowContext): Choice[] {
  if (data.forVisit) return [{ id: 'menu:home_visit', label: ctx.t('checklist:nav.continue_visit'), yes: true }];
  return service.homeVisit.available ? navChoices(ctx, NAV.cannotCome) : [];
}

function checklistReply(service: Service, data: ChecklistData, ctx: FlowContext): Reply {
  const documents = documentsFor(service, data.answers as Answers);
  const formNav = findForm(service.form) ? [NAV.form] : [];
  if (!documents.length) {
    // The seed names no documents for this case: a note with whom to ask, not an empty list to tick.
    const note = service.noDocuments?.text[ctx.lang] ?? ctx.t('checklist:no_documents_default');
    return {
      text: `${ctx.t('checklist:no_documents', { title: service.shortTitle[ctx.lang] })}\n${note}`,
      choices: [...navChoices(ctx, NAV.details, ...formNav), ...visitChoices(service, data, ctx), ...navChoices(ctx, NAV.back, NAV.restart), operatorChoice(ctx)],
    };
  }
  const ready = documents.filter((d) => data.ticked.includes(d.id)).length;
  const lines = documents.map((d, i) => {
    const mark = data.ticked.includes(d.id) ? '✅' : '⬜';
    const parts = [`${mark} ${i + 1}. ${d.text[ctx.lang]}`];
    if (d.explanation) parts.push(`   ${d.explanation[ctx.lang]}`);
    if (d.condition) parts.push(`   ${ctx.t('checklist:because', { condition: d.condition.text[ctx.lang] })}`);
    return parts.join('\n');
  });
  const text = [ctx.t('checklist:list_title', { title: service.shortTitle[ctx.lang], ready, total: documents.length }), '', ...lines, '', ctx.t('checklist:tick_hint')].join('\n');
  const ticks = documents.map((d, i) => ({ id: `tick:${d.id}`, label: `${data.ticked.includes(d.id) ? '✅' : '⬜'} ${i + 1}` }));
  const checklist = {
    title: ctx.t('checklist:list_title', { title: service.shortTitle[ctx.lang], ready, total: documents.length }),
    items: documents.map((d) => ({
      choiceId: `tick:${d.id}`,
      text: d.text[ctx.lang],
      notes: [...(d.explanation ? [d.explanation[ctx.lang]] : []), ...(d.condition ? [ctx.t('checklist:because', { condition: d.condition.text[ctx.lang] })] : [])],
      done: data.ticked.includes(d.id),
    })),
  };
  return { text, checklist, choices: [...ticks, ...navChoices(ctx, NAV.details, ...formNav), ...visitChoices(service, data, ctx), ...navChoices(ctx, NAV.back, NAV.restart)] };
}

/** Who may get the service, as its rules say ("кто может получить?", "мне положено?"). */
export function applicantsText(service: Service, { lang, t }: FlowContext): string {
  return `${t('checklist:details.applicants', { title: service.shortTitle[lang] })}\n${service.applicants.text[lang]}`;
}

/** A part of "where, when, how much", by what a citizen may ask about it in their own words. */
export type DetailTopic = 'channels' | 'hours' | 'term' | 'fee' | 'result' | 'collect' | 'refusal' | 'complaint';

/**
 * The facts of "where, when, how much" for the citizen's answers, each under its heading, in the
 * order shown; the details view shows them all, a question typed in the middle of the journey
 * gets the one it asks about.
 */
export function detailSections(service: Service, answers: Answers, ctx: FlowContext): { topic: DetailTopic; text: string }[] {
  const { lang, t } = ctx;
  const channel = service.channels.find((c) => c.id === answers.channel);
  const sections: { topic: DetailTopic; text: string }[] = [];
  const bullets = (facts: readonly { text: Service['result']['text'] }[]) => facts.map((f) => `• ${f.text[lang]}`).join('\n');
  sections.push({ topic: 'channels', text: `${t('checklist:details.where')}\n${bullets(channel ? [channel] : service.channels)}` });
  if (service.workingHours.length) sections.push({ topic: 'hours', text: `${t('checklist:details.hours')}\n${bullets(service.workingHours)}` });

  const terms = termsFor(service, answers);
  const headline = terms.find((term) => term.kind === 'total') ?? service.term;
  const termLines = [...terms.map((term) => `• ${term.text[lang]}`), ...dueLines(service, headline, answers, ctx)];
  sections.push({ topic: 'term', text: `${t('checklist:details.term')}\n${termLines.join('\n')}` });

  // The fee's text says itself when the seed states none: the heading does not say it again.
  sections.push({ topic: 'fee', text: `${t('checklist:details.fee')}\n${service.fee.text[lang]}` });
  sections.push({ topic: 'result', text: `${t('checklist:details.result')}\n${service.result.text[lang]}` });
  if (service.resultDelivery.length) sections.push({ topic: 'collect', text: `${t('checklist:details.collect')}\n${bullets(service.resultDelivery)}` });
  const { intake, service: refusedService } = service.refusalGrounds;
  const refusal = [
    ...(intake.length ? [`${t('checklist:details.check_before')}\n${bullets(intake)}`] : []),
    ...(refusedService.length ? [`${t('checklist:details.refusal_service')}\n${bullets(refusedService)}`] : []),
  ];
  if (refusal.length) sections.push({ topic: 'refusal', text: refusal.join('\n\n') });
  sections.push({ topic: 'complaint', text: `${t('checklist:details.complaint')}\n${service.complaint.summary[lang]}` });
  return sections;
}

function detailsReplies(service: Service, data: ChecklistData, ctx: FlowContext): Reply[] {
  const { lang, t } = ctx;
  const sections = detailSections(service, data.answers as Answers, ctx).map((section) => section.text);

  const replies: Reply[] = [{ text: sections.join('\n\n') }];
  if (service.notes.length) {
    replies.push({
      text: `${t(fromCollegeSlides(service) ? 'checklist:details.uncertain_slides' : 'checklist:details.uncertain')}\n${service.notes.map((n) => `• ${n.text[lang]}`).join('\n')}\n\n${t('checklist:details.ask_operator')}`,
    });
  }
  const formNav = findForm(service.form) ? [NAV.form] : [];
  const complain = { id: 'menu:complaint', label: t('menu:choices.complaint') };
  replies.push({
    text: t('checklist:details.next'),
    choices: [...navChoices(ctx, NAV.list, ...formNav), ...visitChoices(service, data, ctx), ...navChoices(ctx, NAV.restart), complain, operatorChoice(ctx)],
  });
  return replies;
}

/** Channels that are offices, closed on days off; the portal and the other ways of sending take an application any day. */
const OFFICES: readonly ChannelId[] = ['provider_office', 'state_corporation'];

/**
 * Whether the citizen applies at an office (the chosen channel, or every channel of the service
 * before one is chosen). Without an after-hours rule, an office closed today takes the documents on
 * the next working day: the term then counts from that day.
 */
function atAnOffice(service: Service, answers: Answers): boolean {
  const channels = answers.channel ? [answers.channel] : service.channels.map((c) => c.id);
  return channels.every((c) => (OFFICES as readonly string[]).includes(c));
}

/**
 * When the result is due if the citizen applies now. Under the after-hours rule the term counts from
 * the registration day: today on a working day within working hours, otherwise the next working day,
 * which the line then names. Without the rule, at an office closed today, the term counts from the
 * next working day, when it opens; otherwise from today. A date counted through a year whose days off
 * are not all decreed yet is said to hold by the calendar as it stands.
 */
function dueLines(service: Service, headline: Term, answers: Answers, ctx: FlowContext): string[] {
  const { lang, t } = ctx;
  const today = todayInAlmaty(ctx.now);
  const afterHours: AfterHoursOnChannel | undefined = afterHoursFor(service, answers);
  // Without the rule only days off move the day the documents are taken, hence no closing time.
  const registration = afterHours ? registrationDay(today, timeInAlmaty(ctx.now), afterHours.closesAt) : atAnOffice(service, answers) ? registrationDay(today, '00:00') : undefined;
  const from = registration?.date ?? today;
  const due = headline.workingDays
    ? { unit: 'working', count: headline.workingDays, date: addWorkingDays(from, headline.workingDays) }
    : headline.calendarDays
      ? { unit: 'calendar', count: headline.calendarDays, date: addCalendarDays(from, headline.calendarDays) }
      : undefined;
  const provisional = due && countsThroughProvisionalYear(today, due.date) ? [t('checklist:details.provisional', { year: due.date.slice(0, 4) })] : [];
  if (registration?.delay) {
    const kind = afterHours ? 'registered' : 'opens';
    const vars = { reason: delayReason(registration.delay, ctx), registered: formatCivilDate(registration.date, lang), opens: formatCivilDate(registration.date, lang) };
    if (!due) return [t(`checklist:details.${kind}`, vars)];
    return [t(`checklist:details.${kind}_due_${due.unit}`, { ...vars, date: formatCivilDate(due.date, lang), count: due.count }), ...provisional];
  }
  const lines = due ? [t(`checklist:details.due_${due.unit}`, { date: formatCivilDate(due.date, lang), count: due.count }), ...provisional] : [];
  if (afterHours?.closesAt) lines.push(t('checklist:details.register_until', { time: afterHours.closesAt, next: formatCivilDate(nextWorkingDay(today), lang) }));
  return lines;
}

/** Why today's application waits for the next working day, as the start of a sentence. */
function delayReason(delay: RegistrationDelay, { lang, t }: FlowContext): string {
  if (delay.kind === 'after_hours') return t('checklist:details.delay.after_hours', { time: delay.closesAt });
  const { kind, name } = delay.reason;
  if (name && (kind === 'holiday' || kind === 'religious')) return t('checklist:details.delay.holiday', { name: name[lang] });
  if (name && kind === 'moved_holiday') return t('checklist:details.delay.moved_holiday', { name: name[lang] });
  return t('checklist:details.delay.day_off');
}

/** The form's questionnaire as the citizen left it, or a new one with what the checklist answers already tell (e.g. the reason). */
function formState(form: FormDefinition, data: ChecklistData, ctx: FlowContext): QuestionnaireState {
  return data.form ?? questionnaire.start(form, ctx, form.prefill?.(data.answers, ctx.lang)).state;
}

/** A confirmed form's answers as its PDF reads them: each of a form's fields is answered with text. */
function formValues(answers: FormAnswers): FormValues {
  return Object.fromEntries(Object.entries(answers).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

/**
 * The form's buttons as a conversation may still hold them from before the questionnaire
 * (`nav:skip`, `nav:back`, `form:<field>:<option>`): read as the questionnaire's own.
 */
function formerFormButton(event: FlowEvent): FlowEvent {
  if (event.type !== 'choice') return event;
  if (event.id === 'nav:skip') return { type: 'choice', id: 'q:skip' };
  if (event.id === NAV.back) return { type: 'choice', id: 'q:back' };
  return event.id.startsWith('form:') ? { type: 'choice', id: `q:${event.id.slice(5)}` } : event;
}

/**
 * What to do with the filled form depends on the channel chosen in the checklist (given, when the
 * service has one): on paper it is printed, signed and handed in with the documents; on egov.kz the
 * application is an electronic form on the portal, so the PDF is the text to copy into it, and the
 * catalog's own words for that channel say how the portal takes it.
 */
function formReadyText(service: Service, form: FormDefinition, answers: Readonly<Record<string, string>>, ctx: FlowContext): string {
  const title = form.title[ctx.lang];
  const chosen = answers.channel ?? (service.channels.length === 1 ? service.channels[0]!.id : undefined);
  const channel = service.channels.find((c) => c.id === chosen);
  if (channel?.id === 'egov_portal') return ctx.t('forms:ready.portal', { title, how: channel.text[ctx.lang] });
  if (channel?.id === 'state_corporation' || channel?.id === 'provider_office') return ctx.t('forms:ready.paper', { title });
  return ctx.t('forms:ready.any_channel', { title });
}

function cannotCome(service: Service, ctx: FlowContext): Reply[] {
  const text = service.homeVisit.available
    ? ctx.t('checklist:home_visit.available', { rule: service.homeVisit.text[ctx.lang] })
    : ctx.t('checklist:home_visit.not_provided', { rule: service.homeVisit.text[ctx.lang] });
  // The visit is offered only where the seed provides it.
  const visit = service.homeVisit.available ? [{ id: 'menu:home_visit', label: ctx.t('menu:choices.home_visit') }] : [];
  return [{ text, choices: [...visit, operatorChoice(ctx), ...navChoices(ctx, NAV.list)] }];
}
