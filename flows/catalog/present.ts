import type { Lang } from '../../store/types';
import type { ChannelId, ComplaintAddresseeId, ComplaintSubject, Service, SourceRef } from './schema';

/** A service as `GET /api/services/{id}` returns it (DESIGN.md §6), in one language. */
export interface ServiceView {
  id: string;
  title: string;
  audience: Service['audience'];
  provider: string;
  channels: ChannelId[];
  term: { workingDays?: number; calendarDays?: number; text: string };
  /** `stated: false`: the rules say nothing about a fee (so `free` is false without meaning a charge). */
  fee: { free: boolean; stated: boolean; text: string };
  result: string;
  documents: { id: string; text: string; required: 'always' | 'conditional'; condition?: string; channels?: string[] }[];
  refusalGrounds: string[];
  homeVisit: boolean;
  sources: string[];
  /** Where the source is cut off, silent or contradicts itself. */
  notes: string[];
  /** The checklist's questions with their options: they name the ids of a conversation's answers; `multiple`: several, joined by commas. */
  questions: { id: string; text: string; options: { id: string; label: string }[]; multiple?: true }[];
  /** Where the seed names no documents for a case (or none at all): what it says instead, with whom to ask. */
  noDocuments?: string;
  /** How to complain: who receives a complaint and in how many working days it is answered, extension, forwarding, court. */
  complaint: ComplaintView;
}

export interface ComplaintView {
  addressees: { id: ComplaintAddresseeId; against: ComplaintSubject[]; name: string; address?: string; reviewWorkingDays: number }[];
  extension?: { maxWorkingDays: number; noticeWorkingDays: number; text: string };
  forwarding?: { workingDays: number; text: string };
  court: { text: string };
  summary: string;
  notes: string[];
}

export function complaintView({ complaint }: Service, lang: Lang): ComplaintView {
  const { extension, forwarding } = complaint;
  return {
    addressees: complaint.addressees.map((a) => ({
      id: a.id,
      against: [...a.against],
      name: a.name[lang],
      ...(a.address ? { address: a.address[lang] } : {}),
      reviewWorkingDays: a.reviewWorkingDays,
    })),
    ...(extension ? { extension: { maxWorkingDays: extension.maxWorkingDays, noticeWorkingDays: extension.noticeWorkingDays, text: extension.text[lang] } } : {}),
    ...(forwarding ? { forwarding: { workingDays: forwarding.workingDays, text: forwarding.text[lang] } } : {}),
    court: { text: complaint.court.text[lang] },
    summary: complaint.summary[lang],
    notes: complaint.notes.map((n) => n.text[lang]),
  };
}

/** The seed that is a college's slide deck, not a legal text (seed 002). */
const COLLEGE_SLIDES: SourceRef['seed'] = '002_3ac65400ac0ed134.txt';

/** True when the service comes from a college's slides (its term cites only them): citizens read "the college's materials", not "the rules". */
export function fromCollegeSlides(service: Service): boolean {
  return service.term.sources.every((source) => source.seed === COLLEGE_SLIDES);
}

export function formatSource(source: SourceRef): string {
  return `${source.seed}, ${source.ref}${source.lines ? `, ${source.lines}` : ''}`;
}

/** Every passage the entry cites, once each, in the order first cited. */
function allSources(service: Service): string[] {
  const found = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
      return;
    }
    if (value === null || typeof value !== 'object') return;
    if ('seed' in value && 'ref' in value) {
      found.add(formatSource(value as SourceRef));
      return;
    }
    Object.values(value).forEach(visit);
  };
  visit(service);
  return [...found];
}

export function serviceSummary(service: Service, lang: Lang) {
  return { id: service.id, title: service.title[lang], audience: service.audience };
}

export function serviceView(service: Service, lang: Lang): ServiceView {
  const { term } = service;
  return {
    ...serviceSummary(service, lang),
    provider: service.provider.text[lang],
    channels: service.channels.map((c) => c.id),
    term: {
      ...(term.workingDays !== undefined ? { workingDays: term.workingDays } : {}),
      ...(term.calendarDays !== undefined ? { calendarDays: term.calendarDays } : {}),
      text: term.text[lang],
    },
    fee: { free: service.fee.free, stated: service.fee.stated, text: service.fee.text[lang] },
    result: service.result.text[lang],
    documents: service.documents.map((d) => ({
      id: d.id,
      text: d.text[lang],
      required: d.required,
      ...(d.condition ? { condition: d.condition.text[lang] } : {}),
      ...(d.channels ? { channels: [...d.channels] } : {}),
    })),
    refusalGrounds: [...service.refusalGrounds.intake, ...service.refusalGrounds.service].map((g) => g.text[lang]),
    homeVisit: service.homeVisit.available,
    sources: allSources(service),
    notes: service.notes.map((n) => n.text[lang]),
    questions: service.questions.map((q) => ({
      id: q.id,
      text: q.text[lang],
      options: q.options.map((o) => ({ id: o.id, label: o.label[lang] })),
      ...(q.multiple ? { multiple: true as const } : {}),
    })),
    ...(service.noDocuments ? { noDocuments: service.noDocuments.text[lang] } : {}),
    complaint: complaintView(service, lang),
  };
}
