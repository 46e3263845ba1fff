import { COMPLAINT_AGAINST, type ComplaintAgainst } from '../../domain/complaint';
import { SERVICE_IDS, type ServiceId } from '../catalog/schema';
import type { Intent, QuestionTopic } from './index';
import type { IntentPhrases } from './phrase-types';
import { AMBIGUOUS_GROUPS } from './phrases/ambiguous';
import { checklistPhrases } from './phrases/checklist';
import { complaintPhrases } from './phrases/complaint';
import { greetingPhrases } from './phrases/greeting';
import { homeVisitPhrases } from './phrases/home-visit';
import { languagePhrases } from './phrases/language';
import { menuPhrases } from './phrases/menu';
import { operatorPhrases } from './phrases/operator';
import { questionPhrases } from './phrases/question';
import { statusPhrases } from './phrases/status';
import { thanksPhrases } from './phrases/thanks';
import { unknownPhrases } from './phrases/unknown';
import { SERVICE_PHRASES } from './service-phrases';

/** One training message with what it means. */
export interface Example {
  text: string;
  intent: Intent;
  /** The services it names: one, or a whole ambiguous group, or none. */
  services: ServiceId[];
  /** A service's own phrase (not an intent's phrase with a service's name put in). */
  fromServiceFile?: boolean;
  /** One of a service's names. */
  isName?: boolean;
  topic?: QuestionTopic;
  against?: ComplaintAgainst | 'general';
}

const LANGS = ['kk', 'ru'] as const;

/** How many services' names fill each `{s}` phrase (besides the phrase with the slot left empty). */
const NAMES_PER_SLOT = 2;

/**
 * Every example the classifiers learn from, built from the phrase files. A phrase with `{s}` is
 * learned without a name and with the names of a few services in turn, so that the words around the
 * name, not the name, tell its intent.
 */
export function trainingExamples(): Example[] {
  const examples: Example[] = [];
  let turn = 0;
  const expand = (phrases: IntentPhrases, meaning: Omit<Example, 'text' | 'services'>, names = NAMES_PER_SLOT, needsName = false) => {
    for (const lang of LANGS) {
      for (const phrase of phrases[lang]) {
        if (!phrase.includes('{s}')) {
          examples.push({ text: phrase, services: [], ...meaning });
          continue;
        }
        if (!needsName) examples.push({ text: phrase.replace('{s}', ' ').trim(), services: [], ...meaning });
        for (let n = 0; n < names; n++) {
          const serviceId = SERVICE_IDS[turn % SERVICE_IDS.length]!;
          const names = SERVICE_PHRASES[serviceId].names[lang];
          const name = names[Math.floor(turn / SERVICE_IDS.length) % names.length]!;
          turn += 1;
          examples.push({ text: phrase.replace('{s}', name), services: [serviceId], ...meaning });
        }
      }
    }
  };

  for (const serviceId of SERVICE_IDS) {
    const { names, requests } = SERVICE_PHRASES[serviceId];
    for (const lang of LANGS) {
      for (const text of names[lang]) examples.push({ text, intent: 'checklist', services: [serviceId], fromServiceFile: true, isName: true });
      for (const text of requests[lang]) examples.push({ text, intent: 'checklist', services: [serviceId], fromServiceFile: true });
    }
    for (const { text, intent, topic, against } of SERVICE_PHRASES[serviceId].about ?? []) {
      examples.push({ text, intent, services: [serviceId], ...(topic ? { topic } : {}), ...(intent === 'complaint' ? { against: against ?? 'general' } : {}) });
    }
  }
  for (const group of AMBIGUOUS_GROUPS) for (const lang of LANGS) for (const text of group.phrases[lang]) examples.push({ text, intent: 'checklist', services: group.services, fromServiceFile: true });
  // "что делать" alone is no request for a checklist: those phrases are learned with a name only.
  expand(checklistPhrases, { intent: 'checklist' }, 3, true);
  expand(homeVisitPhrases, { intent: 'home_visit' });
  expand(statusPhrases, { intent: 'status' });
  expand(operatorPhrases, { intent: 'operator' });
  expand(languagePhrases, { intent: 'language' });
  expand(greetingPhrases, { intent: 'greeting' });
  expand(thanksPhrases, { intent: 'thanks' });
  expand(menuPhrases, { intent: 'menu' });
  expand(unknownPhrases, { intent: 'unknown' });
  for (const against of [...COMPLAINT_AGAINST, 'general'] as const) expand(complaintPhrases[against], { intent: 'complaint', against });
  for (const [topic, phrases] of Object.entries(questionPhrases) as [QuestionTopic, IntentPhrases][]) expand(phrases, { intent: 'question', topic });
  return examples;
}
