/** What the operator API (api/routes/operator) answers, as the console reads it. */
export type { OperatorEvent } from '../../bot/operator-events';

export type Role = 'operator' | 'supervisor' | 'admin';
export type PresenceStatus = 'online' | 'away' | 'offline';
export type ConversationLang = 'kk' | 'ru';

export interface Me {
  login: string;
  name: string;
  role: Role;
  status: PresenceStatus;
}

export interface ColleaguePresence {
  login: string;
  name: string;
  role: string;
  status: PresenceStatus;
}

export interface ConversationView {
  id: string;
  channel: 'telegram' | 'web';
  lang: ConversationLang;
  owner: string;
  status: 'open' | 'closed';
  priority: number;
  waitingSince: string | null;
  summary: string;
  topic: string | null;
  queue: string | null;
  operator: string | null;
  updatedAt: string;
}

export interface TranscriptEntry {
  from: string;
  text: string;
  at: string;
}

export interface Note {
  at: string;
  author: string;
  text: string;
}

export interface ConversationDetail extends ConversationView {
  transcript: TranscriptEntry[];
  data: Record<string, unknown>;
  notes: Note[];
  transferNote: string | null;
}

/** What the console reads of GET /api/services/:id. */
export interface ServiceInfo {
  id: string;
  title: string;
  documents: { id: string; text: string }[];
}

export interface CannedAnswer {
  code: string;
  kk: string;
  ru: string;
}

export type CallbackStatus = 'pending' | 'reached' | 'not_reached';

export interface Callback {
  id: string;
  conversationId: string;
  phone: string;
  lang: string;
  topic: string | null;
  createdAt: string;
  status: CallbackStatus;
  attempts: number;
  handledBy?: string;
  handledAt?: string;
  note?: string;
}

export const SUPERVISORS_QUEUE = 'supervisors';
