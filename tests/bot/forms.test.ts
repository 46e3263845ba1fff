import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { FormFiles } from '../../bot/forms';
import { createRuntime } from '../../bot/runtime';
import { parseOpeningHours } from '../../domain/hours';
import { createMemoryStore } from '../../store/memory';
import { texts } from '../support/engine';

const SECRET = 'form-links-test-secret-of-enough-length';

/** The path and signature of a link, to verify it as the download route does. */
function signed(link: string): { conversationId: string; formId: string; sig: string; exp: number } {
  const [, conversationId, formId, sig, exp] = /\/api\/forms\/([^/]+)\/([a-z0-9-]+)\.pdf\?sig=([^&]+)&exp=(\d+)$/.exec(link)!;
  return { conversationId: decodeURIComponent(conversationId!), formId: formId!, sig: sig!, exp: Number(exp) };
}

describe('form download links', () => {
  it('are relative to this server when there is no public URL', () => {
    const forms = new FormFiles(createMemoryStore().conversations, SECRET);
    expect(forms.link('web-1', 'seed000-app1')).toMatch(/^\/api\/forms\/web-1\/seed000-app1\.pdf\?sig=[A-Za-z0-9_-]{32}&exp=\d+$/);
  });

  it('are absolute under the public URL, its path kept and a trailing slash not doubled, and verify the same', () => {
    const conversations = createMemoryStore().conversations;
    const relative = new FormFiles(conversations, SECRET).link('web-1', 'seed000-app1');
    expect(new FormFiles(conversations, SECRET, 'https://assistant.example.kz').link('web-1', 'seed000-app1')).toBe(`https://assistant.example.kz${relative}`);
    const underPath = new FormFiles(conversations, SECRET, 'https://example.kz/assistant/');
    const link = underPath.link('web-1', 'seed000-app1');
    expect(link).toBe(`https://example.kz/assistant${relative}`);
    const { conversationId, formId, sig, exp } = signed(link);
    expect(underPath.verify(conversationId, formId, sig, exp)).toBe('ok');
  });

  it('hold for their conversation and form until they expire, and for nothing else', () => {
    let now = new Date('2026-12-01T10:00:00Z');
    const forms = new FormFiles(createMemoryStore().conversations, SECRET, undefined, { ttlMs: 3600_000, now: () => now });
    const { conversationId, formId, sig, exp } = signed(forms.link('web-1', 'seed000-app1'));
    expect(exp).toBe(Date.parse('2026-12-01T11:00:00Z') / 1000);
    expect(forms.verify(conversationId, formId, sig, exp)).toBe('ok');
    expect(forms.verify('web-2', formId, sig, exp)).toBe('invalid');
    expect(forms.verify(conversationId, 'seed000-app2', sig, exp)).toBe('invalid');
    expect(forms.verify(conversationId, formId, sig, exp + 3600)).toBe('invalid');
    expect(forms.verify(conversationId, formId, sig, undefined)).toBe('invalid');
    now = new Date('2026-12-01T11:00:00Z');
    expect(forms.verify(conversationId, formId, sig, exp)).toBe('expired');
  });

  it('follow the public URL given to the runtime', () => {
    const options = {
      store: createMemoryStore(),
      texts,
      log: pino({ level: 'silent' }),
      defaultLang: 'kk' as const,
      hours: parseOpeningHours('always'),
      idleMs: 60_000,
      secret: SECRET,
      telegram: false,
    };
    expect(createRuntime(options).forms.link('web-1', 'seed000-app1')).toMatch(/^\/api\/forms\//);
    expect(createRuntime({ ...options, publicUrl: 'https://assistant.example.kz' }).forms.link('web-1', 'seed000-app1')).toMatch(/^https:\/\/assistant\.example\.kz\/api\/forms\//);
  });
});
