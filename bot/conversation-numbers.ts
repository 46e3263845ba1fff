import { todayInAlmaty } from '../domain/calendar';
import type { Records, RecordSpec, Store } from '../store/types';

/** A conversation's number record: which conversation the number was given to. */
interface NumberedConversation {
  conversationId: string;
}

/**
 * Conversation numbers are records of their own, numbered like the other records (C-2026-004821,
 * a sequence per Asia/Almaty year), so a citizen can read one out to 1414 and the operator finds
 * the conversation by it. They hold no personal data.
 */
const CONVERSATION_NUMBERS: RecordSpec<NumberedConversation> = { name: 'conversation-numbers', prefix: 'C', indexes: () => ({}) };

const FULL_NUMBER = /^C-(\d{4})-(\d{6,})$/;
const DIGITS = /^\d{1,9}$/;

/**
 * The numbers a typed text may mean: a whole number as it is (any case, spaces and '№' ignored),
 * or the sequence alone as this year's or, early in a year, last year's.
 */
export function candidateNumbers(typed: string, now: Date = new Date()): string[] {
  const text = typed.replace(/[\s№#]/g, '').toUpperCase();
  if (FULL_NUMBER.test(text)) return [text];
  if (!DIGITS.test(text) || Number(text) === 0) return [];
  const year = Number(todayInAlmaty(now).slice(0, 4));
  const sequence = String(Number(text)).padStart(6, '0');
  return [year, year - 1].map((y) => `C-${y}-${sequence}`);
}

/** Gives each conversation its number once, and finds a conversation by the number. */
export class ConversationNumbers {
  private readonly records: Records<NumberedConversation>;

  constructor(store: Pick<Store, 'records'>) {
    this.records = store.records(CONVERSATION_NUMBERS);
  }

  /** The conversation's number: the one given before, or the next one (also when two instances ask at once). */
  async assign(conversationId: string, now?: Date): Promise<string> {
    const { record } = await this.records.create({ conversationId }, { key: conversationId, ...(now ? { now } : {}) });
    return record.number;
  }

  /** The id of the conversation a typed number names, or null. */
  async find(typed: string, now?: Date): Promise<string | null> {
    for (const number of candidateNumbers(typed, now)) {
      const record = await this.records.getByNumber(number);
      if (record) return record.value.conversationId;
    }
    return null;
  }
}
