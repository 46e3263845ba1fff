import type { OpeningHours } from '../domain/hours';
import type { Translate } from '../locales/i18n';
import type { QuestionTopic } from './nlu';
import type { Conversation, FlowState, Lang } from '../store/types';

/** A file the citizen sent: the channel's id for it, its name, MIME type and size in bytes. */
export interface SentFile {
  id: string;
  name: string;
  mime: string;
  size: number;
}

/** What a citizen did: typed text, pressed a button (choice id) or sent a file. */
export type FlowEvent = { type: 'text'; text: string } | { type: 'choice'; id: string } | { type: 'file'; file: SentFile };

export interface Choice {
  id: string;
  label: string;
  /** A plain "да" / "иә" typed means this button, though its label does not start so ("Подать жалобу", "✅ Всё верно"). */
  yes?: true;
  /** A plain "нет" / "жоқ" typed means this button, though its label does not start so ("Ничего особенного"). */
  no?: true;
  /** Words a citizen types for this button besides its label's ("цон" for "В Госкорпорации (ЦОН)", "мама" for "Родитель…"). */
  also?: readonly string[];
}

/**
 * A button labelled in the conversation's language that a citizen may also name in the other one:
 * "мектепке барамыз" typed in a Russian conversation means "В канцелярии школы" as it means
 * "Мектеп кеңсесінде" in a Kazakh one.
 *
 * @example
 * localizedChoice('ans:channel:provider_office', { kk: 'Мектеп кеңсесінде', ru: 'В канцелярии школы' }, 'ru');
 * // { id: 'ans:channel:provider_office', label: 'В канцелярии школы', also: ['Мектеп кеңсесінде'] }
 */
export function localizedChoice(id: string, label: Readonly<Record<Lang, string>>, lang: Lang, { also = [], mark = '', no }: { also?: readonly string[]; mark?: string; no?: true } = {}): Choice {
  return { id, label: `${mark}${label[lang]}`, also: [...also, label[lang === 'kk' ? 'ru' : 'kk']], ...(no ? { no } : {}) };
}

/** A text key's text in both languages. */
export type InBoth = (key: string) => Readonly<Record<Lang, string>>;

/**
 * A button labelled by a text key, which a citizen may name in either language ("басқа адам үшін" for "Для другого
 * человека"), as {@link localizedChoice} labels one from the catalog.
 *
 * @example
 * textChoice('hv:other', 'home_visit:choices.other', ctx, { also: ['мама'] });
 */
export function textChoice(id: string, key: string, ctx: Pick<FlowContext, 'lang' | 'both'>, extra: { also?: readonly string[]; no?: true } = {}): Choice {
  return localizedChoice(id, ctx.both(key), ctx.lang, extra);
}

/** The button to the 1414 operator, from any step: the engine takes it wherever it is pressed. */
export function operatorChoice(ctx: Pick<FlowContext, 't'>): Choice {
  return { id: 'menu:operator', label: ctx.t('menu:choices.operator') };
}

/** The longest a button's id may be, in bytes: it travels as Telegram's callback data, which holds 64. */
export const MAX_CHOICE_ID_BYTES = 64;

/**
 * A file sent with a reply: a filled application form. The channel turns it into what it can
 * deliver (Telegram: the PDF as a document; widget: a signed download link).
 */
export interface Attachment {
  kind: 'form';
  formId: string;
  fileName: string;
}

export interface Reply {
  text: string;
  choices?: Choice[];
  from?: 'bot' | 'system' | 'operator';
  /** The first name of the operator who wrote it (operator replies only). */
  author?: string;
  attachment?: Attachment;
  /** An updated version of the message whose button was pressed (Telegram edits that message in place). */
  replace?: boolean;
  /** The reply's number in the transcript, set by the engine when it is stored. */
  seq?: number;
  /** What the transcript (and so operators and a reloaded widget) keeps instead of `text`: the text with personal data masked. */
  transcriptText?: string;
  /** The longest answer the question takes, for a channel that can show a counter while the citizen types. */
  inputLimit?: number;
  /** The question waits for a typed answer (a name, an IIN, a number, a street): its buttons, if any, only skip, go back or leave. */
  typedAnswer?: true;
  /** The same list as `text` in parts, for a channel that can show it as checkboxes (the widget). */
  checklist?: ChecklistView;
}

/** A list of documents to tick: each item's checkbox is the choice `choiceId`. */
export interface ChecklistView {
  title: string;
  items: { choiceId: string; text: string; notes: string[]; done: boolean }[];
}

/** A side effect a step asks for; the engine runs it (idempotently) before anything is told as done. */
export interface Effect {
  type: string;
  /**
   * What the effect is about, within the conversation (the booking being confirmed): the same key
   * applies once, also for a double tap handled by two instances. Without it, the inbound event
   * keys the effect, so a retried turn or a redelivered update applies it once.
   */
  key?: string;
  [key: string]: unknown;
}

/**
 * How an effect the step waited for went: its handler's result (a booking number, a looked-up
 * record), or a refusal or failure by code (`slot_full`, `failed`), for the flow to put in words.
 */
export type EffectOutcome = { ok: true; value: unknown } | { ok: false; code: string };

/** An effect's outcome as its flow receives it, in the same turn that asked for it. */
export interface EffectResult {
  effect: Effect;
  outcome: EffectOutcome;
}

/** Whether a citizen who asks for an operator can be served now. */
export interface Availability {
  /** Within the contact centre's hours (and not a day off). */
  open: boolean;
  /** Operators online now. */
  operatorsOnline: number;
  /** The contact centre's hours, to tell the citizen when it is closed. */
  hours: OpeningHours;
}

export interface FlowContext {
  lang: Lang;
  t: Translate;
  /** A text in both languages: the label of a button a citizen may name in either (see {@link textChoice}). */
  both: InBoth;
  now: Date;
  conversation: Readonly<Conversation>;
  availability: Availability;
}

const CLOSED: Availability = { open: false, operatorsOnline: 0, hours: [] };

/**
 * A step's context as the engine builds it. A class, since an object literal with a getter is built
 * through V8's runtime (about 0.45 µs against 0.03 µs), and a turn builds one to three. The centre's
 * availability is worked out only by the steps that read it (asking for an operator), not on every
 * turn; a copy made with spread syntax would lose it, so a step that changes the conversation before
 * its prompt uses `withConversation`.
 */
export class StepContext implements FlowContext {
  constructor(
    readonly lang: Lang,
    readonly t: Translate,
    readonly both: InBoth,
    readonly now: Date,
    readonly conversation: Readonly<Conversation>,
    private readonly availabilityNow: (() => Availability) | undefined,
  ) {}

  get availability(): Availability {
    return this.availabilityNow?.() ?? CLOSED;
  }
}

/** A step's context for the conversation as the step changed it; the availability is still worked out only when read. */
export function withConversation(ctx: FlowContext, conversation: Readonly<Conversation>): FlowContext {
  return new StepContext(ctx.lang, ctx.t, ctx.both, ctx.now, conversation, () => ctx.availability);
}

/** The language an operator reads collected data in. */
export type DescribeContext = Pick<FlowContext, 'lang' | 't'>;

/** One thing a flow collected, in words: `{ label: 'Услуга', value: 'Выдача дубликата аттестата' }`. */
export interface DataItem {
  label: string;
  value: string;
}

/** What one flow collected, under its title (e.g. the checklist, the rating). */
export interface DataSection {
  title: string;
  items: DataItem[];
}

/**
 * A change of who may speak that a step asks for: join the operator queue (the bot falls silent
 * from then on), or leave it and return to the bot.
 */
export type HandoffRequest = { action: 'enqueue'; topic?: string; priority: number; resume?: FlowState } | { action: 'cancel' };

/** A step's answer: replies, and either the next state of the conversation or a jump to another flow. */
export type StepResult = {
  replies: Reply[];
  /** Run before the new state is stored; a failure leaves the conversation as it was and the question is asked again. */
  effects?: Effect[];
  /**
   * Run, then hand its outcome to the flow's `onEffect` on the state this result leads to, in the
   * same turn: the step that writes a record tells the citizen its number, or why not.
   */
  await?: Effect;
  /** Merged into the conversation's collected data (what operators see). */
  data?: Record<string, unknown>;
  /** Forget everything the conversation collected (before `data` is merged): the citizen asked to delete their data. */
  eraseData?: true;
  handoff?: HandoffRequest;
  /** The step did not understand the citizen; after two in a row the engine offers an operator. */
  notUnderstood?: boolean;
  /** What the transcript keeps of the citizen's message instead of the text (masked personal data). */
  transcriptText?: string;
} & (
  | { state: FlowState }
  | { goto: { flow: string; params?: Record<string, unknown> } }
  /** Back to a step the citizen was at earlier (in any flow), with that step's question again. */
  | { resume: FlowState }
);

/** Choices a citizen waiting in the operator queue may still press (leave the queue, keep waiting). */
export const QUEUE_CONTROL_PREFIX = 'queue:';

/**
 * A citizen journey as an explicit state machine. Pure: no I/O, no clock other than `ctx.now`,
 * so every step is testable without a channel or a store.
 */
export interface Flow {
  id: string;
  version: number;
  start(ctx: FlowContext, params?: Record<string, unknown>): StepResult;
  handle(state: FlowState, event: FlowEvent, ctx: FlowContext): StepResult;
  /** The current step's question again (after a language switch, a hand-back or a reconnect). */
  prompt(state: FlowState, ctx: FlowContext): Reply[];
  /** Answers to this flow belong to a closed conversation (the rating after close) and do not reopen it. */
  keepsClosed?: boolean;
  /**
   * What this flow collected in the conversation's data, for operators, in the reader's language:
   * services, questions, options, documents and forms named in words, never by id. The flow reads
   * its own namespace of `data` (and any key it wrote before it had one); undefined or no items
   * when it collected nothing.
   */
  describe?(data: Readonly<Record<string, unknown>>, ctx: DescribeContext): DataSection | undefined;
  /**
   * The service the citizen is dealing with at this step, with their answers so far: a question
   * typed in the middle of the journey ("сколько стоит?") is answered about it.
   */
  subject?(state: FlowState): FlowSubject | undefined;
  /**
   * The answer to a question typed at one of its steps about the flow's own matter, before any
   * about its service: "сколько ждать ответа?" in a complaint is the complaint's term, not the
   * service's. Undefined leaves the question to the service's answers.
   *
   * @example
   * complaint.answer?.(state, 'term', ctx); // [{ text: 'На жалобу должны ответить за 5 рабочих дней…' }]
   */
  answer?(state: FlowState, topic: QuestionTopic, ctx: FlowContext): Reply[] | undefined;
  /** The effect types this flow asks for; the engine refuses to start without a handler for each. */
  effects?: readonly string[];
  /**
   * Continues a step that returned `await`, with the effect's outcome. Pure, like `handle`.
   *
   * @example
   * onEffect(state, { outcome }, ctx) {
   *   if (!outcome.ok) return { replies: [{ text: ctx.t(`visit:errors.${outcome.code}`) }, ...flow.prompt(state, ctx)], state };
   *   return { replies: [{ text: ctx.t('visit:booked', { number: (outcome.value as Booking).number }) }], state: stateOf(flow, 'booked') };
   * }
   */
  onEffect?(state: FlowState, result: EffectResult, ctx: FlowContext): StepResult;
}

/** What a journey is about at a step: a service of the catalog and the answers that personalise it. */
export interface FlowSubject {
  serviceId: string;
  answers: Readonly<Record<string, string>>;
}

export function stateOf(flow: Pick<Flow, 'id' | 'version'>, step: string, data: Record<string, unknown> = {}): FlowState {
  return { flow: flow.id, v: flow.version, step, data };
}
