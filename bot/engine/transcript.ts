import type { Choice, Reply } from '../../flows/types';
import type { Conversation, TranscriptEntry } from '../../store/types';
import { copyWith } from '../../domain/copy-with';

/** Inbound event ids a conversation remembers, to handle a redelivered one once. */
const HANDLED_KEPT = 50;

/** A reply as the transcript keeps it: who said it, what, and the file it carried. */
export function entryOf(reply: Reply, at: string, seq?: number): TranscriptEntry {
  // Built field by field: every turn writes a few, and spreading optional parts in allocates an object for each.
  const entry: TranscriptEntry = { from: reply.from ?? 'bot', text: reply.transcriptText ?? reply.text, at };
  if (reply.author) entry.author = reply.author;
  if (reply.attachment) entry.attachment = reply.attachment;
  if (reply.replace) entry.replaces = true;
  if (seq !== undefined) entry.seq = seq;
  return entry;
}

/**
 * Numbers what one change writes to the transcript, after the conversation's last number: the
 * entries that are not replies (the citizen's message, a line for operators) first, then the
 * replies, which carry their number to the channel so the widget can tell what it has shown.
 */
export function numberEntries(conversation: Pick<Conversation, 'seq'>, leading: readonly TranscriptEntry[], replies: readonly Reply[], at: string) {
  let seq = conversation.seq ?? 0;
  const entries: TranscriptEntry[] = leading.map((entry) => copyWith(entry, { seq: ++seq }));
  const numbered: Reply[] = [];
  for (const reply of replies) {
    numbered.push(copyWith(reply, { seq: ++seq }));
    entries.push(entryOf(reply, at, seq));
  }
  return { entries, replies: numbered, seq };
}

/** The buttons the replies offer, in order. */
export function choicesIn(replies: readonly Reply[]): Choice[] {
  const choices: Choice[] = [];
  for (const reply of replies) if (reply.choices) for (const choice of reply.choices) choices.push(choice);
  return choices;
}

/** The most buttons a conversation keeps valid: added ones beyond it push out the oldest. */
const MAX_OFFERED = 80;

/**
 * The buttons valid after a turn: those its replies offer, in place of the earlier ones; or, when
 * the turn keeps the earlier ones (an answer to a question typed mid-journey, the language picker),
 * the new ones and then those, so that a number typed ("1") counts the buttons of the message the
 * citizen sees last.
 */
export function nowOffered(before: readonly Choice[], added: readonly Choice[], keep = false): Choice[] {
  if (added.length === 0) return [...before];
  if (!keep) return [...added];
  const ids = new Set(added.map((c) => c.id));
  return [...added, ...before.filter((c) => !ids.has(c.id))].slice(0, MAX_OFFERED);
}

export function wasHandled(conversation: Pick<Conversation, 'handled'>, eventId: string | undefined): boolean {
  return eventId !== undefined && (conversation.handled?.includes(eventId) ?? false);
}

/**
 * A changed conversation as it is saved: its transcript numbered up to `seq`, one revision past
 * the stored one, and the inbound event that changed it remembered, so that a redelivery is
 * handled once (the oldest ids are forgotten).
 */
export function asSaved(changed: Conversation, stored: Pick<Conversation, 'revision'>, seq: number, at: string, eventId: string | undefined): Conversation {
  const next = copyWith(changed, { seq, revision: stored.revision + 1, updatedAt: at });
  if (eventId !== undefined) {
    const handled = changed.handled ?? [];
    next.handled = [...handled.slice(Math.max(0, handled.length - HANDLED_KEPT + 1)), eventId];
  }
  return next;
}
