import type { Conversation, ConversationStatus, Lang, Owner } from '../../store/types';

/** What a list asks of a conversation to tell whether it belongs in it. */
export interface ListedFacts {
  owner: Owner;
  status: ConversationStatus;
  /** The operator who last had it (a closed conversation keeps them). */
  operatorLogin: string | undefined;
}

export function factsOf(conversation: Conversation): ListedFacts {
  return { owner: conversation.owner, status: conversation.status, operatorLogin: conversation.handoff?.operator?.login };
}

interface Entry {
  revision: number;
  /** When the entry was drawn (ms). */
  at: number;
  facts: ListedFacts;
  /** The row as JSON in UTF-8, per console language. */
  json: Partial<Record<Lang, Buffer>>;
}

export interface ListingRowsOptions {
  /** Conversations kept; the oldest drawn goes first. */
  capacity: number;
  /** The longest a row is trusted, even when its stamp says it is current. */
  maxAgeMs: number;
}

/**
 * The rows of the consoles' conversation lists, as JSON in UTF-8 (ready to send: neither encoded nor
 * measured again), kept per conversation revision, so a
 * list whose conversations did not change reads their stamps (`HandoffIndex.revisions`) instead of
 * the conversations, and describes none of them again. A row is used only when the revision it was
 * drawn from is the one stamped now: every instance stamps the changes it stores before telling the
 * consoles, so a change made on another instance is seen at once. `maxAgeMs` bounds how long a row
 * can outlive a stamp that was never written (an instance that stopped between storing a change and
 * stamping it).
 */
export class ListingRows {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly options: ListingRowsOptions = { capacity: 2000, maxAgeMs: 60_000 },
    private readonly now: () => number = Date.now,
  ) {}

  /** The row of `id` in `lang` when it was drawn from `revision` (the stamp read now) and is not too old. */
  get(id: string, revision: number | null, lang: Lang): { facts: ListedFacts; json: Buffer } | undefined {
    if (revision === null) return undefined;
    const entry = this.entries.get(id);
    const json = entry?.json[lang];
    if (!entry || json === undefined || entry.revision !== revision) return undefined;
    if (this.now() - entry.at > this.options.maxAgeMs) {
      this.entries.delete(id);
      return undefined;
    }
    return { facts: entry.facts, json };
  }

  /** Keeps the row drawn from `conversation` (at its revision) in `lang`. */
  put(conversation: Conversation, lang: Lang, json: Buffer): void {
    const entry = this.entries.get(conversation.id);
    if (entry && entry.revision === conversation.revision) {
      entry.json[lang] = json;
      return;
    }
    this.entries.delete(conversation.id);
    this.entries.set(conversation.id, { revision: conversation.revision, at: this.now(), facts: factsOf(conversation), json: { [lang]: json } });
    if (this.entries.size > this.options.capacity) this.entries.delete(this.entries.keys().next().value!);
  }
}
