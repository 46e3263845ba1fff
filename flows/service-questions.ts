import { findService, type Service } from './catalog';
import { answerWords, SELF_WORDS } from './catalog/answer-words';
import { documentsFor, type Answers } from './catalog/personalise';
import { CHANNEL_IDS } from './catalog/schema';
import { matchChoiceByWords } from './nlu/choice-match';
import { applicantsText, type DetailTopic, detailSections } from './checklist';
import type { QuestionTopic } from './nlu';
import type { FlowContext, FlowSubject, Reply } from './types';
import { operatorChoice } from './types';

/** What a question asks: a point the classifier tells, or who may get the service, which a rule tells (flows/nlu/rules.ts). */
export type AnswerTopic = QuestionTopic | 'applicants';

/** The details' sections that answer each kind of question; the first that the service has is shown. */
const SECTIONS: Partial<Record<AnswerTopic, DetailTopic[]>> = {
  fee: ['fee'],
  term: ['term'],
  channels: ['channels'],
  result: ['result', 'collect'],
  refusal: ['refusal'],
};

/**
 * The answer to a question typed in the middle of a journey ("сколько стоит?", "через ЦОН
 * можно?"), from the catalog entry of the service the citizen is dealing with and their answers so
 * far. Where the catalog holds nothing on the question, it says so and offers the operator.
 *
 * @example
 * answerQuestion({ serviceId: 'dormitory', answers: {} }, 'fee', ctx); // [{ text: 'Сколько стоит\nБесплатно.' }]
 */
export function answerQuestion(subject: FlowSubject, topic: AnswerTopic, ctx: FlowContext): Reply[] {
  const service = findService(subject.serviceId);
  if (!service) return [unknownAnswer(ctx)];
  const answers = subject.answers as Answers;
  const sections = SECTIONS[topic];
  if (sections) {
    const found = detailSections(service, answers, ctx).filter((section) => sections.includes(section.topic));
    return found.length ? [{ text: found.map((section) => section.text).join('\n\n') }] : [unknownAnswer(ctx)];
  }
  if (topic === 'applicants') return [{ text: applicantsText(service, ctx) }];
  if (topic === 'hours') return [service.workingHours.length ? { text: hoursText(service, ctx) } : unknownAnswer(ctx)];
  if (topic === 'documents') return [{ text: documentsText(service, answers, ctx) }];
  return [{ text: ctx.t('understanding:answers.missing_document', { title: service.shortTitle[ctx.lang] }), choices: [operatorChoice(ctx)] }];
}

function hoursText(service: Service, { lang, t }: FlowContext): string {
  return `${t('understanding:answers.hours')}\n${service.workingHours.map((f) => `• ${f.text[lang]}`).join('\n')}`;
}

function documentsText(service: Service, answers: Answers, { lang, t }: FlowContext): string {
  const documents = documentsFor(service, answers);
  return `${t('understanding:answers.documents', { title: service.shortTitle[lang] })}\n${documents.map((d, i) => `${i + 1}. ${d.text[lang]}`).join('\n')}`;
}

function unknownAnswer(ctx: FlowContext): Reply {
  return { text: ctx.t('understanding:answers.not_in_rules'), choices: [operatorChoice(ctx)] };
}

/** Words of a channel that also say "myself" ("лично"): at another question they answer who, not how. */
const SELF = new Set([...SELF_WORDS.ru, ...SELF_WORDS.kk]);

/** A way of handing in documents in the words citizens type for it ("через цон", "онлайн", "в канцелярию"), one per channel. */
const CHANNEL_WORDS = CHANNEL_IDS.flatMap((id) => {
  const also = answerWords('channel', id).filter((phrase) => !phrase.split(' ').some((word) => SELF.has(word)));
  return also.length ? [{ id, label: '', also }] : [];
});

/** Whether a short text names a way of handing in the documents: where the journey does not ask it, it asks where and how to apply. */
export function namesChannel(text: string): boolean {
  return matchChoiceByWords(text, CHANNEL_WORDS) !== undefined;
}
