import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server';

/** `GET /api/calendar/deadline` marks a count that runs through a year whose days off are not all decreed yet. */
describe('the deadline route on a provisional year', () => {
  let server: TestServer;
  const deadline = async (query: string) => {
    const response = await server.app.inject({ method: 'GET', url: `/api/calendar/deadline?${query}` });
    return { status: response.statusCode, body: response.json() };
  };
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('a date in 2027 is marked provisional; a count within decreed years is not', async () => {
    expect(await deadline('from=2027-02-01&workingDays=5')).toEqual({ status: 200, body: { from: '2027-02-01', workingDays: 5, deadline: '2027-02-08', provisional: true } });
    expect(await deadline('from=2026-03-20&workingDays=5')).toEqual({ status: 200, body: { from: '2026-03-20', workingDays: 5, deadline: '2026-04-01' } });
  });

  it('a count from December 2026 into January 2027 is marked, with or without the registration day', async () => {
    expect((await deadline('from=2026-12-28&workingDays=5')).body).toMatchObject({ deadline: '2027-01-06', provisional: true });
    expect((await deadline('from=2026-12-28&workingDays=5&at=21:00&closesAt=20:00')).body).toMatchObject({ registeredOn: '2026-12-29', provisional: true });
  });

  it('2024 counts over the decreed transfer of 4 May to 8 May and is not provisional', async () => {
    expect(await deadline('from=2024-05-03&workingDays=2')).toEqual({ status: 200, body: { from: '2024-05-03', workingDays: 2, deadline: '2024-05-06' } });
  });
});

describe('the service route on the facts the seeds leave open', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());
  const service = async (id: string) => (await server.app.inject({ method: 'GET', url: `/api/services/${id}?lang=ru` })).json();

  it('a service without a document list has none, and says so in noDocuments; a question that takes several says so', async () => {
    const certificate = await service('incomplete-education-certificate');
    expect(certificate.documents).toEqual([]);
    expect(certificate.noDocuments).toContain('перечень документов для этой справки не приведён');
    const meals = await service('free-meals');
    expect(meals.questions.find((q: { id: string }) => q.id === 'category').multiple).toBe(true);
    expect(meals.questions.find((q: { id: string }) => q.id === 'channel').multiple).toBeUndefined();
    expect((await service('duplicate-school')).noDocuments).toBeUndefined();
  });
});
