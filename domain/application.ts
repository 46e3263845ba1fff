/**
 * An application for a state service as its provider reports it (DESIGN §6, provider status API):
 * the statuses, which of them are final, and how updates that arrive late or twice are merged
 * into one history.
 */

export const APPLICATION_STATUSES = ['accepted', 'registered', 'in_review', 'ready', 'issued', 'refused', 'intake_refused'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** After these nothing more happens to the application: no due date is watched. */
export const FINAL_STATUSES: readonly ApplicationStatus[] = ['issued', 'refused', 'intake_refused'];

/** Channels an application can come through (the catalog's channel ids). */
export const APPLICATION_CHANNELS = ['provider_office', 'state_corporation', 'egov_portal', 'other'] as const;
export type ApplicationChannel = (typeof APPLICATION_CHANNELS)[number];

export interface StatusEvent {
  status: ApplicationStatus;
  /** When it happened at the provider (the update's `updatedAt`, else when it was received). ISO. */
  at: string;
  note?: string;
}

export interface Application {
  /** The provider's number, as the citizen has it on the receipt. */
  number: string;
  iin: string;
  serviceId: string;
  channel: ApplicationChannel;
  /** When the application was submitted (ISO). */
  submittedAt: string;
  /** The latest status by its own time, with its note. */
  status: ApplicationStatus;
  updatedAt: string;
  note?: string;
  /** Every status it went through, oldest first. */
  history: StatusEvent[];
  /** Conversations told of every change. */
  subscribers: string[];
}

export function isFinal(status: ApplicationStatus): boolean {
  return FINAL_STATUSES.includes(status);
}

/**
 * The history with one more event: kept in time order, and an event already there (same status
 * and time) adds nothing, so an update posted twice changes nothing. The current status is the
 * latest event's.
 */
export function withEvent(history: readonly StatusEvent[], event: StatusEvent): { history: StatusEvent[]; added: boolean } {
  if (history.some((e) => e.status === event.status && e.at === event.at)) return { history: [...history], added: false };
  const next = [...history, event].sort((a, b) => a.at.localeCompare(b.at));
  return { history: next, added: true };
}
