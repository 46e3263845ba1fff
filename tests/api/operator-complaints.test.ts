import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Audit } from '../../api/operator/audit';
import { Complaints } from '../../bot/complaints';
import { renderNotifyText } from '../../bot/notify';
import { todayInAlmaty } from '../../domain/calendar';
import type { ComplaintFiling } from '../../domain/complaint';
import type { Reply } from '../../flows/types';
import { createTexts } from '../../locales/i18n';
import type { Conversation } from '../../store/types';
import { startTestServer, type TestServer } from '../support/server';

const IIN = '850520400003';
const PHONE = '+77011234567';
const ADDRESS = 'Алматы, улица Жандосова, 12, кв. 5';
const texts = createTexts();

function filing(change: Partial<ComplaintFiling> = {}): ComplaintFiling {
  return {
    against: 'provider',
    serviceId: 'duplicate-school',
    category: 'term_missed',
    text: 'Дубликат аттестата не выдали в срок, хотя прошло 15 рабочих дней.',
    asks: 'Выдать дубликат и объяснить задержку.',
    complainant: { name: 'Сапарова Күләш', iin: IIN, contact: PHONE, postalAddress: ADDRESS },
    lang: 'ru',
    ...change,
  };
}

describe('the complaint desk of the operator API', () => {
  let server: TestServer;
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const numbers: Record<string, string> = {};

  const call = async (method: 'GET' | 'PATCH', url: string, options: { body?: object; as?: string } = {}) => {
    const response = await server.app.inject({
      method,
      url,
      ...(options.body ? { payload: options.body } : {}),
      headers: { authorization: `Bearer ${tokens[options.as ?? 'aigerim']}` },
    });
    return { status: response.statusCode, headers: response.headers, body: response.body ? response.json() : null };
  };
  const toldIn = async (conversationId: string) => (await server.store.conversations.transcript(conversationId)).filter((entry) => entry.from === 'system').map((entry) => entry.text);
  const told = (key: string, vars: Record<string, string>, due: string) =>
    (renderNotifyText({ key: `complaint:told.${key}`, vars, dates: { due } })(texts.translator('ru'), { lang: 'ru' } as Conversation) as Reply).text;

  beforeAll(async () => {
    server = await startTestServer({
      OPERATOR_BOOTSTRAP: 'aigerim:aigerim-pass-1:operator,sveta:sveta-pass-1:supervisor',
      JWT_SECRET: 'complaint-desk-test-secret-0123456789abcdef',
    });
    for (const login of ['aigerim', 'sveta']) {
      const response = await server.app.inject({ method: 'POST', url: '/api/operator/login', payload: { login, password: `${login}-pass-1` } });
      tokens[login] = response.json().token;
    }
    for (const id of ['web-cmp-a', 'web-cmp-b']) await server.engine.handle({ conversationId: id, channel: 'web', langHint: 'ru', event: { type: 'start' } });
    // Filed in the chat: two of them forty days ago, so they are overdue today.
    const long = new Date(Date.now() - 40 * 86_400_000);
    const past = new Complaints(
      server.store,
      async () => undefined,
      () => long,
    );
    const present = new Complaints(server.store, async () => undefined);
    const file = async (name: string, complaints: Complaints, value: ComplaintFiling) => {
      const record = await complaints.file(value, `test-${name}`);
      ids[name] = record.id;
      numbers[name] = record.number;
    };
    await file('old', past, filing({ conversationId: 'web-cmp-a', applicationNumber: 'KZ-000123', attachments: [{ id: 'att-1', name: 'заявление.pdf', type: 'application/pdf', size: 120_000 }] }));
    await file('oldSc', past, filing({ against: 'state_corporation', category: 'improper_treatment' }));
    await file('new', present, filing({ conversationId: 'web-cmp-b' }));
    await file('correction', present, filing({ serviceId: 'correct-education-document', category: 'error_in_result', against: 'result' }));
  });
  afterAll(() => server?.close());

  it('lists complaints by status, addressee, service and overdue, with X-Total-Count and the contract shape, without the IIN', async () => {
    const all = await call('GET', '/api/operator/complaints');
    expect(all.status).toBe(200);
    expect(all.headers['x-total-count']).toBe('4');
    // Open ones by due date: the overdue first.
    expect(
      all.body
        .slice(0, 2)
        .map((c: { id: string }) => c.id)
        .sort(),
    ).toEqual([ids.old, ids.oldSc].sort());
    const old = all.body.find((c: { id: string }) => c.id === ids.old);
    expect(old).toMatchObject({
      id: ids.old,
      number: expect.stringMatching(/^CMP-\d{4}-\d{6}$/),
      status: 'registered',
      against: 'provider',
      addressee: 'provider',
      serviceId: 'duplicate-school',
      applicationNumber: 'KZ-000123',
      category: 'term_missed',
      text: filing().text,
      registeredOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      dueDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      attachments: [{ id: 'att-1', name: 'заявление.pdf', type: 'application/pdf', size: 120_000 }],
      conversationId: 'web-cmp-a',
      createdAt: expect.any(String),
      addresseeName: { ru: 'Руководитель школы' },
      complainant: { name: 'Сапарова Күләш', iinMasked: '850520*****3', contact: PHONE, postalAddress: ADDRESS },
      overdue: true,
      actions: ['accept', 'forward', 'extend', 'answer', 'close'],
    });
    expect(old).not.toHaveProperty('extendedTo');
    expect(JSON.stringify(all.body)).not.toContain(IIN);

    const overdue = await call('GET', '/api/operator/complaints?overdue=true');
    expect(overdue.headers['x-total-count']).toBe('2');
    expect(overdue.body.every((c: { overdue: boolean; dueDate: string }) => c.overdue && c.dueDate < todayInAlmaty())).toBe(true);
    const sc = await call('GET', '/api/operator/complaints?overdue=true&addressee=state_corporation');
    expect(sc.body.map((c: { id: string }) => c.id)).toEqual([ids.oldSc]);
    const service = await call('GET', '/api/operator/complaints?serviceId=correct-education-document');
    expect(service.body.map((c: { id: string }) => c.id)).toEqual([ids.correction]);
    const paged = await call('GET', '/api/operator/complaints?status=registered&addressee=provider&limit=1');
    expect(paged.headers['x-total-count']).toBe('3');
    expect(paged.body).toHaveLength(1);
    expect((await call('GET', `/api/operator/complaints/${ids.new}`)).body).toMatchObject({ id: ids.new, overdue: false, conversationId: 'web-cmp-b' });
    expect((await call('GET', '/api/operator/complaints/nosuchcomplaint')).status).toBe(404);
    for (const wrong of ['status=lost', 'addressee=court', 'overdue=yes', 'limit=0']) {
      const refused = await call('GET', `/api/operator/complaints?${wrong}`);
      expect(refused.status, wrong).toBe(400);
      expect(refused.body.error.code).toBe('bad_request');
    }
  });

  it('accepts, extends and answers a complaint, telling the citizen each step, and refuses what the rules do not allow', async () => {
    const patch = (body: object, as = 'aigerim', id = ids.new) => call('PATCH', `/api/operator/complaints/${id}`, { body, as });
    const accepted = await patch({ action: 'accept' });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'accepted', actions: ['forward', 'extend', 'answer', 'close'] });
    expect(await toldIn('web-cmp-b')).toEqual([told('accept', { number: numbers.new! }, accepted.body.dueDate)]);

    const byOperator = await patch({ action: 'extend', workingDays: 5, reason: 'Нужна проверка на месте.' });
    expect(byOperator.status).toBe(403);
    expect(byOperator.body.error.code).toBe('forbidden');

    const extended = await patch({ action: 'extend', workingDays: 10, reason: 'Нужна проверка на месте.' }, 'sveta');
    expect(extended.status).toBe(200);
    expect(extended.body).toMatchObject({ status: 'extended', dueDate: accepted.body.dueDate, extendedTo: expect.any(String) });
    expect(extended.body.extendedTo > accepted.body.dueDate).toBe(true);
    expect((await toldIn('web-cmp-b')).at(-1)).toBe(told('extend', { number: numbers.new!, reason: 'Нужна проверка на месте.' }, extended.body.extendedTo));

    const again = await patch({ action: 'extend', workingDays: 1, reason: 'Ещё раз.' }, 'sveta');
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('extended_once');
    const back = await patch({ action: 'accept' });
    expect(back.status).toBe(409);
    expect(back.body.error.code).toBe('not_allowed');

    const answered = await patch({ action: 'answer', text: 'Дубликат готов, его можно забрать в школе с 9:00 до 18:00.' });
    expect(answered.body).toMatchObject({ status: 'answered', answer: 'Дубликат готов, его можно забрать в школе с 9:00 до 18:00.', overdue: false });
    expect((await toldIn('web-cmp-b')).at(-1)).toBe(
      `Ответ на жалобу № ${numbers.new}:\nДубликат готов, его можно забрать в школе с 9:00 до 18:00.\nЕсли вы не согласны с ответом, жалобу можно подать в уполномоченный орган по оценке и контролю за качеством оказания государственных услуг, а после — обратиться в суд.`,
    );
    const closed = await patch({ action: 'close' });
    expect(closed.body.status).toBe('closed');
    expect(closed.body.history.map((e: { action: string; by: string }) => `${e.action}:${e.by}`)).toEqual(['file:citizen', 'accept:aigerim', 'extend:sveta', 'answer:aigerim', 'close:aigerim']);

    const noExtension = await patch({ action: 'extend', workingDays: 3, reason: 'Нужны сведения.' }, 'sveta', ids.correction);
    expect(noExtension.status).toBe(409);
    expect(noExtension.body.error.code).toBe('no_extension');
    const unanswered = await patch({ action: 'close', reason: 'Отозвана гражданином.' }, 'aigerim', ids.correction);
    expect(unanswered.status).toBe(403);

    for (const wrong of [
      {},
      { action: 'reject' },
      { action: 'extend', workingDays: 11, reason: 'Долго.' },
      { action: 'extend', workingDays: 2.5, reason: 'Долго.' },
      { action: 'extend', workingDays: 3 },
      { action: 'answer' },
      { action: 'answer', text: 'x'.repeat(10_001) },
      { action: 'forward', reason: 'x'.repeat(1001) },
    ]) {
      const refused = await patch(wrong, 'sveta', ids.old);
      expect(refused.status, JSON.stringify(wrong)).toBe(400);
    }
    expect((await call('GET', `/api/operator/complaints/${ids.old}`)).body.status).toBe('registered');
  });

  it('audits every action without the complainant, their IIN, contact or address, nor the texts', async () => {
    const entries = (await new Audit(server.store).list(1000)).filter((entry) => entry.action.startsWith('complaint.'));
    expect(entries.map((e) => e.action)).toEqual(expect.arrayContaining(['complaint.accept', 'complaint.extend', 'complaint.answer', 'complaint.close']));
    expect(entries.find((e) => e.action === 'complaint.extend')).toMatchObject({ actor: 'sveta', target: ids.new, details: { from: 'accepted', status: 'extended', workingDays: 10, reason: true } });
    const written = JSON.stringify(entries);
    for (const secret of [IIN, '7011234567', 'Жандосова', 'Сапарова', 'Нужна проверка', 'Дубликат готов']) expect(written).not.toContain(secret);
  });

  it('needs an operator session', async () => {
    const anonymous = await server.app.inject({ method: 'GET', url: '/api/operator/complaints' });
    expect(anonymous.statusCode).toBe(401);
    const forged = await server.app.inject({ method: 'PATCH', url: `/api/operator/complaints/${ids.old}`, payload: { action: 'accept' }, headers: { authorization: 'Bearer not-a-token' } });
    expect(forged.statusCode).toBe(401);
  });
  it("serves a complaint's listed attachment to operators, and nothing that is not listed", async () => {
    const pdf = Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n');
    const stored = await server.store.files.put(pdf, { name: 'отказ.pdf', mime: 'application/pdf', owner: 'web-cmp-att' });
    const other = await server.store.files.put(pdf, { name: 'чужой.pdf', mime: 'application/pdf', owner: 'web-someone' });
    const record = await new Complaints(server.store, async () => undefined).file(
      filing({ conversationId: 'web-cmp-att', attachments: [{ id: stored.id, name: 'отказ.pdf', type: 'application/pdf', size: stored.size }] }),
      'test-att',
    );
    const get = (fileId: string, token: string | null = tokens.aigerim ?? null) =>
      server.app.inject({ method: 'GET', url: `/api/operator/complaints/${record.id}/attachments/${fileId}`, ...(token ? { headers: { authorization: `Bearer ${token}` } } : {}) });
    const served = await get(stored.id);
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('application/pdf');
    expect(served.rawPayload.equals(pdf)).toBe(true);
    expect((await get(other.id)).statusCode).toBe(404);
    expect((await get(stored.id, null)).statusCode).toBe(401);
  });
});
