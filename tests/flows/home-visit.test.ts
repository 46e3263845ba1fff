import { describe, expect, it } from 'vitest';
import type { Runtime } from '../../bot/runtime';
import { createMemoryStore } from '../../store/memory';
import type { Store } from '../../store/types';
import { texts } from '../support/engine';
import { testRuntime } from '../support/runtime';

/** Tuesday 8 December 2026, 11:00 in Astana: the ten bookable working days run from 9 to 23 December, around Independence Day on the 16th. */
const NOW = new Date('2026-12-08T11:00:00+05:00');

function runtimeOn(store: Store, capacity = 4): Runtime {
  return testRuntime(store, { homeVisitCapacity: { default: capacity, byRegion: {} }, now: () => NOW });
}

type Event = { type: 'choice'; id: string } | { type: 'text'; text: string } | { type: 'start' };

function citizen(runtime: Runtime, conversationId: string) {
  const say = async (event: Event) => (await runtime.engine.handle({ conversationId, channel: 'web', langHint: 'ru', event })).replies;
  const last = async (event: Event) => (await say(event)).at(-1)!;
  const press = (id: string) => last({ type: 'choice', id });
  const type = (text: string) => last({ type: 'text', text });
  return { say, press, type };
}

/** A new conversation at the visit's "for whom", answered by typing. */
async function forWhomTyped(runtime: Runtime, lang: 'ru' | 'kk', typed: string) {
  const say = (event: Event) => runtime.engine.handle({ conversationId: `web-visit-for-${typed}`, channel: 'web', langHint: lang, event });
  await say({ type: 'start' });
  await say({ type: 'choice', id: 'menu:home_visit' });
  return say({ type: 'text', text: typed });
}

/** Fills the visit questionnaire of a relative booking for a parent in Almaty, with two mistakes on the way. */
async function fillForRelative(c: ReturnType<typeof citizen>) {
  expect((await c.type('Сапарова Айгерим')).text).toMatch(/К кому придёт сотрудник\?/);
  await c.type('Сапаров Болат Ержанович');
  expect((await c.say({ type: 'text', text: '123456789012' })).map((r) => r.text).join('\n')).toMatch(/ИИН/);
  expect((await c.type('850520400003')).text).toMatch(/Кому позвонит сотрудник\?/);
  await c.press('q:phone_of:representative');
  expect((await c.say({ type: 'text', text: '+1 202 555 0100' })).map((r) => r.text).join('\n')).toMatch(/\+7/);
  await c.type('8 701 123 45 67');
  await c.press('q:address:almaty');
  await c.type('проспект Абая');
  await c.type('10');
  await c.press('q:skip');
  await c.press('q:skip');
  await c.press('q:skip');
  await c.press('q:needs:wheelchair');
  await c.press('q:skip');
  return c.press('q:consent:yes');
}

/**
 * A citizen books for themselves up to the choice of the day: the service's checklist answered with
 * its first options, the data given, the summary confirmed.
 */
async function toTheDays(c: ReturnType<typeof citizen>, service: string, address: { region: string; street: string; house: string }, need: string) {
  await toTheNeeds(c, service, address);
  await c.press(`q:needs:${need}`);
  await c.press('q:skip');
  await c.press('q:consent:yes');
  return c.press('q:confirm');
}

/** A citizen books for themselves up to "what should the employee know": the address given, its optional parts skipped. */
async function toTheNeeds(c: ReturnType<typeof citizen>, service: string, address: { region: string; street: string; house: string }) {
  await c.say({ type: 'start' });
  await c.press('menu:home_visit');
  await c.press('hv:self');
  await c.press('hv:eligible:yes');
  // The service's checklist asks its questions first (not where to apply: the State Corporation comes).
  let reply = await c.press(`hv:svc:${service}`);
  while (reply.choices?.some((ch) => ch.id.startsWith('ans:'))) reply = await c.press(reply.choices.find((ch) => ch.id.startsWith('ans:'))!.id);
  await c.press('menu:home_visit');
  await c.type('Сапаров Болат Ержанович');
  await c.type('850520400003');
  await c.type('87011234567');
  await c.press(`q:address:${address.region}`);
  await c.type(address.street);
  await c.type(address.house);
  for (let i = 0; i < 3; i++) await c.press('q:skip');
}

describe('booking a home visit in the chat', () => {
  it('takes a typed "нет" at what the employee should know for "Ничего особенного"', async () => {
    const runtime = runtimeOn(createMemoryStore());
    const c = citizen(runtime, 'web-visit-needs-none');
    await toTheNeeds(c, 'duplicate-school', { region: 'almaty', street: 'проспект Абая', house: '10' });
    expect((await c.type('нет')).text).toMatch(/Что ещё сказать сотруднику\?/);
    await c.press('q:skip');
    expect((await c.press('q:consent:yes')).text).toContain('Особенности: Ничего особенного');
  });

  it('a relative books for a parent: checklist first, data with corrections, a typed holiday refused, then the number once stored', async () => {
    const store = createMemoryStore();
    const runtime = runtimeOn(store);
    const c = citizen(runtime, 'web-visit-1');
    await c.say({ type: 'start' });
    expect((await c.press('menu:home_visit')).text).toBe('Для кого вызываете сотрудника?');
    expect((await c.press('hv:other')).text).toMatch(/Этот человек полностью или частично утратил возможность/);
    expect((await c.press('hv:eligible:yes')).choices!.map((ch) => ch.id)).toEqual(['hv:svc:duplicate-school', 'hv:svc:duplicate-tvet', 'hv:svc:duplicate-higher', 'hv:checklist']);
    // The service's checklist comes first, so the documents are ready when the employee comes.
    const checklist = await c.say({ type: 'choice', id: 'hv:svc:duplicate-school' });
    expect(checklist[0]!.text).toMatch(/Сначала ответьте на несколько вопросов/);
    // Where to apply is not asked: the employee who comes is the State Corporation's.
    expect(checklist.at(-1)!.choices!.map((ch) => ch.id)).toEqual(['ans:applicant:self', 'ans:applicant:parent', 'nav:back']);
    await c.press('ans:applicant:parent');
    const list = await c.press('ans:reason:lost');
    // The list goes back to the booking with one button ("да" takes it), not "I cannot come": the citizen said so already.
    expect(list.choices).toContainEqual({ id: 'menu:home_visit', label: 'Продолжить вызов сотрудника', yes: true });
    expect(list.choices!.map((ch) => ch.id)).not.toContain('nav:cannot_come');
    // Back in the booking where it was left: the questionnaire starts.
    const resumed = await c.say({ type: 'text', text: 'да' });
    expect(resumed[0]!.text).toMatch(/Продолжим запись/);
    expect(resumed.at(-1)!.text).toMatch(/Ваши фамилия, имя и отчество \(вы оформляете вызов\)/);

    const summary = await fillForRelative(c);
    expect(summary.text).toMatch(/ИИН: 850520400003/);
    expect(summary.text).toMatch(/Телефон: \+7 701 123 45 67/);
    // A correction at the summary changes one answer and keeps the others.
    await c.press('q:edit:phone');
    const corrected = await c.type('+7 702 765 43 21');
    expect(corrected.text).toMatch(/Телефон: \+7 702 765 43 21/);
    expect(corrected.text).toMatch(/Сапаров Болат Ержанович/);

    const days = await c.press('q:confirm');
    expect(days.text).toMatch(/Выберите день/);
    expect(days.choices![0]).toEqual({ id: 'hv:day:2026-12-09', label: expect.stringMatching(/9 декабря/) });
    expect(days.choices!.some((ch) => ch.id === 'hv:day:2026-12-16')).toBe(false);
    const holiday = await c.say({ type: 'text', text: '16 декабря' });
    expect(holiday[0]!.text).toMatch(/праздник: День Независимости/);
    expect((await c.type('10.12')).choices!.map((ch) => ch.id)).toEqual(['hv:win:morning', 'hv:win:afternoon', 'hv:back']);
    const booked = await c.press('hv:win:morning');
    expect(booked.text).toMatch(/Заявка на выезд сотрудника № HV-2026-\d{6}\.\nСотрудник придёт 10 декабря 2026 г\., до обеда\./);
    expect(booked.text).toMatch(/Приготовьте документы:/);

    const { items } = await runtime.homeVisits.list({ index: 'conversation', value: 'web-visit-1' });
    expect(items).toHaveLength(1);
    expect(items[0]!.value).toMatchObject({
      date: '2026-12-10',
      window: 'morning',
      status: 'requested',
      serviceId: 'duplicate-school',
      applicant: { name: 'Сапаров Болат Ержанович', iin: '850520400003' },
      actingFor: { name: 'Сапарова Айгерим' },
      phone: '+77027654321',
      phoneOf: 'representative',
      address: { region: 'almaty', street: 'проспект Абая', house: '10' },
      needs: ['wheelchair'],
      conversationId: 'web-visit-1',
    });
    // The transcript keeps no IIN or phone in full.
    const transcript = (await store.conversations.transcript('web-visit-1')).map((e) => e.text).join('\n');
    expect(transcript).not.toContain('850520400003');
    expect(transcript).not.toContain('765 43 21');
  });

  it('offers the next free windows, nothing retyped, to a citizen who lost the last place in a race', async () => {
    const store = createMemoryStore();
    const runtime = runtimeOn(store, 1);
    const c = citizen(runtime, 'web-visit-2');
    await toTheDays(c, 'duplicate-higher', { region: 'astana', street: 'Кенесары', house: '5' }, 'none');
    await c.press('hv:day:2026-12-09');
    // Someone else takes the only place of that morning while this citizen is choosing.
    await runtime.homeVisits.book(
      {
        date: '2026-12-09',
        window: 'morning',
        address: { region: 'astana', street: 'Мәңгілік Ел', house: '8' },
        applicant: { name: 'Басқа', iin: '850520400003' },
        phone: '+77010000000',
        phoneOf: 'applicant',
        serviceId: 'duplicate-higher',
        needs: [],
        lang: 'kk',
      },
      'other-citizen',
    );
    const lost = await c.say({ type: 'choice', id: 'hv:win:morning' });
    expect(lost[0]!.text).toMatch(/это время заняли/);
    expect(lost.at(-1)!.choices![0]!.id).toBe('hv:day:2026-12-09'); // the afternoon is still free
    expect((await c.press('hv:day:2026-12-09')).choices!.map((ch) => ch.id)).toEqual(['hv:win:afternoon', 'hv:back']);
    expect((await c.press('hv:win:afternoon')).text).toMatch(/после обеда/);
  });

  it('takes the day and the window typed as people say them: "завтра", "утром"; "в пятницу", "вечером"', async () => {
    const runtime = runtimeOn(createMemoryStore());
    for (const [id, day, window, booked] of [
      ['web-visit-typed-1', 'завтра', 'утром', /Сотрудник придёт 9 декабря 2026 г\., до обеда\./],
      ['web-visit-typed-2', 'в пятницу', 'вечером', /Сотрудник придёт 11 декабря 2026 г\., после обеда\./],
    ] as const) {
      const c = citizen(runtime, id);
      await toTheDays(c, 'duplicate-school', { region: 'astana', street: 'Кенесары', house: '5' }, 'none');
      expect((await c.type(day)).choices!.map((ch) => ch.id)).toEqual(['hv:win:morning', 'hv:win:afternoon', 'hv:back']);
      expect((await c.say({ type: 'text', text: window })).map((r) => r.text).join('\n')).toMatch(booked);
    }
  });

  it('keeps the service typed before its question: one for the visit, several for that question to offer', async () => {
    const runtime = runtimeOn(createMemoryStore());
    const c = citizen(runtime, 'web-visit-service-ahead');
    await c.say({ type: 'start' });
    await c.press('menu:home_visit');
    await c.press('hv:other');
    const kept = await c.say({ type: 'text', text: 'дубликат диплома' });
    expect(kept.map((r) => r.text)).toEqual(['«дубликат диплома» — записано. Сначала ответьте на этот вопрос.', expect.stringMatching(/утратил возможность/)]);
    const which = await c.press('hv:eligible:yes');
    expect(which.choices!.map((ch) => ch.id)).toEqual(['hv:svc:duplicate-tvet', 'hv:svc:duplicate-higher', 'hv:checklist']);

    const k = citizen(runtime, 'web-visit-service-ahead-one');
    await k.say({ type: 'start' });
    await k.press('menu:home_visit');
    expect((await k.say({ type: 'text', text: 'мектеп аттестаты' }))[0]!.text).toBe('«Дубликат школьного аттестата» — записано. Сначала ответьте на этот вопрос.');
    await k.press('hv:self');
    // The service's checklist opens without the service's question.
    expect((await k.press('hv:eligible:yes')).choices!.map((ch) => ch.id)).toContain('ans:applicant:parent');
  });

  it('takes whom the visit is for typed as people say it: "сама", "для мамы", "өзіме", "анама", "я инвалид"', async () => {
    const runtime = runtimeOn(createMemoryStore());
    for (const [lang, typed, forWhom] of [
      ['ru', 'сама', 'self'],
      ['ru', 'для мамы', 'other'],
      ['ru', 'бабушке 80 лет', 'other'],
      ['kk', 'өзіме керек', 'self'],
      ['kk', 'анама', 'other'],
      // Said of oneself in the first person.
      ['ru', 'я инвалид', 'self'],
      ['ru', 'мне 82 года', 'self'],
      ['ru', 'я для мамы', 'other'],
      ['kk', 'мен мүгедекпін', 'self'],
    ] as const) {
      const { conversation } = await forWhomTyped(runtime, lang, typed);
      expect(conversation.state, typed).toMatchObject({ flow: 'home_visit', step: 'eligibility', data: { forWhom } });
    }
    // Not knowing, or asking, is no answer.
    for (const typed of ['я не знаю', 'я могу?']) expect((await forWhomTyped(runtime, 'ru', typed)).conversation.state, typed).toMatchObject({ step: 'for_whom' });
  });

  it('does not ask whether the person can move when the citizen said they cannot ("не хожу", "лежачая", "жүре алмайды"), and says so back', async () => {
    const runtime = runtimeOn(createMemoryStore());
    for (const [lang, typed, forWhom] of [
      ['ru', 'я инвалид 1 группы, не хожу', 'self'],
      ['ru', 'для мамы, она лежачая', 'other'],
      ['kk', 'анам жүре алмайды', 'other'],
    ] as const) {
      const { conversation, replies } = await forWhomTyped(runtime, lang, typed);
      expect(conversation.state, typed).toMatchObject({ flow: 'home_visit', step: 'service', data: { forWhom, unable: true } });
      expect(replies[0]!.text, typed).toBe(texts.t(lang, forWhom === 'self' ? 'home_visit:unable_told.self' : 'home_visit:unable_told.relative'));
    }
    // The first message that asked for the visit told it too; the service it named is asked about next.
    const c = citizen(runtime, 'web-visit-unable');
    await c.say({ type: 'start' });
    const told = await c.say({ type: 'text', text: 'мама лежачая, нужен дубликат аттестата, пусть сотрудник придёт домой' });
    expect(told.map((r) => r.text)).toContain('Вы написали, что этот человек не может сам передвигаться.');
    expect(told.at(-1)!.text).toMatch(/Кто подаёт заявление\?$/);
  });

  it('puts a citizen who asks for an operator in the middle of a booking first in the queue', async () => {
    const runtime = runtimeOn(createMemoryStore());
    await runtime.presence.set('aigerim', 'online');
    const c = citizen(runtime, 'web-visit-5');
    await c.say({ type: 'start' });
    await c.press('menu:home_visit');
    await c.press('hv:self');
    await c.type('оператор');
    await c.press('op:yes');
    const queued = await runtime.engine.handle({ conversationId: 'web-visit-5', channel: 'web', event: { type: 'text', text: 'Не знаю, подходит ли мама под выезд' } });
    expect(queued.conversation.owner).toBe('queue');
    expect(queued.conversation.handoff).toMatchObject({ priority: 1, resume: { flow: 'home_visit', step: 'eligibility' } });
  });

  it('takes whom the employee calls typed as people say it, and a phone number typed before that question', async () => {
    const toWhomCalled = async (id: string) => {
      const c = citizen(runtimeOn(createMemoryStore()), id);
      await c.say({ type: 'start' });
      for (const press of ['menu:home_visit', 'hv:other', 'hv:eligible:yes', 'hv:svc:duplicate-school', 'ans:applicant:parent', 'ans:reason:lost', 'menu:home_visit']) await c.press(press);
      await c.type('Сапарова Айгерим');
      await c.type('Сапаров Болат Ержанович');
      expect((await c.type('850520400003')).text).toMatch(/Кому позвонит сотрудник\?/);
      return c;
    };
    for (const said of ['маме', 'ей самой', 'мне', 'анама']) expect((await (await toWhomCalled(`web-visit-call-${said}`)).type(said)).text, said).toMatch(/Номер телефона/);
    const early = await toWhomCalled('web-visit-call-early');
    const kept = await early.say({ type: 'text', text: '8 701 123 45 67' });
    expect(kept.map((r) => r.text)).toEqual(['Телефон: +7 701 123 45 67 — записано.', expect.stringMatching(/Кому позвонит сотрудник\?/)]);
    // The number is not asked again: the address is next.
    expect((await early.type('мне')).text).toMatch(/По какому адресу придёт сотрудник\?/);
  });

  it('tells a citizen whose service has no home visit what else they can do', async () => {
    const runtime = runtimeOn(createMemoryStore());
    const c = citizen(runtime, 'web-visit-3');
    await c.say({ type: 'start' });
    await c.press('menu:checklist');
    let reply = await c.press('svc:free-meals');
    while (reply.choices?.some((ch) => ch.id.startsWith('ans:'))) reply = await c.press(reply.choices.find((ch) => ch.id.startsWith('ans:'))!.id);
    // No "I cannot come" under a list whose service provides no visit; the menu's section is still there.
    expect(reply.choices!.map((ch) => ch.id)).not.toContain('nav:cannot_come');
    expect((await c.press('menu:home_visit')).text).toBe('Для кого вызываете сотрудника?');
    await c.press('hv:self');
    const no = await c.press('hv:eligible:no');
    expect(no.text).toMatch(/выезд сотрудника на дом не предусмотрен/);
    expect(no.text).toMatch(/на портале egov\.kz, подписав его ЭЦП или одноразовым паролем/);
    expect(no.text).toMatch(/нотариально удостоверенной доверенности/);
    expect(no.choices!.map((ch) => ch.id)).toEqual(['menu:operator', 'hv:menu']);
  });

  it("moves and cancels a booking from the chat, and sees the contact centre's changes", async () => {
    const store = createMemoryStore();
    const runtime = runtimeOn(store);
    const c = citizen(runtime, 'web-visit-4');
    await toTheDays(c, 'duplicate-tvet', { region: 'shymkent', street: 'Тәуке хан', house: '1' }, 'hearing');
    await c.press('hv:day:2026-12-10');
    const booked = await c.press('hv:win:afternoon');
    const [visit] = (await runtime.homeVisits.list({ index: 'conversation', value: 'web-visit-4' })).items;

    await runtime.homeVisits.change(visit!.id, { status: 'confirmed' }, 'aigerim');
    const told = (await store.conversations.transcript('web-visit-4')).at(-1)!;
    expect(told).toMatchObject({ from: 'system', text: `Выезд № ${visit!.number} подтверждён: 10 декабря 2026 г., после обеда.` });

    const move = booked.choices!.find((ch) => ch.id.startsWith('hv:move:'))!;
    await c.press(move.id);
    await c.press('hv:day:2026-12-11');
    expect((await c.say({ type: 'choice', id: 'hv:win:morning' }))[0]!.text).toBe(`Выезд № ${visit!.number} перенесён на 11 декабря 2026 г., до обеда.`);
    expect((await runtime.homeVisits.get(visit!.id))!.value).toMatchObject({ date: '2026-12-11', window: 'morning', status: 'confirmed' });

    // Coming back later, the citizen sees the visit as it stands and can cancel it.
    await c.type('меню');
    const mine = await c.press('menu:home_visit');
    expect(mine.text).toMatch(new RegExp(`№ ${visit!.number} — 11 декабря 2026 г\\., до обеда\\. Подтверждено\\.`));
    await c.press(mine.choices!.find((ch) => ch.id.startsWith('hv:cancel:'))!.id);
    expect((await c.say({ type: 'choice', id: 'hv:cancel_yes' }))[0]!.text).toBe(`Выезд № ${visit!.number} отменён.`);
    expect((await runtime.homeVisits.get(visit!.id))!.value.status).toBe('cancelled');
  });

  it('moves or cancels the booking asked for in words at the menu or in another journey, and says where to turn when none is booked in the chat', async () => {
    const runtime = runtimeOn(createMemoryStore());
    const none = citizen(runtime, 'web-visit-none');
    await none.say({ type: 'start' });
    const nothing = await none.type('отмените визит пожалуйста');
    expect(nothing.text).toBe('В этом чате нет записанных выездов. Если вы записались по телефону 1414, перенести или отменить выезд поможет оператор.');
    expect(nothing.choices!.map((ch) => ch.id)).toEqual(['hv:new', 'menu:operator', 'hv:menu']);

    const c = citizen(runtime, 'web-visit-typed');
    await toTheDays(c, 'duplicate-tvet', { region: 'shymkent', street: 'Тәуке хан', house: '1' }, 'hearing');
    await c.press('hv:day:2026-12-10');
    await c.press('hv:win:afternoon');
    const [visit] = (await runtime.homeVisits.list({ index: 'conversation', value: 'web-visit-typed' })).items;
    await c.type('меню');
    const days = await c.type('перенесите визит на другой день');
    expect(days.text).toMatch(/^Выберите новый день/);
    await c.press('hv:day:2026-12-11');
    expect((await c.say({ type: 'choice', id: 'hv:win:morning' }))[0]!.text).toBe(`Выезд № ${visit!.number} перенесён на 11 декабря 2026 г., до обеда.`);

    // Typed in another journey, the change goes with the offer to switch.
    await c.type('меню');
    await c.press('menu:checklist');
    await c.press('svc:dormitory');
    const offer = await c.type('отмените выезд, мы сами приедем');
    expect(offer.choices!.map((ch) => ch.id)).toEqual(['go:home_visit:cancel', 'go:stay']);
    expect((await c.press('go:home_visit:cancel')).text).toBe(`Отменить выезд № ${visit!.number}?`);
    expect((await c.say({ type: 'choice', id: 'hv:cancel_yes' }))[0]!.text).toBe(`Выезд № ${visit!.number} отменён.`);
    expect((await runtime.homeVisits.get(visit!.id))!.value.status).toBe('cancelled');
  });

  it("moves the booking to the day the request names: that day's windows at once, or why that day cannot be", async () => {
    const runtime = runtimeOn(createMemoryStore());
    const c = citizen(runtime, 'web-visit-day');
    await toTheDays(c, 'duplicate-tvet', { region: 'shymkent', street: 'Тәуке хан', house: '1' }, 'hearing');
    await c.press('hv:day:2026-12-10');
    await c.press('hv:win:afternoon');
    const [visit] = (await runtime.homeVisits.list({ index: 'conversation', value: 'web-visit-day' })).items;

    // Today is Tuesday 8 December: "пятница" is the 11th.
    await c.type('меню');
    const friday = await c.type('перенесите визит на пятницу пожалуйста');
    expect(friday.text).toBe('11 декабря 2026 г.: когда удобно?');
    expect(friday.choices!.map((ch) => ch.id)).toEqual(['hv:win:morning', 'hv:win:afternoon', 'hv:back']);
    expect((await c.say({ type: 'choice', id: 'hv:win:morning' }))[0]!.text).toBe(`Выезд № ${visit!.number} перенесён на 11 декабря 2026 г., до обеда.`);

    // A day off is refused for what it is, with the days to choose from; so is a day named in a sentence at the days.
    await c.type('меню');
    const saturday = await c.say({ type: 'text', text: 'перенесите визит на субботу' });
    expect(saturday.map((r) => r.text)).toEqual(['12 декабря 2026 г. — выходной. Выберите рабочий день.', expect.stringMatching(/^Выберите новый день/)]);
    expect((await c.type('а на 17?')).text).toBe('17 декабря 2026 г.: когда удобно?');
    await c.press('hv:back');
    expect((await c.type('тогда давайте в среду')).text).toBe('9 декабря 2026 г.: когда удобно?');

    // Typed in another journey, the day goes with the offer to switch; from the day it was, to the one it is moved to.
    await c.type('меню');
    await c.press('menu:checklist');
    await c.press('svc:dormitory');
    const offer = await c.type('перенесите выезд с пятницы на 14 декабря');
    expect(offer.choices!.map((ch) => ch.id)).toEqual(['go:home_visit:move', 'go:stay']);
    expect((await c.press('go:home_visit:move')).text).toBe('14 декабря 2026 г.: когда удобно?');
  });
});
