import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Audit } from '../../api/operator/audit';
import { HomeVisits } from '../../bot/home-visits';
import { renderNotifyText } from '../../bot/notify';
import { addCalendarDays, isWorkingDay, todayInAlmaty } from '../../domain/calendar';
import { bookableDays, type VisitRequest, type VisitWindow } from '../../domain/home-visit';
import type { Reply } from '../../flows/types';
import { createTexts } from '../../locales/i18n';
import type { Conversation } from '../../store/types';
import { startTestServer, type TestServer } from '../support/server';

const IIN = '850520400003';
const CAPACITY = 2;
/** Every letter Kazakh adds to the Russian alphabet. */
const KAZAKH_LETTERS = ['ә', 'ғ', 'қ', 'ң', 'ө', 'ұ', 'ү', 'һ', 'і'];
const texts = createTexts();

/** What the citizen's chat (Russian) says of a visit, in the words of the locales. */
function told(key: string, visit: { number: string; date: string; window: VisitWindow; employee?: string }): string {
  const message = renderNotifyText({
    key: `home_visit:told.${key}`,
    vars: { number: visit.number, employee: visit.employee ?? '', reason: '' },
    dates: { date: visit.date },
    texts: { window: `home_visit:window.${visit.window}` },
  });
  return (message(texts.translator('ru'), { lang: 'ru' } as Conversation) as Reply).text;
}

/** What a citizen gives, with what each visit changes. */
function request(change: Partial<VisitRequest> & { date: string }): VisitRequest {
  return {
    window: 'morning',
    address: { region: 'almaty', street: 'проспект Абая', house: '10' },
    applicant: { name: 'Сапаров Болат Ержанович', iin: IIN },
    phone: '+77011234567',
    phoneOf: 'applicant',
    serviceId: 'duplicate-school',
    needs: [],
    lang: 'ru',
    ...change,
  };
}

describe('the home-visit desk of the operator API', () => {
  let server: TestServer;
  let citizenVisits: HomeVisits;
  let days: string[];
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};

  const call = async (method: 'GET' | 'PATCH' | 'POST', url: string, options: { body?: object; as?: string; headers?: Record<string, string> } = {}) => {
    const response = await server.app.inject({
      method,
      url,
      ...(options.body ? { payload: options.body } : {}),
      headers: { authorization: `Bearer ${tokens[options.as ?? 'aigerim']}`, ...options.headers },
    });
    return {
      status: response.statusCode,
      headers: response.headers,
      body: response.body ? (String(response.headers['content-type']).startsWith('application/json') ? response.json() : response.body) : null,
      raw: response.rawPayload,
    };
  };
  /** What the system told the citizen of a conversation, in order. */
  const toldIn = async (conversationId: string) => (await server.store.conversations.transcript(conversationId)).filter((entry) => entry.from === 'system').map((entry) => entry.text);

  beforeAll(async () => {
    server = await startTestServer({
      OPERATOR_BOOTSTRAP: 'aigerim:aigerim-pass-1:operator,sveta:sveta-pass-1:supervisor',
      HOME_VISIT_CAPACITY: String(CAPACITY),
      JWT_SECRET: 'home-visit-desk-test-secret-0123456789abcdef',
    });
    for (const login of ['aigerim', 'sveta']) {
      const response = await server.app.inject({ method: 'POST', url: '/api/operator/login', payload: { login, password: `${login}-pass-1` } });
      tokens[login] = response.json().token;
    }
    days = bookableDays(todayInAlmaty());
    // Citizens book in the chat: their conversations exist, and HomeVisits on the same store holds the places.
    citizenVisits = new HomeVisits(server.store, { default: CAPACITY, byRegion: {} }, async () => undefined);
    for (const id of ['web-hv-a', 'web-hv-b']) await server.engine.handle({ conversationId: id, channel: 'web', langHint: 'ru', event: { type: 'start' } });
    const book = async (name: string, visit: VisitRequest) => (ids[name] = (await citizenVisits.book(visit, `test-${name}`)).id);
    await book(
      'a',
      request({
        date: days[0]!,
        applicant: { name: 'Өмірзақ Ғалымұлы Әбілқайыр', iin: IIN },
        actingFor: { name: 'Сапарова Айгерим' },
        phoneOf: 'representative',
        phone: '+77027654321',
        address: { region: 'almaty', street: 'Үшқоңыр көшесі', house: '7', flat: '12', landmark: 'Шаһар саябағының қасында' },
        needs: ['wheelchair', 'other'],
        needsNote: 'Лифт жоқ, 5-қабат',
        conversationId: 'web-hv-a',
      }),
    );
    await book('b', request({ date: days[0]!, window: 'afternoon', address: { region: 'almaty', street: 'Абая', house: '1' }, conversationId: 'web-hv-b' }));
    await book('c', request({ date: days[0]!, address: { region: 'astana', street: 'Кенесары', house: '5' } }));
    await book('d', request({ date: days[1]!, address: { region: 'almaty', street: 'Сатпаева', house: '3' } }));
  });
  afterAll(() => server?.close());

  it('lists visits by day, region and status, with the whole count in X-Total-Count and the contract shape', async () => {
    const day = await call('GET', `/api/operator/home-visits?date=${days[0]}&region=almaty`);
    expect(day.status).toBe(200);
    expect(day.headers['x-total-count']).toBe('2');
    expect(day.body.map((v: { id: string }) => v.id)).toEqual([ids.a, ids.b]);
    expect(day.body[0]).toMatchObject({
      id: ids.a,
      number: expect.stringMatching(/^HV-\d{4}-\d{6}$/),
      status: 'requested',
      date: days[0],
      window: 'morning',
      region: 'almaty',
      address: { region: 'almaty', street: 'Үшқоңыр көшесі', house: '7', flat: '12', landmark: 'Шаһар саябағының қасында' },
      applicant: { name: 'Өмірзақ Ғалымұлы Әбілқайыр', phone: '+77027654321' },
      actingFor: { name: 'Сапарова Айгерим' },
      phoneOf: 'representative',
      serviceId: 'duplicate-school',
      needs: ['wheelchair', 'other'],
      needsNote: 'Лифт жоқ, 5-қабат',
      conversationId: 'web-hv-a',
      createdAt: expect.any(String),
      history: [{ status: 'requested', at: expect.any(String), by: 'citizen', date: days[0], window: 'morning' }],
    });
    expect(Object.keys(day.body[0].applicant)).toEqual(['name', 'phone']);
    // The desk does not need the IIN, and does not get it.
    expect(JSON.stringify(day.body)).not.toContain(IIN);

    const allDay = await call('GET', `/api/operator/home-visits?date=${days[0]}`);
    expect(allDay.headers['x-total-count']).toBe('3');
    const region = await call('GET', '/api/operator/home-visits?region=almaty&limit=1');
    expect(region.headers['x-total-count']).toBe('3');
    expect(region.body).toHaveLength(1);
    const astana = await call('GET', '/api/operator/home-visits?region=astana&status=requested');
    expect(astana.body.map((v: { id: string }) => v.id)).toEqual([ids.c]);
    expect((await call('GET', `/api/operator/home-visits?date=${days[0]}&region=almaty&status=done`)).headers['x-total-count']).toBe('0');
    expect((await call('GET', `/api/operator/home-visits/${ids.d}`)).body).toMatchObject({ id: ids.d, date: days[1], region: 'almaty' });

    for (const wrong of ['date=2026-02-30', 'date=10.12.2026', 'region=moscow', 'status=lost']) {
      const refused = await call('GET', `/api/operator/home-visits?${wrong}`);
      expect(refused.status, wrong).toBe(400);
      expect(refused.body.error.code).toBe('bad_request');
    }
    expect((await call('GET', '/api/operator/home-visits/nosuchvisit')).status).toBe(404);
  });

  it('confirms, assigns and closes a visit, telling the citizen each step, and refuses a move back', async () => {
    const patch = (body: object) => call('PATCH', `/api/operator/home-visits/${ids.a}`, { body });
    const confirmed = await patch({ status: 'confirmed' });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.status).toBe('confirmed');
    expect(await toldIn('web-hv-a')).toEqual([told('confirmed', confirmed.body)]);

    const unnamed = await patch({ status: 'assigned' });
    expect(unnamed.status).toBe(400);
    expect(unnamed.body.error.code).toBe('employee_required');

    const assigned = await patch({ status: 'assigned', employee: 'Ерлан Жумабаев' });
    expect(assigned.body).toMatchObject({ status: 'assigned', employee: 'Ерлан Жумабаев' });
    expect((await toldIn('web-hv-a')).at(-1)).toBe(told('assigned', assigned.body));
    expect((await toldIn('web-hv-a')).at(-1)).toContain('Ерлан Жумабаев');

    const done = await patch({ status: 'done' });
    expect(done.body.status).toBe('done');
    expect(done.body.history.map((e: { status: string; by: string }) => `${e.status}:${e.by}`)).toEqual(['requested:citizen', 'confirmed:aigerim', 'assigned:aigerim', 'done:aigerim']);
    expect(await toldIn('web-hv-a')).toEqual([told('confirmed', confirmed.body), told('assigned', assigned.body), told('done', done.body)]);

    const back = await patch({ status: 'confirmed' });
    expect(back.status).toBe(409);
    expect(back.body.error).toEqual({ code: 'not_allowed', message: expect.stringMatching(/cannot go to that status/) });
    expect((await call('GET', `/api/operator/home-visits/${ids.a}`)).body.status).toBe('done');

    for (const wrong of [{}, { status: 'lost' }, { employee: 'x'.repeat(121) }, { reason: 'x'.repeat(501) }, { window: 'evening' }, { date: '2026-13-01' }]) {
      const refused = await patch(wrong);
      expect(refused.status, JSON.stringify(wrong)).toBe(400);
    }
  });

  it('moves a visit only into a window with a place left, on a bookable day, and tells the citizen', async () => {
    const full = days[2]!;
    for (const n of [1, 2]) await citizenVisits.book(request({ date: full, address: { region: 'almaty', street: 'Толе би', house: String(n) } }), `full-${n}`);
    const move = (body: object) => call('PATCH', `/api/operator/home-visits/${ids.b}`, { body });

    const refused = await move({ date: full, window: 'morning' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('slot_full');
    expect((await call('GET', `/api/operator/home-visits/${ids.b}`)).body).toMatchObject({ date: days[0], window: 'afternoon' });

    let weekend = addCalendarDays(days[0]!, 1);
    while (isWorkingDay(weekend)) weekend = addCalendarDays(weekend, 1);
    const offDay = await move({ date: weekend });
    expect(offDay.status).toBe(400);
    expect(offDay.body.error.code).toBe('not_bookable');

    const moved = await move({ date: full, window: 'afternoon' });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ date: full, window: 'afternoon', status: 'requested' });
    // The refused moves told the citizen nothing; the one made, once.
    expect(await toldIn('web-hv-b')).toEqual([told('moved', moved.body)]);
  });

  const caller = {
    date: '',
    window: 'afternoon',
    address: { region: 'shymkent', street: 'Тауке хана', house: '15', flat: '3' },
    applicant: { name: 'Нұрланова Гүлнар', iin: IIN },
    phone: '8 (701) 555-12-34',
    phoneOf: 'applicant',
    serviceId: 'duplicate-higher',
    needs: ['hearing'],
    lang: 'kk',
  };

  it('books for a caller: a wrong IIN, a foreign phone, a service without visits and a full window are refused; a good one is listed', async () => {
    const book = (change: object, headers: Record<string, string> = {}) => call('POST', '/api/operator/home-visits', { body: { ...caller, date: days[3], ...change }, headers });

    const wrongIin = await book({ applicant: { name: 'Нұрланова Гүлнар', iin: '850520400004' } });
    expect(wrongIin.status).toBe(400);
    expect(wrongIin.body.error.message).toMatch(/^body\/applicant\/iin: .*check digit/);
    const foreign = await book({ phone: '+7 495 123 45 67' });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.message).toMatch(/^body\/phone: not a Kazakh number/);
    expect((await book({ phone: '+1 202 555 0100' })).body.error.message).toMatch(/^body\/phone: /);
    const noVisits = await book({ serviceId: 'dormitory' });
    expect(noVisits.status).toBe(400);
    expect(noVisits.body.error.message).toMatch(/^body\/serviceId: /);
    const notBookable = await book({ date: todayInAlmaty() });
    expect(notBookable.status).toBe(400);
    expect(notBookable.body.error.code).toBe('not_bookable');

    const first = await book({}, { 'idempotency-key': 'call-1' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      status: 'requested',
      date: days[3],
      window: 'afternoon',
      region: 'shymkent',
      applicant: { name: 'Нұрланова Гүлнар', phone: '+77015551234' },
      needs: ['hearing'],
      lang: 'kk',
    });
    expect(first.body.conversationId).toBeUndefined();
    expect(first.body.history).toEqual([{ status: 'requested', at: expect.any(String), by: 'aigerim', date: days[3], window: 'afternoon' }]);
    // The same call sent again (a retry) books nothing more.
    const again = await book({}, { 'idempotency-key': 'call-1' });
    expect(again.body.id).toBe(first.body.id);
    const second = await book({ applicant: { name: 'Омаров Серік', iin: IIN } });
    expect(second.status).toBe(201);

    const full = await book({ applicant: { name: 'Үшінші Адам', iin: IIN } });
    expect(full.status).toBe(409);
    expect(full.body.error).toEqual({ code: 'slot_full', message: expect.any(String) });

    const listed = await call('GET', `/api/operator/home-visits?date=${days[3]}&region=shymkent`);
    expect(listed.headers['x-total-count']).toBe('2');
    expect(listed.body.map((v: { id: string }) => v.id)).toContain(first.body.id);
  });

  it('audits every change and booking without the IIN, phone or address', async () => {
    const entries = (await new Audit(server.store).list(1000)).filter((entry) => entry.action.startsWith('home_visit.'));
    expect(entries.map((e) => e.action)).toEqual(expect.arrayContaining(['home_visit.status', 'home_visit.move', 'home_visit.book']));
    expect(entries.find((e) => e.action === 'home_visit.status' && e.target === ids.a && e.details?.status === 'assigned')).toMatchObject({
      actor: 'aigerim',
      details: { from: 'confirmed', status: 'assigned', employee: 'Ерлан Жумабаев' },
    });
    const written = JSON.stringify(entries);
    for (const secret of [IIN, '7027654321', '702 765', '7015551234', 'Үшқоңыр', 'Тауке хана', 'Абая']) expect(written).not.toContain(secret);
  });

  it('shows supervisors the load of the next ten working days, and refuses it to operators', async () => {
    const refused = await call('GET', '/api/operator/home-visits/load?region=almaty');
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('forbidden');
    const load = await call('GET', '/api/operator/home-visits/load?region=almaty', { as: 'sveta' });
    expect(load.status).toBe(200);
    expect(load.body).toHaveLength(days.length * 2);
    expect(load.body[0]).toEqual({ region: 'almaty', date: days[0], window: 'morning', booked: 1, capacity: CAPACITY });
    expect(load.body.find((w: { date: string; window: string }) => w.date === days[2] && w.window === 'morning')).toMatchObject({ booked: 2, capacity: CAPACITY });
    // The visit moved from the first day's afternoon freed its place there.
    expect(load.body.find((w: { date: string; window: string }) => w.date === days[0] && w.window === 'afternoon')).toMatchObject({ booked: 0 });
    const everywhere = await call('GET', '/api/operator/home-visits/load', { as: 'sveta' });
    expect(everywhere.body).toHaveLength(20 * days.length * 2);
  });

  it('is described in the OpenAPI document, booking body included', async () => {
    const spec = (await server.app.inject({ method: 'GET', url: '/docs/json' })).json();
    expect(Object.keys(spec.paths).filter((path) => path.startsWith('/api/operator/home-visits'))).toEqual(
      expect.arrayContaining(['/api/operator/home-visits/', '/api/operator/home-visits/{id}', '/api/operator/home-visits/load', '/api/operator/home-visits/route-list']),
    );
    const booking = spec.paths['/api/operator/home-visits/'].post.requestBody.content['application/json'].schema;
    expect(booking.properties.phone.type).toBe('string');
    expect(booking.properties.applicant.properties.iin.type).toBe('string');
  });

  describe('the route list of a day', () => {
    beforeAll(async () => {
      // Another visit of the first day in Almaty, cancelled: it is left off the list.
      const cancelled = await citizenVisits.book(
        request({ date: days[0]!, window: 'afternoon', applicant: { name: 'Отменённый Выезд', iin: IIN }, address: { region: 'almaty', street: 'Абылай хана', house: '2' } }),
        'cancel-me',
      );
      await call('PATCH', `/api/operator/home-visits/${cancelled.id}`, { body: { status: 'cancelled', reason: 'Передумал' } });
      await citizenVisits.book(request({ date: days[0]!, window: 'afternoon', applicant: { name: 'Бекова Дана', iin: IIN }, address: { region: 'almaty', street: 'Абая', house: '44' } }), 'afternoon');
    });

    it('comes as CSV for Excel: BOM, semicolons, a Kazakh header row, by window then address, none cancelled', async () => {
      const csv = await call('GET', `/api/operator/home-visits/route-list?date=${days[0]}&region=almaty&format=csv&lang=kk`);
      expect(csv.status).toBe(200);
      expect(csv.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
      expect(csv.headers['content-disposition']).toBe(`attachment; filename="route-${days[0]}-almaty.csv"`);
      expect([...csv.raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = csv.raw.toString('utf8').slice(1).split('\r\n');
      expect(lines[0]).toBe('Нөмір;Уақыты;Аты-жөні;Телефон;Мекенжай;Ерекшеліктер;Қызмет;Қызметкер');
      const rows = lines.slice(1).filter(Boolean);
      expect(rows).toHaveLength(2);
      expect(rows[0]).toMatch(/^HV-\d{4}-\d{6};Түске дейін;Өмірзақ Ғалымұлы Әбілқайыр \(шақырған: Сапарова Айгерим\);8 702 765 43 21 \(Сапарова Айгерим\);/);
      expect(rows[0]).toContain('Үшқоңыр көшесі, 7-үй, 12-пәтер, бағдар: Шаһар саябағының қасында');
      expect(rows[0]).toContain(';Арбамен жүреді, Басқа, Лифт жоқ, 5-қабат;');
      expect(rows[0]).toMatch(/;Ерлан Жумабаев$/);
      expect(rows[1]).toMatch(/;Түстен кейін;Бекова Дана;8 701 123 45 67;Абая, 44-үй;/);
      expect(csv.raw.toString('utf8')).not.toContain('Отменённый');
      for (const letter of KAZAKH_LETTERS) expect(csv.raw.toString('utf8')).toContain(letter);

      const ru = await call('GET', `/api/operator/home-visits/route-list?date=${days[0]}&region=almaty&lang=ru`);
      expect(ru.raw.toString('utf8').slice(1).split('\r\n')[0]).toBe('Номер;Время;ФИО;Телефон;Адрес;Особенности;Услуга;Сотрудник');
    });

    it('comes as a printable PDF whose Kazakh letters come back out of it', async () => {
      const pdf = await call('GET', `/api/operator/home-visits/route-list?date=${days[0]}&region=almaty&format=pdf&lang=kk`);
      expect(pdf.status).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.headers['content-disposition']).toBe(`attachment; filename="route-${days[0]}-almaty.pdf"`);
      const dir = mkdtempSync(join(tmpdir(), 'route-list-'));
      try {
        const file = join(dir, 'route.pdf');
        writeFileSync(file, pdf.raw);
        const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
        expect(text).toContain('Үйге келу маршрут парағы');
        expect(text).toContain('Алматы');
        for (const word of ['Өмірзақ', 'Ғалымұлы', 'Әбілқайыр', 'Үшқоңыр', 'Шаһар', 'Бекова', 'Түске дейін', 'Қызметкер']) expect(text).toContain(word);
        for (const letter of KAZAKH_LETTERS) expect(text).toContain(letter);
        expect(text).not.toContain('Отменённый');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('needs a day and a region, and a session', async () => {
      expect((await call('GET', '/api/operator/home-visits/route-list?region=almaty')).status).toBe(400);
      expect((await call('GET', `/api/operator/home-visits/route-list?date=${days[0]}`)).status).toBe(400);
      const anonymous = await server.app.inject({ method: 'GET', url: `/api/operator/home-visits/route-list?date=${days[0]}&region=almaty` });
      expect(anonymous.statusCode).toBe(401);
    });
  });
});
