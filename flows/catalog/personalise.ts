import type { AfterHoursRule, ChannelId, Condition, DocumentItem, Question, Service, Term } from './schema';

/** What the citizen answered so far: question id → option id; `channel` holds the chosen ChannelId. */
export type Answers = Readonly<Record<string, string>>;

/** The options chosen for a question: one, or several joined by commas for a multiple-choice question. */
export function chosenOptions(answer: string | undefined): string[] {
  return answer ? answer.split(',') : [];
}

/** True when every question named in the condition has one of the listed answers (any of them, for a multiple choice). */
export function conditionHolds(when: Condition, answers: Answers): boolean {
  return Object.entries(when).every(([questionId, accepted]) => chosenOptions(answers[questionId]).some((answer) => accepted.includes(answer)));
}

/** The questions that matter for this citizen, in order, given what they answered so far. */
export function applicableQuestions(service: Service, answers: Answers): Question[] {
  return service.questions.filter((q) => !q.appliesWhen || conditionHolds(q.appliesWhen, answers));
}

/**
 * The questions that may still matter: those whose condition holds, or waits on a question not answered yet ("who
 * applies" is asked for the paper channels, so it may matter before the channel is chosen).
 */
export function possibleQuestions(service: Service, answers: Answers): Question[] {
  const mayHold = (when: Condition) => Object.entries(when).every(([questionId, accepted]) => answers[questionId] === undefined || conditionHolds({ [questionId]: accepted }, answers));
  return service.questions.filter((q) => !q.appliesWhen || mayHold(q.appliesWhen));
}

/** The next question still to ask, or undefined when the checklist can be built. */
export function nextQuestion(service: Service, answers: Answers): Question | undefined {
  return applicableQuestions(service, answers).find((q) => answers[q.id] === undefined);
}

function offeredOn(channels: readonly ChannelId[] | undefined, answers: Answers): boolean {
  const channel = answers.channel as ChannelId | undefined;
  return !channels || channel === undefined || channels.includes(channel);
}

/** The documents this citizen must bring: those for their channel whose condition holds. */
export function documentsFor(service: Service, answers: Answers): DocumentItem[] {
  return service.documents.filter((d) => offeredOn(d.channels, answers) && (d.required === 'always' || conditionHolds(d.condition!.when, answers)));
}

/**
 * The terms that apply on the citizen's channel and to their answers. A term whose condition the
 * citizen has not answered yet is kept: both terms are shown until the answer tells which one holds.
 */
export function termsFor(service: Service, answers: Answers): Term[] {
  const asked = (when: Condition) => Object.keys(when).every((questionId) => answers[questionId] !== undefined);
  const holds = (t: Term) => !t.when || t.when.some((when) => !asked(when) || conditionHolds(when, answers));
  return [service.term, ...service.otherTerms].filter((t) => offeredOn(t.channels, answers) && holds(t));
}

/** The after-hours rule as it applies on the citizen's channel. */
export interface AfterHoursOnChannel {
  readonly rule: AfterHoursRule;
  /** The end of the working day there, 'HH:MM' Asia/Almaty; undefined: only days off move the registration. */
  readonly closesAt?: string;
}

/**
 * The after-hours rule on the citizen's channel; undefined when the service has none or it does not
 * cover that channel. Before a channel is chosen, the rule applies only if it covers every channel
 * of the service, and a closing time only if every channel has the same one.
 */
export function afterHoursFor(service: Service, answers: Answers): AfterHoursOnChannel | undefined {
  const rule = service.afterHours;
  if (!rule) return undefined;
  const covered = rule.channels ?? service.channels.map((c) => c.id);
  const closingTime = (channel: ChannelId) => rule.closingTimes.find((c) => c.channels.includes(channel))?.closesAt;
  const channel = answers.channel as ChannelId | undefined;
  const channels = channel !== undefined ? [channel] : service.channels.map((c) => c.id);
  if (!channels.every((c) => covered.includes(c))) return undefined;
  const times = new Set(channels.map(closingTime));
  const [closesAt] = times;
  return times.size === 1 && closesAt !== undefined ? { rule, closesAt } : { rule };
}
