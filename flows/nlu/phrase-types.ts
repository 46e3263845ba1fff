/** How citizens name a service and ask for it, in each language (DESIGN.md: one file per service beside its catalog entry). */
export interface ServicePhrases {
  /** Short names of what they want ("дубликат аттестата", "аттестат"): put into the intent phrases' `{s}`. */
  names: { kk: string[]; ru: string[] };
  /** Whole messages asking for the service (what to bring, how to get it). */
  requests: { kk: string[]; ru: string[] };
}

/** Examples of one intent; `{s}` in a phrase stands for a service's name. */
export interface IntentPhrases {
  kk: string[];
  ru: string[];
}
