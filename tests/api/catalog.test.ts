import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server';

describe('public catalog and calendar API', () => {
  let server: TestServer;
  const get = async (path: string) => {
    const response = await fetch(`${server.url}${path}`);
    return { status: response.status, body: (await response.json()) as any };
  };
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('lists the eleven services in either language', async () => {
    const kk = await get('/api/services?lang=kk');
    expect(kk.status).toBe(200);
    expect(kk.body).toHaveLength(11);
    expect(kk.body[0]).toEqual({ id: 'duplicate-school', title: 'Негізгі орта, жалпы орта білім туралы құжаттардың телнұсқаларын беру', audience: 'citizen' });
    const ru = await get('/api/services?lang=ru');
    expect(ru.body.find((s: any) => s.id === 'state-order-competition').audience).toBe('organisation');
  });

  it('returns one service in the contract shape, with its sources', async () => {
    const { status, body } = await get('/api/services/duplicate-school?lang=ru');
    expect(status).toBe(200);
    expect(body).toMatchObject({
      id: 'duplicate-school',
      audience: 'citizen',
      channels: ['provider_office', 'state_corporation', 'egov_portal'],
      term: { workingDays: 15 },
      fee: { free: true },
      homeVisit: true,
    });
    expect(body.documents.map((d: any) => d.id)).toEqual(['application', 'application_by_parent', 'student_identity_document', 'original_education_document', 'e_application']);
    expect(body.documents.every((d: any) => ['always', 'conditional'].includes(d.required))).toBe(true);
    expect(body.sources.every((s: string) => s.startsWith('000_89b8ef86f4446315.txt, '))).toBe(true);
    const freeMeals = await get('/api/services/free-meals?lang=kk');
    expect(freeMeals.body.term).toMatchObject({ calendarDays: 10 });
  });

  it('says whether the rules state the fee, next to the boolean free (additive)', async () => {
    expect((await get('/api/services/duplicate-school?lang=ru')).body.fee).toMatchObject({ free: true, stated: true });
    const dormitory = await get('/api/services/dormitory?lang=ru');
    expect(dormitory.body.fee).toMatchObject({ free: false, stated: false });
    expect(dormitory.body.fee.text).toMatch(/^В материалах колледжа плата за эту услугу не указана.*1414/);
    expect((await get('/api/services/free-meals?lang=kk')).body.fee).toMatchObject({ free: false, stated: false });
  });

  it('adds the complaint procedure in the requested language: addressees with their terms, extension, forwarding, court, summary (additive)', async () => {
    const ru = (await get('/api/services/duplicate-school?lang=ru')).body.complaint;
    expect(ru.addressees).toEqual([
      { id: 'provider', against: ['provider', 'result'], name: 'Руководитель школы', reviewWorkingDays: 5 },
      { id: 'authorised_body', against: ['provider', 'result'], name: 'Уполномоченный орган по оценке и контролю за качеством оказания государственных услуг', reviewWorkingDays: 15 },
      {
        id: 'state_corporation',
        against: ['state_corporation'],
        name: 'Руководитель филиала Госкорпорации «Правительство для граждан» (ЦОН)',
        address: 'Адреса и телефоны филиалов — на сайте www.gov4c.kz.',
        reviewWorkingDays: 5,
      },
    ]);
    expect(ru.extension).toEqual({ maxWorkingDays: 10, noticeWorkingDays: 3, text: expect.stringContaining('не больше чем на 10 рабочих дней') });
    expect(ru).not.toHaveProperty('forwarding');
    expect(ru.court.text).toMatch(/в суд/);
    expect(ru.summary).toMatch(/^Жалобу на решение или действия школы подайте руководителю школы/);
    expect(ru.notes.join(' ')).toContain('1414');

    const kk = (await get('/api/services/dormitory?lang=kk')).body;
    expect(kk.complaint.addressees.map((a: any) => [a.id, a.reviewWorkingDays])).toEqual([
      ['provider', 5],
      ['akimat', 5],
      ['ministry', 5],
      ['authorised_body', 15],
    ]);
    expect(kk.complaint.addressees[2].address).toBe('010000, Астана қаласы, Мәңгілік Ел даңғылы, 8 немесе Орынбор көшесі, 8');
    expect(kk.complaint.summary).toContain('15 жұмыс күні ішінде');
    expect(kk.complaint).not.toHaveProperty('extension');
    expect(kk.sources).toEqual(expect.arrayContaining([expect.stringContaining('L460-464')]));

    const correction = (await get('/api/services/correct-education-document?lang=ru')).body.complaint;
    expect(correction.forwarding).toEqual({ workingDays: 3, text: expect.stringContaining('Не позднее 3 рабочих дней') });
  });

  it('names the checklist questions and their options in the requested language (additive)', async () => {
    const ru = (await get('/api/services/duplicate-school?lang=ru')).body;
    const kk = (await get('/api/services/duplicate-school?lang=kk')).body;
    expect(ru.questions.map((q: any) => q.id)).toEqual(kk.questions.map((q: any) => q.id));
    const reason = ru.questions.find((q: any) => q.id === 'reason');
    expect(reason).toEqual({ id: 'reason', text: expect.any(String), options: expect.arrayContaining([{ id: 'lost', label: expect.any(String) }]) });
    for (const body of [ru, kk]) {
      for (const q of body.questions) {
        expect(Object.keys(q).sort()).toEqual(['id', 'options', 'text']);
        expect(q.text.length).toBeGreaterThan(0);
        expect(q.options.every((o: any) => Object.keys(o).sort().join() === 'id,label' && o.label.length > 0)).toBe(true);
      }
    }
    expect(kk.questions.find((q: any) => q.id === 'reason').text).not.toBe(reason.text);
    // Every field that was there before stays.
    expect(Object.keys(ru)).toEqual(
      expect.arrayContaining(['id', 'title', 'audience', 'provider', 'channels', 'term', 'fee', 'result', 'documents', 'refusalGrounds', 'homeVisit', 'sources', 'notes']),
    );
    const { body: docs } = await get('/docs/json');
    const schema = docs.paths['/api/services/{id}'].get.responses['200'].content['application/json'].schema;
    expect(schema.properties.questions.description).toMatch(/additive/);
    expect(schema.properties.questions.items.properties.options.items.required).toEqual(expect.arrayContaining(['id', 'label']));
  });

  it('documents fee.stated and the optional deadline parameters in the OpenAPI schema', async () => {
    const { body } = await get('/docs/json');
    const service = body.paths['/api/services/{id}'].get.responses['200'].content['application/json'].schema;
    expect(service.properties.fee.required).toEqual(expect.arrayContaining(['free', 'stated', 'text']));
    expect(service.properties.fee.properties.stated.description).toMatch(/do not state a fee/);
    const deadline = body.paths['/api/calendar/deadline'].get;
    const params = Object.fromEntries(deadline.parameters.map((p: any) => [p.name, p.required ?? false]));
    expect(params).toEqual({ from: true, workingDays: true, at: false, closesAt: false });
  });

  it('answers an unknown service or language with a 4xx in the error contract', async () => {
    expect(await get('/api/services/passport')).toMatchObject({ status: 404, body: { error: { code: 'service_not_found' } } });
    expect(await get('/api/services?lang=en')).toMatchObject({ status: 400, body: { error: { code: 'bad_request' } } });
  });

  it.each([
    ['2026-03-20', 5, '2026-04-01'],
    ['2025-12-30', 3, '2026-01-06'],
    ['2025-01-02', 2, '2025-01-06'],
  ])('computes the deadline from %s plus %i working days as %s', async (from, workingDays, deadline) => {
    expect(await get(`/api/calendar/deadline?from=${from}&workingDays=${workingDays}`)).toEqual({ status: 200, body: { from, workingDays, deadline } });
  });

  it.each([
    // Friday 20 March 2026 before Nauryz (21–25 March off).
    ['2026-03-20', 3, '11:00', '18:00', '2026-03-20', '2026-03-30'],
    ['2026-03-20', 3, '18:30', '18:00', '2026-03-26', '2026-03-31'],
    ['2026-03-20', 3, '18:30', undefined, '2026-03-20', '2026-03-30'],
    // Saturday 22 November 2025, and Nauryz itself.
    ['2025-11-22', 5, '10:00', '20:00', '2025-11-24', '2025-12-01'],
    ['2026-03-23', 0, '10:00', undefined, '2026-03-26', '2026-03-26'],
  ])('with at: from %s + %i working days, made at %s (closing %s), is registered on %s and due on %s', async (from, workingDays, at, closesAt, registeredOn, deadlineFromRegistration) => {
    const query = `from=${from}&workingDays=${workingDays}&at=${at}${closesAt ? `&closesAt=${closesAt}` : ''}`;
    const { status, body } = await get(`/api/calendar/deadline?${query}`);
    expect(status).toBe(200);
    expect(body).toEqual({ from, workingDays, deadline: (await get(`/api/calendar/deadline?from=${from}&workingDays=${workingDays}`)).body.deadline, registeredOn, deadlineFromRegistration });
  });

  it('rejects a bad time, and a closing time without the time of the application, with a 400', async () => {
    expect(await get('/api/calendar/deadline?from=2026-03-20&workingDays=5&at=24:00')).toMatchObject({ status: 400, body: { error: { code: 'bad_request' } } });
    expect(await get('/api/calendar/deadline?from=2026-03-20&workingDays=5&at=18:00&closesAt=6pm')).toMatchObject({ status: 400, body: { error: { code: 'bad_request' } } });
    expect(await get('/api/calendar/deadline?from=2026-03-20&workingDays=5&closesAt=18:00')).toMatchObject({ status: 400, body: { error: { code: 'bad_request' } } });
    expect(await get('/api/calendar/deadline?from=2026-02-30&workingDays=5&at=10:00')).toMatchObject({ status: 400, body: { error: { code: 'invalid_date' } } });
  });

  it('rejects impossible dates and counts with a 400', async () => {
    expect(await get('/api/calendar/deadline?from=2026-02-30&workingDays=5')).toMatchObject({ status: 400, body: { error: { code: 'invalid_date' } } });
    expect(await get('/api/calendar/deadline?from=2026-03-20&workingDays=-1')).toMatchObject({ status: 400, body: { error: { code: 'bad_request' } } });
    expect(await get('/api/calendar/deadline?from=20.03.2026&workingDays=1')).toMatchObject({ status: 400 });
  });
});

describe('NLU API', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  const post = async (body: unknown) => {
    const response = await fetch(`${server.url}/api/nlu/parse`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: response.status, body: (await response.json()) as any };
  };

  it('parses a citizen text into intent, service and language', async () => {
    // The answer grows additively (DESIGN.md §6): the four first fields are checked, not the whole body.
    expect(await post({ text: 'Мен колледж дипломымды жоғалттым' })).toMatchObject({
      status: 200,
      body: { intent: 'checklist', serviceId: 'duplicate-tvet', lang: 'kk', confidence: expect.any(Number) },
    });
    expect((await post({ text: 'позовите оператора' })).body).toMatchObject({ intent: 'operator', serviceId: null, lang: 'ru' });
  });

  it('rejects a missing or empty text with a 400', async () => {
    expect(await post({})).toMatchObject({ status: 400, body: { error: { code: 'bad_request' } } });
    expect(await post({ text: '' })).toMatchObject({ status: 400 });
  });
});
