/** The /ws/chat frames the widget reads and sends (DESIGN.md §6 and its additions). */
export type Choice = { id: string; label: string };
export type Attachment = { fileName: string; url: string; title?: string };
export type Checklist = { title: string; items: { choiceId: string; text: string; notes: string[]; done: boolean }[] };
export type From = 'citizen' | 'bot' | 'operator' | 'system';

/** A message as the log shows it, live or from the history. */
export interface Message {
  from: From;
  text: string;
  author?: string;
  choices?: Choice[];
  attachment?: Attachment;
  checklist?: Checklist;
  seq?: number;
}

export type ServerFrame =
  | { type: 'session'; token: string; conversationId: string; number?: string; fileMaxBytes?: number }
  | (Message & { type: 'message'; from: 'bot' | 'operator' | 'system'; id: string; at: string; lang?: string; inputLimit?: number; replace?: boolean })
  | { type: 'error'; code: string; message: string }
  | { type: 'history'; messages: (Message & { at: string; replace?: boolean })[] }
  | { type: 'typing'; from?: 'operator'; author?: string }
  | { type: 'ended' };

export type CitizenFrame = { type: 'text'; text: string } | { type: 'choice'; id: string } | { type: 'file'; id: string };
