import { StringIds } from './string-ids';

/** A vocabulary's words with their counts, and its aliases. */
export interface VocabularyState {
  counts: [string, number][];
  aliases: [string, string][];
}

/**
 * The words the phrases use, and the nearest of them to a mistyped word ("атестат" → "аттестат",
 * "жогалтым" → "жогалттым"). Candidates come from a deletion index (each word with one letter left
 * out), so a lookup costs a few map reads instead of a scan of the whole vocabulary. Two letters
 * typed the wrong way round count as one slip ("аышқ" → "ашық").
 */
export class Vocabulary {
  private readonly counts = new Map<string, number>();
  private byDeletion = new DeletionIndex([]);
  /** Forms of known words as they read after a round trip through Latin letters ("цон" typed "tson" reads "тсон"). */
  private readonly aliases = new Map<string, string>();

  constructor(words: Iterable<string>) {
    for (const word of words) this.counts.set(word, (this.counts.get(word) ?? 0) + 1);
    this.indexDeletions();
  }

  /** The words with their counts and the aliases, to be given back to `restore` (model-file.ts). */
  dump(): VocabularyState {
    return { counts: [...this.counts], aliases: [...this.aliases] };
  }

  /** A vocabulary from what `dump` gave. */
  static restore(state: VocabularyState): Vocabulary {
    const vocabulary = new Vocabulary([]);
    for (const [word, count] of state.counts) vocabulary.counts.set(word, count);
    for (const [variant, word] of state.aliases) vocabulary.aliases.set(variant, word);
    vocabulary.indexDeletions();
    return vocabulary;
  }

  private indexDeletions(): void {
    this.byDeletion = new DeletionIndex([...this.counts.keys()].filter((word) => word.length >= MIN_LENGTH - 1));
  }

  /** Teaches that `variant` is how `word` reads when typed another way, unless it is a known word itself. */
  alias(variant: string, word: string): void {
    if (variant !== word && !this.counts.has(variant) && !this.aliases.has(variant)) this.aliases.set(variant, word);
  }

  /** The known words. */
  words(): string[] {
    return [...this.counts.keys()];
  }

  has(word: string): boolean {
    return this.counts.has(word);
  }

  /**
   * The known words that make up an unknown one typed without spaces ("дипломутерян",
   * "колледжкакпоступить"), or undefined. Each part has three letters at least, or is a question
   * particle ("дайынба") or, inside, a short preposition ("справкаонезаконченном"); of the ways to
   * cut, the one in fewest parts, and among those the one whose rarest part the phrases use most.
   */
  split(word: string): string[] | undefined {
    if (word.length < 5 || /\d/.test(word)) return undefined;
    // best[i]: the best cut of the first i letters, as its parts and how often its rarest part is used.
    const best: ({ parts: string[]; rarest: number } | undefined)[] = [{ parts: [], rarest: Number.POSITIVE_INFINITY }];
    for (let end = 1; end <= word.length; end++) {
      for (let start = Math.max(0, end - MAX_PART_LENGTH); start < end; start++) {
        const before = best[start];
        if (!before || before.parts.length >= MAX_PARTS) continue;
        const part = word.slice(start, end);
        if (part.length < 3 && !(start > 0 && (PARTICLES.has(part) || (end < word.length && PREPOSITIONS.has(part))))) continue;
        const count = this.counts.get(part) ?? 0;
        if (count === 0) continue;
        const cut = { parts: [...before.parts, part], rarest: Math.min(before.rarest, count) };
        const current = best[end];
        if (!current || cut.parts.length < current.parts.length || (cut.parts.length === current.parts.length && cut.rarest > current.rarest)) best[end] = cut;
      }
    }
    const whole = best[word.length];
    return whole && whole.parts.length > 1 ? whole.parts : undefined;
  }

  /** The known word itself, the nearest known word within the allowed distance, or undefined. */
  correct(word: string): string | undefined {
    if (this.counts.has(word)) return word;
    const aliased = this.aliases.get(word);
    if (aliased) return aliased;
    if (word.length < MIN_LENGTH || /\d/.test(word)) return undefined;
    const allowed = word.length >= 7 ? 2 : 1;
    let best: string | undefined;
    let bestScore = Number.POSITIVE_INFINITY;
    for (const key of [word, ...deletions(word)]) {
      const candidates = this.byDeletion.wordsFor(key);
      for (const candidate of candidates.length > 0 ? candidates : this.counts.has(key) ? [key] : []) {
        if (Math.abs(candidate.length - word.length) > allowed) continue;
        const d = slips(word, candidate);
        if (d > allowed) continue;
        // Nearer first; among equals, the word the phrases use more often.
        const score = d - (this.counts.get(candidate) ?? 0) / 1000;
        if (score < bestScore) {
          bestScore = score;
          best = candidate;
        }
      }
    }
    return best;
  }
}

/** Kazakh question particles, written after a word but often typed onto it ("дайынба", "бар ма"). */
const PARTICLES = new Set(['ба', 'бе', 'ма', 'ме', 'па', 'пе']);
/** Prepositions short enough to need leave to be a part of a word typed without spaces, inside it only. */
const PREPOSITIONS = new Set(['в', 'во', 'о', 'об', 'на', 'по', 'с', 'со', 'к', 'у', 'из', 'за', 'до']);
/** A word typed without spaces is cut into this many known words at most, each at most this long. */
const MAX_PARTS = 4;
const MAX_PART_LENGTH = 24;

/** Words shorter than this are left as typed: one letter changes too much of them. */
const MIN_LENGTH = 4;

/** The edit distance with a swap of two neighbouring letters counted as one edit (optimal string alignment). */
export function slips(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = d;
    }
  }
  return rows[a.length]![b.length]!;
}

/**
 * Each word under every form of it with one letter left out ("атестат" under "аттестат"), in typed
 * arrays (string-ids.ts): the keys are some seven times as many as the words.
 */
class DeletionIndex {
  private readonly keys = new StringIds();
  /** Where each key's words start in `wordIds`; the next key's start is its end. */
  private readonly starts: Int32Array;
  private readonly wordIds: Int32Array;

  constructor(private readonly words: readonly string[]) {
    // Each (key, word) pair as met, then laid out key by key.
    const keyIds: number[] = [];
    const wordIdsMet: number[] = [];
    const perKey: number[] = [];
    words.forEach((word, wordId) => {
      for (const key of deletions(word)) {
        const id = this.keys.add(key);
        keyIds.push(id);
        wordIdsMet.push(wordId);
        perKey[id] = (perKey[id] ?? 0) + 1;
      }
    });
    this.starts = new Int32Array(this.keys.size + 1);
    for (let id = 0; id < this.keys.size; id++) this.starts[id + 1] = this.starts[id]! + perKey[id]!;
    this.wordIds = new Int32Array(keyIds.length);
    const filled = this.starts.slice(0, -1);
    keyIds.forEach((key, at) => {
      this.wordIds[filled[key]!++] = wordIdsMet[at]!;
    });
  }

  /** The words that give this key with one letter left out. */
  wordsFor(key: string): string[] {
    const id = this.keys.get(key);
    if (id === undefined) return [];
    const found: string[] = [];
    for (let at = this.starts[id]!; at < this.starts[id + 1]!; at++) found.push(this.words[this.wordIds[at]!]!);
    return found;
  }
}

function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}
