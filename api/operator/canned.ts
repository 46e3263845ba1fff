import type { Collection, Lang, Store } from '../../store/types';

/** A ready answer in both languages, inserted by its short code (`/docs` in the reply box). */
export interface CannedAnswer {
  code: string;
  kk: string;
  ru: string;
  updatedBy: string;
  updatedAt: string;
}

export const CANNED_CODE = /^[a-z0-9_-]{1,32}$/;

export class CannedAnswers {
  private readonly records: Collection<CannedAnswer>;

  constructor(store: Store) {
    this.records = store.collection<CannedAnswer>('canned');
  }

  async list(): Promise<CannedAnswer[]> {
    return (await this.records.list()).sort((a, b) => a.code.localeCompare(b.code));
  }

  async put(code: string, texts: { kk: string; ru: string }, by: string): Promise<CannedAnswer> {
    const answer = { code, kk: texts.kk, ru: texts.ru, updatedBy: by, updatedAt: new Date().toISOString() };
    await this.records.put(code, answer);
    return answer;
  }

  remove(code: string): Promise<boolean> {
    return this.records.delete(code);
  }

  /** A message that is exactly `/code` becomes that canned answer in the citizen's language. */
  async expand(text: string, lang: Lang): Promise<string> {
    const match = /^\/([a-z0-9_-]{1,32})$/.exec(text.trim());
    if (!match) return text;
    const answer = await this.records.get(match[1]!);
    return answer ? answer[lang] : text;
  }
}
