import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Complaints } from '../../bot/complaints';
import { EffectRefusal } from '../../bot/engine';
import { renderNotifyText, type NotifyText } from '../../bot/notify';
import type { ComplaintFiling } from '../../domain/complaint';
import type { Reply } from '../../flows/types';
import { createTexts } from '../../locales/i18n';
import type { Conversation, Store } from '../../store/types';
import { factories } from '../support/stores';

const texts = createTexts();
const IIN = '850520400003';

function filing(change: Partial<ComplaintFiling> = {}): ComplaintFiling {
  return {
    against: 'provider',
    serviceId: 'duplicate-school',
    category: 'term_missed',
    text: 'Дубликат аттестата не выдали в срок.',
    asks: 'Выдать дубликат.',
    complainant: { name: 'Сапарова Күләш', iin: IIN, contact: '+77011234567' },
    conversationId: 'web-complaint',
    lang: 'ru',
    ...change,
  };
}

/** What the citizen's chat says, in the given language. */
const said = (text: NotifyText, lang: 'kk' | 'ru') => (renderNotifyText(text)(texts.translator(lang), { lang } as Conversation) as Reply).text;

describe.each(factories)('complaints on the %s store', (name, open) => {
  let store: Store;
  let told: { conversationId: string; text: NotifyText; key: string }[];
  /** The clock of the complaints: Friday 5 February 2027, 10:00 in Almaty, unless a test moves it. */
  let now: Date;
  let complaints: Complaints;
  beforeAll(async () => {
    store = await open(`complaints-${randomUUID()}`);
    told = [];
    now = new Date('2027-02-05T10:00:00+05:00');
    complaints = new Complaints(
      store,
      async (conversationId, text, key) => void told.push({ conversationId, text, key }),
      () => now,
    );
  });
  beforeEach(() => {
    now = new Date('2027-02-05T10:00:00+05:00');
  });
  afterAll(() => store.close());

  it('files a complaint with its number, addressee, registration day and due date, once per key', async () => {
    const first = await complaints.file(filing(), 'k-1');
    expect(first.number).toMatch(/^CMP-2027-\d{6}$/);
    expect(first.value).toMatchObject({ status: 'registered', addresseeId: 'provider', addressee: { ru: 'Руководитель школы' }, registeredOn: '2027-02-05', dueDate: '2027-02-12', attachments: [] });
    expect(first.value.history).toEqual([{ status: 'registered', action: 'file', at: now.toISOString(), by: 'citizen' }]);
    const again = await complaints.file(filing({ text: 'Другой текст' }), 'k-1');
    expect(again.id).toBe(first.id);
    expect(again.value.text).toBe(first.value.text);
    const second = await complaints.file(filing(), 'k-2');
    expect(second.number).not.toBe(first.number);
    expect(await complaints.getByNumber(second.number)).toMatchObject({ id: second.id });
  });

  it('sends a complaint against the State Corporation to its branch (closing at 20:00), and refuses it for a service the State Corporation does not take', async () => {
    now = new Date('2027-02-05T19:00:00+05:00');
    const sc = await complaints.file(filing({ against: 'state_corporation' }), 'k-sc');
    expect(sc.value).toMatchObject({ addresseeId: 'state_corporation', registeredOn: '2027-02-05' });
    const late = await complaints.file(filing(), 'k-late');
    expect(late.value).toMatchObject({ addresseeId: 'provider', registeredOn: '2027-02-08', dueDate: '2027-02-15' });
    const chosen = await complaints.file(filing({ addresseeId: 'authorised_body' }), 'k-ab');
    // The authorised body's 15 working days, from Monday.
    expect(chosen.value).toMatchObject({ addresseeId: 'authorised_body', registeredOn: '2027-02-08', dueDate: '2027-03-01' });
    await expect(complaints.file(filing({ serviceId: 'correct-education-document', against: 'state_corporation' }), 'k-no-sc')).rejects.toEqual(new EffectRefusal('no_state_corporation'));
    await expect(complaints.file(filing({ addresseeId: 'akimat' }), 'k-akimat')).rejects.toEqual(new EffectRefusal('wrong_addressee'));
    await expect(complaints.file(filing({ serviceId: 'nonexistent' }), 'k-none')).rejects.toEqual(new EffectRefusal('unknown_service'));
  });

  it('accepts, extends and answers a complaint, keeps the history and tells the citizen each step in their language', async () => {
    told = [];
    const { id, number } = await complaints.file(filing({ conversationId: 'web-acts' }), 'k-acts');
    const accepted = await complaints.act(id, 'accept', {}, 'aigerim');
    expect(accepted).toMatchObject({ done: true, complaint: { value: { status: 'accepted' } } });
    const extended = await complaints.act(id, 'extend', { workingDays: 10, reason: 'Нужна проверка на месте.' }, 'aigerim');
    expect(extended).toMatchObject({ done: true, complaint: { value: { status: 'extended', dueDate: '2027-02-12', extendedTo: '2027-02-26' } } });
    expect(await complaints.act(id, 'extend', { workingDays: 1, reason: 'Ещё.' }, 'aigerim')).toEqual({ done: false, code: 'extended_once' });
    expect(await complaints.act(id, 'accept', {}, 'aigerim')).toEqual({ done: false, code: 'not_allowed' });
    const answered = await complaints.act(id, 'answer', { text: 'Дубликат готов, его можно забрать в школе.' }, 'aigerim');
    expect(answered.done && answered.complaint.value.history.map((e) => `${e.action}:${e.status}:${e.by}`)).toEqual([
      'file:registered:citizen',
      'accept:accepted:aigerim',
      'extend:extended:aigerim',
      'answer:answered:aigerim',
    ]);
    expect(told.map((t) => t.conversationId)).toEqual(['web-acts', 'web-acts', 'web-acts']);
    expect(new Set(told.map((t) => t.key)).size).toBe(3);
    expect(told.map((t) => said(t.text, 'ru'))).toEqual([
      `Жалоба № ${number} принята к рассмотрению. Срок ответа — 12 февраля 2027 г.`,
      `Срок рассмотрения жалобы № ${number} продлён. Причина: Нужна проверка на месте.\nНовый срок ответа — 26 февраля 2027 г.`,
      `Ответ на жалобу № ${number}:\nДубликат готов, его можно забрать в школе.\nЕсли вы не согласны с ответом, жалобу можно подать в уполномоченный орган по оценке и контролю за качеством оказания государственных услуг, а после — обратиться в суд.`,
    ]);
    expect(said(told[1]!.text, 'kk')).toContain('26 ақпан');
    for (const t of told) expect(said(t.text, 'kk')).toContain(number);
    expect(await complaints.act('no-such-id', 'accept', {}, 'aigerim')).toEqual({ done: false, code: 'not_found' });
  });

  it('refuses an extension where the procedure has none, and more than 10 working days', async () => {
    const correction = await complaints.file(filing({ serviceId: 'correct-education-document' }), 'k-corr');
    expect(await complaints.act(correction.id, 'extend', { workingDays: 5, reason: 'Нужны сведения.' }, 'aigerim')).toEqual({ done: false, code: 'no_extension' });
    const school = await complaints.file(filing(), 'k-long');
    expect(await complaints.act(school.id, 'extend', { workingDays: 11, reason: 'Долго.' }, 'aigerim')).toEqual({ done: false, code: 'too_long' });
    expect((await complaints.get(school.id))?.value.status).toBe('registered');
  });

  it('lists by status, addressee and service, and the overdue ones first', async () => {
    const space = await open(`complaints-list-${randomUUID()}`);
    try {
      let clock = new Date('2027-02-01T10:00:00+05:00');
      const list = new Complaints(
        space,
        async () => undefined,
        () => clock,
      );
      const old = await list.file(filing({ serviceId: 'duplicate-tvet' }), 'old'); // due 8 February
      const oldSc = await list.file(filing({ against: 'state_corporation' }), 'old-sc'); // due 8 February
      const answered = await list.file(filing(), 'answered');
      await list.act(answered.id, 'answer', { text: 'Ответ.' }, 'sveta');
      clock = new Date('2027-02-05T10:00:00+05:00');
      const recent = await list.file(filing(), 'recent'); // due 12 February
      clock = new Date('2027-02-09T10:00:00+05:00');

      const overdue = await list.list({ overdue: true });
      expect(overdue.items.map((r) => r.id).sort()).toEqual([old.id, oldSc.id].sort());
      expect(overdue.total).toBe(2);
      expect((await list.list({ overdue: true }, { offset: 1, limit: 1 })).items).toHaveLength(1);
      expect((await list.list({ overdue: true, addressee: 'state_corporation' })).items.map((r) => r.id)).toEqual([oldSc.id]);
      expect((await list.list({ overdue: true, serviceId: 'duplicate-tvet' })).items.map((r) => r.id)).toEqual([old.id]);
      expect((await list.list({ overdue: true, status: 'answered' })).total).toBe(0);

      const all = await list.list({});
      expect(all.total).toBe(4);
      // Open ones by due date, the overdue first; the answered last.
      expect(all.items.map((r) => r.id).slice(2)).toEqual([recent.id, answered.id]);
      expect((await list.list({ status: 'answered' })).items.map((r) => r.id)).toEqual([answered.id]);
      expect((await list.list({ addressee: 'provider', serviceId: 'duplicate-school' })).items.map((r) => r.id)).toEqual([recent.id, answered.id]);
      expect((await list.list({ status: 'registered', addressee: 'provider' })).total).toBe(2);

      // Extended past today, it is no longer overdue.
      await list.act(old.id, 'extend', { workingDays: 5, reason: 'Нужны сведения.' }, 'sveta');
      expect((await list.list({ overdue: true })).items.map((r) => r.id)).toEqual([oldSc.id]);
    } finally {
      await space.close();
    }
  });

  it.runIf(name === 'redis')('gives 100 complaints filed at once 100 distinct numbers', async () => {
    const filed = await Promise.all(Array.from({ length: 100 }, (_, i) => complaints.file(filing({ conversationId: `web-many-${i}` }), `many-${i}`)));
    expect(new Set(filed.map((r) => r.number)).size).toBe(100);
    expect(new Set(filed.map((r) => r.id)).size).toBe(100);
    // The same 100 again: nothing new.
    const again = await Promise.all(Array.from({ length: 100 }, (_, i) => complaints.file(filing(), `many-${i}`)));
    expect(again.map((r) => r.number)).toEqual(filed.map((r) => r.number));
  });
});
