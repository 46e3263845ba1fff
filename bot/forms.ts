import { createHmac, timingSafeEqual } from 'node:crypto';
import { checklistOf } from '../flows/checklist';
import { findForm } from '../flows/forms';
import { renderFormPdf } from '../flows/forms/pdf';
import { todayInAlmaty } from '../domain/calendar';
import { formatCivilDate } from '../locales/format';
import type { ConversationStore } from '../store/types';

/** How long a download link lives unless LINK_TTL_HOURS says otherwise. */
export const DEFAULT_LINK_TTL_MS = 24 * 3600_000;

/** A document's PDF for the conversation that owns it, or null. */
export type DocumentRenderer = (conversationId: string, id: string, now: Date) => Promise<Buffer | null>;

/** How a download link was judged: good, past its time, or not signed by us for that conversation and form. */
export type LinkCheck = 'ok' | 'expired' | 'invalid';

/**
 * Filled application forms: rendered to PDF from what the conversation stored, and reachable by
 * the widget through a link signed for that conversation, form and expiry time only. A link lives
 * `ttlMs` (LINK_TTL_HOURS); the widget's history signs the conversation's links anew.
 */
export class FormFiles {
  /** What links start with: the public base URL without its trailing slash, or nothing (relative links). */
  private readonly base: string;

  /** Documents other than filled forms (a filed complaint), by the prefix of their id. */
  private readonly documents = new Map<string, DocumentRenderer>();

  private readonly ttlMs: number;
  private readonly now: () => Date;

  /** `publicUrl` (PUBLIC_URL): links are absolute under it; unset, relative to this server. */
  constructor(
    private readonly conversations: ConversationStore,
    private readonly secret: string,
    publicUrl?: string,
    options: { ttlMs?: number; now?: () => Date } = {},
  ) {
    this.base = publicUrl?.replace(/\/+$/, '') ?? '';
    this.ttlMs = options.ttlMs ?? DEFAULT_LINK_TTL_MS;
    this.now = options.now ?? (() => new Date());
  }

  /**
   * Serves documents whose id starts with `prefix` (e.g. `complaint-`) through the same signed
   * links and Telegram documents; the renderer answers null for one the conversation does not own.
   */
  serve(prefix: string, renderer: DocumentRenderer): void {
    this.documents.set(prefix, renderer);
  }

  /** `expires`: seconds since the epoch, signed with the conversation and the form so none of them can be changed. */
  private signature(conversationId: string, formId: string, expires: number): string {
    return createHmac('sha256', this.secret).update(`${conversationId}/${formId}/${expires}`).digest('base64url').slice(0, 32);
  }

  /** The signed download link of a conversation's form (served by api/routes/forms.ts), good for `ttlMs` from now. */
  link(conversationId: string, formId: string): string {
    const expires = Math.floor((this.now().getTime() + this.ttlMs) / 1000);
    const path = `${encodeURIComponent(conversationId)}/${encodeURIComponent(formId)}.pdf`;
    return `${this.base}/api/forms/${path}?sig=${this.signature(conversationId, formId, expires)}&exp=${expires}`;
  }

  /** Whether a link's signature and expiry (`exp`, seconds since the epoch) hold for this conversation and form now. */
  verify(conversationId: string, formId: string, signature: string, expires: number | undefined): LinkCheck {
    if (expires === undefined || !Number.isSafeInteger(expires)) return 'invalid';
    const expected = Buffer.from(this.signature(conversationId, formId, expires));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'invalid';
    return expires * 1000 > this.now().getTime() ? 'ok' : 'expired';
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
