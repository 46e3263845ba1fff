import { describe, expect, it } from 'vitest';
import type { Runtime } from '../../bot/runtime';
import { createTexts } from '../../locales/i18n';
import { createMemoryStore } from '../../store/memory';
import { testRuntime } from '../support/runtime';

const texts = createTexts();
const IIN = '850520400003';
const OTHER_IIN = '900101300007';

/** A clock the test moves. */
function clock(start: string) {
  let now = new Date(start);
  return { now: () => now, set: (next: string) => (now = new Date(next)) };
}

function setUp(start = '2026-12-08T11:00:00+05:00') {
  const time = clock(start);
  const store = createMemoryStore();
  const runtime = testRuntime(store, { now: time.now });
  return { time, store, runtime };
}

/** A school-certificate duplicate handed in at the State Corporation on Friday 4 December: 15 working days, across Independence Day. */
const SUBMITTED = { iin: IIN, serviceId: 'duplicate-school', status: 'registered' as const, submittedAt: '2026-12-04T12:00:00+05:00', channel: 'state_corporation' as const };

function citizen(runtime: Runtime, conversationId: string) {
  const say = async (event: { type: 'choice'; id: string } | { type: 'text'; text: string } | { type: 'start' }) =>
    (await runtime.engine.handle({ conversationId, channel: 'web', langHint: 'ru', event })).replies;
  const texted = async (event: Parameters<typeof say>[0]) => (await say(event)).map((r) => r.text).join('\n');
  return { say, texted };
}

describe('application status in the chat', () => {
  it('answers the right IIN with the service, the status, the history and the due date across a holiday', async () => {
    const { runtime } = setUp();
    await runtime.applications.update('SC-2026-0417', SUBMITTED, new Date('2026-12-04T12:00:00+05:00'));
    await runtime.applications.update('SC-2026-0417', { ...SUBMITTED, status: 'in_review', updatedAt: '2026-12-07T10:00:00+05:00' });
    const c = citizen(runtime, 'web-st-1');
    await c.say({ type: 'start' });
    expect(await c.texted({ type: 'choice', id: 'menu:status' })).toMatch(/Напишите номер заявления/);
    expect(await c.texted({ type: 'text', text: 'SC-2026-0417' })).toMatch(/ИИН/);
    const answer = await c.texted({ type: 'text', text: IIN });
    expect(answer).toMatch(/Заявление № SC-2026-0417\nВыдача дубликатов документов об основном среднем, общем среднем образовании\nСейчас/);
    expect(answer).toMatch(/Дата подачи: 4 декабря 2026 г\.\n/);
    expect(answer).toMatch(/Сейчас: заявление рассматривают\./);
    // 15 working days from Friday 4 December skip the weekends and Independence Day (16 December).
    expect(answer).toMatch(/не позднее 28 декабря 2026 г\. \(15 рабочих дней\)/);
    expect(answer).toMatch(/Что было:\n4 декабря 2026 г\. — заявление зарегистрировано\n7 декабря 2026 г\. — заявление рассматривают/);
  });

  it('finds the application by its number typed in small letters with spaces, and names it as the provider writes it', async () => {
    const { runtime } = setUp();
    await runtime.applications.update('SC-2026-0417', SUBMITTED, new Date('2026-12-04T12:00:00+05:00'));
    const c = citizen(runtime, 'web-st-typed-number');
    await c.say({ type: 'start' });
    await c.say({ type: 'choice', id: 'menu:status' });
    expect(await c.texted({ type: 'text', text: 'sc 2026 0417' })).toMatch(/ИИН/);
    expect(await c.texted({ type: 'text', text: IIN })).toMatch(/Заявление № SC-2026-0417\n/);
  });

  it('is reached by a question typed at the menu, in either language', async () => {
    const { runtime } = setUp();
    const c = citizen(runtime, 'web-st-typed');
    await c.say({ type: 'start' });
    expect(await c.texted({ type: 'text', text: 'Где моё заявление?' })).toMatch(/Напишите номер заявления/);
    const kk = (event: { type: 'text'; text: string } | { type: 'start' }) => runtime.engine.handle({ conversationId: 'web-st-typed-kk', channel: 'web', langHint: 'kk', event });
    await kk({ type: 'start' });
    expect((await kk({ type: 'text', text: 'Өтінішім дайын ба?' })).replies.at(-1)!.text).toMatch(/Өтініштің нөмірін жазыңыз/);
  });

  it('gives a wrong IIN and an unknown number the same answer, and keeps the IIN out of the transcript', async () => {
    const { runtime, store } = setUp();
    await runtime.applications.update('SC-2026-0418', SUBMITTED);
    const c = citizen(runtime, 'web-st-2');
    await c.say({ type: 'start' });
    await c.say({ type: 'choice', id: 'menu:status' });
    await c.say({ type: 'text', text: 'SC-2026-0418' });
    const wrongIin = await c.texted({ type: 'text', text: OTHER_IIN });
    await c.say({ type: 'text', text: 'SC-2026-9999' });
    const unknownReplies = await c.say({ type: 'text', text: IIN });
    const unknown = unknownReplies.map((r) => r.text).join('\n');
    expect(wrongIin).toBe(unknown);
    expect(wrongIin).toMatch(/^Не нашли заявление с таким номером и ИИН/);
    // The text says to call 1414; the operator in the chat is a button away.
    expect(unknownReplies.at(-1)!.choices!.map((ch) => ch.id)).toEqual(['menu:operator', 'st:menu']);
    const transcript = (await store.conversations.transcript('web-st-2')).map((e) => e.text).join('\n');
    expect(transcript).not.toContain(IIN);
    expect(transcript).not.toContain(OTHER_IIN);
  });

  it('keeps an IIN typed before the number (the later one, typed twice), out of the transcript, and looks the application up once the number follows', async () => {
    const { runtime, store } = setUp();
    await runtime.applications.update('SC-2026-0417', SUBMITTED, new Date('2026-12-04T12:00:00+05:00'));
    const c = citizen(runtime, 'web-st-iin-first');
    await c.say({ type: 'start' });
    const asked = await c.texted({ type: 'choice', id: 'menu:status' });
    expect(await c.texted({ type: 'text', text: 'а по ИИН можно?' })).toBe(`${texts.t('ru', 'status:number_and_iin')}\n${asked}`);
    // Typed again, the later IIN is the one kept, and neither is in the transcript.
    expect(await c.texted({ type: 'text', text: OTHER_IIN })).toBe(`${texts.t('ru', 'status:iin_kept')}\n${asked}`);
    expect(await c.texted({ type: 'text', text: `мой ИИН ${IIN}` })).toBe(`${texts.t('ru', 'status:iin_kept')}\n${asked}`);
    expect(await c.texted({ type: 'text', text: 'SC-2026-0417' })).toMatch(/^Заявление № SC-2026-0417\n/);
    const transcript = (await store.conversations.transcript('web-st-iin-first')).map((e) => e.text).join('\n');
    expect(transcript).not.toContain(IIN);
    expect(transcript).not.toContain(OTHER_IIN);
  });

  it('takes twelve digits typed as "номер заявления …" for the number, though they would make an IIN', async () => {
    const { runtime } = setUp();
    await runtime.applications.update('500123456789', SUBMITTED, new Date('2026-12-04T12:00:00+05:00'));
    const c = citizen(runtime, 'web-st-twelve');
    await c.say({ type: 'start' });
    await c.say({ type: 'choice', id: 'menu:status' });
    expect(await c.texted({ type: 'text', text: 'мой номер заявления 500123456789' })).toMatch(/^Теперь напишите ИИН/);
    expect(await c.texted({ type: 'text', text: IIN })).toMatch(/^Заявление № 500123456789\n/);
    // Marked with "№", with the word for the application after it, and in Kazakh.
    for (const [id, typed] of [
      ['web-st-twelve-sign', '№ заявления 500123456789'],
      ['web-st-twelve-kk', 'өтініш нөмірі 500123456789'],
    ]) {
      const marked = citizen(runtime, id!);
      await marked.say({ type: 'start' });
      await marked.say({ type: 'choice', id: 'menu:status' });
      expect(await marked.texted({ type: 'text', text: typed! }), typed).toMatch(/^Теперь напишите ИИН/);
    }
  });

  it('limits look-ups per conversation', async () => {
    const { runtime } = setUp();
    const c = citizen(runtime, 'web-st-3');
    await c.say({ type: 'start' });
    await c.say({ type: 'choice', id: 'menu:status' });
    const tries: string[] = [];
    for (let i = 0; i < 11; i++) {
      await c.say({ type: 'text', text: `SC-2026-${1000 + i}` });
      tries.push(await c.texted({ type: 'text', text: IIN }));
    }
    expect(tries.slice(0, 10).every((t) => /^Не нашли/.test(t))).toBe(true);
    expect(tries[10]).toMatch(/^Слишком много проверок подряд/);
  });

  it('limits look-ups of one IIN across conversations, and only of that IIN', async () => {
    const { runtime } = setUp();
    const lookUp = async (conversationId: string, iin: string) => {
      const c = citizen(runtime, conversationId);
      await c.say({ type: 'start' });
      await c.say({ type: 'choice', id: 'menu:status' });
      await c.say({ type: 'text', text: 'SC-2026-1000' });
      return c.texted({ type: 'text', text: iin });
    };
    const tries: string[] = [];
    for (let i = 0; i < 11; i++) tries.push(await lookUp(`web-st-iin-${i}`, IIN));
    expect(tries.slice(0, 10).every((t) => /^Не нашли/.test(t))).toBe(true);
    expect(tries[10]).toMatch(/^Слишком много проверок подряд/);
    expect(await lookUp('web-st-iin-other', OTHER_IIN)).toMatch(/^Не нашли/);
  });

  it('tells a subscribed citizen of each change once, in their language', async () => {
    const { runtime, store } = setUp();
    await runtime.applications.update('SC-2026-0419', SUBMITTED);
    const c = citizen(runtime, 'web-st-4');
    await c.say({ type: 'start' });
    await c.say({ type: 'choice', id: 'menu:status' });
    await c.say({ type: 'text', text: 'SC-2026-0419' });
    const found = await c.say({ type: 'text', text: IIN });
    expect(found.at(-1)!.choices!.map((ch) => ch.id)).toContain('st:sub');
    expect(await c.texted({ type: 'choice', id: 'st:sub' })).toMatch(/Сообщим сюда, когда статус заявления № SC-2026-0419 изменится/);
    const ready = { ...SUBMITTED, status: 'ready' as const, updatedAt: '2026-12-09T09:00:00+05:00' };
    await runtime.applications.update('SC-2026-0419', ready);
    await runtime.applications.update('SC-2026-0419', ready);
    const told = (await store.conversations.transcript('web-st-4')).filter((e) => e.from === 'system' && e.text.includes('SC-2026-0419'));
    expect(told).toHaveLength(1);
    expect(told[0]!.text).toContain(texts.t('ru', 'status:status.ready'));
  });

  it('takes a typed "да", "иә" or "уведомляйте" after the result for the offer to be told of changes', async () => {
    const { runtime } = setUp();
    await runtime.applications.update('SC-2026-0421', SUBMITTED);
    for (const [lang, typed, told] of [
      ['ru', 'да', /Сообщим сюда/],
      ['kk', 'иә', new RegExp(texts.t('kk', 'status:subscribed', { number: 'SC-2026-0421' }).slice(0, 12))],
      ['ru', 'уведомляйте пожалуйста', /Сообщим сюда/],
    ] as const) {
      const conversationId = `web-st-yes-${lang}-${typed.length}`;
      const say = async (event: { type: 'choice'; id: string } | { type: 'text'; text: string } | { type: 'start' }) =>
        (await runtime.engine.handle({ conversationId, channel: 'web', langHint: lang, event })).replies.map((r) => r.text).join('\n');
      await say({ type: 'start' });
      await say({ type: 'choice', id: 'menu:status' });
      await say({ type: 'text', text: 'SC-2026-0421' });
      await say({ type: 'text', text: IIN });
      expect(await say({ type: 'text', text: typed }), typed).toMatch(told);
    }
  });

  it('says an application is overdue and leaves a complaint prefilled with its number', async () => {
    const { runtime, store } = setUp('2026-12-30T11:00:00+05:00');
    await runtime.applications.update('SC-2026-0420', SUBMITTED);
    const c = citizen(runtime, 'web-st-5');
    await c.say({ type: 'start' });
    await c.say({ type: 'choice', id: 'menu:status' });
    await c.say({ type: 'text', text: 'SC-2026-0420' });
    const answer = await c.say({ type: 'text', text: IIN });
    expect(answer.at(-1)!.text).toMatch(/Срок прошёл 28 декабря 2026 г\., а результата ещё нет/);
    expect(answer.at(-1)!.choices!.map((ch) => ch.id)).toContain('menu:complaint');
    expect((await store.conversations.get('web-st-5'))!.data.complaint).toEqual({
      draft: { applicationNumber: 'SC-2026-0420', serviceId: 'duplicate-school', reason: 'overdue', dueDate: '2026-12-28' },
    });
  });
});
