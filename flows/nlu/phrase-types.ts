import type { ComplaintAgainst } from '../../domain/complaint';
import type { Intent, QuestionTopic } from './index';

/** A message about a service that is not a request for it: a question, a complaint, a status question, a home visit. */
export interface AboutPhrase {
  text: string;
  intent: Exclude<Intent, 'checklist' | 'unknown'>;
  topic?: QuestionTopic;
  against?: ComplaintAgainst;
}

/** How citizens name a service and ask for it, in each language (DESIGN.md: one file per service beside its catalog entry). */
export interface ServicePhrases {
  /** Short names of what they want ("дубликат аттестата", "аттестат"): put into the intent phrases' `{s}`. */
  names: { kk: string[]; ru: string[] };
  /** Whole messages asking for the service (what to bring, how to get it). */
  requests: { kk: string[]; ru: string[] };
  /** Other messages about the service, with what they mean. */
  about?: AboutPhrase[];
}

/** Examples of one intent; `{s}` in a phrase stands for a service's name. */
export interface IntentPhrases {
  kk: string[];
  ru: string[];
}
