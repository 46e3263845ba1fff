/** What the operator API (api/routes/operator) answers, as the console reads it. */
export type { OperatorEvent } from '../../bot/operator-events';

export type { MeBody as Me, ColleagueBody as ColleaguePresence } from '../../api/routes/operator/session';
export type { ConversationViewBody as ConversationView, ConversationDetailBody as ConversationDetail, Note } from '../../api/routes/operator/conversations';
import type { CallbackRequest } from '../../bot/callbacks';
export type { CallbackStatus } from '../../bot/callbacks';
/** A call-back request as the desk lists it: `topicTitle` when the topic is a service's title. */
export type Callback = CallbackRequest & { topicTitle?: { kk: string; ru: string } };
export type { HomeVisitBody as HomeVisit } from '../../api/routes/operator/desks/home-visits';
export type { ComplaintBody as Complaint } from '../../api/routes/operator/desks/complaints';
export type { WindowLoad } from '../../bot/home-visits';
export type { CannedAnswer } from '../../api/operator/canned';
export type { Rating } from '../../bot/ratings';
export type { AuditEntry } from '../../api/operator/audit';
export type { PublicAccount as Account } from '../../api/operator/accounts';
export type { TranscriptEntry } from '../../store/types';
export type Role = 'operator' | 'supervisor' | 'admin';
export type PresenceStatus = 'online' | 'away' | 'offline';
export type ConversationLang = 'kk' | 'ru';

export const SUPERVISORS_QUEUE = 'supervisors';
