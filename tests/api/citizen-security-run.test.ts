import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOME_VISIT_BOOKING, HOME_VISIT_PERSONAL, type Step } from '../support/home-visit-script';
import { capturedProductLog } from '../support/log';
import { startTestServer, type TestServer } from '../support/server';
import { ChatClient, type Frame } from '../support/ws-client';

/** Tuesday 8 December 2026, 11:00 in Astana. */
const NOW = new Date('2026-12-08T11:00:00+05:00');
const TOKEN = 'status-api-token-for-the-run-0123456789';
const IIN = '850520400003';
const STUDENT = 'Әлімжанова Гүлнұр';
const COMPLAINANT = 'Сапарова Айгерим';

/** Everything personal the citizen types in the run: none of it may reach a log line. */
const PERSONAL = [...HOME_VISIT_PERSONAL, IIN, STUDENT, 'Әлімжанова', COMPLAINANT, '№ 12 мектеп', '+77011234567'];
/** What must not stay in full in the transcript or the reloaded history: IINs, phones, the street. */
const MASKED_THERE = [IIN, '701 123 45 67', '7011234567', '702 765 43 21', '7027654321', 'проспект Абая'];

/**
 * A widget citizen who sends one step after another and reloads the page now and then, as a person
 * would over a long session (one socket takes a burst of 20 frames, then 3 a second).
 */
class Widget {
  private client!: ChatClient;
  private token = '';
  private sent = 0;
  conversationId = '';

  constructor(private readonly server: TestServer) {}

  async open(): Promise<Frame[]> {
    this.client = await ChatClient.connect(this.server.wsUrl);
    const frames = await this.client.exchange({ type: 'hello', lang: 'ru', ...(this.token ? { token: this.token } : {}) });
    const session = frames.find((f) => f.type === 'session')!;
    this.token = session.token;
    this.conversationId = session.conversationId;
    this.sent = 0;
    return frames;
  }

  async step(step: Step): Promise<Frame[]> {
    if (++this.sent > 15) {
      this.client.close();
      await this.open();
      this.sent = 1;
    }
    return this.client.exchange('press' in step ? { type: 'choice', id: step.press } : { type: 'text', text: step.type });
  }

  async steps(steps: readonly Step[]): Promise<Frame[]> {
    let last: Frame[] = [];
    for (const step of steps) last = await this.step(step);
    return last;
  }

  close(): void {
    this.client.close();
  }
}

const press = (...ids: string[]): Step[] => ids.map((id) => ({ press: id }));
const type = (...texts: string[]): Step[] => texts.map((text) => ({ type: text }));
const said = (frames: Frame[]) =>
  frames
    .filter((f) => f.type === 'message')
    .map((f) => f.text)
    .join('\n');

describe('a whole citizen session over the widget', () => {
  let server: TestServer;
  const captured = capturedProductLog('debug');
  beforeAll(async () => {
    server = await startTestServer({ LOG_LEVEL: 'debug', STATUS_API_TOKEN: TOKEN, DEFAULT_LANG: 'ru' }, { log: captured.log, now: () => NOW });
  });
  afterAll(() => server.close());

  it('fills a form, books a home visit, looks up a status and files a complaint, and no log line carries the personal data or a signed link', async () => {
    const widget = new Widget(server);
    await widget.open();

    // A filled form, downloaded by its signed link.
    await widget.steps([
      ...press('menu:checklist', 'svc:duplicate-school', 'ans:channel:provider_office', 'ans:applicant:parent', 'ans:reason:damaged', 'nav:form'),
      ...type('№ 12 мектеп', STUDENT, IIN, '2002'),
    ]);
    const formDone = await widget.steps(press('q:skip', 'q:document:certificate', 'q:confirm'));
    const link = formDone.find((f) => f.type === 'message' && f.attachment)!.attachment.url as string;
    expect((await fetch(`${server.url}${link}`)).status).toBe(200);

    // A home visit for a parent, with the usual mistakes, on another page.
    const booking = new Widget(server);
    await booking.open();
    for (const [step, expected] of HOME_VISIT_BOOKING) {
      const frames = await booking.step(step);
      if (expected) expect(said(frames), JSON.stringify(step)).toMatch(expected);
    }
    booking.close();

    // A status look-up by number and IIN.
    const put = await fetch(`${server.url}/api/applications/SC-2026-0417`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ iin: IIN, serviceId: 'duplicate-school', status: 'in_review', submittedAt: '2026-12-04T12:00:00+05:00', channel: 'state_corporation' }),
    });
    expect(put.status).toBe(201);
    expect(said(await widget.steps([...press('menu:status'), ...type('SC-2026-0417', IIN)]))).toMatch(/Заявление № SC-2026-0417/);

    // A complaint about a State Corporation employee.
    await widget.steps([
      ...press('menu:complaint', 'cp:against:state_corporation', 'cp:svc:duplicate-school', 'cp:go', 'q:category:improper_treatment'),
      ...type('Сотрудник ЦОН не принял документы.'),
      ...press('q:skip', 'q:skip'),
    ]);
    await widget.steps([...type('Принять документы.', COMPLAINANT, IIN, '+7 701 123 45 67'), ...press('q:skip', 'q:consent:yes', 'q:confirm')]);
    expect(said(await widget.step({ press: 'cp:files_done' }))).toMatch(/Жалоба зарегистрирована: № CMP-2026-\d{6}/);
    widget.close();

    // The transcripts operators read, and the history a reloaded page shows, keep IINs, phones and the street masked.
    for (const page of [widget, booking]) {
      const transcript = (await server.store.conversations.transcript(page.conversationId)).map((e) => e.text).join('\n');
      const reloaded = await page.open();
      const history = (reloaded.find((f) => f.type === 'history')!.messages as Frame[]).map((m) => m.text).join('\n');
      page.close();
      expect(transcript).toContain('•••••••• 0003');
      for (const [where, text] of [
        ['transcript', transcript],
        ['history', history],
      ] as const)
        for (const secret of MASKED_THERE) expect(text, `${where} shows ${secret}`).not.toContain(secret);
    }

    const log = captured.text();
    expect(log).toContain('/api/forms/');
    const signature = /sig=([^&]+)/.exec(link)![1]!;
    for (const secret of [...PERSONAL, signature, 'sig=']) expect(log, `the log carries ${secret}`).not.toContain(secret);
  }, 60_000);
});
