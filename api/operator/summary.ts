import { findService } from '../../flows/catalog';
import type { Conversation, Lang } from '../../store/types';

interface ChecklistData {
  serviceId?: string;
  answers?: Record<string, string>;
  ticked?: string[];
}

const WORDS = {
  ru: { web: 'виджет', telegram: 'Telegram', kk: 'казахский', ru: 'русский', topic: 'Вопрос', service: 'Услуга', answers: 'Ответы', ticked: 'Документы готовы', form: 'Заполнено заявление', mobility: 'Ограниченная подвижность: приоритет', rating: 'Оценка', note: 'Заметка при передаче', none: 'Бот ещё ничего не собрал' },
  kk: { web: 'виджет', telegram: 'Telegram', kk: 'қазақша', ru: 'орысша', topic: 'Сұрақ', service: 'Қызмет', answers: 'Жауаптар', ticked: 'Дайын құжаттар', form: 'Өтініш толтырылды', mobility: 'Қозғалысы шектеулі: басымдық', rating: 'Баға', note: 'Беру кезіндегі жазба', none: 'Бот әлі ештеңе жинаған жоқ' },
} as const;

/**
 * One paragraph for the operator, in the console's language, from what the flows collected: the
 * channel and language, the topic, the service with the answers given, the checklist progress,
 * a filled form, priority and a rating.
 */
export function summarize(conversation: Conversation, lang: Lang): string {
  const w = WORDS[lang];
  const parts: string[] = [`${w[conversation.channel]}, ${w[conversation.lang]}`];
  if (conversation.handoff?.topic) parts.push(`${w.topic}: «${conversation.handoff.topic}»`);
  const checklist = conversation.data.checklist as ChecklistData | undefined;
  const service = checklist?.serviceId ? findService(checklist.serviceId) : undefined;
  if (service) {
    parts.push(`${w.service}: ${service.title[lang]}`);
    const answers = Object.entries(checklist?.answers ?? {}).flatMap(([questionId, optionId]) => {
      const question = service.questions.find((q) => q.id === questionId);
      const option = question?.options.find((o) => o.id === optionId);
      return option ? [option.label[lang]] : [];
    });
    if (answers.length) parts.push(`${w.answers}: ${answers.join(', ')}`);
    if (checklist?.ticked?.length) parts.push(`${w.ticked}: ${checklist.ticked.length}`);
  }
  if (conversation.data.forms && Object.keys(conversation.data.forms as object).length) parts.push(w.form);
  if (conversation.handoff?.priority) parts.push(w.mobility);
  if (conversation.handoff?.note) parts.push(`${w.note}: «${conversation.handoff.note}»`);
  const rating = conversation.data.rating as { score?: number } | undefined;
  if (rating?.score) parts.push(`${w.rating}: ${rating.score}/5`);
  if (parts.length === 1) parts.push(w.none);
  return `${parts.join('. ')}.`;
}
