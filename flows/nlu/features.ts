import type { Features } from './bayes';
import { stemKazakh, stemRussian } from './stem';
import type { Vocabulary } from './vocabulary';

/**
 * What the classifiers see of a folded text. Each word is corrected to a known one when mistyped
 * and stemmed; it gives its word, its stem, the pair with the previous stem ("не прин…", "бас
 * тарт…") and, at a lower weight, its letter trigrams, which still match a word nobody corrected.
 *
 * The words that name a service ("аттестат", "жатақхана", "потерял") go to the service classifier
 * only; the intent classifier sees a single "a service is named" feature in their place, so that
 * "сколько стоит дубликат аттестата" is a question because of "сколько стоит", whatever it is about.
 */
const TRIGRAM_WEIGHT = 0.15;
const PAIR_WEIGHT = 0.5;
export const SERVICE_NAMED = 'm:service';

export interface TextFeatures {
  intent: Features;
  service: Features;
}

export interface Word {
  typed: string;
  word: string;
  stem: string;
}

/** Each word corrected (when a vocabulary is given) and stemmed. */
export function wordsOf(typed: readonly string[], vocabulary?: Vocabulary): Word[] {
  return typed.map((t) => {
    const word = vocabulary?.correct(t) ?? t;
    return { typed: t, word, stem: stemOf(word) };
  });
}

/** Of a word's Russian and Kazakh stems, the shorter: each strips too little of the other language's words. */
export function stemOf(word: string): string {
  const russian = stemRussian(word);
  const kazakh = stemKazakh(word);
  return russian.length <= kazakh.length ? russian : kazakh;
}

export function featuresOf(words: readonly Word[], isServiceStem: (stem: string) => boolean): TextFeatures {
  const intent: Features = new Map();
  const service: Features = new Map();
  const add = (features: Features, feature: string, weight: number) => features.set(feature, (features.get(feature) ?? 0) + weight);
  let previousIntent: string | undefined;
  let previousService: string | undefined;
  for (const { typed, word, stem } of words) {
    const named = isServiceStem(stem);
    const target = named ? service : intent;
    add(target, `w:${word}`, 1);
    add(target, `s:${stem}`, 1);
    const previous = named ? previousService : previousIntent;
    if (previous) add(target, `p:${previous}_${stem}`, PAIR_WEIGHT);
    if (named) previousService = stem;
    else previousIntent = stem;
    const padded = `<${typed}>`;
    for (let i = 0; i + 3 <= padded.length; i++) add(target, `c:${padded.slice(i, i + 3)}`, TRIGRAM_WEIGHT);
  }
  if (service.size > 0) intent.set(SERVICE_NAMED, 1);
  return { intent, service };
}
