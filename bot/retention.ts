import type { Logger } from 'pino';
import { IIN_PATTERN } from '../domain/iin';
import { PHONE_PATTERN } from '../domain/phone';
import type { Complaint } from '../domain/complaint';
import type { Erased } from '../flows/erase';
import type { Conversation, FlowState, JobQueue, Records, Store, TranscriptEntry } from '../store/types';
import type { Applications } from './applications';
import type { EffectHandler } from './engine';
import type { JobHandler } from './scheduler';

/** How long what a citizen left behind is kept (RETENTION_* days, counted from the last message or the record's creation). */
export interface RetentionPolicy {
  /** Transcripts and collected data of a conversation, after its last message; then anonymised. */
  transcriptDays: number;
  /** Unfinished questionnaires and status subscriptions, after the last message; then deleted. */
  draftDays: number;
  /** Home-visit bookings and complaints with their answers (kept by law), after creation; then their personal data is removed. */
  recordDays: number;
}

export const DEFAULT_RETENTION: RetentionPolicy = { transcriptDays: 90, draftDays: 30, recordDays: 1825 };

export const RETENTION_JOB = 'retention.sweep';
const DAY_MS = 24 * 3600_000;
const HIDDEN = '•••';
/** What the questionnaires left of an IIN or a phone in the transcript («•••••••• 1234», «+7 ••• ••• 45 67»): its last digits go too. */
const MASKED_DIGITS = /(?:\+7\s)?•[•\s]*\d[\d\s]*\d/g;

/** What a sweep changed, for the log and the tests. */
export interface SweepReport {
  anonymised: number;
  draftsDeleted: number;
  subscriptionsDeleted: number;
  recordsAnonymised: number;
}

/** Keys of a record whose values (and everything under them) are personal data. */
const PERSONAL_RECORD_KEYS = new Set(['name', 'fullName', 'iin', 'phone', 'address', 'postalAddress', 'contact', 'email', 'text', 'asks', 'note', 'needsNote', 'comment', 'answer', 'reason']);

/** Every string under a value, for the names, addresses and numbers a conversation collected. */
function stringsIn(value: unknown, into: Set<string>, depth = 0): Set<string> {
  if (typeof value === 'string') {
    const text = value.trim();
    if (text.length >= 4) into.add(text);
    // Parts of a name or an address, as an operator might write them alone («Гүлнұр, здравствуйте»).
    for (const word of text.split(/[\s,]+/)) if (word.length >= 3 && /^\p{Lu}/u.test(word)) into.add(word);
  } else if (value && typeof value === 'object' && depth < 8) {
    for (const inner of Object.values(value)) stringsIn(inner, into, depth + 1);
  }
  return into;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A transcript without personal data: what the citizen typed is hidden (the buttons they pressed
 * stay, file names do not), and in the rest every IIN, phone number and value the conversation
 * collected (names, addresses) is replaced.
 */
export function anonymiseTranscript(entries: readonly TranscriptEntry[], collected: readonly unknown[]): TranscriptEntry[] {
  const values = [...stringsIn(collected, new Set())].sort((a, b) => b.length - a.length);
  const known = values.length > 0 ? new RegExp(values.map(escapeRegExp).join('|'), 'gu') : undefined;
  const scrub = (text: string) => {
    const masked = text.replace(IIN_PATTERN, HIDDEN).replace(PHONE_PATTERN, HIDDEN).replace(MASKED_DIGITS, HIDDEN);
    return known ? masked.replace(known, HIDDEN) : masked;
  };
  return entries.map(({ attachment: _file, ...entry }) => {
    if (entry.from !== 'citizen') return { ...entry, text: scrub(entry.text) };
    if (entry.text.startsWith('[📎')) return { ...entry, text: `[📎 ${HIDDEN}]` };
    return { ...entry, text: /^\[[^\]]*\]$/.test(entry.text) ? scrub(entry.text) : HIDDEN };
  });
}

/** A record's value with its personal data replaced, everything else (dates, status, service) kept. */
export function anonymiseRecordValue(value: unknown, personal = false, depth = 0): unknown {
  if (typeof value === 'string') return personal ? HIDDEN : value;
  if (Array.isArray(value)) return value.map((v) => anonymiseRecordValue(v, personal, depth + 1));
  if (!value || typeof value !== 'object' || depth > 8) return value;
  // The region of an address stays: it says where, not who, and the desks list visits by it.
  return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, key === 'region' ? v : anonymiseRecordValue(v, personal || PERSONAL_RECORD_KEYS.has(key), depth + 1)]));
}

export interface RetentionDeps {
  store: Store;
  applications: Pick<Applications, 'subscribedBy' | 'unsubscribe'>;
  /** The records kept by law (home visits, complaints), anonymised after `recordDays`. */
  records: readonly Records<unknown>[];
  /** The complaints, whose attachments an erasure keeps. */
  complaints: Pick<Records<Complaint>, 'list'>;
  policy: RetentionPolicy;
  /** The menu's first step, where a conversation whose draft was deleted starts again. */
  menuRoot: () => FlowState;
  log: Logger;
  now: () => Date;
}

/**
 * Retention and erasure. A daily sweep anonymises the transcripts and collected data of
 * conversations silent for `transcriptDays`, deletes the unfinished questionnaires and status
 * subscriptions of those silent for `draftDays`, and removes the personal data of bookings and
 * complaints older than `recordDays`. The citizen's "delete my data" erases the same at once
 * (through the erase flow's effect), except the records the law keeps.
 */
export class Retention {
  /** The erase flow's effect (see `eraseHandler`). */
  readonly eraseEffect: EffectHandler;

  constructor(private readonly deps: RetentionDeps) {
    this.eraseEffect = eraseHandler({ ...deps, recordDays: deps.policy.recordDays, complaints: deps.complaints });
  }

  async sweep(): Promise<SweepReport> {
    const report: SweepReport = { anonymised: 0, draftsDeleted: 0, subscriptionsDeleted: 0, recordsAnonymised: 0 };
    const now = this.deps.now().getTime();
    const { conversations } = this.deps.store;
    for await (const ids of conversations.ids()) {
      for (const conversation of await conversations.getMany(ids)) {
        if (!conversation) continue;
        const silentFor = now - Date.parse(conversation.updatedAt);
        if (silentFor < this.deps.policy.draftDays * DAY_MS) continue;
        report.subscriptionsDeleted += await this.unsubscribeAll(conversation.id);
        const withBot = conversation.owner === 'bot' || conversation.status === 'closed';
        const anonymise = silentFor >= this.deps.policy.transcriptDays * DAY_MS && !(conversation.anonymisedAt && conversation.anonymisedAt >= conversation.updatedAt);
        if (anonymise && withBot) {
          if (await this.anonymise(conversation)) report.anonymised++;
        } else if (withBot && !this.atMenu(conversation) && (await this.rewrite(conversation, { state: this.deps.menuRoot() }))) {
          report.draftsDeleted++;
        }
      }
    }
    report.recordsAnonymised = await this.anonymiseOldRecords(now);
    if (Object.values(report).some((n) => n > 0)) this.deps.log.info(report, 'retention sweep');
    return report;
  }

  private atMenu(conversation: Conversation): boolean {
    const root = this.deps.menuRoot();
    return conversation.state.flow === root.flow && conversation.state.step === root.step;
  }

  private async anonymise(conversation: Conversation): Promise<boolean> {
    const transcript = await this.deps.store.conversations.transcript(conversation.id);
    await this.deps.store.conversations.replaceTranscript(conversation.id, anonymiseTranscript(transcript, [conversation.data, conversation.state.data, conversation.handoff]));
    const { topic: _topic, resume: _resume, note: _note, ...handoff } = conversation.handoff ?? ({} as NonNullable<Conversation['handoff']>);
    return this.rewrite(conversation, {
      data: {},
      state: this.deps.menuRoot(),
      anonymisedAt: new Date(this.deps.now()).toISOString(),
      ...(conversation.handoff ? { handoff: handoff as NonNullable<Conversation['handoff']> } : {}),
    });
  }

  /**
   * Stores a change made by retention without counting it as activity (`updatedAt` stays the last
   * message's). A conversation that changed meanwhile is left for the next sweep.
   */
  private async rewrite(conversation: Conversation, change: Partial<Conversation>): Promise<boolean> {
    const saved = await this.deps.store.conversations.save({ ...conversation, ...change, revision: conversation.revision + 1 }, conversation.revision, []);
    return saved.saved;
  }

  private unsubscribeAll(conversationId: string): Promise<number> {
    return unsubscribeAll(this.deps.applications, conversationId);
  }

  private async anonymiseOldRecords(now: number): Promise<number> {
    const before = new Date(now - this.deps.policy.recordDays * DAY_MS).toISOString();
    let count = 0;
    for (const records of this.deps.records) {
      const { items } = await records.list();
      for (const record of items) {
        const value = record.value as { anonymisedAt?: string };
        if (record.createdAt >= before || value.anonymisedAt) continue;
        const anonymised = { ...(anonymiseRecordValue(value) as object), anonymisedAt: new Date(now).toISOString() };
        if ((await records.update(record.id, record.revision, anonymised, new Date(now))).updated) count++;
      }
    }
    return count;
  }
}

async function unsubscribeAll(applications: RetentionDeps['applications'], conversationId: string): Promise<number> {
  const watched = await applications.subscribedBy(conversationId);
  for (const application of watched) await applications.unsubscribe(application.number, conversationId);
  return watched.length;
}

/**
 * The erase flow's effect: the conversation's transcript and status subscriptions go at once; the
 * flow clears the collected data and drafts in the same turn. It answers how long the records the
 * law keeps (bookings, complaints) are kept, for the flow to say.
 */
export function eraseHandler(deps: Pick<RetentionDeps, 'store' | 'applications'> & { recordDays: number; complaints: Pick<Records<Complaint>, 'list'> }): EffectHandler {
  return async (_effect, { conversation }) => {
    await deps.store.conversations.replaceTranscript(conversation.id, []);
    await unsubscribeAll(deps.applications, conversation.id);
    // Uploaded files go too, except those a filed complaint lists: they are part of a record the law keeps.
    const filed = await deps.complaints.list({ index: 'conversation', value: conversation.id });
    const kept = new Set(filed.items.flatMap((record) => record.value.attachments.map((file) => file.id)));
    for (const id of await deps.store.files.ownedBy(conversation.id)) if (!kept.has(id)) await deps.store.files.delete(id);
    return { recordDays: deps.recordDays } satisfies Erased;
  };
}

/** Schedules the daily sweep unless it is scheduled already (every instance asks; one job exists). */
export async function scheduleRetention(jobs: JobQueue, now: () => Date): Promise<void> {
  if (!(await jobs.get(RETENTION_JOB))) await jobs.schedule({ id: RETENTION_JOB, type: RETENTION_JOB, dueAt: now().getTime() + DAY_MS, payload: null });
}

/** Sweeps, then schedules the next sweep a day later. */
export function retentionJob(retention: Retention, jobs: JobQueue, now: () => Date): JobHandler {
  return async () => {
    try {
      await retention.sweep();
    } finally {
      await jobs.schedule({ id: RETENTION_JOB, type: RETENTION_JOB, dueAt: now().getTime() + DAY_MS, payload: null });
    }
  };
}
