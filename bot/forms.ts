import { createHmac, timingSafeEqual } from 'node:crypto';
import { checklistOf } from '../flows/checklist';
import { findForm } from '../flows/forms';
import { renderFormPdf } from '../flows/forms/pdf';
import { todayInAlmaty } from '../domain/calendar';
import { formatCivilDate } from '../locales/format';
import type { ConversationStore } from '../store/types';

/** A document's PDF for the conversation that owns it, or null. */
export type DocumentRenderer = (conversationId: string, id: string, now: Date) => Promise<Buffer | null>;

/**
 * Filled application forms: rendered to PDF from what the conversation stored, and reachable by
 * the widget through a link signed for that conversation and form only.
 */
export class FormFiles {
  /** What links start with: the public base URL without its trailing slash, or nothing (relative links). */
  private readonly base: string;

  /** Documents other than filled forms (a filed complaint), by the prefix of their id. */
  private readonly documents = new Map<string, DocumentRenderer>();

  /** `publicUrl` (PUBLIC_URL): links are absolute under it; unset, relative to this server. */
  constructor(
    private readonly conversations: ConversationStore,
    private readonly secret: string,
    publicUrl?: string,
  ) {
    this.base = publicUrl?.replace(/\/+$/, '') ?? '';
  }

  /**
   * Serves documents whose id starts with `prefix` (e.g. `complaint-`) through the same signed
   * links and Telegram documents; the renderer answers null for one the conversation does not own.
   */
  serve(prefix: string, renderer: DocumentRenderer): void {
    this.documents.set(prefix, renderer);
  }

  private signature(conversationId: string, formId: string): string {
    return createHmac('sha256', this.secret).update(`${conversationId}/${formId}`).digest('base64url').slice(0, 32);
  }

  /** The signed download link of a conversation's form (served by api/routes/forms.ts). */
  link(conversationId: string, formId: string): string {
    return `${this.base}/api/forms/${encodeURIComponent(conversationId)}/${encodeURIComponent(formId)}.pdf?sig=${this.signature(conversationId, formId)}`;
  }

  verify(conversationId: string, formId: string, signature: string): boolean {
    const expected = Buffer.from(this.signature(conversationId, formId));
    const given = Buffer.from(signature);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }

  /** The PDF of a form the conversation filled, or null when it has none. */
  async render(conversationId: string, formId: string, now = new Date()): Promise<Buffer | null> {
    for (const [prefix, renderer] of this.documents) if (formId.startsWith(prefix)) return renderer(conversationId, formId.slice(prefix.length), now);
    const form = findForm(formId);
    const conversation = await this.conversations.get(conversationId);
    const stored = conversation ? checklistOf(conversation.data).forms?.[formId] : undefined;
    if (!form || !stored) return null;
    return renderFormPdf(form.layout(stored.values, stored.lang, formatCivilDate(todayInAlmaty(now), stored.lang)), form.title[stored.lang]);
  }
}
