import { describe, expect, it } from 'vitest';
import type { Engine } from '../../bot/engine';
import type { Reply } from '../../flows/types';
import type { CollectedChecklist } from '../../flows/checklist';
import { createMemoryStore } from '../../store/memory';
import type { Conversation } from '../../store/types';
import { testEngine } from '../support/engine';

/** The filled forms, which the checklist keeps under its own namespace of the collected data. */
const formsOf = (conversation: Conversation) => (conversation.data.checklist as CollectedChecklist | undefined)?.forms;

/** Plays the citizen: presses the buttons whose ids are given, in order; returns the last answer. */
async function play(engine: Engine, id: string, presses: string[], langHint: 'kk' | 'ru' = 'ru'): Promise<Reply[]> {
  await engine.handle({ conversationId: id, channel: 'web', langHint, event: { type: 'start' } });
  let replies: Reply[] = [];
  for (const press of presses) {
    const offered = replies.flatMap((r) => r.choices ?? []).map((c) => c.id);
    if (replies.length) expect(offered, `button ${press} on offer`).toContain(press);
    replies = (await engine.handle({ conversationId: id, channel: 'web', event: { type: 'choice', id: press } })).replies;
  }
  return replies;
}

const ticks = (replies: Reply[]) =>
  replies
    .at(-1)!
    .choices!.filter((c) => c.id.startsWith('tick:'))
    .map((c) => c.id.slice(5));

describe('checklist journey', () => {
  it('lost school certificate of a minor, the parent applies at the State Corporation', async () => {
    const replies = await play(testEngine(), 'web-school', ['menu:checklist', 'svc:duplicate-school', 'ans:channel:state_corporation', 'ans:applicant:parent', 'ans:reason:lost']);
    expect(ticks(replies)).toEqual(['application_by_parent', 'student_identity_document']);
    expect(replies.at(-1)!.text).toMatch(/готово 0 из 2/);
  });

  it('university diploma after a name change: the original is on the list', async () => {
    const replies = await play(testEngine(), 'web-higher', ['menu:checklist', 'svc:duplicate-higher', 'ans:channel:state_corporation', 'ans:applicant:self', 'ans:reason:name_changed']);
    expect(ticks(replies)).toEqual(['application', 'identity_document', 'original_education_document']);
  });

  it('correction of data: a single-channel service goes straight to the list', async () => {
    const replies = await play(testEngine(), 'web-correct', ['menu:checklist', 'svc:correct-education-document'], 'kk');
    expect(ticks(replies)).toEqual(['e_application', 'education_document_copy']);
    expect(replies.at(-1)!.text).toMatch(/дайыны: 0\/2/);
  });

  it('academic leave for illness lists the medical commission conclusion only', async () => {
    const replies = await play(testEngine(), 'web-leave', ['menu:checklist', 'svc:academic-leave', 'ans:reason:illness']);
    expect(ticks(replies)).toEqual(['medical_commission_conclusion']);
  });

  it('free meals for an orphan lists the guardianship document, not the disability one', async () => {
    const replies = await play(testEngine(), 'web-meals', ['menu:checklist', 'svc:free-meals', 'ans:channel:provider_office', 'ans:category:orphan']);
    expect(ticks(replies)).toContain('guardianship_certificate_copy');
    expect(ticks(replies)).not.toContain('disability_certificate');
  });

  it('ticks items with progress, and keeps the ticks and answers across a language switch', async () => {
    const engine = testEngine();
    await play(engine, 'web-tick', ['menu:checklist', 'svc:duplicate-school', 'ans:channel:state_corporation', 'ans:applicant:parent', 'ans:reason:lost']);
    const ticked = await engine.handle({ conversationId: 'web-tick', channel: 'web', event: { type: 'choice', id: 'tick:student_identity_document' } });
    expect(ticked.replies[0]!.replace).toBe(true);
    expect(ticked.replies[0]!.text).toMatch(/готово 1 из 2/);
    expect(ticked.replies[0]!.choices!.find((c) => c.id === 'tick:student_identity_document')!.label).toBe('✅ 2');
    expect(ticked.conversation.data.checklist).toMatchObject({ serviceId: 'duplicate-school', ticked: ['student_identity_document'] });
    const kazakh = await engine.handle({ conversationId: 'web-tick', channel: 'web', event: { type: 'choice', id: 'lang:kk' } });
    expect(kazakh.replies.at(-1)!.text).toMatch(/дайыны: 1\/2/);
    expect(kazakh.conversation.data.checklist).toMatchObject({ serviceId: 'duplicate-school', answers: { channel: 'state_corporation', applicant: 'parent', reason: 'lost' } });
  });

  it('goes back one answer at a time, then to the list of services', async () => {
    const engine = testEngine();
    await play(engine, 'web-back', ['menu:checklist', 'svc:duplicate-school', 'ans:channel:provider_office', 'ans:applicant:self']);
    const back = await engine.handle({ conversationId: 'web-back', channel: 'web', event: { type: 'choice', id: 'nav:back' } });
    expect(back.replies.at(-1)!.choices!.map((c) => c.id)).toContain('ans:applicant:parent');
    await engine.handle({ conversationId: 'web-back', channel: 'web', event: { type: 'choice', id: 'nav:back' } });
    const first = await engine.handle({ conversationId: 'web-back', channel: 'web', event: { type: 'choice', id: 'nav:back' } });
    expect(first.replies.at(-1)!.choices!.map((c) => c.id)).toContain('svc:free-meals');
  });

  it('shows where to apply, the term with its date on the working-day calendar, and the uncertain points', async () => {
    // Friday 20 March 2026: 15 working days later, across Nauryz (23–25 March off), is 15 April 2026.
    const engine = testEngine({ now: () => new Date('2026-03-20T06:00:00Z') });
    await play(engine, 'web-details', ['menu:checklist', 'svc:duplicate-school', 'ans:channel:state_corporation', 'ans:applicant:parent', 'ans:reason:lost']);
    const { replies } = await engine.handle({ conversationId: 'web-details', channel: 'web', event: { type: 'choice', id: 'nav:details' } });
    const text = replies.map((r) => r.text).join('\n');
    expect(text).toContain('Где и как подать');
    expect(text).toContain('не позднее 15 апреля 2026 г.');
    expect(text).toContain('15 рабочих дней');
    expect(text).toMatch(/бесплатно/i);
    expect(text).toContain('оператор контакт-центра 1414');
    expect(replies.at(-1)!.choices!.map((c) => c.id)).toContain('menu:operator');
  });

  it('says in the details whom to complain to, in how many working days they answer, and that court stays open', async () => {
    const details = async (id: string, lang: 'kk' | 'ru', presses: string[]) => {
      const engine = testEngine({ now: () => new Date('2026-03-20T06:00:00Z') });
      await play(engine, id, ['menu:checklist', ...presses], lang);
      const { replies } = await engine.handle({ conversationId: id, channel: 'web', event: { type: 'choice', id: 'nav:details' } });
      return replies[0]!.text;
    };
    const school = ['svc:duplicate-school', 'ans:channel:state_corporation', 'ans:applicant:parent', 'ans:reason:lost'];
    const ruSchool = await details('web-complaint-school-ru', 'ru', school);
    expect(ruSchool).toContain('Если что-то пошло не так:\nЖалобу на решение или действия школы подайте руководителю школы — ответ в течение 5 рабочих дней.');
    expect(ruSchool).toContain('ответ в течение 15 рабочих дней');
    expect(ruSchool).toContain('руководителю филиала ЦОН');
    expect(ruSchool).toContain('можно обратиться в суд');
    const kkSchool = await details('web-complaint-school-kk', 'kk', school);
    expect(kkSchool).toContain('Бірдеңе дұрыс болмаса:\nМектептің шешіміне немесе әрекетіне шағымды мектеп басшысының атына беріңіз – 5 жұмыс күні ішінде қаралады.');
    expect(kkSchool).toContain('15 жұмыс күні ішінде қаралады');
    expect(kkSchool).toContain('сотқа жүгінуге болады');

    const meals = ['svc:free-meals', 'ans:channel:provider_office', 'ans:category:orphan'];
    const ruMeals = await details('web-complaint-meals-ru', 'ru', meals);
    expect(ruMeals).toContain(
      'Если что-то пошло не так:\nЖалобу на решение или действия организации, которая оказывает услугу, подайте руководителю этой организации, акиму города или района либо руководителю министерства (Астана, проспект Мәңгілік Ел, 8) — ответ в течение 5 рабочих дней.',
    );
    expect(ruMeals).toContain('ответ в течение 15 рабочих дней. Можно обратиться и в суд.');
    const kkMeals = await details('web-complaint-meals-kk', 'kk', meals);
    expect(kkMeals).toContain(
      'Бірдеңе дұрыс болмаса:\nҚызметті көрсететін ұйымның шешіміне немесе әрекетіне шағымды сол ұйым басшысының, қала немесе аудан әкімінің не министрлік басшысының (Астана, Мәңгілік Ел даңғылы, 8) атына беріңіз – 5 жұмыс күні ішінде қаралады.',
    );
    expect(kkMeals).toContain('15 жұмыс күні ішінде қаралады. Сотқа да жүгінуге болады.');
    for (const text of [ruSchool, kkSchool, ruMeals, kkMeals]) expect(text.length).toBeLessThan(4096);
  });

  it('counts free meals in calendar days', async () => {
    const engine = testEngine({ now: () => new Date('2026-03-20T06:00:00Z') });
    await play(engine, 'web-meals-term', ['menu:checklist', 'svc:free-meals', 'ans:channel:provider_office', 'ans:category:orphan']);
    const { replies } = await engine.handle({ conversationId: 'web-meals-term', channel: 'web', event: { type: 'choice', id: 'nav:details' } });
    expect(replies.map((r) => r.text).join('\n')).toContain('не позднее 30 марта 2026 г. (10 календарных дней)');
  });

  it('offers the home visit when the citizen cannot come', async () => {
    const engine = testEngine();
    await play(engine, 'web-visit', ['menu:checklist', 'svc:duplicate-school', 'ans:channel:state_corporation', 'ans:applicant:self', 'ans:reason:lost']);
    const { replies } = await engine.handle({ conversationId: 'web-visit', channel: 'web', event: { type: 'choice', id: 'nav:cannot_come' } });
    expect(replies[0]!.text).toContain('1414');
    expect(replies[0]!.choices!.map((c) => c.id)).toEqual(['menu:home_visit', 'menu:operator', 'nav:list']);
  });

  it('asks again with buttons when the citizen types instead of answering', async () => {
    const engine = testEngine();
    await play(engine, 'web-typed', ['menu:checklist', 'svc:duplicate-school']);
    const { replies, conversation } = await engine.handle({ conversationId: 'web-typed', channel: 'web', event: { type: 'text', text: 'ммм 🙂' } });
    expect(replies[0]!.text).toBe('Ответьте одной из кнопок ниже.');
    expect(replies.at(-1)!.choices!.map((c) => c.id)).toContain('ans:channel:egov_portal');
    expect(conversation.state.step).toBe('question');
  });

  it.each(['не знаю 🙂', 'білмеймін'])('asks again and offers a person when the citizen does not know what to answer: %s', async (text) => {
    const engine = testEngine();
    await play(engine, 'web-unsure', ['menu:checklist', 'svc:duplicate-school']);
    const { replies, conversation } = await engine.handle({ conversationId: 'web-unsure', channel: 'web', event: { type: 'text', text } });
    expect(replies[0]!.text).toBe('Ответьте одной из кнопок ниже.');
    expect(replies.at(-1)!.choices!.map((c) => c.id)).toEqual(expect.arrayContaining(['ans:channel:egov_portal', 'menu:operator']));
    expect(conversation.state.step).toBe('question');
    // the question's buttons still answer it
    const next = await engine.handle({ conversationId: 'web-unsure', channel: 'web', event: { type: 'choice', id: 'ans:channel:egov_portal' } });
    expect(next.conversation.state.data).toMatchObject({ answers: { channel: 'egov_portal' } });
  });
});

describe('application form in the checklist', () => {
  const start = ['menu:checklist', 'svc:duplicate-school', 'ans:channel:state_corporation', 'ans:applicant:self', 'ans:reason:lost', 'nav:form'];
  const type = (engine: Engine, id: string, text: string) => engine.handle({ conversationId: id, channel: 'web', event: { type: 'text', text } });

  it('asks each field, checks the IIN checksum and the year, and keeps what was typed', async () => {
    const engine = testEngine();
    const first = await play(engine, 'web-form', start, 'kk');
    expect(first.at(-1)!.text).toMatch(/Мектептің \(оқу орнының\) атауы/);
    await type(engine, 'web-form', '№ 12 мектеп, Қызылорда');
    await type(engine, 'web-form', 'Әлімжанова Гүлнұр Қайратқызы');
    const badIin = await type(engine, 'web-form', '850520400004');
    expect(badIin.replies[0]!.text).toMatch(/бақылау цифры сәйкес келмейді/);
    expect(badIin.replies.at(-1)!.text).toMatch(/ЖСН \(12 цифр\)/);
    await type(engine, 'web-form', '850520 400003');
    const badYear = await type(engine, 'web-form', '20O2');
    expect(badYear.replies[0]!.text).toMatch(/төрт цифрмен/);
    const skip = await type(engine, 'web-form', '2002');
    expect(skip.replies.at(-1)!.choices!.map((c) => c.id)).toContain('q:skip');
    const documentQuestion = await engine.handle({ conversationId: 'web-form', channel: 'web', event: { type: 'choice', id: 'q:skip' } });
    expect(documentQuestion.replies.at(-1)!.choices!.map((c) => c.id)).toEqual(['q:document:attestat', 'q:document:certificate', 'q:back']);
    // The reason was already answered in the checklist: it is not asked again, and is on the summary.
    const summary = await engine.handle({ conversationId: 'web-form', channel: 'web', event: { type: 'choice', id: 'q:document:attestat' } });
    expect(summary.replies.at(-1)!.text).toMatch(
      /^Мектеп аттестатының \(куәлігінің\) телнұсқасын беру туралы өтініш — жауаптарды тексеріңіз:\n1\. Мектептің \(оқу орнының\) атауы: № 12 мектеп, Қызылорда\n/,
    );
    expect(summary.replies.at(-1)!.text).toContain(
      '3. ЖСН: 850520400003\n4. Мектепті бітірген жылыңыз: 2002\n5. Мектептің жаңа атауы мен мекенжайы: көрсетілмеген\n6. Құжат: Аттестат\n7. Себебі: Құжат жоғалды',
    );
    expect(summary.replies.at(-1)!.attachment).toBeUndefined();
    expect(summary.conversation.state.step).toBe('form');
    const done = await engine.handle({ conversationId: 'web-form', channel: 'web', event: { type: 'choice', id: 'q:confirm' } });
    expect(done.replies[0]!.attachment).toEqual({ kind: 'form', formId: 'seed000-app1', fileName: 'seed000-app1-kk.pdf' });
    expect(done.replies[0]!.text).toMatch(/Оны басып шығарып, қол қойып, құжаттармен бірге тапсырыңыз\.$/);
    expect(formsOf(done.conversation)).toEqual({
      'seed000-app1': {
        lang: 'kk',
        values: { reason: 'lost', school: '№ 12 мектеп, Қызылорда', full_name: 'Әлімжанова Гүлнұр Қайратқызы', iin: '850520400003', graduation_year: '2002', school_changed: '', document: 'attestat' },
      },
    });
  });

  it('goes back one field', async () => {
    const engine = testEngine();
    await play(engine, 'web-form-back', start, 'ru');
    await type(engine, 'web-form-back', 'Школа-гимназия № 5');
    const back = await engine.handle({ conversationId: 'web-form-back', channel: 'web', event: { type: 'choice', id: 'q:back' } });
    expect(back.replies.at(-1)!.text).toMatch(/Название школы/);
  });

  const press = (engine: Engine, id: string, choice: string) => engine.handle({ conversationId: id, channel: 'web', event: { type: 'choice', id: choice } });
  const asked = (result: Awaited<ReturnType<typeof type>>) => result.replies.at(-1)!.text;
  const KAZAKH_NAME = 'Жәңгірова-Өмірғалиева Нұргүл Шаһмарданқызы';

  it('college diploma: fills the App. 5 form, keeps the reason given in the checklist, and hands over the PDF', async () => {
    const engine = testEngine();
    const first = await play(engine, 'web-form-tvet', ['menu:checklist', 'svc:duplicate-tvet', 'ans:channel:provider_office', 'ans:applicant:parent', 'ans:reason:damaged', 'nav:form'], 'ru');
    expect(first.at(-1)!.text).toMatch(/руководителя колледжа/);
    expect(first.at(-1)!.choices!.map((c) => c.id)).toEqual(['q:skip', 'q:back']);
    expect(asked(await press(engine, 'web-form-tvet', 'q:skip'))).toMatch(/Ваши фамилия, имя, отчество/);
    await type(engine, 'web-form-tvet', KAZAKH_NAME);
    await type(engine, 'web-form-tvet', 'Шымкентский высший медицинский колледж');
    const badYear = await type(engine, 'web-form-tvet', '2O12');
    expect(badYear.replies[0]!.text).toMatch(/четырьмя цифрами/);
    await type(engine, 'web-form-tvet', '2012');
    await type(engine, 'web-form-tvet', 'Сестринское дело');
    const duplicateQuestion = await type(engine, 'web-form-tvet', 'Высший медицинский колледж Туркестанской области, г. Шымкент');
    expect(duplicateQuestion.replies.at(-1)!.choices!.map((c) => c.id)).toEqual(['q:duplicate:with_supplement', 'q:duplicate:diploma', 'q:duplicate:supplement', 'q:back']);
    // The reason (damaged) was answered in the checklist: the summary comes without asking it again.
    expect(asked(await press(engine, 'web-form-tvet', 'q:duplicate:with_supplement'))).toMatch(/проверьте ответы:[\s\S]*8\. Причина: Документ испорчен/);
    const done = await press(engine, 'web-form-tvet', 'q:confirm');
    expect(done.replies[0]!.attachment).toEqual({ kind: 'form', formId: 'seed004-app5', fileName: 'seed004-app5-ru.pdf' });
    // Handed in at the college office: on paper.
    expect(done.replies[0]!.text).toMatch(/Распечатайте его, подпишите и сдайте вместе с документами\.$/);
    expect(formsOf(done.conversation)).toEqual({
      'seed004-app5': {
        lang: 'ru',
        values: {
          reason: 'damaged',
          head_name: '',
          full_name: KAZAKH_NAME,
          institution: 'Шымкентский высший медицинский колледж',
          graduation_year: '2012',
          specialty: 'Сестринское дело',
          institution_changed: 'Высший медицинский колледж Туркестанской области, г. Шымкент',
          duplicate: 'with_supplement',
        },
      },
    });
  });

  it('university diploma applied for on the portal: the App. 7 form asks the reason too, with buttons', async () => {
    const engine = testEngine();
    const first = await play(engine, 'web-form-higher', ['menu:checklist', 'svc:duplicate-higher', 'ans:channel:egov_portal', 'nav:form'], 'kk');
    expect(first.at(-1)!.text).toMatch(/ЖОО басшысының тегі/);
    await type(engine, 'web-form-higher', 'Тәңірбергенов Ғалымжан Әбенұлы');
    expect(asked(await type(engine, 'web-form-higher', KAZAKH_NAME))).toMatch(/латын әріптерімен/);
    expect(asked(await type(engine, 'web-form-higher', 'Zhangirova-Omirgaliyeva Nurgul Shakhmardankyzy'))).toMatch(/бұрынғысы/);
    await type(engine, 'web-form-higher', 'Жәңгірова Нұргүл Шаһмарданқызы');
    await type(engine, 'web-form-higher', 'Құқықтану');
    await type(engine, 'web-form-higher', '2008');
    await type(engine, 'web-form-higher', '+7 701 234 56 78, nurgul@mail.kz');
    expect(asked(await press(engine, 'web-form-higher', 'q:skip'))).toMatch(/Қандай телнұсқа керек/);
    await press(engine, 'web-form-higher', 'q:duplicate:supplement');
    // The reason typed in words of its own is taken as the button it means.
    const typedReason = await type(engine, 'web-form-higher', 'жоғалып кетті');
    expect(typedReason.replies.at(-1)!.choices!.map((c) => c.id)).toContain('q:confirm');
    const done = await press(engine, 'web-form-higher', 'q:confirm');
    expect(done.replies[0]!.attachment).toEqual({ kind: 'form', formId: 'seed000-app7', fileName: 'seed000-app7-kk.pdf' });
    // Applied for on the portal: typed into the portal's form there, not printed and handed in.
    expect(done.replies[0]!.text).toMatch(/7-қосымша нысанындағы электрондық өтінішті толтырып, ЭЦҚ-мен немесе бір реттік парольмен куәландырасыз/);
    expect(done.replies[0]!.text).not.toMatch(/басып шығарып/);
    expect(formsOf(done.conversation)).toMatchObject({
      'seed000-app7': {
        lang: 'kk',
        values: {
          head_name: 'Тәңірбергенов Ғалымжан Әбенұлы',
          full_name: KAZAKH_NAME,
          full_name_en: 'Zhangirova-Omirgaliyeva Nurgul Shakhmardankyzy',
          former_name: 'Жәңгірова Нұргүл Шаһмарданқызы',
          specialty: 'Құқықтану',
          graduation_year: '2008',
          contacts: '+7 701 234 56 78, nurgul@mail.kz',
          institution_changed: '',
          duplicate: 'supplement',
          reason: 'lost',
        },
      },
    });
  });

  it('correction of data: the Annex 1 form checks the IIN and takes what is wrong and what it should be', async () => {
    const engine = testEngine();
    const first = await play(engine, 'web-form-correct', ['menu:checklist', 'svc:correct-education-document', 'nav:form'], 'kk');
    expect(first.at(-1)!.text).toMatch(/Колледж басшысының тегі/);
    await type(engine, 'web-form-correct', 'Сұлтанбеков Әділ Қуанышұлы');
    await type(engine, 'web-form-correct', KAZAKH_NAME);
    const badIin = await type(engine, 'web-form-correct', '850520400004');
    expect(badIin.replies[0]!.text).toMatch(/бақылау цифры сәйкес келмейді/);
    expect(asked(badIin)).toMatch(/ЖСН \(12 цифр\)/);
    expect(asked(await type(engine, 'web-form-correct', '850520 400003'))).toMatch(/Телефоныңыз немесе электрондық поштаңыз/);
    // Neither a word nor a phone number: refused as a phone number, and the contacts asked again.
    const noContact = await type(engine, 'web-form-correct', '12345');
    expect(noContact.replies[0]!.text).toBe('Телефон нөмірінде +7-ден кейін 10 цифр болады, мысалы: +7 701 234 56 78. Тексеріп, қайта жазыңыз.');
    expect(asked(noContact)).toMatch(/Телефоныңыз немесе электрондық поштаңыз/);
    // A bare phone number is enough, in whatever spelling.
    expect(asked(await type(engine, 'web-form-correct', '8 (701) 234-56-78'))).toMatch(/Қай білім туралы құжаттағы/);
    await type(engine, 'web-form-correct', 'Колледж дипломы, 2012');
    expect(asked(await type(engine, 'web-form-correct', 'Жангирова Нургул'))).toMatch(/Дұрысы қалай болуы керек/);
    await type(engine, 'web-form-correct', 'Жәңгірова Нұргүл');
    const done = await press(engine, 'web-form-correct', 'q:confirm');
    expect(done.replies[0]!.attachment).toEqual({ kind: 'form', formId: 'seed001-annex1', fileName: 'seed001-annex1-kk.pdf' });
    // The service is on egov.kz only: the message says so, in the catalog's words, and does not send the citizen to print and hand in.
    const ready = done.replies[0]!.text;
    expect(ready).toMatch(/^Өтініш дайын: Білім туралы құжаттардағы мәліметтерді өзектендіру/);
    expect(ready).toMatch(/тек «электрондық үкіметтің» www\.egov\.kz веб-порталы арқылы беріледі/);
    expect(ready).toMatch(/ЭЦҚ-мен немесе бір реттік парольмен/);
    expect(ready).toMatch(/қағаз түрінде тапсырудың қажеті жоқ: бұл PDF – порталдағы электрондық нысанға деректерді көшіруге арналған/);
    expect(ready).not.toMatch(/басып шығарып|құжаттармен бірге тапсырыңыз/);
    expect(formsOf(done.conversation)).toEqual({
      'seed001-annex1': {
        lang: 'kk',
        values: {
          head_name: 'Сұлтанбеков Әділ Қуанышұлы',
          full_name: KAZAKH_NAME,
          iin: '850520400003',
          contacts: '+7 701 234 56 78',
          document: 'Колледж дипломы, 2012',
          wrong: 'Жангирова Нургул',
          correct: 'Жәңгірова Нұргүл',
        },
      },
    });
  });
});

describe('the application form’s summary, and coming back to the form', () => {
  const SCHOOL = ['menu:checklist', 'svc:duplicate-school', 'ans:channel:state_corporation', 'ans:applicant:self', 'ans:reason:lost', 'nav:form'];
  const send = (engine: Engine, id: string, event: { type: 'text'; text: string } | { type: 'choice'; id: string }) => engine.handle({ conversationId: id, channel: 'web', event });

  /** The school form up to its summary, in Russian. */
  async function toSummary(engine: Engine, id: string) {
    await play(engine, id, SCHOOL, 'ru');
    for (const text of ['Школа № 12, Кызылорда', 'Алимжанова Гульнур', '850520400003', '2002']) await send(engine, id, { type: 'text', text });
    await send(engine, id, { type: 'choice', id: 'q:skip' });
    return send(engine, id, { type: 'choice', id: 'q:document:attestat' });
  }

  it('corrects one line from the summary, keeps the others, and makes the PDF from what was confirmed', async () => {
    const engine = testEngine();
    const summary = await toSummary(engine, 'web-form-fix');
    expect(summary.replies.at(-1)!.choices!.map((c) => c.id)).toEqual([
      ...['school', 'full_name', 'iin', 'graduation_year', 'school_changed', 'document', 'reason'].map((f) => `q:edit:${f}`),
      'q:confirm',
      'q:restart',
    ]);
    const reopened = await send(engine, 'web-form-fix', { type: 'choice', id: 'q:edit:full_name' });
    expect(reopened.replies.at(-1)!.text).toMatch(/Ваши фамилия, имя, отчество[\s\S]*Сейчас указано: Алимжанова Гульнур/);
    const again = await send(engine, 'web-form-fix', { type: 'text', text: 'Әлімжанова Гүлнұр' });
    expect(again.replies.at(-1)!.text).toContain('2. Фамилия, имя, отчество: Әлімжанова Гүлнұр\n3. ИИН: 850520400003');
    const done = await send(engine, 'web-form-fix', { type: 'choice', id: 'q:confirm' });
    expect(done.replies[0]!.attachment).toEqual({ kind: 'form', formId: 'seed000-app1', fileName: 'seed000-app1-ru.pdf' });
    expect(formsOf(done.conversation)).toEqual({
      'seed000-app1': {
        lang: 'ru',
        values: { reason: 'lost', school: 'Школа № 12, Кызылорда', full_name: 'Әлімжанова Гүлнұр', iin: '850520400003', graduation_year: '2002', school_changed: '', document: 'attestat' },
      },
    });
  });

  it('comes back to the summary when the form is filled again, and offers to start again', async () => {
    const store = createMemoryStore();
    const engine = testEngine({ store });
    await toSummary(engine, 'web-form-again');
    const done = await send(engine, 'web-form-again', { type: 'choice', id: 'q:confirm' });
    expect(done.conversation.state.step).toBe('checklist');
    const reopened = await send(engine, 'web-form-again', { type: 'choice', id: 'nav:form' });
    expect(reopened.replies.at(-1)!.text).toMatch(/проверьте ответы:\n1\. Название школы \(учебного заведения\): Школа № 12, Кызылорда/);
    const restarted = await send(engine, 'web-form-again', { type: 'choice', id: 'q:restart' });
    expect(restarted.replies.at(-1)!.text).toMatch(/вопрос 1 из 6\.\nНазвание школы/);
    // The citizen reads the IIN in full in the summary; the transcript that operators and a reloaded widget read keeps it masked.
    const transcript = (await store.conversations.transcript('web-form-again')).map((e) => e.text).join('\n');
    expect(transcript).toContain('ИИН: •••••••• 0003');
    expect(transcript).not.toContain('850520400003');
  });

  it('keeps a half-filled form through a reload on another instance, and masks the IIN in the transcript', async () => {
    const store = createMemoryStore();
    const first = testEngine({ store });
    await play(first, 'web-form-reload', SCHOOL, 'ru');
    await send(first, 'web-form-reload', { type: 'text', text: 'Школа № 12' });
    await send(first, 'web-form-reload', { type: 'text', text: 'Алимжанова Гульнур' });
    await send(first, 'web-form-reload', { type: 'text', text: '850520 400003' });
    const other = testEngine({ store });
    const resumed = await other.handle({ conversationId: 'web-form-reload', channel: 'web', event: { type: 'resume' } });
    expect(resumed.replies.at(-1)!.text).toMatch(/вопрос 4 из 6\.\nГод окончания школы/);
    const transcript = (await store.conversations.transcript('web-form-reload')).filter((e) => e.from === 'citizen').map((e) => e.text);
    expect(transcript).toContain('•••••••• 0003');
    expect(transcript.join('\n')).not.toContain('850520');
  });

  it('reads a form begun before the summary existed, and its buttons as they were offered then', async () => {
    const store = createMemoryStore();
    const at = '2026-03-02T06:00:00Z';
    const form = {
      values: { reason: 'lost', school: 'Школа № 12', full_name: 'Алимжанова Гульнур', iin: '850520400003', graduation_year: '2002' },
      order: ['school', 'full_name', 'iin', 'graduation_year'],
    };
    const state = {
      flow: 'checklist',
      v: 1,
      step: 'form',
      data: { serviceId: 'duplicate-school', answers: { channel: 'state_corporation', applicant: 'self', reason: 'lost' }, history: ['channel', 'applicant', 'reason'], ticked: [], form },
    };
    const offered = [
      { id: 'nav:skip', label: 'Пропустить' },
      { id: 'nav:back', label: '← Назад' },
    ];
    const conversation: Conversation = {
      id: 'web-form-old',
      channel: 'web',
      lang: 'ru',
      owner: 'bot',
      status: 'open',
      state,
      offered,
      data: {},
      address: {},
      createdAt: at,
      updatedAt: at,
      revision: 1,
    };
    await store.conversations.save(conversation, 0, []);
    const engine = testEngine({ store });
    const next = await send(engine, 'web-form-old', { type: 'choice', id: 'nav:skip' });
    expect(next.replies.at(-1)!.choices!.map((c) => c.id)).toEqual(['q:document:attestat', 'q:document:certificate', 'q:back']);
    const summary = await send(engine, 'web-form-old', { type: 'choice', id: 'q:document:certificate' });
    expect(summary.replies.at(-1)!.text).toContain('5. Новые название и адрес школы: не указано\n6. Документ: Свидетельство');
  });
});

describe('application form for a service given only on egov.kz, in Russian', () => {
  it('takes a bare phone number as the contacts and says the application is filled in on the portal, not handed in on paper', async () => {
    const engine = testEngine();
    const id = 'web-form-correct-ru';
    const type = (text: string) => engine.handle({ conversationId: id, channel: 'web', event: { type: 'text', text } });
    await play(engine, id, ['menu:checklist', 'svc:correct-education-document', 'nav:form'], 'ru');
    await type('Султанбеков Адиль Куанышевич');
    await type('Жангирова Нургуль Шахмардановна');
    expect((await type('850520400003')).replies.at(-1)!.text).toMatch(/Ваш телефон или электронная почта, например \+7 701 123 45 67/);
    const noContact = await type('+7 701 234');
    expect(noContact.replies[0]!.text).toBe('В номере телефона 10 цифр после +7, например +7 701 234 56 78. Проверьте и напишите ещё раз.');
    expect(noContact.replies.at(-1)!.text).toMatch(/Ваш телефон или электронная почта/);
    expect((await type('+7 701 234 56 78')).replies.at(-1)!.text).toMatch(/В каком документе об образовании/);
    await type('Диплом колледжа, 2012');
    await type('Жангирова Нургул');
    expect((await type('Жангирова Нургуль')).replies.at(-1)!.text).toMatch(/^Заявление об актуализации \(корректировке\) сведений в документах об образовании — проверьте ответы:/);
    const done = await engine.handle({ conversationId: id, channel: 'web', event: { type: 'choice', id: 'q:confirm' } });
    expect(done.replies[0]!.attachment).toEqual({ kind: 'form', formId: 'seed001-annex1', fileName: 'seed001-annex1-ru.pdf' });
    const ready = done.replies[0]!.text;
    expect(ready).toMatch(/^Заявление готово: Заявление об актуализации \(корректировке\) сведений в документах об образовании\./);
    expect(ready).toMatch(/Заявление подаётся только через веб-портал «электронного правительства» www\.egov\.kz/);
    expect(ready).toMatch(/Вход на портал — с ЭЦП или одноразовым паролем/);
    expect(ready).toMatch(/На бумаге сдавать его не нужно: этот PDF — готовый текст, чтобы перенести данные в электронную форму на портале/);
    expect(ready).not.toMatch(/Распечатайте|подпишите/);
    expect(formsOf(done.conversation)).toMatchObject({ 'seed001-annex1': { lang: 'ru', values: { contacts: '+7 701 234 56 78' } } });
  });
});

describe('typing instead of pressing', () => {
  it('goes from the menu straight to the service the citizen names', async () => {
    const engine = testEngine();
    await engine.handle({ conversationId: 'web-typed-service', channel: 'web', langHint: 'kk', event: { type: 'start' } });
    const { replies } = await engine.handle({ conversationId: 'web-typed-service', channel: 'web', event: { type: 'text', text: 'мектеп аттестатым жоғалды' } });
    expect(replies[0]!.text).toMatch(/Негізгі орта, жалпы орта білім туралы құжаттардың телнұсқаларын беру/);
    expect(replies.at(-1)!.choices!.map((c) => c.id)).toContain('ans:channel:state_corporation');
  });

  it('takes a yes or a no told in words: "замужем", "нет детей", "балам бар", "үйленбегенмін"; "инвалид 2 группы", "инвалидности нет"', async () => {
    const engine = testEngine();
    for (const [serviceId, lang, typed, answer] of [
      ['dormitory', 'ru', 'замужем', 'family:yes'],
      ['dormitory', 'ru', 'нет детей', 'family:no'],
      ['dormitory', 'ru', 'не замужем', 'family:no'],
      ['dormitory', 'kk', 'балам бар', 'family:yes'],
      // The Kazakh negation inside the verb: one root said both ways goes to the button with the very word.
      ['dormitory', 'kk', 'үйленбегенмін', 'family:no'],
      ['dormitory', 'kk', 'әлі үйленгенмін', 'family:yes'],
      ['dormitory', 'kk', 'тұрмыс құрмағанмын', 'family:no'],
      ['tvet-admission', 'ru', 'инвалид 2 группы', 'disability:yes'],
      ['tvet-admission', 'ru', 'инвалидности нет', 'disability:no'],
    ] as const) {
      const id = `web-typed-${serviceId}-${typed}`;
      await play(engine, id, ['menu:checklist', `svc:${serviceId}`], lang);
      const { conversation } = await engine.handle({ conversationId: id, channel: 'web', event: { type: 'text', text: typed } });
      const [question, option] = answer.split(':');
      expect(conversation.state.data.answers, typed).toMatchObject({ [question!]: option });
    }
  });

  it('keeps what the first message tells of the case for its question: "академ отпуск по болезни" is not asked the reason', async () => {
    const engine = testEngine();
    await engine.handle({ conversationId: 'web-told', channel: 'web', langHint: 'ru', event: { type: 'start' } });
    const told = await engine.handle({ conversationId: 'web-told', channel: 'web', event: { type: 'text', text: 'академ отпуск по болезни' } });
    expect(told.replies.map((r) => r.text)).toContain('Записано из вашего сообщения: «Болезнь (6–12 месяцев)».');
    expect(told.conversation.state).toMatchObject({ step: 'checklist', data: { answers: { reason: 'illness' } } });
    expect(ticks(told.replies)).toEqual(['medical_commission_conclusion']);
    // …and the citizen may go back on it.
    const back = await engine.handle({ conversationId: 'web-told', channel: 'web', event: { type: 'choice', id: 'nav:back' } });
    expect(back.replies.at(-1)!.choices!.map((c) => c.id)).toContain('ans:reason:military');
  });

  it('asks the questions the first message does not tell, and whom the document is for always', async () => {
    const engine = testEngine();
    await engine.handle({ conversationId: 'web-told-kk', channel: 'web', langHint: 'kk', event: { type: 'start' } });
    const told = await engine.handle({ conversationId: 'web-told-kk', channel: 'web', event: { type: 'text', text: 'балам мектеп аттестатын жоғалтып алды' } });
    expect(told.replies.map((r) => r.text)).toContain('Хабарламаңыздан жазылды: «Құжат жоғалды».');
    expect(told.replies.at(-1)!.choices!.map((c) => c.id)).toContain('ans:channel:state_corporation');
    const channel = await engine.handle({ conversationId: 'web-told-kk', channel: 'web', event: { type: 'choice', id: 'ans:channel:state_corporation' } });
    expect(channel.replies.at(-1)!.choices!.map((c) => c.id)).toContain('ans:applicant:parent');
    const who = await engine.handle({ conversationId: 'web-told-kk', channel: 'web', event: { type: 'choice', id: 'ans:applicant:parent' } });
    expect(who.conversation.state).toMatchObject({ step: 'checklist', data: { answers: { channel: 'state_corporation', applicant: 'parent', reason: 'lost' } } });

    await engine.handle({ conversationId: 'web-told-none', channel: 'web', langHint: 'ru', event: { type: 'start' } });
    const asked = await engine.handle({ conversationId: 'web-told-none', channel: 'web', event: { type: 'text', text: 'поступаю в колледж после 11 класса, какие документы сдавать?' } });
    expect(asked.replies.map((r) => r.text).join('\n')).not.toContain('Записано из вашего сообщения');
    expect(asked.conversation.state.data.answers).not.toHaveProperty('unt_certificate');

    // A family and the way of handing in are asked too, though words of their answers were said in passing.
    for (const [id, text, kept, asked] of [
      ['web-told-family', 'жатақхана керек, көп балалы отбасымыз', { category: 'large_family' }, 'ans:family:yes'],
      ['web-told-channel', 'аттестат жоғалды, цонға барамын', { reason: 'lost' }, 'ans:channel:state_corporation'],
    ] as const) {
      await engine.handle({ conversationId: id, channel: 'web', langHint: 'kk', event: { type: 'start' } });
      const first = await engine.handle({ conversationId: id, channel: 'web', event: { type: 'text', text } });
      expect(first.conversation.state.data, text).toMatchObject({ answers: {}, ahead: kept });
      expect(
        first.replies.at(-1)!.choices!.map((c) => c.id),
        text,
      ).toContain(asked);
    }
  });

  it('tells a citizen who speaks of a school pupil that free meals here are for colleges and universities, and stays at the step', async () => {
    const engine = testEngine();
    const notForSchool = 'Эта услуга — для тех, кто учится в колледже или вузе. О бесплатном питании в школе спросите в школе или у оператора 1414.';
    await engine.handle({ conversationId: 'web-meals-school', channel: 'web', langHint: 'ru', event: { type: 'start' } });
    const first = await engine.handle({ conversationId: 'web-meals-school', channel: 'web', event: { type: 'text', text: 'бесплатное питание в школе для внука' } });
    expect(first.replies.map((r) => r.text)).toContain(notForSchool);
    const question = first.replies.at(-1)!;
    const typed = await engine.handle({ conversationId: 'web-meals-school', channel: 'web', event: { type: 'text', text: 'он в 3 классе' } });
    expect(typed.replies.map((r) => r.text)).toEqual([notForSchool, question.text]);
    expect(typed.conversation.state).toEqual(first.conversation.state);
    // A college student who finished school says so: nothing to tell.
    await engine.handle({ conversationId: 'web-meals-college', channel: 'web', langHint: 'ru', event: { type: 'start' } });
    const college = await engine.handle({ conversationId: 'web-meals-college', channel: 'web', event: { type: 'text', text: 'бесплатное питание, 9 класс закончил, сейчас в колледже' } });
    expect(college.replies.map((r) => r.text)).not.toContain(notForSchool);
  });

  it('takes the other town told for where the State Corporation office is: "в другом городе", "басқа қалада"', async () => {
    const engine = testEngine();
    for (const [lang, typed, answer] of [
      ['ru', 'в другом городе', 'elsewhere'],
      ['ru', 'в том же городе', 'same_town'],
      ['kk', 'басқа қалада', 'elsewhere'],
    ] as const) {
      const id = `web-sc-office-${typed}`;
      await play(engine, id, ['menu:checklist', 'svc:incomplete-education-certificate', 'ans:channel:state_corporation'], lang);
      const { conversation } = await engine.handle({ conversationId: id, channel: 'web', event: { type: 'text', text: typed } });
      expect(conversation.state.data.answers, typed).toMatchObject({ sc_office: answer });
    }
  });

  it('opens a menu section named in words', async () => {
    const engine = testEngine();
    await engine.handle({ conversationId: 'web-typed-section', channel: 'web', langHint: 'ru', event: { type: 'start' } });
    const { replies } = await engine.handle({ conversationId: 'web-typed-section', channel: 'web', event: { type: 'text', text: 'хочу пожаловаться' } });
    expect(replies.at(-1)!.text).toBe('На кого или на что жалоба?');
  });
});
