import type { DataItem } from '../../flows/types';
import type { DescribedSection } from '../../flows/describe';
import type { Conversation, Lang } from '../../store/types';

const WORDS = {
  ru: { web: 'виджет', telegram: 'Telegram', kk: 'казахский', ru: 'русский', topic: 'Вопрос', priority: 'Приоритет в очереди', note: 'Заметка при передаче', none: 'Бот ещё ничего не собрал' },
  kk: { web: 'виджет', telegram: 'Telegram', kk: 'қазақша', ru: 'орысша', topic: 'Сұрақ', priority: 'Кезекте басымдық', note: 'Беру кезіндегі жазба', none: 'Бот әлі ештеңе жинаған жоқ' },
} as const;

/** "Услуга: …", and a question with its answer as "Почему нужен дубликат? — Документ утерян". */
export function phrase({ label, value }: DataItem): string {
  return /[?:]$/.test(label) ? `${label} — ${value}` : `${label}: ${value}`;
}

/**
 * One paragraph for the operator, in the console's language: the channel and language, the topic,
 * what the flows collected (as they describe it), priority and the note of a transfer.
 */
export function summarize(conversation: Conversation, described: readonly DescribedSection[], lang: Lang): string {
  const w = WORDS[lang];
  const parts: string[] = [`${w[conversation.channel]}, ${w[conversation.lang]}`];
  if (conversation.handoff?.topic) parts.push(`${w.topic}: «${conversation.handoff.topic}»`);
  for (const section of described) parts.push(...section.items.map(phrase));
  if (conversation.handoff?.priority) parts.push(w.priority);
  if (conversation.handoff?.note) parts.push(`${w.note}: «${conversation.handoff.note}»`);
  if (parts.length === 1) parts.push(w.none);
  return parts.map((part) => (/[.!?…]$/.test(part) ? part : `${part}.`)).join(' ');
}
