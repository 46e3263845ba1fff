import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server';

describe('POST /api/nlu/parse', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  const post = async (body: unknown) => {
    const response = await fetch(`${server.url}/api/nlu/parse`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: response.status, body: (await response.json()) as any };
  };

  it('answers with the intent, service, language and confidence as before, and the new fields beside them', async () => {
    const { status, body } = await post({ text: 'где моя заявка SC-2026-0601?' });
    expect(status).toBe(200);
    expect(body).toMatchObject({ intent: 'status', serviceId: null, lang: 'ru', applicationNumber: 'SC-2026-0601', langCertain: expect.any(Boolean) });
    expect(body.confidence).toBeGreaterThan(0);
    expect(Array.isArray(body.alternatives)).toBe(true);
  });

  it('names the services that fit equally, and the topic of a question', async () => {
    expect((await post({ text: 'диплом потеряла' })).body).toMatchObject({ intent: 'checklist', serviceId: null, ambiguous: ['duplicate-tvet', 'duplicate-higher'] });
    expect((await post({ text: 'сколько стоит дубликат аттестата' })).body).toMatchObject({ intent: 'question', topic: 'fee', serviceId: 'duplicate-school' });
  });

  it('refuses a missing, empty or non-text body with the error shape, never a 5xx', async () => {
    for (const body of [{}, { text: '' }, { text: 42 }, 'just a string', { text: 'x'.repeat(10_001) }]) {
      const { status, body: answer } = await post(body);
      expect(status).toBe(400);
      expect(answer).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
    }
  });
});
