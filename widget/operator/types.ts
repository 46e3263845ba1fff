/** What the operator API (api/routes/operator) answers, as the console reads it. */
export type { OperatorEvent } from '../../bot/operator-events';

export type { MeBody as Me, ColleagueBody as ColleaguePresence } from '../../api/routes/operator/session';
export type { ConversationViewBody as ConversationView, ConversationDetailBody as ConversationDetail, Note } from '../../api/routes/operator/conversations';
export type { CallbackRequest as Callback, CallbackStatus } from '../../bot/callbacks';
export type { CannedAnswer } from '../../api/operator/canned';
export type { Rating } from '../../bot/ratings';
export type { AuditEntry } from '../../api/operator/audit';
export type { PublicAccount as Account } from '../../api/operator/accounts';
export type { TranscriptEntry } from '../../store/types';
export type Role = 'operator' | 'supervisor' | 'admin';
export type PresenceStatus = 'online' | 'away' | 'offline';
export type ConversationLang = 'kk' | 'ru';

/** What the console reads of GET /api/services/:id. */
export interface ServiceInfo {
  id: string;
  title: string;
  documents: { id: string; text: string }[];
  /** The checklist's questions: they name the ids of the collected answers. */
  questions: { id: string; text: string; options: { id: string; label: string }[] }[];
}

export const SUPERVISORS_QUEUE = 'supervisors';
