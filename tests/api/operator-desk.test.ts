import Fastify, { type FastifyInstance, type FastifyPluginAsync } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { errorAnswer } from '../../api/errors';
import { Accounts } from '../../api/operator/accounts';
import { Audit } from '../../api/operator/audit';
import { operatorAuth } from '../../api/operator/auth';
import { callbackDesk } from '../../api/routes/operator/desks/callbacks';
import { deskPlugin, type CitizenText, type Desk, type DeskOptions } from '../../api/routes/operator/desks/desk';
import { Callbacks } from '../../bot/callbacks';
import type { OperatorEvent } from '../../bot/operator-events';
import { Presence } from '../../bot/presence';
import { createTexts } from '../../locales/i18n';
import { createMemoryStore } from '../../store/memory';
import type { Store } from '../../store/types';

const texts = createTexts();

/** A small desk to try the pattern on: parcels that are sent, then delivered, each delivery told to the citizen. */
const Parcel = z.object({ id: z.string(), region: z.string(), status: z.enum(['waiting', 'sent', 'delivered']), conversationId: z.string().optional() });
type Parcel = z.infer<typeof Parcel>;
const filters = { region: z.string().max(32).optional(), status: Parcel.shape.status.optional() };
const Move = z.object({ status: z.enum(['sent', 'delivered']), note: z.string().trim().max(20, 'at most 20 characters').optional() });

function parcelDesk(parcels: Map<string, Parcel>): Desk<Parcel, typeof filters, z.infer<typeof Move>, { region: string }> {
  return {
    name: 'parcel',
    noun: 'parcel',
    roles: ['supervisor', 'admin'],
    summaries: { list: 'Parcels', get: 'One parcel', change: 'Send or deliver a parcel', create: 'Register a parcel' },
    record: Parcel,
    idOf: (parcel) => parcel.id,
    filters,
    paging: { default: 2, max: 3 },
    async list({ region, status }, { offset, limit }) {
      const all = [...parcels.values()].filter((p) => (!region || p.region === region) && (!status || p.status === status));
      return { items: all.slice(offset, offset + limit), total: all.length };
    },
    get: async (id) => parcels.get(id) ?? null,
    patch: Move,
    async change(parcel, { status }) {
      if (parcel.status === 'delivered') return { refuse: { code: 'already_delivered', message: 'The parcel is delivered already' } };
      const updated = { ...parcel, status };
      parcels.set(parcel.id, updated);
      const notice =
        status === 'delivered' && parcel.conversationId
          ? { notice: { conversationId: parcel.conversationId, text: { kk: 'Сәлемдеме жеткізілді.', ru: 'Посылка доставлена.' }, key: `parcel:${parcel.id}:delivered` } }
          : {};
      return { record: updated, action: status === 'sent' ? 'send' : 'deliver', details: { status }, ...notice };
    },
    create: {
      body: z.object({ region: z.string().min(1) }),
      async run({ region }) {
        if (region === 'nowhere') return { refuse: { code: 'no_region', message: 'No such region', status: 400 } };
        const parcel: Parcel = { id: `p${parcels.size + 1}`, region, status: 'waiting' };
        parcels.set(parcel.id, parcel);
        return { record: parcel };
      },
    },
  };
}

interface Told {
  conversationId: string;
  text: CitizenText;
  key: string;
}

/** The app around a desk as the product builds it: zod schemas, the error contract, operator sessions. */
async function appWith(store: Store, desk: FastifyPluginAsync<DeskOptions>, prefix: string, notify: NonNullable<DeskOptions['notify']>) {
  const app = Fastify();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorAnswer(() => undefined));
  const accounts = new Accounts(store);
  const { requireRole, issue } = await operatorAuth(app, { accounts, presence: new Presence(store), secret: 'desk-test-secret-0123456789abcdef', sessionHours: 1 });
  await app.register(desk, { prefix, audit: new Audit(store), requireRole, notify });
  /** The Authorization header of a new account with that role. */
  const session = async (login: string, role: 'operator' | 'supervisor') => `Bearer ${issue((await accounts.create({ login, password: `${login}-pass-1`, role }))!)}`;
  return { app, session };
}

describe('an operator desk declared once', () => {
  let store: Store;
  let app: FastifyInstance;
  let supervisor: string;
  let operator: string;
  const parcels = new Map<string, Parcel>();
  const told: Told[] = [];
  let notifierDown = false;
  const notify = async (conversationId: string, text: CitizenText, key: string) => {
    if (notifierDown) throw new Error('outbox down');
    told.push({ conversationId, text, key });
  };

  beforeAll(async () => {
    store = createMemoryStore();
    let session: (login: string, role: 'operator' | 'supervisor') => Promise<string>;
    ({ app, session } = await appWith(store, deskPlugin(parcelDesk(parcels)), '/api/operator/parcels', notify));
    [supervisor, operator] = await Promise.all([session('sveta', 'supervisor'), session('aigerim', 'operator')]);
  });
  afterAll(() => app.close());
  beforeEach(() => {
    parcels.clear();
    told.length = 0;
    notifierDown = false;
    for (const [id, region, status, conversationId] of [
      ['a', 'astana', 'waiting', 'web-a'],
      ['b', 'astana', 'sent', undefined],
      ['c', 'almaty', 'waiting', undefined],
      ['d', 'astana', 'delivered', 'web-d'],
    ] as const) {
      parcels.set(id, { id, region, status, ...(conversationId ? { conversationId } : {}) });
    }
  });

  const call = (method: 'GET' | 'PATCH' | 'POST', url: string, payload?: object, authorization: string | null = supervisor) =>
    app.inject({ method, url, ...(payload ? { payload } : {}), headers: authorization ? { authorization } : {} });

  it('lists by the declared filters, a page at a time, with the whole count in X-Total-Count', async () => {
    const first = await call('GET', '/api/operator/parcels?region=astana');
    expect(first.statusCode).toBe(200);
    expect(first.headers['x-total-count']).toBe('3');
    expect(first.json().map((p: Parcel) => p.id)).toEqual(['a', 'b']);
    const second = await call('GET', '/api/operator/parcels?region=astana&offset=2&limit=2');
    expect(second.headers['x-total-count']).toBe('3');
    expect(second.json().map((p: Parcel) => p.id)).toEqual(['d']);
    const waiting = await call('GET', '/api/operator/parcels?status=waiting&limit=3');
    expect(waiting.json().map((p: Parcel) => p.id)).toEqual(['a', 'c']);
    expect(waiting.headers['x-total-count']).toBe('2');

    const tooMany = await call('GET', '/api/operator/parcels?limit=4');
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().error).toEqual({ code: 'bad_request', message: expect.stringMatching(/^querystring\/limit: /) });
    expect((await call('GET', '/api/operator/parcels?status=lost')).statusCode).toBe(400);
  });

  it('opens one record, and answers an unknown id with a coded 404', async () => {
    expect((await call('GET', '/api/operator/parcels/c')).json()).toEqual({ id: 'c', region: 'almaty', status: 'waiting' });
    for (const [method, payload] of [
      ['GET', undefined],
      ['PATCH', { status: 'sent' }],
    ] as const) {
      const missing = await call(method, '/api/operator/parcels/zzz', payload);
      expect(missing.statusCode).toBe(404);
      expect(missing.json()).toEqual({ error: { code: 'not_found', message: 'No such parcel' } });
    }
  });

  it('refuses a change that fails the declared body with a message naming the field', async () => {
    const wrong = await call('PATCH', '/api/operator/parcels/a', { status: 'lost' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error).toEqual({ code: 'bad_request', message: expect.stringMatching(/^body\/status: /) });
    const long = await call('PATCH', '/api/operator/parcels/a', { status: 'sent', note: 'x'.repeat(21) });
    expect(long.json().error.message).toBe('body/note: at most 20 characters');
    expect(parcels.get('a')!.status).toBe('waiting');
  });

  it("answers the declaration's refusal as a coded 409, and changes nothing", async () => {
    const refused = await call('PATCH', '/api/operator/parcels/d', { status: 'sent' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toEqual({ error: { code: 'already_delivered', message: 'The parcel is delivered already' } });
    expect(parcels.get('d')!.status).toBe('delivered');
    expect(told).toEqual([]);
  });

  it("audits every change made and hands the citizen's message to the notifier", async () => {
    const before = (await new Audit(store).list(1000)).length;
    const sent = await call('PATCH', '/api/operator/parcels/a', { status: 'sent' });
    expect(sent.statusCode).toBe(200);
    expect(sent.json()).toEqual({ id: 'a', region: 'astana', status: 'sent', conversationId: 'web-a' });
    expect(told).toEqual([]);
    const delivered = await call('PATCH', '/api/operator/parcels/a', { status: 'delivered' });
    expect(delivered.json().status).toBe('delivered');
    expect(told).toEqual([{ conversationId: 'web-a', text: { kk: 'Сәлемдеме жеткізілді.', ru: 'Посылка доставлена.' }, key: 'parcel:a:delivered' }]);

    const entries = (await new Audit(store).list(1000)).slice(0, -before || undefined);
    expect(entries.map(({ actor, action, target, details }) => ({ actor, action, target, details }))).toEqual([
      { actor: 'sveta', action: 'parcel.deliver', target: 'a', details: { status: 'delivered' } },
      { actor: 'sveta', action: 'parcel.send', target: 'a', details: { status: 'sent' } },
    ]);
  });

  it('keeps a change made when the notifier fails', async () => {
    notifierDown = true;
    const delivered = await call('PATCH', '/api/operator/parcels/a', { status: 'delivered' });
    expect(delivered.statusCode).toBe(200);
    expect(parcels.get('a')!.status).toBe('delivered');
  });

  it('creates through the declaration, 201 and audited, or its coded refusal', async () => {
    const created = await call('POST', '/api/operator/parcels', { region: 'shymkent' });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toEqual({ id: 'p5', region: 'shymkent', status: 'waiting' });
    expect((await new Audit(store).list(1))[0]).toMatchObject({ actor: 'sveta', action: 'parcel.create', target: 'p5' });
    const refused = await call('POST', '/api/operator/parcels', { region: 'nowhere' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe('no_region');
    expect((await call('POST', '/api/operator/parcels', {})).json().error.message).toMatch(/^body\/region: /);
  });

  it('lets in only the declared roles, and nobody without a session — before reading the body', async () => {
    for (const [method, url, payload] of [
      ['GET', '/api/operator/parcels', undefined],
      ['GET', '/api/operator/parcels/a', undefined],
      ['PATCH', '/api/operator/parcels/a', { status: 'nonsense' }],
      ['POST', '/api/operator/parcels', { region: 'astana' }],
    ] as const) {
      const anonymous = await call(method, url, payload, null);
      expect(anonymous.statusCode, `${method} ${url}`).toBe(401);
      expect(anonymous.json().error.code).toBe('unauthorized');
      expect((await call(method, url, payload, 'Bearer forged')).statusCode).toBe(401);
      const wrongRole = await call(method, url, payload, operator);
      expect(wrongRole.statusCode, `${method} ${url}`).toBe(403);
      expect(wrongRole.json().error.code).toBe('forbidden');
    }
    expect(parcels.size).toBe(4);
    expect(parcels.get('a')!.status).toBe('waiting');
  });
});

describe('the call-back desk', () => {
  it('marks a call, tells the citizen a missed call once per attempt, and tells the consoles', async () => {
    const store = createMemoryStore();
    const callbacks = new Callbacks(store);
    await callbacks.effect({ type: 'callback.request', phone: '+77012345678', topic: null }, { conversation: { id: 'web-cb', lang: 'kk' } as never, idempotencyKey: 'turn-1' });
    const {
      items: [request],
    } = await callbacks.list();
    const published: OperatorEvent[] = [];
    const told: Told[] = [];
    const desk = callbackDesk({ callbacks, handoff: { publish: async (event) => void published.push(event) }, texts });
    const { app, session } = await appWith(store, deskPlugin(desk), '/api/operator/callbacks', async (conversationId, text, key) => void told.push({ conversationId, text, key }));
    const authorization = await session('aigerim', 'operator');
    const patch = (payload: object) => app.inject({ method: 'PATCH', url: `/api/operator/callbacks/${request!.id}`, payload, headers: { authorization } });

    expect((await patch({ status: 'not_reached', note: 'не берёт трубку' })).json()).toMatchObject({ status: 'not_reached', attempts: 1, handledBy: 'aigerim', note: 'не берёт трубку' });
    expect(told).toEqual([
      { conversationId: 'web-cb', text: { kk: texts.t('kk', 'operator:callback_missed'), ru: texts.t('ru', 'operator:callback_missed') }, key: `callback:${request!.id}:missed:1` },
    ]);
    // The call that got through is a call too.
    expect((await patch({ status: 'reached' })).json()).toMatchObject({ status: 'reached', attempts: 2 });
    expect(told).toHaveLength(1);
    expect(published.map((e) => e.type === 'callback' && e.status)).toEqual(['not_reached', 'reached']);
    expect((await new Audit(store).list(10)).map((e) => [e.action, e.target, e.details])).toEqual([
      ['callback.mark', request!.id, { status: 'reached' }],
      ['callback.mark', request!.id, { status: 'not_reached' }],
    ]);
    await app.close();
  });
});
