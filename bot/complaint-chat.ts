import { todayInAlmaty } from '../domain/calendar';
import { COMPLAINT_EFFECTS, type FiledComplaint } from '../flows/complaint';
import { complaintLayout } from '../flows/complaint/document';
import { renderFormPdf } from '../flows/forms/pdf';
import { formatCivilDate } from '../locales/format';
import type { StoredRecord } from '../store/types';
import type { Complaint, ComplaintFiling } from '../domain/complaint';
import type { Complaints } from './complaints';
import type { EffectHandler } from './engine';
import type { DocumentRenderer } from './forms';

/** A complaint as the citizen's chat keeps and shows it. */
function filedOf(record: StoredRecord<Complaint>): FiledComplaint {
  const { status, registeredOn, dueDate, extendedTo, addressee } = record.value;
  return { id: record.id, number: record.number, status, registeredOn, dueDate: extendedTo ?? dueDate, addressee };
}

/** The effects of the complaint journey: filing (once per draft) and the conversation's complaints as they stand. */
export function complaintEffects(complaints: Complaints): Record<string, EffectHandler> {
  return {
    [COMPLAINT_EFFECTS.file]: async (effect, { conversation, idempotencyKey }) => {
      const filing = { ...(effect.filing as ComplaintFiling), conversationId: conversation.id };
      return filedOf(await complaints.file(filing, idempotencyKey));
    },
    [COMPLAINT_EFFECTS.mine]: async (_effect, { conversation }) => (await complaints.ofConversation(conversation.id)).map(filedOf),
  };
}

/** The printed complaint, for the conversation that filed it only. */
export function complaintDocument(complaints: Complaints): DocumentRenderer {
  return async (conversationId, id, now) => {
    const record = await complaints.get(id);
    if (!record || record.value.conversationId !== conversationId) return null;
    const lang = record.value.lang;
    const layout = complaintLayout({ ...record.value, number: record.number }, formatCivilDate(todayInAlmaty(now), lang));
    return renderFormPdf(layout, layout.title);
  };
}
