import { catalog, findService } from '../../flows/catalog';
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
  const topic = topicIn(conversation, lang);
  if (topic) parts.push(`${w.topic}: «${topic}»`);
  for (const section of described) parts.push(...section.items.map(phrase));
  if (conversation.handoff?.priority) parts.push(w.priority);
  if (conversation.handoff?.note) parts.push(`${w.note}: «${conversation.handoff.note}»`);
  if (parts.length === 1) parts.push(w.none);
  return parts.map((part) => (/[.!?…]$/.test(part) ? part : `${part}.`)).join(' ');
}

/** The longest title a list row shows; the rest of the citizen's words are in the transcript. */
const TITLE_LENGTH = 80;

/**
 * The topic the citizen gave when asking for an operator, in the console's language when it is a
 * service's title (the bot fills it with the service the citizen was looking at, in their language).
 */
function topicIn(conversation: Conversation, lang: Lang): string | undefined {
  const topic = conversation.handoff?.topic;
  if (!topic) return undefined;
  return serviceTitleOf(topic)?.[lang] ?? topic;
}

/** The service whose title (in either language) a topic is: the bot fills the topic so, in the citizen's language. */
export function serviceTitleOf(topic: string): { kk: string; ru: string } | undefined {
  const service = catalog.find((s) => s.title.kk === topic || s.title.ru === topic);
  return service ? { ...service.title } : undefined;
}

/** The service a conversation is about, as any flow collected it (`data.<flow>.serviceId`). */
function serviceOf(conversation: Conversation): string | undefined {
  for (const section of Object.values(conversation.data)) {
    const id = section && typeof section === 'object' ? (section as { serviceId?: unknown }).serviceId : undefined;
    if (typeof id === 'string' && findService(id)) return id;
  }
  return undefined;
}

/**
 * What a conversation is called in the console, in its language: the topic the citizen gave, else
 * the service the journey is about, else the citizen's first words (a button pressed is not words),
 * and only when there is none of these, undefined.
 */
export function conversationTitle(conversation: Conversation, lang: Lang, firstWords?: string): string | undefined {
  const topic = topicIn(conversation, lang);
  if (topic) return topic;
  const serviceId = serviceOf(conversation);
  if (serviceId) return findService(serviceId)!.shortTitle[lang];
  const words = firstWords?.trim().replace(/\s+/g, ' ');
  if (!words) return undefined;
  return words.length > TITLE_LENGTH ? `${words.slice(0, TITLE_LENGTH - 1)}…` : words;
}

/** The citizen's first typed words in a transcript: not a button (shown as "[label]"), not a file. */
export function firstWordsIn(transcript: readonly { from: string; text: string }[]): string | undefined {
  return transcript.find((e) => e.from === 'citizen' && !/^\[.*\]$/s.test(e.text.trim()) && e.text.trim() !== '/start')?.text;
}
