import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Runtime } from '../../bot/runtime';
import { catalog } from '../../flows/catalog';
import { createMemoryStore } from '../../store/memory';
import { texts } from '../support/engine';
import { testRuntime } from '../support/runtime';

const IIN = '850520400003';

function setUp(now: string) {
  const store = createMemoryStore();
  const runtime = testRuntime(store, { now: () => new Date(now) });
  return { store, runtime };
}

type Event = { type: 'choice'; id: string } | { type: 'text'; text: string } | { type: 'start' };

function citizen(runtime: Runtime, conversationId: string, lang: 'kk' | 'ru' = 'ru') {
  const say = async (event: Event) => (await runtime.engine.handle({ conversationId, channel: 'web', langHint: lang, event })).replies;
  const last = async (event: Event) => (await say(event)).at(-1)!;
  return { say, press: (id: string) => last({ type: 'choice', id }), type: (text: string) => last({ type: 'text', text }) };
}

/** The complainant's part of the questionnaire, from the description on. */
async function describeAndSign(c: ReturnType<typeof citizen>, withApplicationField: boolean) {
  await c.type('Дубликат аттестата не выдали в срок, в школе не отвечают.');
  await c.press('q:skip'); // when
  if (withApplicationField) await c.press('q:skip');
  await c.type('Выдать дубликат аттестата.');
  await c.type('Сапарова Айгерим');
  await c.type(IIN);
  await c.type('+7 701 123 45 67');
  await c.press('q:skip'); // postal address
  return c.press('q:consent:yes');
}

describe('filing a complaint in the chat', () => {
  it('takes up an overdue application: addressee and term from the seed, the number, date and due date once stored, and the printed complaint', async () => {
    const { runtime } = setUp('2026-12-30T11:00:00+05:00');
    await runtime.applications.update('SC-2026-0500', { iin: IIN, serviceId: 'duplicate-school', status: 'registered', submittedAt: '2026-12-04T12:00:00+05:00', channel: 'state_corporation' });
    const c = citizen(runtime, 'web-cp-1');
    await c.say({ type: 'start' });
    await c.press('menu:status');
    await c.type('SC-2026-0500');
    const overdue = await c.type(IIN);
    expect(overdue.choices!.map((ch) => ch.id)).toContain('menu:complaint');
    const addressee = await c.press('menu:complaint');
    expect(addressee.text).toMatch(/^Жалоба по заявлению № SC-2026-0500/);
    expect(addressee.text).toMatch(/Ответить должны за 5 рабочих дней со дня регистрации/);
    // The category is taken from the application: the first question is the description.
    expect((await c.press('cp:go')).text).toMatch(/Опишите своими словами, что произошло \(до 2000 знаков\)/);
    const summary = await describeAndSign(c, false);
    expect(summary.text).toMatch(/Что случилось: Нарушен срок/);
    expect((await c.press('q:confirm')).text).toMatch(/Можно приложить до 5 фото или файлов/);
    const [filed] = await c.say({ type: 'choice', id: 'cp:files_done' });
    // Wednesday 30 December 2026, before the end of the working day: registered today; 5 working days skip the New Year and Christmas holidays.
    expect(filed!.text).toMatch(/^Жалоба зарегистрирована: № CMP-2026-\d{6} от 30 декабря 2026 г\.\nЕё рассмотрит: Руководитель школы\nСрок ответа — не позднее 11 января 2027 г\.\n/);
    const { items } = await runtime.complaints.list({}, {});
    expect(items.map((r) => r.value)).toEqual([
      expect.objectContaining({ applicationNumber: 'SC-2026-0500', serviceId: 'duplicate-school', category: 'term_missed', against: 'provider', conversationId: 'web-cp-1' }),
    ]);
    // The printed complaint belongs to this conversation only.
    const formId = filed!.attachment!.formId;
    const pdf = await runtime.forms.render('web-cp-1', formId);
    expect(pdf!.subarray(0, 5).toString()).toBe('%PDF-');
    expect(await runtime.forms.render('web-someone-else', formId)).toBeNull();
    // The contact centre accepts it; the citizen is told, and sees it as it stands when they come back.
    const [complaint] = items;
    expect((await runtime.complaints.act(complaint!.id, 'accept', {}, 'aigerim')).done).toBe(true);
    const mine = await c.press('menu:complaint');
    expect(mine.text).toMatch(/^Ваши жалобы:\n№ CMP-2026-\d{6} — принята к рассмотрению, ответ не позднее 11 января 2027 г\./);
  });

  it("starts from a checklist's details with that service", async () => {
    const { runtime } = setUp('2026-12-08T11:00:00+05:00');
    const c = citizen(runtime, 'web-cp-4');
    await c.say({ type: 'start' });
    await c.press('menu:checklist');
    await c.press('svc:duplicate-school');
    await c.press('ans:channel:state_corporation');
    await c.press('ans:applicant:self');
    await c.press('ans:reason:lost');
    const details = await c.press('nav:details');
    expect(details.choices!.map((ch) => ch.id)).toContain('menu:complaint');
    await c.press('menu:complaint');
    expect((await c.press('cp:against:state_corporation')).text).toMatch(/^Жалоба по услуге «Дубликат школьного аттестата»/);
  });

  it('takes what happened typed in the words people use, an application number of digits only, and a typed "нет" where it may be skipped', async () => {
    const { runtime } = setUp('2026-12-08T11:00:00+05:00');
    for (const [lang, rude] of [
      ['ru', 'нагрубили'],
      ['kk', 'дөрекі сөйледі'],
    ] as const) {
      const c = citizen(runtime, `web-cp-typed-${lang}`, lang);
      await c.say({ type: 'start' });
      await c.press('menu:complaint');
      await c.press('cp:against:state_corporation');
      await c.press('cp:svc:duplicate-school');
      await c.press('cp:go');
      // "нет" is no answer to what happened, though one button begins with "Не": the description is not asked yet.
      expect((await c.say({ type: 'text', text: 'нет' })).map((r) => r.text).join('\n')).not.toMatch(/вопрос 2 из|сұрақ 2\//);
      await c.type(rude);
      await c.type('Сотрудник ЦОН грубо ответил и не принял заявление.');
      await c.type(lang === 'ru' ? 'не помню' : 'есімде жоқ');
      expect((await c.say({ type: 'text', text: '12' }))[0]!.text).toMatch(lang === 'ru' ? /^Номер заявления — это буквы и цифры/ : /^Өтініш нөмірі/);
      // Thanks there is thanked, and the number is asked again.
      const thanked = await c.say({ type: 'text', text: lang === 'ru' ? 'спасибо' : 'рахмет' });
      expect(thanked[0]!.text).toBe(texts.t(lang, 'understanding:thanks_no_buttons'));
      expect(thanked[1]!.text).toMatch(lang === 'ru' ? /Номер заявления, если есть/ : /Өтініштің нөмірі/);
      await c.type('002345678');
      await c.type('Принять заявление.');
      await c.type('Сапарова Айгерим');
      await c.type(IIN);
      await c.type('+7 701 123 45 67');
      await c.type(lang === 'ru' ? 'не нужен' : 'керек емес');
      const summary = await c.press('q:consent:yes');
      expect(summary.text).toMatch(lang === 'ru' ? /Что случилось: Грубое обращение/ : /Не болды: Дөрекі не дұрыс қарым-қатынас/);
      expect(summary.text).toMatch(/002345678/);
    }
  });

  it('offers the message the complaint was asked for in as its description, kept by a button or a typed "да"; a bare request for a complaint offers nothing', async () => {
    const { runtime } = setUp('2026-12-08T11:00:00+05:00');
    const said = 'хочу пожаловаться на колледж, справку о незаконченном образовании не выдают уже месяц';
    const c = citizen(runtime, 'web-cp-written');
    await c.say({ type: 'start' });
    expect((await c.type(said)).choices!.map((ch) => ch.id)).toEqual(['cp:go', 'cp:menu']);
    // What happened is told in the message too ("не выдают уже месяц"): said as kept, and the form asks the description next.
    const [kept, description] = await c.say({ type: 'text', text: 'да' });
    expect(kept!.text).toBe('Что случилось: Нарушен срок — записано.');
    expect(description!.text).toContain(`«${said}»`);
    expect(description!.choices!.map((ch) => ch.id)).toEqual(['q:text:written', 'q:back']);
    // "back" returns to the question, for another answer.
    expect((await c.press('q:back')).choices!.map((ch) => ch.id)).toContain('q:category:other');
    await c.press('q:category:term_missed');
    expect((await c.type('да')).text).toMatch(/Когда это было\?/);

    const bare = citizen(runtime, 'web-cp-bare');
    await bare.say({ type: 'start' });
    // a college has several services: the complaint asks which
    expect((await bare.type('хочу пожаловаться на колледж')).choices!.map((ch) => ch.id)).toContain('cp:svc:tvet-admission');
    expect((await bare.press('cp:svc:tvet-admission')).choices!.map((ch) => ch.id)).toEqual(['cp:go', 'cp:menu']);
    await bare.press('cp:go');
    const asked = await bare.press('q:category:other');
    expect(asked.text).toMatch(/Опишите своими словами/);
    expect(asked.choices!.map((ch) => ch.id)).toEqual(['q:back']);
  });

  it('takes what happened told in a sentence at "Что случилось?" as its category, and offers the sentence as the description; a word alone offers nothing', async () => {
    const { runtime } = setUp('2026-12-08T11:00:00+05:00');
    const told = 'мне отказали в выдаче дубликата без причины';
    const c = citizen(runtime, 'web-cp-told-category');
    await c.say({ type: 'start' });
    await c.press('menu:complaint');
    await c.press('cp:against:provider');
    await c.press('cp:svc:duplicate-tvet');
    expect((await c.press('cp:go')).text).toMatch(/Что случилось\?/);
    const description = await c.type(told);
    expect(description.text).toContain(`«${told}»`);
    expect(description.choices!.map((ch) => ch.id)).toEqual(['q:text:written', 'q:back']);
    expect((await c.type('да')).text).toMatch(/Когда это было\?/);

    const short = citizen(runtime, 'web-cp-told-word');
    await short.say({ type: 'start' });
    for (const id of ['menu:complaint', 'cp:against:provider', 'cp:svc:duplicate-tvet', 'cp:go']) await short.press(id);
    expect((await short.type('нагрубили')).choices!.map((ch) => ch.id)).toEqual(['q:back']);
  });

  it('goes on to the form when what happened is typed instead of pressing "file", and offers it as the description; the button\'s own words offer nothing', async () => {
    const { runtime } = setUp('2026-12-08T11:00:00+05:00');
    for (const [lang, told, category] of [
      ['kk', 'кеше барсам қабылдамады', 'Не болды: Құжаттарды қабылдамады — жазылды.'],
      ['ru', 'мне нагрубили в школе', 'Что случилось: Грубое обращение — записано.'],
    ] as const) {
      const c = citizen(runtime, `web-cp-told-${lang}`, lang);
      await c.say({ type: 'start' });
      await c.press('menu:complaint');
      await c.press('cp:against:provider');
      expect((await c.press('cp:svc:duplicate-school')).choices!.map((ch) => ch.id)).toEqual(['cp:go', 'cp:menu']);
      const [kept, description] = await c.say({ type: 'text', text: told });
      expect(kept!.text, told).toBe(category);
      expect(description!.text, told).toContain(`«${told}»`);
      expect(description!.choices!.map((ch) => ch.id)).toEqual(['q:text:written', 'q:back']);
    }
    for (const [lang, wish] of [
      ['ru', 'хочу подать жалобу'],
      ['kk', 'шағым бергім келеді'],
    ] as const) {
      const c = citizen(runtime, `web-cp-wish-${lang}`, lang);
      await c.say({ type: 'start' });
      await c.press('menu:complaint');
      await c.press('cp:against:provider');
      await c.press('cp:svc:duplicate-school');
      await c.type(wish);
      expect(
        (await c.press('q:category:other')).choices!.map((ch) => ch.id),
        wish,
      ).toEqual(['q:back']);
    }
    // Said to the bot, not told of what happened: thanks is thanked, the operator is asked for.
    const c = citizen(runtime, 'web-cp-said-to-bot');
    await c.say({ type: 'start' });
    await c.press('menu:complaint');
    await c.press('cp:against:provider');
    const addressee = await c.press('cp:svc:duplicate-school');
    const thanked = await c.say({ type: 'text', text: 'спасибо большое вам' });
    expect(thanked[0]!.text).toBe(texts.t('ru', 'understanding:thanks'));
    const operator = await c.say({ type: 'text', text: 'позовите оператора пожалуйста' });
    expect(operator.map((r) => r.text).join('\n')).not.toMatch(/Что случилось\?/);
    expect(operator.at(-1)!.text).not.toBe(addressee.text);
  });

  it('keeps a story typed where a button is awaited: what it tells is taken, the rest asked, and the story offered as the description', async () => {
    const { runtime } = setUp('2026-12-08T11:00:00+05:00');
    const kept = 'Ваш рассказ сохранён, он войдёт в описание жалобы. Теперь выберите ответ кнопкой ниже.';
    // At "whom": the story tells whom ("директор колледжа"), so the service is asked next; "не" in Russian asks nothing.
    const c = citizen(runtime, 'web-cp-story');
    await c.say({ type: 'start' });
    await c.press('menu:complaint');
    const story = 'директор колледжа не подписывает заявление';
    const service = await c.type(story);
    expect(service.text).toBe('По какой услуге жалоба?');
    await c.press('cp:svc:tvet-admission');
    await c.press('cp:go');
    // Nothing in it tells which of the buttons: kept, and the question asked again.
    const again = await c.say({ type: 'text', text: 'никто ничего не объясняет, просто молчат' });
    expect(again.map((r) => r.text)).toEqual([kept, 'Жалоба — вопрос 1 из 10.\nЧто случилось?']);
    const description = await c.press('q:category:other');
    expect(description.text).toContain('«никто ничего не объясняет, просто молчат»');
    expect(description.choices!.map((ch) => ch.id)).toEqual(['q:text:written', 'q:back']);

    // At "which service", a story that names none is kept too, in Kazakh as well.
    const k = citizen(runtime, 'web-cp-story-kk', 'kk');
    await k.say({ type: 'start' });
    await k.press('menu:complaint');
    await k.press('cp:against:state_corporation');
    const asked = await k.say({ type: 'text', text: 'қызметкер маған дөрекі сөйледі' });
    expect(asked.map((r) => r.text)).toEqual(['Жазғаныңыз сақталды, ол шағымның сипаттамасына кіреді. Енді төмендегі батырмамен жауап беріңіз.', 'Шағым қай қызмет бойынша?']);
    await k.press('cp:svc:duplicate-school');
    const [category, told] = await k.say({ type: 'choice', id: 'cp:go' });
    expect(category!.text).toBe('Не болды: Дөрекі не дұрыс қарым-қатынас — жазылды.');
    expect(told!.text).toContain('«қызметкер маған дөрекі сөйледі»');
  });

  it('keeps a story of a word or two that tells what happened ("грубо разговаривали"), and takes its category', async () => {
    const { runtime } = setUp('2026-12-08T11:00:00+05:00');
    const c = citizen(runtime, 'web-cp-short-story');
    await c.say({ type: 'start' });
    await c.press('menu:complaint');
    await c.press('cp:against:state_corporation');
    const asked = await c.say({ type: 'text', text: 'грубо разговаривали' });
    expect(asked.map((r) => r.text)).toEqual(['Ваш рассказ сохранён, он войдёт в описание жалобы. Теперь выберите ответ кнопкой ниже.', 'По какой услуге жалоба?']);
    await c.press('cp:svc:duplicate-school');
    const [category, told] = await c.say({ type: 'choice', id: 'cp:go' });
    expect(category!.text).toBe('Что случилось: Грубое обращение — записано.');
    expect(told!.text).toContain('«грубо разговаривали»');
  });

  it('takes whom the complaint is against typed as people say it, in either language', async () => {
    const { runtime } = setUp('2026-12-08T11:00:00+05:00');
    for (const [lang, typed, against] of [
      ['ru', 'на директора', 'provider'],
      ['ru', 'университет', 'provider'],
      ['ru', 'ХҚКО-ға', 'state_corporation'],
      ['ru', 'не согласна с решением', 'result'],
      ['kk', 'мұғалімге', 'provider'],
      ['kk', 'цон', 'state_corporation'],
      ['kk', 'не согласна', 'result'],
    ] as const) {
      const say = (event: Event) => runtime.engine.handle({ conversationId: `web-cp-against-${typed}`, channel: 'web', langHint: lang, event });
      await say({ type: 'start' });
      await say({ type: 'choice', id: 'menu:complaint' });
      const { conversation } = await say({ type: 'text', text: typed });
      expect(conversation.state.data, typed).toMatchObject({ against });
    }
  });

  it('skips the application number when the citizen says they have none or do not remember it', async () => {
    const { runtime } = setUp('2026-12-08T11:00:00+05:00');
    for (const [lang, none] of [
      ['ru', 'не помню номер'],
      ['kk', 'нөмірі жоқ'],
    ] as const) {
      const c = citizen(runtime, `web-cp-no-number-${lang}`, lang);
      await c.say({ type: 'start' });
      await c.press('menu:complaint');
      await c.press('cp:against:provider');
      await c.press('cp:svc:duplicate-school');
      await c.press('cp:go');
      await c.press('q:category:other');
      await c.type(lang === 'ru' ? 'Школа не отвечает на заявление.' : 'Мектеп өтінішке жауап бермейді.');
      expect((await c.press('q:skip')).text).toMatch(lang === 'ru' ? /Номер заявления, если есть/ : /Өтініштің нөмірі, болса/);
      expect((await c.type(none)).text, none).toMatch(lang === 'ru' ? /Чего вы просите\?/ : /сұрайсыз/);
    }
  });

  it('asks among the services the typed complaint fits equally, with the whole list one button away', async () => {
    const { runtime } = setUp('2026-12-08T11:00:00+05:00');
    const c = citizen(runtime, 'web-cp-candidates', 'kk');
    await c.say({ type: 'start' });
    // a mistake in "the duplicate": of the school's, the college's or the university's
    const which = await c.type('телнұсқада мамандығым қате жазылған, шағым');
    expect(which.text).toBe('Шағым қай қызмет бойынша?');
    expect(which.choices!.map((ch) => ch.id)).toEqual(['cp:svc:duplicate-school', 'cp:svc:duplicate-tvet', 'cp:svc:duplicate-higher', 'cp:other_service']);
    const all = await c.press('cp:other_service');
    expect(all.choices!.map((ch) => ch.id)).toHaveLength(catalog.length);
    expect((await c.press('cp:svc:duplicate-higher')).choices!.map((ch) => ch.id)).toEqual(['cp:go', 'cp:menu']);
  });

  it('asks among the services of the place of study named ("на директора колледжа", "ректорға"), with the whole list one button away', async () => {
    const { runtime } = setUp('2026-12-08T11:00:00+05:00');
    const ids = (reply: { choices?: { id: string }[] }) => reply.choices!.map((ch) => ch.id);
    const ofCollege = catalog.filter((s) => s.levels.includes('college')).map((s) => `cp:svc:${s.id}`);
    expect(ofCollege).not.toContain('cp:svc:duplicate-school');

    const college = citizen(runtime, 'web-cp-level-college');
    await college.say({ type: 'start' });
    await college.press('menu:complaint');
    expect(ids(await college.type('на директора колледжа'))).toEqual([...ofCollege, 'cp:other_service']);
    expect(ids(await college.press('cp:other_service'))).toHaveLength(catalog.length);

    const school = citizen(runtime, 'web-cp-level-school', 'kk');
    await school.say({ type: 'start' });
    await school.press('menu:complaint');
    expect(ids(await school.type('мектеп директорына'))).toEqual(['cp:svc:duplicate-school', 'cp:other_service']);

    // Named in the first message, or at the question which service.
    const university = citizen(runtime, 'web-cp-level-university');
    await university.say({ type: 'start' });
    expect(ids(await university.type('хочу пожаловаться на ректора'))).toEqual(['cp:svc:duplicate-higher', 'cp:svc:free-meals', 'cp:other_service']);
    const later = citizen(runtime, 'web-cp-level-later');
    await later.say({ type: 'start' });
    await later.press('menu:complaint');
    await later.press('cp:against:provider');
    expect(ids(await later.type('в вузе'))).toEqual(['cp:svc:duplicate-higher', 'cp:svc:free-meals', 'cp:other_service']);
  });

  it('offers for a State Corporation employee only the services it takes, and refuses another named in words, asking again', async () => {
    const { runtime } = setUp('2026-12-08T11:00:00+05:00');
    const c = citizen(runtime, 'web-cp-2');
    await c.say({ type: 'start' });
    await c.press('menu:complaint');
    const services = await c.press('cp:against:state_corporation');
    expect(services.choices!.map((ch) => ch.id)).toEqual(['cp:svc:duplicate-school', 'cp:svc:duplicate-tvet', 'cp:svc:duplicate-higher']);
    const refused = await c.say({ type: 'text', text: 'по общежитию' });
    expect(refused[0]!.text).toMatch(/ЦОН заявления не принимает/);
    expect(refused.at(-1)!.text).toBe('На кого или на что жалоба?');
  });

  it('registers a complaint filed on a Saturday on Monday, and prints it with Kazakh letters intact', async () => {
    const { runtime } = setUp('2026-12-12T15:00:00+05:00');
    const c = citizen(runtime, 'web-cp-3', 'kk');
    await c.say({ type: 'start' });
    await c.press('menu:complaint');
    await c.press('cp:against:provider');
    await c.press('cp:svc:duplicate-school');
    await c.press('cp:go');
    await c.press('q:category:improper_treatment');
    await c.type('Мектеп қызметкері өтінішімді қабылдаудан дөрекі түрде бас тартты.');
    await c.press('q:skip');
    await c.press('q:skip');
    await c.type('Өтінішімді қабылдауды сұраймын.');
    await c.type('Сапарова Әйгерім Құдайбергенқызы');
    await c.type(IIN);
    await c.type('+7 701 123 45 67');
    await c.press('q:skip');
    await c.press('q:consent:yes');
    await c.press('q:confirm');
    const [filed] = await c.say({ type: 'choice', id: 'cp:files_done' });
    const [complaint] = (await runtime.complaints.list({}, {})).items;
    expect(complaint!.value.registeredOn).toBe('2026-12-14');
    expect(filed!.text).toMatch(/^Шағым тіркелді: № CMP-2026-\d{6}/);
    const pdf = await runtime.forms.render('web-cp-3', filed!.attachment!.formId);
    const dir = mkdtempSync(join(tmpdir(), 'complaint-'));
    writeFileSync(join(dir, 'c.pdf'), pdf!);
    const text = execFileSync('pdftotext', ['-layout', join(dir, 'c.pdf'), '-']).toString('utf8');
    expect(text).toContain('Шағым');
    expect(text).toContain('Сапарова Әйгерім Құдайбергенқызы');
    expect(text).toMatch(/дөрекі/);
    // The page as a person sees it: rendered to PNG without errors.
    execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', '-singlefile', join(dir, 'c.pdf'), join(dir, 'page')]);
    expect(readFileSync(join(dir, 'page.png')).subarray(1, 4).toString()).toBe('PNG');
  });
});
