import { isFinal, type ApplicationChannel, type ApplicationStatus, type StatusEvent } from '../../domain/application';
import { todayInAlmaty } from '../../domain/calendar';
import { formatCivilDate } from '../../locales/format';
import { findService } from '../catalog';
import { documentsFor } from '../catalog/personalise';
import type { FlowContext } from '../types';
import { dueDateOf, overdueSince } from './due';

/** An application as the citizen who proved it theirs sees it: no IIN. */
export interface ApplicationView {
  number: string;
  serviceId: string;
  channel: ApplicationChannel;
  submittedAt: string;
  status: ApplicationStatus;
  note?: string;
  history: StatusEvent[];
  /** This conversation is told of its changes. */
  subscribed: boolean;
}

/** How many steps of the history are shown, the latest ones. */
const HISTORY_SHOWN = 6;

/** Past its due date and not finished, seen from `now`. */
export function overdueOf(view: ApplicationView, now: Date): string | undefined {
  return overdueSince(dueDateOf(view), view.status, now);
}

/**
 * The answer about one application, in plain words: the service, where it stands with the
 * provider's comment, when it was submitted and when the result is due, whether that date has
 * passed, what happened so far, and what to do next (where to collect a ready result, which
 * documents a refused intake lacked), from the catalog.
 */
export function describeApplication(view: ApplicationView, ctx: FlowContext): string {
  const { t, lang } = ctx;
  const service = findService(view.serviceId);
  const date = (iso: string) => formatCivilDate(iso.length > 10 ? todayInAlmaty(new Date(iso)) : iso, lang);
  const lines = [t('status:heading', { number: view.number, service: service?.title[lang] ?? view.serviceId }), t('status:now', { status: t(`status:status.${view.status}`) })];
  if (view.note) lines.push(t('status:note', { note: view.note }));
  lines.push(t('status:submitted', { date: date(view.submittedAt) }));
  const due = dueDateOf(view);
  const overdue = overdueSince(due, view.status, ctx.now);
  if (overdue) lines.push(t('status:overdue', { date: date(overdue) }));
  else if (due && !isFinal(view.status)) lines.push(t(`status:due_${due.unit}`, { date: date(due.due), count: due.count }));
  if (view.history.length > 1) {
    lines.push('', t('status:history'), ...view.history.slice(-HISTORY_SHOWN).map((event) => t('status:history_line', { date: date(event.at), status: t(`status:status.${event.status}`) })));
  }
  const next = nextSteps(view, ctx);
  if (next.length) lines.push('', ...next);
  return lines.join('\n');
}

function nextSteps(view: ApplicationView, ctx: FlowContext): string[] {
  const { t, lang } = ctx;
  const service = findService(view.serviceId);
  switch (view.status) {
    case 'ready':
      return service?.resultDelivery.length ? [t('status:next.ready'), ...service.resultDelivery.map((f) => `• ${f.text[lang]}`)] : [];
    case 'intake_refused':
      return service ? [t('status:next.intake_refused'), ...documentsFor(service, { channel: view.channel }).map((d, i) => `${i + 1}. ${d.text[lang]}`)] : [];
    case 'refused':
      return [t('status:next.refused')];
    case 'issued':
      return [];
    default:
      return view.subscribed ? [] : [t('status:next.waiting')];
  }
}
