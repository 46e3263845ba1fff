import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../bot/engine';
import type { Runtime } from '../../bot/runtime';
import { isEraseRequest } from '../../flows/erase';
import type { Store } from '../../store/types';
import { fillSchoolForm, IIN, NAME, TO_SCHOOL_FORM, visitRequest } from '../support/citizen-data';
import { testRuntime } from '../support/runtime';
import { factories } from '../support/stores';

describe('typed requests to delete one’s data', () => {
  it('are recognised in Russian and Kazakh and as a command, and nothing else is', () => {
    for (const text of ['удалить мои данные', 'Удалите мои данные!', 'удали мои данные, пожалуйста', 'деректерімді өшір', 'Менің деректерімді өшіріңіз', '/delete'])
      expect(isEraseRequest(text), text).toBe(true);
    for (const text of ['мои данные', 'удалить заявление', 'деректер', 'меню']) expect(isEraseRequest(text), text).toBe(false);
  });
});

describe.each(factories)('"delete my data" on the %s store', (_name, open) => {
  let store: Store;
  let runtime: Runtime;
  beforeAll(async () => {
    store = await open(randomUUID());
    runtime = testRuntime(store, { defaultLang: 'ru' });
  });
  afterAll(() => store.close());

  const say = async (conversationId: string, event: EngineEvent) => (await runtime.engine.handle({ conversationId, channel: 'web', event, eventId: randomUUID() })).replies;

  /** A citizen who filled the school form, booked a home visit and subscribed to an application's status. */
  async function citizenWithData(conversationId: string, lang: 'kk' | 'ru') {
    await runtime.engine.handle({ conversationId, channel: 'web', event: { type: 'start' }, langHint: lang });
    for (const id of TO_SCHOOL_FORM) await say(conversationId, { type: 'choice', id });
    await fillSchoolForm((event) => say(conversationId, event));
    const visit = await runtime.homeVisits.book(visitRequest(conversationId, lang), `visit-${conversationId}`);
    const number = `SC-2026-${conversationId.slice(-6)}`;
    await runtime.applications.update(number, { iin: IIN, serviceId: 'duplicate-school', status: 'registered', submittedAt: '2026-12-04T12:00:00+05:00', channel: 'state_corporation' });
    await runtime.applications.subscribe(number, conversationId);
    return { visit, number };
  }

  it('asks with buttons, then erases the transcript, the collected data and the subscriptions, keeps the booking and says for how long', async () => {
    const id = `web-erase-${randomUUID().slice(0, 8)}`;
    const { visit, number } = await citizenWithData(id, 'ru');
    expect((await store.conversations.transcript(id)).map((e) => e.text).join('\n')).toContain(NAME);
    expect(Object.keys((await store.conversations.get(id))!.data)).not.toEqual([]);

    // Two photos sent in the chat: one went with a filed complaint, the other was not used.
    const photo = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
    const filedPhoto = await store.files.put(photo, { name: 'отказ.jpg', mime: 'image/jpeg', owner: id });
    const loosePhoto = await store.files.put(photo, { name: 'паспорт.jpg', mime: 'image/jpeg', owner: id });
    await runtime.complaints.file(
      {
        against: 'provider',
        serviceId: 'duplicate-school',
        category: 'term_missed',
        text: 'Дубликат аттестата не выдали в срок.',
        asks: 'Выдать дубликат.',
        complainant: { name: NAME, iin: IIN, contact: '+77011234567' },
        conversationId: id,
        lang: 'ru',
        attachments: [{ id: filedPhoto.id, name: 'отказ.jpg', type: 'image/jpeg', size: photo.length }],
      },
      `complaint-${id}`,
    );
    // An earlier request to an operator kept the citizen's own words for the contact centre.
    await runtime.engine.change(id, (c) => ({ conversation: { ...c, handoff: { queue: 'general', priority: 0, topic: `Дубликат для ${NAME}`, closedReason: 'idle' } } }), 'system');
    const asked = await say(id, { type: 'text', text: 'Удалите мои данные' });
    expect(asked.at(-1)!.text).toMatch(/^Удалить ваши данные\?/);
    expect(asked.at(-1)!.choices).toEqual([
      { id: 'erase:yes', label: 'Да, удалить' },
      { id: 'erase:no', label: 'Нет, оставить' },
    ]);
    // Nothing is erased before the citizen confirms.
    expect((await runtime.applications.subscribedBy(id)).map((a) => a.number)).toEqual([number]);

    const done = await say(id, { type: 'choice', id: 'erase:yes' });
    expect(done[0]!.text).toBe(
      'Ваши данные удалены.\nПо закону остаются заявки на выезд сотрудника Госкорпорации «Правительство для граждан» (ЦОН) на дом и жалобы с ответами на них. Они хранятся 5 лет.',
    );
    expect(done.at(-1)!.choices!.map((c) => c.id)).toContain('menu:checklist');

    const conversation = (await store.conversations.get(id))!;
    expect(conversation.data).toEqual({});
    expect(conversation.handoff).toEqual({ queue: 'general', priority: 0, closedReason: 'idle' });
    expect(conversation.state.flow).toBe('menu');
    const transcript = (await store.conversations.transcript(id)).map((e) => e.text).join('\n');
    for (const gone of [NAME, '№ 12 мектеп', '1234', IIN.slice(-4)]) expect(transcript).not.toContain(gone);
    expect(transcript).toContain('Ваши данные удалены.');
    expect(await runtime.applications.subscribedBy(id)).toEqual([]);
    // The booking is kept, as the law asks.
    expect((await runtime.homeVisits.get(visit.id))!.value.applicant).toEqual({ name: NAME, iin: IIN });
    // The photo filed with the complaint is kept with it; the other is gone.
    expect(await store.files.get(filedPhoto.id)).not.toBeNull();
    expect(await store.files.get(loosePhoto.id)).toBeNull();
    // The form's PDF is gone with the data.
    expect(await runtime.forms.render(id, 'seed000-app1')).toBeNull();
  });

  it('in Kazakh, and "no" returns to the question the citizen was at with everything kept', async () => {
    const id = `web-erase-${randomUUID().slice(0, 8)}`;
    await runtime.engine.handle({ conversationId: id, channel: 'web', event: { type: 'start' }, langHint: 'kk' });
    for (const id2 of TO_SCHOOL_FORM) await say(id, { type: 'choice', id: id2 });
    await say(id, { type: 'text', text: '№ 12 мектеп' });
    const before = (await store.conversations.get(id))!.state;

    const asked = await say(id, { type: 'text', text: 'деректерімді өшір' });
    expect(asked.at(-1)!.text).toMatch(/^Деректеріңізді өшіреміз бе\?/);
    const typed = await say(id, { type: 'text', text: 'хм' });
    expect(typed[0]!.text).toBe('Төмендегі батырмалардың бірін басыңыз.');
    const kept = await say(id, { type: 'choice', id: 'erase:no' });
    expect(kept[0]!.text).toBe('Жарайды, ештеңе өшірілмеді.');
    expect((await store.conversations.get(id))!.state).toEqual(before);
    expect((await store.conversations.transcript(id)).map((e) => e.text).join('\n')).toContain('№ 12 мектеп');

    await say(id, { type: 'text', text: '/delete' });
    const done = await say(id, { type: 'choice', id: 'erase:yes' });
    expect(done[0]!.text).toBe(
      'Деректеріңіз өшірілді.\nЗаң бойынша «Азаматтарға арналған үкімет» мемлекеттік корпорациясы (ХҚКО) қызметкерін үйге шақыру өтінімдері мен шағымдар және оларға берілген жауаптар өшірілмейді: олар 5 жыл сақталады.',
    );
    expect((await store.conversations.transcript(id)).map((e) => e.text).join('\n')).not.toContain('№ 12 мектеп');
  });
});
