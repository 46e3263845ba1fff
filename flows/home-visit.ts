import { randomUUID } from 'node:crypto';
import { todayInAlmaty, type IsoDate } from '../domain/calendar';
import { dayNamedIn } from '../domain/typed-date';
import { BOOKABLE_WORKING_DAYS, isPending, VISIT_NEEDS, VISIT_WINDOWS, type VisitNeed, type VisitRequest, type VisitStatus, type VisitWindow } from '../domain/home-visit';
import { formatCivilDate } from '../locales/format';
import { catalog, findService, type Service } from './catalog';
import { documentsFor, type Answers as ChecklistAnswers } from './catalog/personalise';
import { SELF_WORDS } from './catalog/answer-words';
import { checklistOf, CHECKLIST_FLOW_ID } from './checklist';
import { MENU_FLOW_ID } from './menu';
import { fold, wonders } from './nlu';
import { asksForPerson, cannotMove, visitChangeAsked } from './nlu/cues';
import { SAYS_DONT_KNOW } from './nlu/rules';
import { choicesByWords, matchChoiceByWords } from './nlu/choice-match';
import {
  checkDay,
  checkTypedDate,
  dayLabel,
  questionnaire,
  type Checked,
  SKIPPED,
  type AddressAnswer,
  type Answers,
  type Field,
  type QuestionnaireDefinition,
  type QuestionnaireState,
} from './questionnaire';
import type { Choice, Flow, FlowContext, FlowEvent, Reply, StepResult } from './types';
import { localizedChoice, operatorChoice, stateOf, textChoice } from './types';
import type { FlowState } from '../store/types';
import { copyWith } from '../domain/copy-with';

/**
 * Booking a State Corporation employee to come and take the documents at home, for a person who
 * cannot come (seed 000 App. 2, 4, 6 row 10; seed 004 row 10): for whom, whether the seeds' three
 * conditions hold, for which service (with its checklist, so the documents are ready), the
 * person's data through the questionnaire, a free window of the next working days, and the booking
 * itself, told only once stored. A citizen with a booking can move or cancel it here.
 */

export const HOME_VISIT_FLOW_ID = 'home_visit';

/** Effects this flow waits for; their handlers live in bot/home-visits. */
export const HOME_VISIT_EFFECTS = {
  /** `{ region }` → FreeWindow[] */
  windows: 'home_visit.windows',
  /** `{ request }`, keyed by the draft → a booked visit summary, or `slot_full` / `not_bookable` */
  book: 'home_visit.book',
  /** the conversation's visits → BookedVisit[] */
  mine: 'home_visit.mine',
  /** `{ id, change }` → the visit after the change, or a refusal code */
  change: 'home_visit.change',
} as const;

/** A booked visit as the flow keeps and shows it. */
export interface BookedVisit {
  id: string;
  number: string;
  date: IsoDate;
  window: VisitWindow;
  status: VisitStatus;
  region: string;
}

export interface FreeWindowOffer {
  date: IsoDate;
  window: VisitWindow;
  left: number;
}

type Step = 'for_whom' | 'eligibility' | 'not_eligible' | 'service' | 'form' | 'day' | 'window' | 'booked' | 'manage' | 'cancel' | 'stopped';

/** What the flow keeps between steps (in its state, and as a draft in the conversation's data so a citizen who left comes back to it). */
interface Draft {
  /** Keys the booking: a double tap on the last window books once. */
  id: string;
  forWhom?: 'self' | 'other';
  /** The text that asked for the visit told that the person cannot move on their own: the eligibility question is not asked. */
  unable?: boolean;
  serviceId?: string;
  /** The services a word typed before the service's question fits equally ("дубликат диплома"): that question offers them. */
  candidates?: string[];
  form?: QuestionnaireState;
  answers?: Answers;
  windows?: FreeWindowOffer[];
  day?: IsoDate;
  /** Moving this booking instead of making a new one. */
  moving?: BookedVisit;
  /** The change typed when the section was asked for ("отмените выезд"): made to the one visit booked, once the visits are read. */
  asked?: 'cancel' | 'move';
  /** The day the move was asked to ("перенесите на среду"): its windows are offered first, once they are read. */
  wanted?: IsoDate;
  visits?: BookedVisit[];
}

const ID = {
  self: 'hv:self',
  other: 'hv:other',
  eligibleYes: 'hv:eligible:yes',
  eligibleNo: 'hv:eligible:no',
  service: 'hv:svc:',
  day: 'hv:day:',
  window: 'hv:win:',
  newVisit: 'hv:new',
  move: 'hv:move:',
  cancel: 'hv:cancel:',
  cancelYes: 'hv:cancel_yes',
  keep: 'hv:keep',
  checklist: 'hv:checklist',
  back: 'hv:back',
  menu: 'hv:menu',
} as const;

/** Words citizens type for a window besides its label ("утром" for "до обеда"), in both languages. */
const WINDOW_WORDS: Record<VisitWindow, readonly string[]> = {
  morning: ['утром', 'с утра', 'пораньше', 'таңертең', 'түске дейін'],
  afternoon: ['днём', 'вечером', 'попозже', 'түстен кейін', 'кешке'],
};

/** Who the visit is for, typed as people say it: "сама", "өзім" (as for a checklist's applicant); "для мамы", "әкеме", "бабушке". */
const FOR_WHOM_WORDS: Record<'self' | 'other', readonly string[]> = {
  self: [...SELF_WORDS.ru, ...SELF_WORDS.kk],
  other: [
    'мама',
    'мать',
    'папа',
    'отец',
    'отцу',
    'бабушка',
    'бабуля',
    'дедушка',
    'ребёнок',
    'сын',
    'дочь',
    'муж',
    'жена',
    'брат',
    'сестра',
    'родственник',
    'соседка',
    'сосед',
    'анам',
    'әкем',
    'әжем',
    'атам',
    'балам',
    'ұлым',
    'қызым',
    'күйеуім',
    'әйелім',
    'ағам',
    'апам',
    'інім',
    'бауырым',
    'туысым',
    'көршім',
  ],
};

/**
 * Whom a visit is for, in the forms a sentence asking for it uses ("анама үйге қызметкер шақыру керек", "вызвать сотрудника
 * для бабушки", "сама не дойду"): whole words, folded, as the roots above would also find "анау" or "сынып" in a sentence.
 */
const FOR_WHOM_IN_SENTENCE: Record<'self' | 'other', ReadonlySet<string>> = {
  self: new Set(['себе', 'себя', 'сама', 'сам', 'самой', 'самому', 'я', 'өзіме', 'өзім', 'маған'].map(fold)),
  other: new Set(
    [
      ...['маме', 'мамы', 'маму', 'матери', 'папе', 'папы', 'отцу', 'отца', 'бабушке', 'бабушки', 'бабушку', 'дедушке', 'дедушки', 'дедушку'],
      ...['сыну', 'сына', 'дочери', 'дочке', 'мужу', 'мужа', 'жене', 'брату', 'сестре', 'ребенку', 'ребёнку', 'родственнику', 'соседке', 'соседу'],
      ...['анама', 'анамның', 'анамызға', 'әкеме', 'әкемнің', 'әжеме', 'әжемнің', 'атама', 'атамның', 'балама', 'баламның', 'ұлыма', 'қызыма'],
      ...['күйеуіме', 'әйеліме', 'ағама', 'апама', 'туысыма', 'көршіме'],
      // …and named as the one who cannot come ("анам үйден шыға алмайды", "бабушка не ходит")
      ...['мама', 'папа', 'бабушка', 'дедушка', 'анам', 'әкем', 'әжем', 'атам', 'балам', 'ұлым', 'қызым', 'күйеуім', 'әйелім'],
    ].map(fold),
  ),
};

/**
 * Kazakh said of oneself in the first person, folded: "шыға алмаймын", "жүре алмаймын" (I cannot), "мүгедекпін" (I am
 * disabled). Not "мен", which is also "and" ("анам мен әкем").
 */
const SELF_PREDICATE = /(алмаймын|алмаймин|мугедекпин|наукаспын|зейнеткермин)$/;

/** Whom the sentence that asked for the visit (folded) says it is for: someone else when it names them, else oneself when it says so. */
function forWhomIn(folded: string): 'self' | 'other' | undefined {
  const words = folded.split(/[^\p{L}]+/u);
  if (words.some((w) => FOR_WHOM_IN_SENTENCE.other.has(w))) return 'other';
  return words.some((w) => FOR_WHOM_IN_SENTENCE.self.has(w) || SELF_PREDICATE.test(w)) ? 'self' : undefined;
}

const DAY_FIELD = { id: 'day', kind: 'date', label: { kk: '', ru: '' }, workingDays: { from: 1, to: BOOKABLE_WORKING_DAYS } } as const;

/** Services whose seed provides the visit. */
export function visitServices(): Service[] {
  return catalog.filter((service) => service.homeVisit.available);
}

/**
 * "я инвалид", "мне 80 лет", "мен мүгедекпін": a short statement in the first person that names no one else is for
 * oneself; not "я не знаю", a question, or a wish for a person.
 */
function speaksOfSelf(text: string): boolean {
  const folded = fold(text);
  if (!/^(я|мен)\s|^мне\s+\d/.test(folded) || folded.split(/\s+/).length > 4) return false;
  if (SAYS_DONT_KNOW.test(folded) || wonders(text) || asksForPerson(folded)) return false;
  return matchChoiceByWords(text, [{ id: ID.other, label: '', also: FOR_WHOM_WORDS.other }]) === undefined;
}

/** The services a visit can be booked for as buttons; of them, those a typed word fitted (`candidates`), when it fitted some. */
function serviceChoices(candidates: readonly string[] | undefined, ctx: FlowContext): Choice[] {
  const services = visitServices();
  const offered = services.filter((s) => candidates?.includes(s.id));
  return (offered.length ? offered : services).map((s) => localizedChoice(`${ID.service}${s.id}`, s.shortTitle, ctx.lang));
}

/**
 * The service typed before its question ("дубликат диплома колледжа" at the eligibility question), read as the
 * service question's buttons read it: one kept as the visit's service, several kept for that question to offer; with
 * what to say back (the service's name, or the words typed when several fit).
 */
function serviceTypedAhead(draft: Draft, text: string, ctx: FlowContext): { draft: Draft; said: string } | undefined {
  const fitting = choicesByWords(text, serviceChoices(undefined, ctx)).map((id) => id.slice(ID.service.length));
  const [only] = fitting;
  if (fitting.length === 1 && only) return { draft: { ...draft, serviceId: only, candidates: undefined }, said: findService(only)!.shortTitle[ctx.lang] };
  return fitting.length > 1 ? { draft: { ...draft, candidates: fitting }, said: text.trim() } : undefined;
}

function draftOf(raw: unknown): Draft {
  const draft = (raw && typeof raw === 'object' ? raw : {}) as Partial<Draft>;
  return copyWith(draft, { id: typeof draft.id === 'string' ? draft.id : randomUUID() });
}

/** The draft kept in the conversation's data, and the visits booked from it. */
function storedOf(ctx: FlowContext): { draft?: Draft; visits: BookedVisit[] } {
  const own = (ctx.conversation.data[HOME_VISIT_FLOW_ID] ?? {}) as { draft?: Draft; visits?: BookedVisit[] };
  return { ...(own.draft ? { draft: own.draft } : {}), visits: own.visits ?? [] };
}

export function createHomeVisitFlow(): Flow {
  const flow: Flow = {
    id: HOME_VISIT_FLOW_ID,
    version: 1,
    effects: Object.values(HOME_VISIT_EFFECTS),

    start(ctx, params) {
      const stored = storedOf(ctx);
      const serviceId = typeof params?.serviceId === 'string' ? params.serviceId : serviceInView(ctx);
      const typed = typeof params?.written === 'string' ? params.written : '';
      const written = fold(typed);
      // The change asked in words at the menu ("перенесите визит"), or carried by the offer to switch from another journey.
      const asked = params?.change === 'cancel' || params?.change === 'move' ? params.change : visitChangeAsked(written);
      const wanted = asked === 'move' ? dayNamedIn(typed, todayInAlmaty(ctx.now)) : undefined;
      // A citizen with visits booked here sees them first, as they stand now.
      if (stored.visits.length > 0) {
        const draft = { ...draftOf(stored.draft), visits: stored.visits, asked, ...(wanted ? { wanted } : {}) };
        return { replies: [], state: at('manage', draft), await: { type: HOME_VISIT_EFFECTS.mine } };
      }
      if (asked) return noneToChange({ id: randomUUID() }, ctx);
      if (stored.draft?.forWhom) {
        const resumed = continueDraft({ ...stored.draft, ...(serviceId && !stored.draft.serviceId ? { serviceId } : {}) }, ctx);
        return { ...resumed, replies: [{ text: ctx.t('home_visit:resumed') }, ...resumed.replies] };
      }
      // "анама үйге қызметкер шақыру керек": whom it is for is not asked again; "анам жүре алмайды": nor whether she can move.
      const draft: Draft = { id: randomUUID(), ...(serviceId ? { serviceId } : {}), ...(cannotMove(written) ? { unable: true } : {}) };
      const forWhom = forWhomIn(written);
      const intro = [{ text: ctx.t('home_visit:intro') }];
      return forWhom ? afterForWhom({ ...draft, forWhom }, ctx, intro) : show('for_whom', draft, ctx, intro);
    },

    handle(state, event, ctx): StepResult {
      const draft = draftOf(state.data);
      const step = state.step as Step;
      const id = event.type === 'choice' ? event.id : undefined;

      if (id === ID.menu) return { replies: [], data: keep(step === 'booked' || step === 'manage' ? undefined : draft, ctx), goto: { flow: MENU_FLOW_ID } };
      if (step === 'for_whom' && (id === ID.self || id === ID.other)) return afterForWhom({ ...draft, forWhom: id === ID.self ? 'self' : 'other' }, ctx);
      if (step === 'for_whom' && event.type === 'text') {
        // "я инвалид 1 группы, не хожу": for oneself, and the condition told.
        const folded = fold(event.text);
        const unable = cannotMove(folded);
        const forWhom = speaksOfSelf(event.text) ? 'self' : unable ? forWhomIn(folded) : undefined;
        if (forWhom) return afterForWhom({ ...draft, forWhom, ...(unable ? { unable } : {}) }, ctx);
      }
      if (step === 'eligibility' && id === ID.eligibleYes) return afterEligibility(draft, ctx);
      if (step === 'eligibility' && id === ID.eligibleNo) return show('not_eligible', draft, ctx);
      if (step === 'service' && id?.startsWith(ID.service)) {
        const service = findService(id.slice(ID.service.length));
        if (service) return afterService({ ...draft, serviceId: service.id }, ctx);
      }
      if (step === 'service' && id === ID.checklist) return { replies: [], goto: { flow: CHECKLIST_FLOW_ID } };
      // "дубликат диплома" typed before the service is asked: kept for that question.
      if ((step === 'for_whom' || step === 'eligibility') && event.type === 'text' && !draft.serviceId) {
        const kept = serviceTypedAhead(draft, event.text, ctx);
        if (kept) return show(step, kept.draft, ctx, [{ text: ctx.t('checklist:kept_ahead', { answer: kept.said }) }]);
      }
      if (step === 'form') return fillForm(draft, event, ctx);
      if (step === 'day') return pickDay(draft, event, ctx);
      if (step === 'window' && id?.startsWith(ID.window)) return pickWindow(draft, id.slice(ID.window.length), ctx);
      if (step === 'window' && id === ID.back) return show('day', { ...draft }, ctx);
      if (step === 'manage' || step === 'booked') {
        if (id === ID.newVisit) return show('for_whom', { id: randomUUID(), ...(draft.visits ? { visits: draft.visits } : {}) }, ctx);
        const moving = id?.startsWith(ID.move) ? draft.visits?.find((v) => v.id === id.slice(ID.move.length)) : undefined;
        if (moving) return withWindows({ ...draft, moving, day: undefined }, ctx, moving.region);
        const cancelling = id?.startsWith(ID.cancel) ? draft.visits?.find((v) => v.id === id.slice(ID.cancel.length)) : undefined;
        if (cancelling) return show('cancel', { ...draft, moving: cancelling }, ctx);
      }
      if (step === 'cancel' && id === ID.cancelYes && draft.moving) {
        return { replies: [], state: at('cancel', draft), await: { type: HOME_VISIT_EFFECTS.change, id: draft.moving.id, change: { status: 'cancelled', reason: 'citizen' } } };
      }
      if (step === 'cancel' && id === ID.keep) return show('manage', { ...draft, moving: undefined }, ctx);
      return { replies: [{ text: ctx.t('home_visit:use_buttons') }, ...flow.prompt(state, ctx)], state, notUnderstood: event.type === 'text' };
    },

    onEffect(state, result, ctx) {
      const draft = draftOf(state.data);
      const step = state.step as Step;
      const { outcome } = result;
      if (!outcome.ok) return effectRefused(step, draft, outcome.code, ctx);
      switch (result.effect.type) {
        case HOME_VISIT_EFFECTS.windows:
          return offerDays({ ...draft, windows: outcome.value as FreeWindowOffer[] }, ctx);
        case HOME_VISIT_EFFECTS.mine: {
          const visits = (outcome.value as BookedVisit[]).filter((v) => isPending(v.status));
          const { asked, ...rest } = draft;
          if (visits.length === 0) return asked ? noneToChange({ id: randomUUID() }, ctx) : show('for_whom', { id: randomUUID() }, ctx, [{ text: ctx.t('home_visit:intro') }]);
          const [only] = visits;
          if (asked && visits.length === 1 && only)
            return asked === 'cancel' ? show('cancel', { ...rest, visits, moving: only }, ctx) : withWindows({ ...rest, visits, moving: only, day: undefined }, ctx, only.region);
          return show('manage', { ...rest, visits }, ctx);
        }
        case HOME_VISIT_EFFECTS.book:
          return booked(draft, outcome.value as BookedVisit, ctx);
        case HOME_VISIT_EFFECTS.change:
          return changed(draft, outcome.value as BookedVisit, ctx);
        default:
          return { replies: flow.prompt(state, ctx), state };
      }
    },

    prompt(state, ctx) {
      return promptOf(state.step as Step, draftOf(state.data), ctx);
    },

    // Once the service is chosen, "сколько стоит?" is answered about it, as handed in to the employee who comes.
    subject(state) {
      const { serviceId } = draftOf(state.data);
      return serviceId && findService(serviceId) ? { serviceId, answers: { channel: 'state_corporation' } } : undefined;
    },

    // "как подать?" before a service is chosen: the employee who comes takes the application (after, the service's own ways).
    answer(state, topic, ctx) {
      return topic === 'channels' && !flow.subject?.(state) ? [{ text: ctx.t('home_visit:handed_in_at_home') }] : undefined;
    },

    describe(data, ctx) {
      const { visits = [] } = (data[HOME_VISIT_FLOW_ID] ?? {}) as { visits?: BookedVisit[] };
      if (visits.length === 0) return undefined;
      return {
        title: ctx.t('home_visit:collected.title'),
        items: visits.map((visit) => ({
          label: visit.number,
          value: `${formatCivilDate(visit.date, ctx.lang)}, ${ctx.t(`home_visit:window.${visit.window}`)} — ${ctx.t(`home_visit:status.${visit.status}`)}`,
        })),
      };
    },
  };

  const at = (step: Step, draft: Draft): FlowState => stateOf(flow, step, { ...draft });

  /** A step's question, with the draft kept in the conversation's data so a citizen who leaves comes back to it. */
  const show = (step: Step, draft: Draft, ctx: FlowContext, before: Reply[] = []): StepResult => {
    const state = at(step, draft);
    return { replies: [...before, ...promptOf(step, draft, ctx)], state, data: keep(draft, ctx) };
  };

  const keep = (draft: Draft | undefined, ctx: FlowContext, visits?: BookedVisit[]) => {
    const stored = storedOf(ctx);
    const { windows: _offered, ...kept } = draft ?? ({} as Draft);
    return { [HOME_VISIT_FLOW_ID]: { ...(draft ? { draft: kept } : {}), visits: visits ?? stored.visits } };
  };

  /** Where a citizen who left an unfinished booking comes back to; the windows are asked again, as places may have gone since. */
  const continueDraft = (draft: Draft, ctx: FlowContext): StepResult => {
    if (!draft.serviceId) return show('service', draft, ctx);
    if (!draft.answers) return afterService(draft, ctx);
    return withWindows(draft, ctx, regionOf(draft));
  };

  const afterEligibility = (draft: Draft, ctx: FlowContext): StepResult => (draft.serviceId ? afterService(draft, ctx) : show('service', draft, ctx));

  /** Whether the person can move is asked, unless the citizen told it already ("не ходит"): then it is said back. */
  const afterForWhom = (draft: Draft, ctx: FlowContext, before: Reply[] = []): StepResult => {
    if (!draft.unable) return show('eligibility', draft, ctx, before);
    const next = afterEligibility(draft, ctx);
    return { ...next, replies: [...before, { text: ctx.t(draft.forWhom === 'other' ? 'home_visit:unable_told.relative' : 'home_visit:unable_told.self') }, ...next.replies] };
  };

  /** The service must provide the visit; its checklist is answered first, so the documents are ready. */
  const afterService = (draft: Draft, ctx: FlowContext): StepResult => {
    const service = findService(draft.serviceId ?? '');
    if (!service) return show('service', { ...draft, serviceId: undefined }, ctx);
    if (!service.homeVisit.available) {
      return show('service', { ...draft, serviceId: undefined }, ctx, [
        { text: ctx.t('home_visit:service_without_visit', { service: service.shortTitle[ctx.lang], rule: service.homeVisit.text[ctx.lang] }) },
      ]);
    }
    const checklist = checklistOf(ctx.conversation.data);
    if (checklist.serviceId !== service.id) {
      // The checklist asks its questions and comes back here with its "continue" button.
      return {
        replies: [{ text: ctx.t('home_visit:checklist_first', { service: service.shortTitle[ctx.lang] }) }],
        data: keep(draft, ctx),
        // The employee who comes is the State Corporation's: the checklist does not ask where to apply.
        goto: { flow: CHECKLIST_FLOW_ID, params: { serviceId: service.id, channel: 'state_corporation', forVisit: true } },
      };
    }
    return show('form', withForm(draft, ctx), ctx);
  };

  const withForm = (draft: Draft, ctx: FlowContext): Draft => (draft.form ? draft : { ...draft, form: questionnaire.start(formOf(draft), ctx).state });

  const fillForm = (draft: Draft, event: FlowEvent, ctx: FlowContext): StepResult => {
    const definition = formOf(draft);
    const step = questionnaire.handle(definition, draft.form ?? questionnaire.start(definition, ctx).state, event, ctx);
    const next = { ...draft, form: step.state };
    const masked = step.transcriptText !== undefined ? { transcriptText: step.transcriptText } : {};
    const outcome = step.outcome;
    if (outcome && 'stopped' in outcome) {
      return { replies: [...step.replies, { text: ctx.t('home_visit:no_consent'), choices: endChoices(ctx) }], state: at('stopped', next), data: keep(undefined, ctx), ...masked };
    }
    if (outcome && 'cancelled' in outcome) return { ...show('service', { ...next, form: undefined }, ctx), ...masked };
    if (outcome && 'done' in outcome) return { ...withWindows({ ...next, answers: outcome.done }, ctx, (outcome.done.address as AddressAnswer).region), ...masked };
    return { replies: step.replies, state: at('form', next), data: keep(next, ctx), ...masked, ...(step.notUnderstood ? { notUnderstood: true } : {}) };
  };

  /** Asks the store for the free windows of the region, then offers their days. */
  const withWindows = (draft: Draft, ctx: FlowContext, region: string): StepResult => ({
    replies: [],
    state: at('day', draft),
    data: keep(draft, ctx),
    await: { type: HOME_VISIT_EFFECTS.windows, region },
  });

  /** The days with free windows; the windows of the day the move was asked to straight away, or why that day cannot be. */
  const offerDays = (withWanted: Draft, ctx: FlowContext): StepResult => {
    const { wanted, ...draft } = withWanted;
    if ((draft.windows ?? []).length === 0) {
      return { replies: [{ text: ctx.t('home_visit:no_windows'), choices: endChoices(ctx) }], state: at('stopped', draft), data: keep(draft, ctx) };
    }
    return wanted ? dayChosen(draft, checkDay(wanted, DAY_FIELD, ctx), ctx) : show('day', draft, ctx);
  };

  const pickDay = (draft: Draft, event: FlowEvent, ctx: FlowContext): StepResult => {
    if (event.type === 'choice' && event.id.startsWith(ID.day)) return dayChosen(draft, { value: event.id.slice(ID.day.length) }, ctx);
    if (event.type === 'choice' && event.id === ID.back && !draft.moving) return show('form', { ...draft, answers: undefined }, ctx);
    if (event.type === 'text') return dayChosen(draft, checkTypedDate(event.text, DAY_FIELD, ctx), ctx);
    return { replies: [{ text: ctx.t('home_visit:use_buttons') }, ...promptOf('day', draft, ctx)], state: at('day', draft) };
  };

  /** The windows of the day chosen, pressed or typed; else why not (a day off, out of reach, or full) and the days again. */
  const dayChosen = (draft: Draft, checked: Checked, ctx: FlowContext): StepResult => {
    const day = 'value' in checked ? checked.value : undefined;
    if (day && (draft.windows ?? []).some((w) => w.date === day)) return show('window', { ...draft, day }, ctx);
    const why = 'error' in checked ? ctx.t(checked.error, checked.vars) : ctx.t('home_visit:day_full', { date: formatCivilDate(day ?? '', ctx.lang) });
    return { replies: [{ text: why }, ...promptOf('day', draft, ctx)], state: at('day', draft), data: keep(draft, ctx) };
  };

  const pickWindow = (draft: Draft, window: string, ctx: FlowContext): StepResult => {
    const chosen = (draft.windows ?? []).find((w) => w.date === draft.day && w.window === window);
    if (!chosen) return { replies: [{ text: ctx.t('home_visit:use_buttons') }, ...promptOf('window', draft, ctx)], state: at('window', draft) };
    if (draft.moving) {
      return { replies: [], state: at('window', draft), await: { type: HOME_VISIT_EFFECTS.change, id: draft.moving.id, change: { date: chosen.date, window: chosen.window } } };
    }
    const request = requestOf(draft, chosen, ctx);
    // Keyed by the draft and the window: a double tap books once, another window after a lost race is a new try.
    return { replies: [], state: at('window', draft), await: { type: HOME_VISIT_EFFECTS.book, key: `${draft.id}:${chosen.date}:${chosen.window}`, request } };
  };

  /** Stored: the number, the day and window, what to have ready, and how to change it. */
  const booked = (draft: Draft, visit: BookedVisit, ctx: FlowContext): StepResult => {
    const service = findService(draft.serviceId ?? '');
    const documents = service ? documentsFor(service, (checklistOf(ctx.conversation.data).answers ?? {}) as ChecklistAnswers) : [];
    const visits = [...(draft.visits ?? []).filter((v) => v.id !== visit.id), visit];
    const text = [
      ctx.t('home_visit:booked', { number: visit.number, date: formatCivilDate(visit.date, ctx.lang), window: ctx.t(`home_visit:window.${visit.window}`) }),
      ...(documents.length ? ['', ctx.t('home_visit:have_ready'), ...documents.map((d, i) => `${i + 1}. ${d.text[ctx.lang]}`)] : []),
      '',
      ctx.t('home_visit:how_to_change'),
    ].join('\n');
    const next: Draft = { id: randomUUID(), visits };
    return { replies: [{ text, choices: manageChoices(visit, ctx) }], state: at('booked', next), data: keep(undefined, ctx, visits) };
  };

  const changed = (draft: Draft, visit: BookedVisit, ctx: FlowContext): StepResult => {
    const visits = (draft.visits ?? []).map((v) => (v.id === visit.id ? visit : v));
    const key = visit.status === 'cancelled' ? 'home_visit:cancelled' : 'home_visit:moved';
    const text = ctx.t(key, { number: visit.number, date: formatCivilDate(visit.date, ctx.lang), window: ctx.t(`home_visit:window.${visit.window}`) });
    const pending = visits.filter((v) => isPending(v.status));
    const next: Draft = { id: randomUUID(), visits: pending };
    if (pending.length === 0) return { replies: [{ text, choices: endChoices(ctx, true) }], state: at('manage', next), data: keep(undefined, ctx, pending) };
    return { replies: [{ text }, ...promptOf('manage', next, ctx)], state: at('manage', next), data: keep(undefined, ctx, pending) };
  };

  /** A change asked for where no visit is booked: the contact centre booked it, or another chat; the operator can change it, or a new one is booked. */
  const noneToChange = (draft: Draft, ctx: FlowContext): StepResult => ({
    replies: [{ text: ctx.t('home_visit:none_to_change'), choices: endChoices(ctx, true) }],
    state: at('manage', { ...draft, visits: [] }),
  });

  /** A refusal says why and asks again, keeping everything entered; a lost last place offers the next free windows. */
  const effectRefused = (step: Step, draft: Draft, code: string, ctx: FlowContext): StepResult => {
    if (code === 'slot_full' || code === 'not_bookable') {
      return {
        replies: [{ text: ctx.t('home_visit:slot_taken') }],
        state: at('day', { ...draft, day: undefined }),
        await: { type: HOME_VISIT_EFFECTS.windows, region: draft.moving ? draft.moving.region : regionOf(draft) },
      };
    }
    if (code === 'not_allowed') return { replies: [{ text: ctx.t('home_visit:not_changeable') }], state: at('manage', draft), await: { type: HOME_VISIT_EFFECTS.mine } };
    return { replies: [{ text: ctx.t('home_visit:failed') }, ...promptOf(step === 'cancel' ? 'cancel' : step, draft, ctx)], state: at(step, draft) };
  };

  const promptOf = (step: Step, draft: Draft, ctx: FlowContext): Reply[] => {
    const { t } = ctx;
    switch (step) {
      case 'for_whom':
        return [
          {
            text: t('home_visit:for_whom'),
            choices: [
              textChoice(ID.self, 'home_visit:choices.self', ctx, { also: FOR_WHOM_WORDS.self }),
              textChoice(ID.other, 'home_visit:choices.other', ctx, { also: FOR_WHOM_WORDS.other }),
              menuChoice(ctx),
            ],
          },
        ];
      case 'eligibility':
        return [
          {
            text: t(draft.forWhom === 'other' ? 'home_visit:eligibility.relative' : 'home_visit:eligibility.self'),
            choices: [
              { id: ID.eligibleYes, label: t('home_visit:choices.eligible_yes') },
              { id: ID.eligibleNo, label: t('home_visit:choices.eligible_no') },
            ],
          },
        ];
      case 'not_eligible':
        return [{ text: notEligibleText(draft, ctx), choices: endChoices(ctx) }];
      case 'service':
        return [{ text: t('home_visit:which_service'), choices: [...serviceChoices(draft.candidates, ctx), textChoice(ID.checklist, 'home_visit:choices.other_service', ctx)] }];
      case 'form':
        return draft.form ? questionnaire.prompt(formOf(draft), draft.form, ctx) : [];
      case 'day': {
        const days = [...new Set((draft.windows ?? []).map((w) => w.date))];
        const back = draft.moving ? [] : [{ id: ID.back, label: t('home_visit:choices.back_to_data') }];
        return [{ text: t(draft.moving ? 'home_visit:pick_new_day' : 'home_visit:pick_day'), choices: [...days.map((day) => ({ id: `${ID.day}${day}`, label: dayLabel(day, ctx) })), ...back] }];
      }
      case 'window': {
        const free = (draft.windows ?? []).filter((w) => w.date === draft.day);
        const choices: Choice[] = VISIT_WINDOWS.filter((w) => free.some((f) => f.window === w)).map((w) => textChoice(`${ID.window}${w}`, `home_visit:window.${w}`, ctx, { also: WINDOW_WORDS[w] }));
        return [{ text: t('home_visit:pick_window', { date: formatCivilDate(draft.day ?? '', ctx.lang) }), choices: [...choices, { id: ID.back, label: t('home_visit:choices.other_day') }] }];
      }
      case 'manage': {
        const visits = draft.visits ?? [];
        const lines = visits.map((v) =>
          t('home_visit:visit_line', { number: v.number, date: formatCivilDate(v.date, ctx.lang), window: t(`home_visit:window.${v.window}`), status: t(`home_visit:status.${v.status}`) }),
        );
        return [
          {
            text: [t('home_visit:your_visits'), ...lines].join('\n'),
            choices: [...visits.flatMap((v) => manageChoices(v, ctx, visits.length > 1)), { id: ID.newVisit, label: t('home_visit:choices.new') }, menuChoice(ctx)],
          },
        ];
      }
      case 'booked':
        return [{ text: t('home_visit:how_to_change'), choices: (draft.visits ?? []).flatMap((v) => manageChoices(v, ctx)) }];
      case 'cancel':
        return [
          {
            text: t('home_visit:cancel_confirm', { number: draft.moving?.number ?? '' }),
            choices: [textChoice(ID.cancelYes, 'home_visit:choices.cancel_yes', ctx), textChoice(ID.keep, 'home_visit:choices.keep', ctx)],
          },
        ];
      case 'stopped':
        return [{ text: t('home_visit:stopped'), choices: endChoices(ctx) }];
    }
  };

  return flow;
}

/** The service the citizen was looking at in the checklist, when it provides the visit. */
function serviceInView(ctx: FlowContext): string | undefined {
  const { serviceId } = checklistOf(ctx.conversation.data);
  return serviceId && findService(serviceId)?.homeVisit.available ? serviceId : undefined;
}

/** The questionnaire of the visit: a representative gives their own name and says whose phone the employee calls. */
function formOf(draft: Draft): QuestionnaireDefinition {
  const forOther = draft.forWhom === 'other';
  const fields: Field[] = [
    ...(forOther
      ? [
          {
            id: 'rep_name',
            kind: 'text',
            names: 'person',
            maxLength: 150,
            label: { kk: 'Өзіңіздің тегіңіз, атыңыз және әкеңіздің аты (шақыруды сіз ресімдейсіз)', ru: 'Ваши фамилия, имя и отчество (вы оформляете вызов)' },
            short: { kk: 'Шақырушы', ru: 'Кто оформляет' },
          } as const,
        ]
      : []),
    {
      id: 'name',
      kind: 'text',
      names: 'person',
      maxLength: 150,
      label: forOther
        ? { kk: 'Қызметкер кімге келеді? Оның тегі, аты және әкесінің аты', ru: 'К кому придёт сотрудник? Фамилия, имя и отчество этого человека' }
        : { kk: 'Тегіңіз, атыңыз және әкеңіздің аты', ru: 'Ваши фамилия, имя и отчество' },
      short: { kk: 'Аты-жөні', ru: 'ФИО' },
    },
    { id: 'iin', kind: 'iin', label: forOther ? { kk: 'Оның ЖСН-і', ru: 'ИИН этого человека' } : { kk: 'ЖСН-іңіз', ru: 'Ваш ИИН' }, short: { kk: 'ЖСН', ru: 'ИИН' } },
    ...(forOther
      ? [
          {
            id: 'phone_of',
            kind: 'choice',
            label: { kk: 'Қызметкер кімге қоңырау шалсын?', ru: 'Кому позвонит сотрудник?' },
            short: { kk: 'Кімге қоңырау', ru: 'Кому звонить' },
            options: [
              // As people say it: "маме", "ей самой", "анама"; "мне", "на мой", "менің нөмірім".
              {
                id: 'applicant',
                label: { kk: 'Оның өзіне', ru: 'Этому человеку' },
                also: ['ей', 'ему', 'самой', 'самому', 'маме', 'папе', 'бабушке', 'дедушке', 'анама', 'әкеме', 'әжеме', 'атама', 'оған'],
              },
              { id: 'representative', label: { kk: 'Маған', ru: 'Мне' }, also: ['мой', 'мою', 'моему', 'менің', 'маған'] },
            ],
          } as const,
        ]
      : []),
    { id: 'phone', kind: 'phone', label: { kk: 'Қызметкер қоңырау шалатын телефон нөмірі', ru: 'Номер телефона, по которому позвонит сотрудник' }, short: { kk: 'Телефон', ru: 'Телефон' } },
    { id: 'address', kind: 'address', label: { kk: 'Қызметкер қай мекенжайға келеді?', ru: 'По какому адресу придёт сотрудник?' }, short: { kk: 'Мекенжай', ru: 'Адрес' } },
    {
      id: 'needs',
      kind: 'choice',
      label: { kk: 'Қызметкер нені білуі керек?', ru: 'Что важно знать сотруднику?' },
      short: { kk: 'Ерекшеліктер', ru: 'Особенности' },
      options: [
        { id: 'none', label: { kk: 'Ерекше ештеңе жоқ', ru: 'Ничего особенного' }, no: true, also: ['ничего', 'ештеңе'] },
        ...VISIT_NEEDS.map((need) => ({ id: need, label: NEED_LABELS[need] })),
      ],
    },
    {
      id: 'needs_note',
      kind: 'text',
      optional: true,
      maxLength: 300,
      label: {
        kk: 'Қызметкерге тағы не айтасыз? Мысалы: лифт жоқ, аулада ит бар. Айтатын ештеңе болмаса, «Өткізіп жіберу» батырмасын басыңыз.',
        ru: 'Что ещё сказать сотруднику? Например: нет лифта, во дворе собака. Если нечего, нажмите «Пропустить».',
      },
      short: { kk: 'Қосымша', ru: 'Дополнительно' },
    },
    {
      id: 'consent',
      kind: 'consent',
      label: { kk: 'Дербес деректерді өңдеуге келісім', ru: 'Согласие на обработку персональных данных' },
      short: { kk: 'Келісім', ru: 'Согласие' },
      text: {
        kk: 'Қызметкерді шақыру үшін жауаптарыңыз (аты-жөні, ЖСН, телефон, мекенжай) сақталып, өңделеді.',
        ru: 'Чтобы записать выезд, ваши ответы (фамилия, имя, ИИН, телефон, адрес) будут сохранены и обработаны.',
      },
      refusal: {
        kk: 'Келісім болмаса, қызметкерді шақыру мүмкін емес: оған аты-жөні, ЖСН мен мекенжай керек.',
        ru: 'Без согласия записать нельзя: сотруднику нужны фамилия, имя, ИИН и адрес.',
      },
    },
  ];
  return { title: { kk: 'ХҚКО қызметкерінің үйге келуі', ru: 'Выезд сотрудника ЦОН на дом' }, fields };
}

const NEED_LABELS: Record<VisitNeed, { kk: string; ru: string }> = {
  wheelchair: { kk: 'Кресло-арбамен жүреді', ru: 'Передвигается на коляске' },
  hearing: { kk: 'Нашар естиді', ru: 'Плохо слышит' },
  sign_language: { kk: 'Ымдау тілі аудармашысы керек', ru: 'Нужен сурдопереводчик' },
  other: { kk: 'Басқа', ru: 'Другое' },
};

/** What the contact centre stores, from the questionnaire's answers and the chosen window. */
function requestOf(draft: Draft, chosen: FreeWindowOffer, ctx: FlowContext): VisitRequest {
  const answers = draft.answers ?? {};
  const text = (id: string) => (typeof answers[id] === 'string' && answers[id] !== SKIPPED ? (answers[id] as string) : undefined);
  const need = text('needs');
  const note = text('needs_note');
  return {
    date: chosen.date,
    window: chosen.window,
    address: answers.address as AddressAnswer,
    applicant: { name: text('name') ?? '', iin: text('iin') ?? '' },
    ...(draft.forWhom === 'other' ? { actingFor: { name: text('rep_name') ?? '' } } : {}),
    phone: text('phone') ?? '',
    phoneOf: text('phone_of') === 'representative' ? 'representative' : 'applicant',
    serviceId: draft.serviceId ?? '',
    needs: need && need !== 'none' ? [need as VisitNeed] : [],
    ...(note ? { needsNote: note } : {}),
    conversationId: ctx.conversation.id,
    lang: ctx.lang,
  };
}

function regionOf(draft: Draft): string {
  return (draft.answers?.address as AddressAnswer | undefined)?.region ?? '';
}

function notEligibleText(draft: Draft, ctx: FlowContext): string {
  const service = findService(draft.serviceId ?? '');
  const portal = service?.channels.find((c) => c.id === 'egov_portal');
  // Before a service is chosen, the portal is named as the duplicate services' seeds give it.
  const fromHome = portal ? ctx.t('home_visit:portal', { how: portal.text[ctx.lang] }) : service ? undefined : ctx.t('home_visit:portal_any');
  return [ctx.t('home_visit:not_eligible'), ...(fromHome ? [fromHome] : []), ctx.t('home_visit:representative')].join('\n\n');
}

function manageChoices(visit: BookedVisit, ctx: FlowContext, numbered = false): Choice[] {
  const suffix = numbered ? ` ${visit.number.slice(-6)}` : '';
  return [
    { id: `${ID.move}${visit.id}`, label: `${ctx.t('home_visit:choices.move')}${suffix}` },
    { id: `${ID.cancel}${visit.id}`, label: `${ctx.t('home_visit:choices.cancel')}${suffix}` },
  ];
}

function menuChoice(ctx: FlowContext): Choice {
  return { id: ID.menu, label: ctx.t('home_visit:choices.menu') };
}

/** Where a citizen goes when the booking cannot go on: an operator, or the menu. */
function endChoices(ctx: FlowContext, withNew = false): Choice[] {
  return [...(withNew ? [{ id: ID.newVisit, label: ctx.t('home_visit:choices.new') }] : []), operatorChoice(ctx), menuChoice(ctx)];
}
