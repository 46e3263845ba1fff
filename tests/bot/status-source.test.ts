import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStatusSource, HttpStatusSource } from '../../bot/status-source';
import type { Application } from '../../domain/application';
import { memoryLog } from '../support/log';

const IIN = '850520400003';
const TOKEN = 'status-service-token';

const ANSWER = {
  number: 'OK-1',
  serviceId: 'duplicate-school',
  status: 'in_review',
  submittedAt: '2026-12-01T10:00:00+05:00',
  channel: 'egov_portal',
  updatedAt: '2026-12-02T09:00:00+05:00',
  note: 'Запрос в архив',
  history: [
    { status: 'in_review', at: '2026-12-02T09:00:00+05:00', note: 'Запрос в архив' },
    { status: 'accepted', at: '2026-12-01T10:00:00+05:00' },
  ],
};

/** The registry's own application, for the combinator. */
const REGISTERED: Application = {
  number: 'REG-1',
  iin: IIN,
  serviceId: 'duplicate-school',
  channel: 'state_corporation',
  submittedAt: '2026-12-01T05:00:00.000Z',
  status: 'accepted',
  updatedAt: '2026-12-01T05:00:00.000Z',
  history: [{ status: 'accepted', at: '2026-12-01T05:00:00.000Z' }],
  subscribers: [],
};

describe('the external status service', () => {
  let server: Server;
  let url: string;
  let closedUrl: string;
  const asked: IncomingMessage[] = [];
  const captured = memoryLog();
  const source = (timeoutMs = 2000) => new HttpStatusSource({ url: `${url}/`, token: TOKEN, log: captured.log, timeoutMs });

  beforeAll(async () => {
    server = createServer((request, response) => {
      asked.push(request);
      const number = decodeURIComponent(new URL(request.url!, 'http://x').pathname.split('/').pop()!);
      const json = (status: number, body: string) => response.writeHead(status, { 'content-type': 'application/json' }).end(body);
      if (number === 'OK-1') return json(200, JSON.stringify(ANSWER));
      if (number === 'SLOW-1') return void request.on('close', () => response.destroy()); // answers never; the client gives up
      if (number === 'FAIL-1') return json(500, '{"error":"internal"}');
      if (number === 'BAD-1') return json(200, '{"number": "BAD-1", "status": ');
      if (number === 'SHAPE-1') return json(200, JSON.stringify({ ...ANSWER, number: 'SHAPE-1', status: 'lost' }));
      if (number === 'OTHER-1') return json(200, JSON.stringify(ANSWER));
      if (number === 'DENIED-1') return json(401, '{}');
      return json(404, '{"error":"not_found"}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    closedUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise((resolve) => closed.close(resolve));
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('asks with the bearer token and the IIN in the query, and gives the application with its history in time order', async () => {
    const result = await source().lookup('OK-1', IIN);
    const request = asked.at(-1)!;
    expect(request.url).toBe(`/applications/OK-1?iin=${IIN}`);
    expect(request.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(result).toEqual({
      found: {
        number: 'OK-1',
        iin: IIN,
        serviceId: 'duplicate-school',
        channel: 'egov_portal',
        submittedAt: '2026-12-01T10:00:00+05:00',
        status: 'in_review',
        updatedAt: '2026-12-02T09:00:00+05:00',
        note: 'Запрос в архив',
        history: [ANSWER.history[1], ANSWER.history[0]],
        subscribers: [],
      },
    });
  });

  it('is not found on 404, and unavailable when slow, failing, unreachable or answering nonsense', async () => {
    expect(await source().lookup('NONE-1', IIN)).toEqual({ notFound: true });
    const started = Date.now();
    expect(await source(200).lookup('SLOW-1', IIN)).toEqual({ unavailable: true });
    expect(Date.now() - started).toBeLessThan(1900);
    expect(await source().lookup('FAIL-1', IIN)).toEqual({ unavailable: true });
    expect(await source().lookup('BAD-1', IIN)).toEqual({ unavailable: true });
    expect(await source().lookup('SHAPE-1', IIN)).toEqual({ unavailable: true });
    expect(await source().lookup('OTHER-1', IIN)).toEqual({ unavailable: true }); // another application than asked
    expect(await source().lookup('DENIED-1', IIN)).toEqual({ unavailable: true });
    expect(await new HttpStatusSource({ url: closedUrl, log: captured.log }).lookup('OK-1', IIN)).toEqual({ unavailable: true });
    const reasons = captured.lines.map((line) => JSON.parse(line) as { reason?: string; statusCode?: number }).map((entry) => entry.reason);
    expect(reasons).toEqual(['timeout', 'server_error', 'malformed', 'malformed', 'malformed', 'refused', 'connection']);
  });

  it('asks the registry first, then the external service, and says unavailable rather than not found when it could not ask', async () => {
    const registry = { find: async (number: string, iin: string) => (number === REGISTERED.number && iin === IIN ? REGISTERED : null) };
    const both = createStatusSource({ applications: registry, url, token: TOKEN, log: captured.log, timeoutMs: 200 });
    const before = asked.length;
    expect(await both.lookup('REG-1', IIN)).toEqual({ found: REGISTERED });
    expect(asked.length).toBe(before);
    expect(await both.lookup('OK-1', IIN)).toMatchObject({ found: { number: 'OK-1', status: 'in_review' } });
    expect(await both.lookup('NONE-1', IIN)).toEqual({ notFound: true });
    expect(await both.lookup('FAIL-1', IIN)).toEqual({ unavailable: true });
    const registryOnly = createStatusSource({ applications: registry, log: captured.log });
    expect(await registryOnly.lookup('OK-1', IIN)).toEqual({ notFound: true });
    expect(await registryOnly.lookup('REG-1', IIN)).toEqual({ found: REGISTERED });
    const broken = createStatusSource({
      applications: {
        find: async () => {
          throw new Error(`store down while reading ${IIN}`);
        },
      },
      log: captured.log,
    });
    expect(await broken.lookup('REG-1', IIN)).toEqual({ unavailable: true });
  });

  it('lets no IIN reach the log', () => {
    expect(captured.lines.length).toBeGreaterThan(0);
    expect(captured.lines.join('\n')).not.toContain(IIN);
  });
});
