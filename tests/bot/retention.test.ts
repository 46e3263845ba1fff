import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../bot/engine';
import { RETENTION_JOB } from '../../bot/retention';
import type { Runtime } from '../../bot/runtime';
import type { Store } from '../../store/types';
import { fillSchoolForm, IIN, NAME, TO_SCHOOL_FORM, visitRequest } from '../support/citizen-data';
import { testRuntime } from '../support/runtime';
import { factories } from '../support/stores';

const DAY = 24 * 3600_000;

describe.each(factories)('retention on the %s store', (_name, open) => {
  let store: Store;
  let runtime: Runtime;
  const start = new Date('2026-12-01T06:00:00Z').getTime();
  let now = start;

  beforeAll(async () => {
    store = await open(randomUUID());
    runtime = testRuntime(store, { defaultLang: 'ru', now: () => new Date(now) });
    await runtime.start();
  });
  afterAll(async () => {
    await runtime.stop();
    await store.close();
  });

  const say = (conversationId: string, event: EngineEvent) => runtime.engine.handle({ conversationId, channel: 'web', event, eventId: randomUUID() });
  const transcriptOf = async (id: string) => (await store.conversations.transcript(id)).map((e) => e.text).join('\n');
  /** Moves the clock and waits until the scheduler's daily sweep has run at the new time. */
  async function sweptAt(at: number) {
    now = at;
    const due = await store.jobs.get(RETENTION_JOB);
    expect(due).not.toBeNull();
    for (let waited = 0; (await store.jobs.get(RETENTION_JOB))?.dueAt === due!.dueAt; waited++) {
      if (waited > 200) throw new Error('the retention job did not run');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async function openForm(id: string) {
    await say(id, { type: 'start' });
    for (const choice of TO_SCHOOL_FORM) await say(id, { type: 'choice', id: choice });
  }

  it('deletes drafts and subscriptions after the draft period, anonymises closed conversations after the transcript period, and keeps bookings for the record period', async () => {
    const closed = `web-closed-${randomUUID().slice(0, 8)}`;
    await openForm(closed);
    await fillSchoolForm((event) => say(closed, event));
    await runtime.engine.change(closed, (c) => ({ conversation: { ...c, status: 'closed' }, replies: [{ text: `${NAME.split(' ')[1]}, всего доброго!`, from: 'operator' }] }));
    // Stored as the desk would keep it; the reminder and overdue jobs, which write to the conversation, are left out.
    // Created at the test's clock, as the desk's booking would be: the record period counts from it.
    const { record: visit } = await runtime.homeVisits.records.create({ ...visitRequest(closed, 'ru'), status: 'requested', history: [] } as never, { now: new Date(now) });
    const complaint = await runtime.complaints.file(
      {
        against: 'provider',
        serviceId: 'duplicate-school',
        category: 'term_missed',
        text: `Дубликат для ${NAME} не выдали в срок.`,
        asks: 'Выдать дубликат.',
        complainant: { name: NAME, iin: IIN, contact: '+77011234567' },
        conversationId: closed,
        lang: 'ru',
      },
      `complaint-${closed}`,
    );
    await runtime.applications.update('SC-2026-0901', { iin: IIN, serviceId: 'duplicate-school', status: 'issued', submittedAt: '2026-12-01T10:00:00+05:00', channel: 'state_corporation' });
    await runtime.applications.subscribe('SC-2026-0901', closed);

    const draft = `web-draft-${randomUUID().slice(0, 8)}`;
    await openForm(draft);
    await say(draft, { type: 'text', text: '№ 7 мектеп' });

    // Day 31: the draft period (30) has passed, the transcript period (90) has not.
    await sweptAt(start + 31 * DAY);
    expect((await store.conversations.get(draft))!.state.flow).toBe('menu');
    expect(await runtime.applications.subscribedBy(closed)).toEqual([]);
    expect(await transcriptOf(closed)).toContain(NAME);

    // A conversation the citizen wrote in two days before the sweep is not touched.
    now = start + 89 * DAY;
    const active = `web-active-${randomUUID().slice(0, 8)}`;
    await openForm(active);
    await say(active, { type: 'text', text: 'Школа-гимназия № 3' });

    // Day 91: the closed conversation is anonymised; the booking stays whole.
    await sweptAt(start + 91 * DAY);
    const anonymised = await transcriptOf(closed);
    for (const gone of [NAME, 'Гүлнұр', 'Әлімжанова', '№ 12 мектеп', IIN.slice(-4)]) expect(anonymised).not.toContain(gone);
    expect(anonymised).toContain('•••');
    expect((await store.conversations.get(closed))!.data).toEqual({});
    expect(await runtime.forms.render(closed, 'seed000-app1')).toBeNull();
    expect((await runtime.homeVisits.get(visit.id))!.value.applicant).toEqual({ name: NAME, iin: IIN });
    expect((await runtime.complaints.get(complaint.id))!.value.complainant).toEqual({ name: NAME, iin: IIN, contact: '+77011234567' });
    expect(await transcriptOf(active)).toContain('Школа-гимназия № 3');
    expect((await store.conversations.get(active))!.state.flow).not.toBe('menu');

    // After the record period (1 825 days) the booking loses its personal data, not its facts.
    await sweptAt(start + 1826 * DAY);
    const old = (await runtime.homeVisits.get(visit.id))!.value;
    expect(old.applicant).toEqual({ name: '•••', iin: '•••' });
    expect(old.phone).toBe('•••');
    expect(old.address).toEqual({ region: 'astana', street: '•••', house: '•••' });
    expect(old).toMatchObject({ date: '2026-12-09', window: 'morning', serviceId: 'duplicate-school' });
    const filed = (await runtime.complaints.get(complaint.id))!.value;
    expect(filed).toMatchObject({ complainant: { name: '•••', iin: '•••', contact: '•••' }, text: '•••', asks: '•••', serviceId: 'duplicate-school', category: 'term_missed' });
    expect(JSON.stringify(filed)).not.toContain('Гүлнұр');
  }, 60_000);
});
