import { randomUUID } from 'node:crypto';
import { COMPLAINT_CATEGORIES, type ComplaintAgainst, type ComplaintCategory, type ComplaintStatus } from '../../domain/complaint';
import type { IsoDate } from '../../domain/calendar';
import { formatCivilDate } from '../../locales/format';
import type { FlowState } from '../../store/types';
import { candidateServices, catalog, findService, type Service, servicesOfLevel } from '../catalog';
import { addresseeFor } from '../catalog/complaint';
import { categoryTold } from './told';
import { checklistOf } from '../checklist';
import { MENU_FLOW_ID } from '../menu';
import { fold, type Intent, LOW_CONFIDENCE, parse, wonders } from '../nlu';
import { complaintAgainstCue, levelNamedIn } from '../nlu/rules';
import { matchChoice, matchChoiceByWords } from '../nlu/choice-match';
import {
  type Answers,
  answerId,
  checkFile,
  type ChoiceField,
  type Field,
  fieldName,
  type QuestionnaireDefinition,
  type QuestionnaireState,
  questionnaire,
  SKIPPED,
  sizeText,
  typesText,
} from '../questionnaire';
import type { FileField } from '../questionnaire/types';
import type { Choice, Flow, FlowContext, FlowEvent, Reply, SentFile, StepResult } from '../types';
import { localizedChoice, operatorChoice, stateOf, textChoice } from '../types';

/**
 * A complaint along the procedure the seeds set out: against whom (the provider, a State
 * Corporation employee, a result the citizen disagrees with), for which service, who receives it
 * and in how many working days it is answered (from that service's seed), what happened and what
 * the citizen asks for, who they are, then the complaint filed and told with its registration
 * number, date, addressee and due date only once stored. An overdue or refused application
 * (the status journey) leaves a draft with its number and service, taken up here.
 */

export const COMPLAINT_FLOW_ID = 'complaint';

export const COMPLAINT_EFFECTS = {
  /** `{ filing }`, keyed by the draft → a filed complaint's summary, or a refusal code */
  file: 'complaint.file',
  /** the conversation's complaints → FiledComplaint[] */
  mine: 'complaint.mine',
} as const;

/** A filed complaint as the chat keeps and shows it. */
export interface FiledComplaint {
  id: string;
  number: string;
  status: ComplaintStatus;
  registeredOn: IsoDate;
  dueDate: IsoDate;
  addressee: { kk: string; ru: string };
}

type Step = 'against' | 'service' | 'addressee' | 'form' | 'files' | 'filed' | 'mine' | 'stopped';
/** The steps that choose whom and which service the complaint is about, before its form. */
type BeforeForm = 'against' | 'service' | 'addressee';
const isBeforeForm = (step: Step): step is BeforeForm => step === 'against' || step === 'service' || step === 'addressee';

/** A complaint being written, kept in the flow's state. */
interface Draft {
  /** Keys the filing: confirming twice files once. */
  id: string;
  against?: ComplaintAgainst;
  serviceId?: string;
  /** The services that fit what the citizen typed equally ("телнұсқада … қате": any of the three duplicates): asked among first. */
  candidates?: string[];
  applicationNumber?: string;
  category?: ComplaintCategory;
  /** The message the complaint was asked for in, when it tells what happened: offered as the description. */
  written?: string;
  form?: QuestionnaireState;
  /** The confirmed answers, while files are added. */
  answers?: Answers;
  files?: SentFile[];
  complaints?: FiledComplaint[];
}

/** What the status journey leaves for a complaint about an overdue or refused application. */
interface StatusDraft {
  applicationNumber?: string;
  serviceId?: string;
  reason?: 'overdue' | 'refused';
}

const AGAINST: readonly ComplaintAgainst[] = ['provider', 'state_corporation', 'result'];

/** Who will review the complaint and in how many working days; empty when the procedure names no one for it. */
function reviewerLine(service: Service, draft: Draft, ctx: FlowContext): string {
  const addressee = addresseeFor(service, { against: draft.against ?? 'provider' });
  return typeof addressee === 'string' ? '' : ctx.t('complaint:who', { addressee: addressee.name[ctx.lang], days: addressee.reviewWorkingDays });
}

/**
 * The working days in which a complaint filed here is answered, before its service is known: the same for whoever
 * first receives one in every service's procedure (the complaint goes to them), so one figure can be told.
 */
const COMMON_REVIEW_DAYS = (() => {
  const days = new Set(catalog.flatMap((service) => AGAINST.map((against) => addresseeFor(service, { against })).flatMap((a) => (typeof a === 'string' ? [] : [a.reviewWorkingDays]))));
  if (days.size !== 1) throw new Error(`complaints: the first receivers' terms differ (${[...days].join(', ')} working days); say them per service`);
  return [...days][0]!;
})();

const ID = {
  against: 'cp:against:',
  service: 'cp:svc:',
  otherService: 'cp:other_service',
  go: 'cp:go',
  new: 'cp:new',
  menu: 'cp:menu',
  filesDone: 'cp:files_done',
} as const;

/** Photos and files a complaint may carry, checked by their content when they arrive. */
export const COMPLAINT_FILES: FileField = {
  id: 'files',
  kind: 'file',
  accept: ['image/jpeg', 'image/png', 'application/pdf'],
  maxBytes: 10 * 1024 * 1024,
  label: { kk: 'Файлдар', ru: 'Файлы' },
};
export const MAX_COMPLAINT_FILES = 5;

/** The description's length limit, told in the question so that nothing is cut without the citizen knowing. */
export const COMPLAINT_TEXT_MAX = 2000;

function collectedOf(data: Readonly<Record<string, unknown>>): { draft?: StatusDraft; complaints: FiledComplaint[] } {
  const own = (data[COMPLAINT_FLOW_ID] ?? {}) as { draft?: StatusDraft; complaints?: FiledComplaint[] };
  return { ...(own.draft ? { draft: own.draft } : {}), complaints: own.complaints ?? [] };
}

export function createComplaintFlow(): Flow {
  const flow: Flow = {
    id: COMPLAINT_FLOW_ID,
    version: 1,
    effects: Object.values(COMPLAINT_EFFECTS),

    start(ctx, params) {
      const { draft: fromStatus, complaints } = collectedOf(ctx.conversation.data);
      if (fromStatus?.applicationNumber && fromStatus.serviceId) {
        const draft: Draft = {
          id: randomUUID(),
          against: 'provider',
          serviceId: fromStatus.serviceId,
          applicationNumber: fromStatus.applicationNumber,
          category: fromStatus.reason === 'refused' ? 'refusal_without_reasons' : 'term_missed',
        };
        return { ...show('addressee', draft, ctx), data: { [COMPLAINT_FLOW_ID]: { complaints } } };
      }
      // What the citizen typed may tell whom the complaint is against and which service ("в ЦОНе нагрубили при подаче на дубликат").
      const typed = { against: AGAINST.find((a) => a === params?.against), serviceId: typeof params?.serviceId === 'string' ? findService(params.serviceId)?.id : undefined };
      if (complaints.length > 0 && !typed.against) return { replies: [], state: at('mine', { id: randomUUID(), complaints }), await: { type: COMPLAINT_EFFECTS.mine } };
      // The services the typed words fit equally are asked among, even when an earlier checklist named another.
      const written = descriptionIn(params?.written);
      // …or only the place of study ("жалоба на директора колледжа"): the services of its level, before a checklist seen earlier.
      const typedCandidates = candidateServices(params?.candidates);
      const candidates = typed.serviceId ? [] : typedCandidates.length > 0 ? typedCandidates : ofLevelNamed(typeof params?.written === 'string' ? params.written : '');
      const serviceId = typed.serviceId ?? (candidates.length > 0 ? undefined : checklistOf(ctx.conversation.data).serviceId);
      const draft: Draft = { id: randomUUID(), ...(serviceId ? { serviceId } : {}), ...(candidates.length > 0 ? { candidates } : {}), ...(written ? { written } : {}) };
      return typed.against ? afterAgainst({ ...draft, against: typed.against }, ctx) : show('against', draft, ctx);
    },

    handle(state, event, ctx): StepResult {
      const draft = state.data as unknown as Draft;
      const step = state.step as Step;
      const id = event.type === 'choice' ? event.id : undefined;
      if (id === ID.menu) return { replies: [], goto: { flow: MENU_FLOW_ID } };
      if (id === ID.new) return show('against', { id: randomUUID() }, ctx);
      // "на директора колледжа": a place of study is the provider, and its level tells the services to ask among.
      if (step === 'against' && event.type === 'text' && (complaintAgainstCue(fold(event.text)) ?? 'provider') === 'provider') {
        const ofLevel = ofLevelNamed(event.text);
        if (ofLevel.length > 0) return afterAgainst({ ...draft, against: 'provider', ...(draft.serviceId || draft.candidates ? {} : { candidates: ofLevel }) }, ctx);
      }
      if (step === 'against' && id?.startsWith(ID.against)) {
        const against = AGAINST.find((a) => id === `${ID.against}${a}`);
        if (against) return afterAgainst({ ...draft, against }, ctx);
      }
      if (step === 'service' && id?.startsWith(ID.service)) {
        const service = findService(id.slice(ID.service.length));
        if (service) return afterService({ ...withoutCandidates(draft), serviceId: service.id }, ctx);
      }
      if (step === 'service' && id === ID.otherService) return show('service', withoutCandidates(draft), ctx);
      if (step === 'addressee' && id === ID.go) return startForm(draft, ctx);
      if (isBeforeForm(step) && event.type === 'text') {
        const story = toldWhatHappened(event.text, flow.prompt(state, ctx), ctx);
        if (story) return fromStory(step, draft, story, ctx);
        // A service named in words at its question, among the buttons or not ("по общежитию" for a State Corporation employee):
        // taken, or refused with why, as its button would be.
        const named = step === 'service' ? parse(event.text, ctx.lang).serviceId : null;
        if (named && findService(named)) return afterService({ ...withoutCandidates(draft), serviceId: named }, ctx);
        const ofLevel = step === 'service' ? ofLevelNamed(event.text) : [];
        if (ofLevel.length > 0) return show('service', { ...draft, candidates: ofLevel }, ctx);
      }
      if (step === 'form') return fillForm(draft, event, ctx);
      if (step === 'files') return addFile(draft, event, ctx);
      return { replies: [{ text: ctx.t('complaint:use_buttons') }, ...flow.prompt(state, ctx)], state, notUnderstood: event.type === 'text' };
    },

    onEffect(state, { effect, outcome }, ctx) {
      const draft = state.data as unknown as Draft;
      const { complaints } = collectedOf(ctx.conversation.data);
      if (!outcome.ok) {
        const key = outcome.code === 'no_state_corporation' ? 'complaint:no_state_corporation' : 'complaint:failed';
        return { replies: [{ text: ctx.t(key) }, ...promptOf(state.step as Step, draft, ctx)], state };
      }
      if (effect.type === COMPLAINT_EFFECTS.mine) {
        const mine = outcome.value as FiledComplaint[];
        return { replies: promptOf('mine', { ...draft, complaints: mine }, ctx), state: at('mine', { ...draft, complaints: mine }), data: { [COMPLAINT_FLOW_ID]: { complaints: mine } } };
      }
      const filed = outcome.value as FiledComplaint;
      const kept = [...complaints.filter((c) => c.id !== filed.id), filed];
      return {
        replies: [
          {
            text: ctx.t('complaint:filed', {
              number: filed.number,
              registered: formatCivilDate(filed.registeredOn, ctx.lang),
              addressee: filed.addressee[ctx.lang],
              due: formatCivilDate(filed.dueDate, ctx.lang),
            }),
            attachment: { kind: 'form', formId: complaintDocumentId(filed.id), fileName: `${filed.number}-${ctx.lang}.pdf` },
            choices: [
              { id: ID.new, label: ctx.t('complaint:choices.new') },
              { id: ID.menu, label: ctx.t('complaint:choices.menu') },
            ],
          },
        ],
        state: at('filed', { id: randomUUID(), complaints: kept }),
        // The application's draft is used up; the filed complaint is listed for the citizen and the operators.
        data: { [COMPLAINT_FLOW_ID]: { complaints: kept } },
      };
    },

    prompt(state, ctx) {
      return promptOf(state.step as Step, state.data as unknown as Draft, ctx);
    },

    // "сколько ждать ответа?": who reviews the complaint and in how many days, once the service is known; before, the term
    // every service's procedure sets. "через ЦОН можно?": that it is filed here (who receives it is said once the service is).
    answer(state, topic, ctx) {
      if (topic === 'channels') return [{ text: ctx.t('complaint:filed_here') }];
      if (topic !== 'term') return undefined;
      const draft = state.data as unknown as Draft;
      const service = findService(draft.serviceId ?? '');
      return [{ text: (service && reviewerLine(service, draft, ctx)) || ctx.t('complaint:term', { days: COMMON_REVIEW_DAYS }) }];
    },

    describe(data, ctx) {
      const { complaints, draft } = collectedOf(data);
      const items = complaints.map((c) => ({ label: c.number, value: `${c.addressee[ctx.lang]} — ${ctx.t(`complaint:status.${c.status}`)}, ${formatCivilDate(c.dueDate, ctx.lang)}` }));
      if (draft?.applicationNumber) items.push({ label: ctx.t('complaint:collected.prepared'), value: draft.applicationNumber });
      return items.length ? { title: ctx.t('complaint:collected.title'), items } : undefined;
    },
  };

  const at = (step: Step, draft: Draft): FlowState => stateOf(flow, step, { ...draft });
  const show = (step: Step, draft: Draft, ctx: FlowContext, before: Reply[] = []): StepResult => ({ replies: [...before, ...promptOf(step, draft, ctx)], state: at(step, draft) });

  const withoutCandidates = ({ candidates: _, ...draft }: Draft): Draft => draft;

  /** The form's first question; or, when the story told what happened, that answer kept and said, and the next question. */
  const startForm = (draft: Draft, ctx: FlowContext): StepResult => {
    const started = { ...draft, form: questionnaire.start(formOf(draft), ctx, prefillOf(draft)).state };
    const category = draft.category === undefined && draft.written !== undefined ? categoryTold(draft.written) : undefined;
    if (!category) return show('form', started, ctx);
    // As if its button were pressed, so that "back" returns to the question.
    const answered = fillForm(started, { type: 'choice', id: answerId(CATEGORY_FIELD.id, category) }, ctx);
    const kept = ctx.t('questionnaire:kept_ahead', { field: fieldName(CATEGORY_FIELD, ctx), value: CATEGORY_LABELS[category][ctx.lang] });
    return { ...answered, replies: [{ text: kept }, ...answered.replies] };
  };

  /**
   * A story typed where a button is awaited ("в колледже третий месяц не выдают дубликат"): what it tells is taken (whom, which
   * service, and later what happened), the story kept as the description, and the complaint goes on from the first thing
   * still to ask. At the question whom or which service, a story that tells neither is kept and the question asked again.
   */
  const fromStory = (step: BeforeForm, draft: Draft, story: string, ctx: FlowContext): StepResult => {
    const kept = { ...draft, written: story };
    if (step === 'addressee') return startForm(kept, ctx);
    const { against, serviceId, ambiguous } = parse(story, ctx.lang);
    // The services its words fit equally, else those of the place of study it names ("в колледже третий месяц…").
    const ofLevel = ofLevelNamed(story);
    const candidates = ambiguous ?? (ofLevel.length > 0 ? ofLevel : undefined);
    const services = serviceId ? { serviceId } : candidates ? { candidates } : {};
    if (step === 'against' && against) return afterAgainst({ ...kept, against, ...(kept.serviceId ? {} : services) }, ctx);
    if (step === 'service' && serviceId) return afterService({ ...withoutCandidates(kept), serviceId }, ctx);
    if (step === 'service' && candidates) return show('service', { ...kept, candidates }, ctx);
    return show(step, kept, ctx, [{ text: ctx.t('complaint:story_kept') }]);
  };

  const afterAgainst = (draft: Draft, ctx: FlowContext): StepResult => (draft.serviceId ? afterService(draft, ctx) : show('service', draft, ctx));

  /** The service's procedure must have someone who receives this kind of complaint. */
  const afterService = (draft: Draft, ctx: FlowContext): StepResult => {
    const service = findService(draft.serviceId ?? '');
    if (!service) return show('service', { ...draft, serviceId: undefined }, ctx);
    const addressee = addresseeFor(service, { against: draft.against ?? 'provider' });
    if (typeof addressee === 'string') return show('against', { ...draft, against: undefined }, ctx, [{ text: ctx.t(`complaint:${addressee}`, { service: service.shortTitle[ctx.lang] }) }]);
    return show('addressee', draft, ctx);
  };

  const fillForm = (draft: Draft, event: FlowEvent, ctx: FlowContext): StepResult => {
    const definition = formOf(draft);
    const form = draft.form ?? questionnaire.start(definition, ctx, prefillOf(draft)).state;
    const typed = event.type === 'text' ? event.text.trim().replace(/\s+/g, ' ') : undefined;
    // What happened told in a sentence at "Что случилось?" ("мне отказали в выдаче дубликата без причины"): the category its
    // words name, as if pressed, and the sentence kept as the description the form offers next.
    if (typed !== undefined && form.values.category === undefined && tells(typed)) {
      const prompt = questionnaire.prompt(definition, form, ctx);
      const category = categoryTold(typed);
      const told = category ? answerId(CATEGORY_FIELD.id, category) : matchChoiceByWords(typed, choicesOf(prompt));
      if (told) return fillForm({ ...draft, written: typed }, { type: 'choice', id: told }, ctx);
      // A story that tells none of them ("директор не подписывает заявление"): kept for the description, and the question asked again.
      const story = toldWhatHappened(typed, prompt, ctx);
      if (story) return { replies: [{ text: ctx.t('complaint:story_kept') }, ...prompt], state: at('form', { ...draft, form, written: story }) };
    }
    const step = questionnaire.handle(definition, form, event, ctx);
    const next = { ...draft, form: step.state };
    const masked = step.transcriptText !== undefined ? { transcriptText: step.transcriptText } : {};
    const outcome = step.outcome;
    if (outcome && 'stopped' in outcome) return { replies: [...step.replies, { text: ctx.t('complaint:no_consent'), choices: endChoices(ctx) }], state: at('stopped', next), ...masked };
    if (outcome && 'cancelled' in outcome) return { ...show('addressee', { ...next, form: undefined }, ctx), ...masked };
    if (outcome && 'done' in outcome) return { ...show('files', { ...next, answers: outcome.done, files: [] }, ctx), ...masked };
    return { replies: step.replies, state: at('form', next), ...masked, ...(step.notUnderstood ? { notUnderstood: true } : {}) };
  };

  /** Up to five photos or files, each checked by its content; "done" (or "without files") files the complaint. */
  const addFile = (draft: Draft, event: FlowEvent, ctx: FlowContext): StepResult => {
    const files = draft.files ?? [];
    if (event.type === 'choice' && event.id === ID.filesDone) {
      return { replies: [], state: at('files', draft), await: { type: COMPLAINT_EFFECTS.file, key: draft.id, filing: filingOf(draft, draft.answers ?? {}, ctx) } };
    }
    if (event.type !== 'file') return { replies: [{ text: ctx.t('complaint:files.expected') }, ...promptOf('files', draft, ctx)], state: at('files', draft), notUnderstood: event.type === 'text' };
    if (files.length >= MAX_COMPLAINT_FILES) return { replies: [{ text: ctx.t('complaint:files.limit', { max: MAX_COMPLAINT_FILES }) }, ...promptOf('files', draft, ctx)], state: at('files', draft) };
    // A channel that could not keep a file (over its size limit) hands it on without an id.
    const checked = event.file.id ? checkFile(event.file, COMPLAINT_FILES, ctx) : ({ error: 'questionnaire:errors.file_size', vars: { size: sizeText(COMPLAINT_FILES, ctx) } } as const);
    if ('error' in checked) return { replies: [{ text: ctx.t(checked.error, checked.vars) }, ...promptOf('files', draft, ctx)], state: at('files', draft) };
    const next = { ...draft, files: [...files, checked.value] };
    return {
      replies: [{ text: ctx.t('complaint:files.added', { name: checked.value.name, count: next.files.length, max: MAX_COMPLAINT_FILES }) }, ...promptOf('files', next, ctx)],
      state: at('files', next),
    };
  };

  const promptOf = (step: Step, draft: Draft, ctx: FlowContext): Reply[] => {
    const { t, lang } = ctx;
    switch (step) {
      case 'against':
        return [
          {
            text: t('complaint:against'),
            choices: [...AGAINST.map((a) => textChoice(`${ID.against}${a}`, `complaint:choices.against.${a}`, ctx, { also: AGAINST_WORDS[a] })), { id: ID.menu, label: t('complaint:choices.menu') }],
          },
        ];
      case 'service': {
        // Only the services whose procedure takes a complaint against whom it is: a State Corporation employee, only where it takes applications.
        const receiving = (s: Service) => typeof addresseeFor(s, { against: draft.against ?? 'provider' }) !== 'string';
        const candidates = draft.candidates?.map(findService).filter((s): s is Service => s !== undefined && receiving(s));
        const serviceChoice = (s: Service): Choice => localizedChoice(`${ID.service}${s.id}`, s.shortTitle, lang);
        const choices = candidates?.length ? [...candidates.map(serviceChoice), textChoice(ID.otherService, 'complaint:choices.other_service', ctx)] : catalog.filter(receiving).map(serviceChoice);
        return [{ text: t('complaint:which_service'), choices }];
      }
      case 'addressee': {
        const service = findService(draft.serviceId ?? '') as Service;
        const who = reviewerLine(service, draft, ctx);
        const lines = [
          draft.applicationNumber
            ? t('complaint:about_application', { number: draft.applicationNumber, service: service.shortTitle[lang] })
            : t('complaint:about_service', { service: service.shortTitle[lang] }),
          who,
          service.complaint.court.text[lang],
        ];
        return [
          {
            text: lines.filter(Boolean).join('\n'),
            choices: [
              { id: ID.go, label: t('complaint:choices.go'), yes: true, also: GO_WORDS },
              { id: ID.menu, label: t('complaint:choices.menu') },
            ],
          },
        ];
      }
      case 'form':
        return draft.form ? questionnaire.prompt(formOf(draft), draft.form, ctx) : [];
      case 'files': {
        const count = draft.files?.length ?? 0;
        const text = t('complaint:files.ask', { types: typesText(COMPLAINT_FILES, ctx), size: sizeText(COMPLAINT_FILES, ctx), max: MAX_COMPLAINT_FILES });
        return [{ text, choices: [{ id: ID.filesDone, label: t(count ? 'complaint:choices.files_done' : 'complaint:choices.no_files') }] }];
      }
      case 'filed':
      case 'mine': {
        const complaints = draft.complaints ?? [];
        const lines = complaints.map((c) => t('complaint:line', { number: c.number, status: t(`complaint:status.${c.status}`), due: formatCivilDate(c.dueDate, lang) }));
        return [
          {
            text: [t('complaint:yours'), ...lines].join('\n'),
            choices: [
              { id: ID.new, label: t('complaint:choices.new') },
              { id: ID.menu, label: t('complaint:choices.menu') },
            ],
          },
        ];
      }
      case 'stopped':
        return [{ text: t('complaint:stopped'), choices: endChoices(ctx) }];
    }
  };

  return flow;
}

/** The printed complaint's id among the conversation's documents (a signed link, a Telegram document) starts with this. */
export const COMPLAINT_DOCUMENT_PREFIX = 'complaint-';

export function complaintDocumentId(complaintId: string): string {
  return `${COMPLAINT_DOCUMENT_PREFIX}${complaintId}`;
}

function endChoices(ctx: FlowContext): Choice[] {
  return [operatorChoice(ctx), { id: ID.menu, label: ctx.t('complaint:choices.menu') }];
}

/** Words a message needs to tell what happened: "хочу пожаловаться на колледж" asks for the complaint, "директор колледжа месяц не выдаёт справку" tells. */
const DESCRIPTION_WORDS = 5;

/** The message as a description of what happened, when it is one. */
function descriptionIn(message: unknown): string | undefined {
  if (typeof message !== 'string') return undefined;
  const text = message.trim().replace(/\s+/g, ' ');
  return text.split(' ').length >= DESCRIPTION_WORDS ? text : undefined;
}

/**
 * Words that tell, at a step that waits for a button, what happened: three words or more that ask
 * nothing, are not one of the step's buttons ("хочу подать жалобу" presses "Подать жалобу") and are
 * not said to the bot ("позовите оператора пожалуйста", "спасибо большое вам").
 */
const TOLD_WORDS = 3;
const SAID_TO_THE_BOT: readonly Intent[] = ['operator', 'menu', 'language', 'thanks', 'greeting'];

function toldWhatHappened(message: string, prompt: readonly Reply[], ctx: FlowContext): string | undefined {
  const text = message.trim().replace(/\s+/g, ' ');
  // A word or two that tell what happened ("грубо разговаривали") are a story too, where a button other than what happened is awaited.
  if (wonders(text) || (!tells(text) && categoryTold(text) === undefined)) return undefined;
  const parsed = parse(text, ctx.lang);
  if (parsed.confidence >= LOW_CONFIDENCE && SAID_TO_THE_BOT.includes(parsed.intent)) return undefined;
  const choices = choicesOf(prompt);
  return matchChoice(text, choices) === undefined && matchChoiceByWords(text, choices) === undefined ? text : undefined;
}

/** Whether a text (its spaces single) tells something: three words or more that ask nothing. */
const tells = (text: string): boolean => text.split(' ').length >= TOLD_WORDS && !wonders(text);

const choicesOf = (prompt: readonly Reply[]): Choice[] => prompt.flatMap((reply) => reply.choices ?? []);

/** What happened, what the citizen asks for, and who they are. */
function formOf(draft: Draft): QuestionnaireDefinition {
  const fields: Field[] = [
    CATEGORY_FIELD,
    {
      id: 'text',
      kind: 'text',
      maxLength: COMPLAINT_TEXT_MAX,
      ...(draft.written ? { written: draft.written } : {}),
      label: { kk: `Не болғанын өз сөзіңізбен жазыңыз (${COMPLAINT_TEXT_MAX} таңбаға дейін).`, ru: `Опишите своими словами, что произошло (до ${COMPLAINT_TEXT_MAX} знаков).` },
      short: { kk: 'Сипаттама', ru: 'Описание' },
    },
    {
      id: 'when',
      kind: 'text',
      optional: true,
      maxLength: 100,
      label: { kk: 'Бұл қашан болды? Болмаса, өткізіп жіберіңіз.', ru: 'Когда это было? Если не помните, пропустите.' },
      short: { kk: 'Қашан', ru: 'Когда' },
    },
    ...(draft.applicationNumber
      ? []
      : [
          {
            id: 'application',
            kind: 'text',
            names: 'application',
            optional: true,
            maxLength: 64,
            label: { kk: 'Өтініштің нөмірі, болса. Болмаса, өткізіп жіберіңіз.', ru: 'Номер заявления, если есть. Если нет, пропустите.' },
            short: { kk: 'Өтініш нөмірі', ru: 'Номер заявления' },
          } as const,
        ]),
    {
      id: 'asks',
      kind: 'text',
      maxLength: 1000,
      label: { kk: 'Не сұрайсыз? Мысалы: құжатты қабылдау, дубликатты беру.', ru: 'Чего вы просите? Например: принять документы, выдать дубликат.' },
      short: { kk: 'Не сұрайды', ru: 'Просьба' },
    },
    { id: 'name', kind: 'text', names: 'person', maxLength: 150, label: { kk: 'Тегіңіз, атыңыз, әкеңіздің аты', ru: 'Ваши фамилия, имя и отчество' }, short: { kk: 'Аты-жөні', ru: 'ФИО' } },
    { id: 'iin', kind: 'iin', label: { kk: 'ЖСН-іңіз', ru: 'Ваш ИИН' }, short: { kk: 'ЖСН', ru: 'ИИН' } },
    { id: 'contact', kind: 'contact', maxLength: 150, label: { kk: 'Жауап үшін телефон немесе e-mail', ru: 'Телефон или e-mail для ответа' }, short: { kk: 'Байланыс', ru: 'Контакты' } },
    {
      id: 'postal',
      kind: 'text',
      optional: true,
      maxLength: 300,
      label: { kk: 'Жазбаша жауап үшін пошта мекенжайы. Керек болмаса, өткізіп жіберіңіз.', ru: 'Почтовый адрес для письменного ответа. Если не нужен, пропустите.' },
      short: { kk: 'Пошта мекенжайы', ru: 'Почтовый адрес' },
    },
    {
      id: 'consent',
      kind: 'consent',
      label: { kk: 'Дербес деректерді өңдеуге келісім', ru: 'Согласие на обработку персональных данных' },
      short: { kk: 'Келісім', ru: 'Согласие' },
      text: { kk: 'Шағым қаралуы үшін деректеріңіз жиналып, өңделеді.', ru: 'Чтобы жалобу рассмотрели, ваши данные соберут и обработают.' },
      refusal: { kk: 'Келісімсіз шағымды тіркеу мүмкін емес: оған жауап беру үшін деректеріңіз керек.', ru: 'Без согласия жалобу не зарегистрировать: для ответа нужны ваши данные.' },
    },
  ];
  return { title: { kk: 'Шағым', ru: 'Жалоба' }, fields };
}

/** The services of the one level of study the words name ("на директора колледжа", "ректорға"): the ones asked among. */
function ofLevelNamed(text: string): string[] {
  const level = levelNamedIn(fold(text));
  return level ? servicesOfLevel(level) : [];
}

/** Whom the complaint is against, typed as people say it, in either language: "на директора", "ХҚКО-ға", "не согласна с решением". */
const AGAINST_WORDS: Record<ComplaintAgainst, readonly string[]> = {
  provider: ['университет', 'универ', 'институт', 'академия', 'директор', 'руководитель', 'завуч', 'учитель', 'преподаватель', 'деканат', 'ректор', 'мектеп', 'ЖОО', 'мұғалім', 'оқу орны'],
  state_corporation: ['ЦОН', 'ХҚКО', 'госкорпорация', 'қызметкер'],
  result: ['не согласен', 'решение', 'результат', 'келіспеймін', 'нәтиже', 'шешім'],
};

/** "хочу пожаловаться", "шағым беремін" where the complaint is offered to be filed: its button. */
const GO_WORDS: readonly string[] = ['пожаловаться', 'жаловаться', 'жалуюсь', 'жалоба', 'шағым', 'шағымдану', 'шағымданамын'];

/** Words citizens type for what happened besides a category's label, in both languages. */
const CATEGORY_WORDS: Record<ComplaintCategory, readonly string[]> = {
  documents_refused: ['не принимают', 'не взяли', 'қабылдамайды', 'алмады'],
  extra_documents: ['лишнее', 'лишнюю справку', 'требуют справку', 'артық', 'қосымша анықтама'],
  term_missed: ['долго', 'затянули', 'просрочили', 'задерживают', 'кешіктірді', 'созып', 'ұзақ'],
  refusal_without_reasons: ['отказ', 'отказали', 'бас тартты'],
  improper_treatment: ['нагрубили', 'грубо', 'хамили', 'хамят', 'кричал', 'кричали', 'оскорбили', 'дөрекі', 'айқайлады', 'ұрысты'],
  error_in_result: ['ошибка', 'ошиблись', 'неправильно', 'қате', 'қателесті'],
  other: [],
};

const CATEGORY_LABELS: Record<ComplaintCategory, { kk: string; ru: string }> = {
  documents_refused: { kk: 'Құжаттарды қабылдамады', ru: 'Не приняли документы' },
  extra_documents: { kk: 'Артық құжат талап етті', ru: 'Требуют лишние документы' },
  term_missed: { kk: 'Мерзім өтіп кетті', ru: 'Нарушен срок' },
  refusal_without_reasons: { kk: 'Себебін айтпай бас тартты', ru: 'Отказали без причин' },
  improper_treatment: { kk: 'Дөрекі не дұрыс қарым-қатынас', ru: 'Грубое обращение' },
  error_in_result: { kk: 'Нәтижеде қате бар', ru: 'Ошибка в результате' },
  other: { kk: 'Басқа', ru: 'Другое' },
};

/** What happened: the form's first question. */
const CATEGORY_FIELD: ChoiceField = {
  id: 'category',
  kind: 'choice',
  label: { kk: 'Не болды?', ru: 'Что случилось?' },
  short: { kk: 'Не болды', ru: 'Что случилось' },
  options: COMPLAINT_CATEGORIES.map((id) => ({ id, label: CATEGORY_LABELS[id], also: CATEGORY_WORDS[id] })),
};

function prefillOf(draft: Draft): Answers {
  return draft.category ? { category: draft.category } : {};
}

const textOf = (answers: Answers, id: string) => (typeof answers[id] === 'string' && answers[id] !== SKIPPED ? (answers[id] as string) : undefined);

/** What the registry files, from the draft and the answers. */
function filingOf(draft: Draft, answers: Answers, ctx: FlowContext) {
  const files = draft.files ?? [];
  const application = draft.applicationNumber ?? textOf(answers, 'application');
  const postal = textOf(answers, 'postal');
  return {
    against: draft.against ?? 'provider',
    serviceId: draft.serviceId ?? '',
    ...(application ? { applicationNumber: application } : {}),
    category: (textOf(answers, 'category') ?? 'other') as ComplaintCategory,
    text: [textOf(answers, 'text'), textOf(answers, 'when')].filter(Boolean).join('\n'),
    asks: textOf(answers, 'asks') ?? '',
    complainant: { name: textOf(answers, 'name') ?? '', iin: textOf(answers, 'iin') ?? '', contact: textOf(answers, 'contact') ?? '', ...(postal ? { postalAddress: postal } : {}) },
    ...(files.length ? { attachments: files.map((file) => ({ id: file.id, name: file.name, type: file.mime, size: file.size })) } : {}),
    conversationId: ctx.conversation.id,
    lang: ctx.lang,
  };
}
