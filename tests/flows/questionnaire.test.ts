import { describe, expect, it } from 'vitest';
import { checkDefinition, questionnaire, SKIPPED, type Field, type QuestionnaireDefinition, type QuestionnaireState, type QuestionnaireStep } from '../../flows/questionnaire';
import { matchChoice } from '../../flows/nlu/choice-match';
import type { FlowContext, FlowEvent, Reply } from '../../flows/types';
import type { Conversation, Lang } from '../../store/types';
import { texts } from '../support/engine';

/** Thursday 10 December 2026, 10:00 in Almaty. Wednesday 16 December is Independence Day. */
const NOW = '2026-12-10T05:00:00Z';

function contextFor(lang: Lang, now = NOW): FlowContext {
  return { lang, t: texts.translator(lang), both: texts.both, now: new Date(now), conversation: { data: {} } as unknown as Conversation, availability: { open: true, operatorsOnline: 1, hours: [] } };
}

const TITLE = { kk: 'Үйге шақыру', ru: 'Вызов на дом' };
const only = (field: Field): QuestionnaireDefinition => ({ title: TITLE, fields: [field] });

/**
 * Plays the citizen through a questionnaire. The state goes through JSON between steps, as it does
 * when stored, so every test also shows that it survives a reload.
 */
function citizen(def: QuestionnaireDefinition, lang: Lang = 'ru', prefill = {}) {
  const ctx = contextFor(lang);
  const begun = questionnaire.start(def, ctx, prefill);
  let state: QuestionnaireState = begun.state;
  let last: QuestionnaireStep = begun;
  const send = (event: FlowEvent) => {
    last = questionnaire.handle(def, JSON.parse(JSON.stringify(state)) as QuestionnaireState, event, ctx);
    state = last.state;
    return last;
  };
  return {
    first: begun,
    type: (text: string) => send({ type: 'text', text }),
    press: (id: string) => {
      const offered = last.replies.flatMap((r) => r.choices ?? []).map((c) => c.id);
      expect(offered, `button ${id} on offer`).toContain(id);
      return send({ type: 'choice', id });
    },
    /** A button that is not (or no longer) on offer: a stale or forged press. */
    forge: (id: string) => send({ type: 'choice', id }),
    send,
    get state() {
      return state;
    },
    prompt: () => questionnaire.prompt(def, JSON.parse(JSON.stringify(state)) as QuestionnaireState, ctx),
  };
}

const text = (step: { replies: Reply[] }) => step.replies.map((r) => r.text).join('\n');
const error = (step: { replies: Reply[] }) => step.replies[0]!.text;
const buttons = (step: { replies: Reply[] }) => step.replies.flatMap((r) => r.choices ?? []);
const ids = (step: { replies: Reply[] }) => buttons(step).map((c) => c.id);
const done = (step: QuestionnaireStep) => (step.outcome && 'done' in step.outcome ? step.outcome.done : undefined);

describe('text', () => {
  const def = only({ id: 'name', kind: 'text', maxLength: 20, label: { kk: 'Атыңыз', ru: 'Ваше имя' } });

  it('asks with the title, position and label, and keeps the answer with single spaces', () => {
    const q = citizen(def);
    expect(q.first.replies[0]!.text).toBe('Вызов на дом — вопрос 1 из 1.\nВаше имя\nНапишите ответ сообщением.');
    expect(ids(q.first)).toEqual(['q:back']);
    q.type('  Гүлнұр   Әлімжанова ');
    expect(q.state.values).toEqual({ name: 'Гүлнұр Әлімжанова' });
  });

  it('refuses too short, letterless and too long answers, saying which, and asks again', () => {
    const q = citizen(def);
    expect(error(q.type('А'))).toBe('Ответ слишком короткий. Напишите подробнее.');
    expect(error(q.type('12345'))).toBe('В ответе нет букв. Напишите его словами.');
    const long = q.type('Очень длинное имя человека');
    expect(error(long)).toBe('Ответ слишком длинный: не больше 20 символов. Напишите короче.');
    expect(long.replies.at(-1)!.text).toContain('Ваше имя');
    expect(q.state.values).toEqual({});
  });
});

describe('IIN', () => {
  const def = only({ id: 'iin', kind: 'iin', label: { kk: 'ЖСН', ru: 'ИИН' } });

  it('keeps 12 digits, whatever spaces were typed, and masks them in the transcript', () => {
    const q = citizen(def);
    const step = q.type('850520 400003');
    expect(q.state.values).toEqual({ iin: '850520400003' });
    expect(step.transcriptText).toBe('•••••••• 0003');
  });

  it('takes the one IIN typed in a sentence, and names what is wrong with it there; two numbers are no answer', () => {
    const q = citizen(def);
    expect(error(q.type('мой ИИН 850520 400004'))).toMatch(/последняя цифра не сходится/);
    expect(error(q.type('ИИН 850520400003 или 850520400011'))).toBe('В ИИН только цифры. Напишите его без букв и других знаков.');
    const step = q.type('мой иин: 850520400003');
    expect(q.state.values).toEqual({ iin: '850520400003' });
    expect(step.transcriptText).toBe('•••••••• 0003');
  });

  it('names the reason of a refusal, and masks the wrong IIN too', () => {
    const q = citizen(def);
    expect(error(q.type('12345'))).toBe('В ИИН 12 цифр, а в ответе — 5. Проверьте и напишите ещё раз.');
    expect(error(q.type('8505204000031'))).toMatch(/а в ответе — 13/);
    expect(error(q.type('85052O400003'))).toBe('В ИИН только цифры. Напишите его без букв и других знаков.');
    expect(error(q.type('850540400003'))).toMatch(/похоже на БИН организации/);
    for (const wrong of ['850520400004', '851320400003', '850520900003', '85052O400003', '850540400003']) expect(error(q.type(wrong))).not.toMatch(/12 цифр/);
    expect(error(citizen(def, 'kk').type('1234567890'))).toBe('ЖСН-де 12 цифр болады, ал жауабыңызда — 10. Тексеріп, қайта жазыңыз.');
    const checksum = q.type('850520400004');
    expect(error(checksum)).toMatch(/последняя цифра не сходится/);
    expect(checksum.transcriptText).toBe('•••••••• 0004');
    expect(error(q.type('851320400003'))).toMatch(/дата рождения/);
    expect(error(q.type('850520900003'))).toMatch(/7-я цифра ИИН — от 1 до 6/);
    expect(q.state.values).toEqual({});
  });

  it('says it in Kazakh', () => {
    expect(error(citizen(def, 'kk').type('850520400004'))).toMatch(/бақылау цифры сәйкес келмейді/);
  });
});

describe('phone', () => {
  const def = only({ id: 'phone', kind: 'phone', label: { kk: 'Телефон', ru: 'Телефон' } });

  it('keeps a Kazakhstan number as E.164, shows it spaced, and masks it in the transcript', () => {
    const q = citizen(def);
    const step = q.type('8 (701) 234-56-78');
    expect(q.state.values).toEqual({ phone: '+77012345678' });
    expect(step.transcriptText).toBe('+7 ••• ••• 56 78');
    expect(text(step)).toContain('1. Телефон: +7 701 234 56 78');
  });

  it('takes the one phone number typed in a sentence, and masks it in the transcript', () => {
    const q = citizen(def);
    const step = q.type('звоните на мой 8 701 234 56 78, пожалуйста');
    expect(q.state.values).toEqual({ phone: '+77012345678' });
    expect(step.transcriptText).toBe('+7 ••• ••• 56 78');
  });

  it('refuses a short number and a foreign one, each with its reason', () => {
    const q = citizen(def);
    expect(error(q.type('+7 701 234'))).toBe('В номере телефона 10 цифр после +7, например +7 701 234 56 78. Проверьте и напишите ещё раз.');
    expect(error(q.type('+7 916 123 45 67'))).toBe('Это номер не из Казахстана. Напишите казахстанский номер, например +7 701 234 56 78.');
    expect(q.state.values).toEqual({});
  });
});

describe('an answer typed before its question', () => {
  const def: QuestionnaireDefinition = {
    title: TITLE,
    fields: [
      {
        id: 'phone_of',
        kind: 'choice',
        label: { kk: 'Кімге қоңырау шалсын?', ru: 'Кому позвонить?' },
        options: [
          { id: 'applicant', label: { kk: 'Оның өзіне', ru: 'Этому человеку' } },
          { id: 'representative', label: { kk: 'Маған', ru: 'Мне' } },
        ],
      },
      { id: 'phone', kind: 'phone', label: { kk: 'Телефон', ru: 'Телефон' } },
      { id: 'note', kind: 'text', label: { kk: 'Ескерту', ru: 'Примечание' } },
    ],
  };

  it('keeps a phone number typed at the choice before the phone question, asks the choice again, then skips the phone', () => {
    const q = citizen(def);
    const kept = q.type('8 701 234 56 78');
    expect(kept.replies[0]).toEqual({ text: 'Телефон: +7 701 234 56 78 — записано.', transcriptText: 'Телефон: +7 ••• ••• 56 78 — записано.' });
    expect(kept.replies[1]!.text).toContain('Кому позвонить?');
    expect(kept.transcriptText).toBe('+7 ••• ••• 56 78');
    expect(q.state.values).toEqual({ phone: '+77012345678' });
    expect(text(q.press('q:phone_of:representative'))).toContain('Примечание');
    expect(q.state.values).toEqual({ phone: '+77012345678', phone_of: 'representative' });
  });

  it('takes nothing ahead but an answer of its own shape: words at the choice are asked again, a short number refused as a choice', () => {
    const q = citizen(def);
    expect(error(q.type('позвоните пожалуйста'))).toBe(texts.t('ru', 'questionnaire:errors.use_buttons'));
    expect(error(q.type('12345'))).toBe(texts.t('ru', 'questionnaire:errors.use_buttons'));
    expect(q.state.values).toEqual({});
  });
});

describe('an IIN or a phone typed where a name is asked', () => {
  const def: QuestionnaireDefinition = {
    title: TITLE,
    fields: [
      { id: 'name', kind: 'text', names: 'person', label: { kk: 'Аты-жөні', ru: 'ФИО' } },
      { id: 'note', kind: 'text', label: { kk: 'Ескерту', ru: 'Примечание' } },
      { id: 'iin', kind: 'iin', label: { kk: 'ЖСН', ru: 'ИИН' } },
      { id: 'phone', kind: 'phone', label: { kk: 'Телефон', ru: 'Телефон' } },
    ],
  };

  it('keeps each for its own later question, masked in the transcript, asks the name again, and then does not ask them', () => {
    const q = citizen(def);
    const iin = q.type('850520400003');
    expect(iin.replies[0]).toEqual({ text: 'ИИН: 850520400003 — записано.', transcriptText: 'ИИН: •••••••• 0003 — записано.' });
    expect(iin.notUnderstood).toBeUndefined();
    expect(text(q.type('мой номер 8 701 234 56 78'))).toContain('ФИО');
    expect(q.state.values).toEqual({ iin: '850520400003', phone: '+77012345678' });
    q.type('Сапарова Айгерим');
    // The note is the last question asked: the summary follows it.
    expect(ids(q.type('Приду сама'))).toContain('q:confirm');
    expect(done(q.press('q:confirm'))).toEqual({ name: 'Сапарова Айгерим', note: 'Приду сама', iin: '850520400003', phone: '+77012345678' });
  });

  it('keeps nothing that fits no later question: a wrong IIN or other digits are refused as a name', () => {
    const q = citizen(def);
    expect(q.type('850520400004').notUnderstood).toBe(true);
    expect(q.type('12345').notUnderstood).toBe(true);
    expect(q.state.values).toEqual({});
  });
});

describe('contact details', () => {
  const def = only({ id: 'contacts', kind: 'contact', maxLength: 40, label: { kk: 'Байланыс', ru: 'Контакты' } });

  it('takes a bare phone number in one spelling, and text as typed', () => {
    const q = citizen(def);
    q.type('87012345678');
    expect(q.state.values).toEqual({ contacts: '+7 701 234 56 78' });
    const r = citizen(def);
    const step = r.type('тел. +7 701 234 56 78,  nurgul@mail.kz');
    expect(r.state.values).toEqual({ contacts: 'тел. +7 701 234 56 78, nurgul@mail.kz' });
    expect(step.transcriptText).toBe('тел. +7 ••• ••• 56 78,  nurgul@mail.kz');
  });

  it('refuses digits that make no Kazakhstan number, as a phone number', () => {
    const q = citizen(def);
    expect(error(q.type('12345'))).toMatch(/10 цифр после \+7/);
    expect(error(q.type(`nurgul@mail.kz ${'x'.repeat(40)}`))).toMatch(/не больше 40 символов/);
  });

  it('refuses words with neither a phone number nor an e-mail address, such as "нет", and says what to write (ru and kk)', () => {
    const q = citizen(def);
    expect(error(q.type('нет'))).toBe('Напишите номер телефона или адрес электронной почты, например +7 701 234 56 78.');
    expect(error(q.type('позвоните дочери'))).toMatch(/номер телефона или адрес электронной почты/);
    expect(q.state.values).toEqual({});
    expect(error(citizen(def, 'kk').type('жоқ'))).toBe('Телефон нөмірін немесе электрондық пошта мекенжайын жазыңыз, мысалы: +7 701 234 56 78.');
    const named = citizen(def);
    named.type('Нургуль 8 701 234 56 78');
    expect(named.state.values).toEqual({ contacts: 'Нургуль 8 701 234 56 78' });
  });
});

describe('numbering', () => {
  const def: QuestionnaireDefinition = {
    title: TITLE,
    fields: [
      { id: 'school', kind: 'text', label: { kk: 'Мектеп', ru: 'Школа' } },
      {
        id: 'reason',
        kind: 'choice',
        label: { kk: 'Себеп', ru: 'Причина' },
        options: [
          { id: 'lost', label: { kk: 'Жоғалды', ru: 'Утерян' } },
          { id: 'damaged', label: { kk: 'Бүлінді', ru: 'Испорчен' } },
        ],
      },
      { id: 'year', kind: 'year', label: { kk: 'Жыл', ru: 'Год' } },
    ],
  };

  it('counts only the questions asked: an answer the journey already gave is not a question, so the first one is "1 of N"', () => {
    const q = citizen(def, 'ru', { reason: 'lost' });
    expect(q.first.replies[0]!.text).toMatch(/^Вызов на дом — вопрос 1 из 2\.\nШкола/);
    expect(text(q.type('Школа № 5'))).toMatch(/^Вызов на дом — вопрос 2 из 2\.\nГод/);
    expect(citizen(def).first.replies[0]!.text).toMatch(/вопрос 1 из 3\./);
  });
});

describe('a name in Latin letters', () => {
  const def = only({ id: 'name_en', kind: 'text', script: 'latin', maxLength: 60, label: { kk: 'Латынша', ru: 'Латиницей' } });

  it('refuses Cyrillic and mixed spellings with a message in the citizen language, and takes the passport spelling', () => {
    const q = citizen(def);
    expect(error(q.type('Жангирова Нургуль'))).toBe('Напишите латинскими буквами, как в заграничном паспорте.');
    expect(error(q.type('Zhangirova Нургуль'))).toMatch(/латинскими буквами/);
    expect(error(citizen(def, 'kk').type('Жаңгірова Нұргүл'))).toBe('Шетелдік төлқұжаттағыдай латын әріптерімен жазыңыз.');
    expect(q.state.values).toEqual({});
    q.type("Zhangirova Nurgul O'Neil-Smith");
    expect(q.state.values).toEqual({ name_en: "Zhangirova Nurgul O'Neil-Smith" });
  });
});

describe('year', () => {
  const def = only({ id: 'year', kind: 'year', label: { kk: 'Жыл', ru: 'Год' } });

  it('takes four digits from 1940 to this year, and says the range otherwise', () => {
    const q = citizen(def);
    for (const wrong of ['20O5', '1939', '2027', '05']) expect(error(q.type(wrong)), wrong).toBe('Напишите год четырьмя цифрами, от 1940 до 2026, например 2005.');
    q.type('2005');
    expect(q.state.values).toEqual({ year: '2005' });
  });
});

describe('date', () => {
  const def = only({ id: 'day', kind: 'date', workingDays: { from: 1, to: 10 }, label: { kk: 'Қай күні келу керек?', ru: 'В какой день приехать?' } });

  it('offers the next five working days as buttons, skipping the weekend and the holiday', () => {
    const q = citizen(def);
    expect(buttons(q.first)).toEqual([
      { id: 'q:day:2026-12-11', label: 'Пт, 11 декабря' },
      { id: 'q:day:2026-12-14', label: 'Пн, 14 декабря' },
      { id: 'q:day:2026-12-15', label: 'Вт, 15 декабря' },
      { id: 'q:day:2026-12-17', label: 'Чт, 17 декабря' },
      { id: 'q:day:2026-12-18', label: 'Пт, 18 декабря' },
      { id: 'q:back', label: '← Назад' },
    ]);
    expect(buttons(citizen(def, 'kk').first)[0]).toEqual({ id: 'q:day:2026-12-11', label: '11 желтоқсан, Жм' });
    q.press('q:day:2026-12-14');
    expect(q.state.values).toEqual({ day: '2026-12-14' });
  });

  it('takes a typed working day in the range, in digits or words, in either language', () => {
    for (const [lang, typed] of [
      ['ru', '22.12'],
      ['ru', '22 декабря'],
      ['ru', '22.12.2026'],
      ['kk', '22 желтоқсан'],
      ['kk', '22 желтоксан'],
    ] as const) {
      const q = citizen(def, lang);
      q.type(typed);
      expect(q.state.values, typed).toEqual({ day: '2026-12-22' });
    }
  });

  it('takes a day named from today or by the day of the week: "завтра" on Thursday 10 December is the 11th, "дүйсенбіде" the 14th', () => {
    for (const [lang, typed, day] of [
      ['ru', 'завтра', '2026-12-11'],
      ['kk', 'ертең', '2026-12-11'],
      ['ru', 'в понедельник', '2026-12-14'],
      ['kk', 'дүйсенбіде', '2026-12-14'],
    ] as const) {
      const q = citizen(def, lang);
      q.type(typed);
      expect(q.state.values, typed).toEqual({ day });
    }
  });

  it('refuses a holiday with its name, a weekend, and a day outside the range with the range', () => {
    const q = citizen(def);
    expect(error(q.type('16 декабря'))).toBe('16 декабря 2026 г. — праздник: День Независимости. Выберите рабочий день.');
    expect(error(citizen(def, 'kk').type('16.12'))).toBe('2026 жылғы 16 желтоқсан — мереке: Тәуелсіздік күні. Жұмыс күнін таңдаңыз.');
    expect(error(q.type('12.12'))).toBe('12 декабря 2026 г. — выходной. Выберите рабочий день.');
    expect(error(q.type('10.12'))).toBe('Выберите день с 11 декабря 2026 г. по 25 декабря 2026 г.');
    expect(error(q.type('28 декабря'))).toBe('Выберите день с 11 декабря 2026 г. по 25 декабря 2026 г.');
    expect(error(q.type('31.02'))).toBe('Такой даты нет в календаре. Проверьте число и месяц.');
    expect(error(q.type('вчера'))).toBe('Выберите день с 11 декабря 2026 г. по 25 декабря 2026 г.');
    expect(error(q.type('на днях'))).toBe('Не удалось понять дату. Напишите её так: 12.12, 12 декабря или «завтра».');
    expect(q.state.values).toEqual({});
  });

  it('refuses "завтра" typed on a Friday as the day off it is, not as a day outside the range', () => {
    const friday = contextFor('ru', '2026-12-11T05:00:00Z');
    const begun = questionnaire.start(def, friday);
    const step = questionnaire.handle(def, begun.state, { type: 'text', text: 'завтра' }, friday);
    expect(error(step)).toBe('12 декабря 2026 г. — выходной. Выберите рабочий день.');
  });

  it('checks a day pressed on a button offered earlier, which may have passed since', () => {
    const later = contextFor('ru', '2026-12-15T05:00:00Z');
    const begun = questionnaire.start(def, contextFor('ru'));
    const step = questionnaire.handle(def, begun.state, { type: 'choice', id: 'q:day:2026-12-11' }, later);
    expect(error(step)).toBe('Выберите день с 17 декабря 2026 г. по 30 декабря 2026 г.');
  });
});

describe('choice', () => {
  const windows: Field = {
    id: 'window',
    kind: 'choice',
    label: { kk: 'Қай уақытта?', ru: 'В какое время?' },
    // Worked out when asked: no afternoon on a Friday.
    options: (_ctx, values) => [
      { id: 'morning', label: { kk: 'Таңертең', ru: 'Утром' } },
      ...(values.day === '2026-12-11' ? [] : [{ id: 'afternoon', label: { kk: 'Түстен кейін', ru: 'После обеда' } }]),
    ],
  };
  const day: Field = { id: 'day', kind: 'date', workingDays: { from: 1, to: 10 }, label: { kk: 'Күн', ru: 'День' } };
  const def: QuestionnaireDefinition = { title: TITLE, fields: [day, windows] };

  it('offers the options worked out from the answers so far', () => {
    const q = citizen(def);
    expect(ids(q.press('q:day:2026-12-14'))).toEqual(['q:window:morning', 'q:window:afternoon', 'q:back']);
    const friday = citizen(def);
    expect(ids(friday.press('q:day:2026-12-11'))).toEqual(['q:window:morning', 'q:back']);
    expect(error(friday.forge('q:window:afternoon'))).toBe('Выберите одну из кнопок ниже.');
  });

  it('takes a typed label in any case, or the option number', () => {
    for (const typed of ['после обеда', 'ПОСЛЕ ОБЕДА.', '2']) {
      const q = citizen(def);
      q.press('q:day:2026-12-14');
      q.type(typed);
      expect(q.state.values.window, typed).toBe('afternoon');
    }
  });

  it('asks to press a button when the typed text names no option', () => {
    const q = citizen(def);
    q.press('q:day:2026-12-14');
    const step = q.type('вечером');
    expect(error(step)).toBe('Выберите одну из кнопок ниже.');
    expect(step.notUnderstood).toBe(true);
  });
});

describe('address', () => {
  const def: QuestionnaireDefinition = { title: TITLE, fields: [{ id: 'address', kind: 'address', label: { kk: 'Мекенжайыңыз', ru: 'Ваш адрес' } }] };

  it('asks region, town, street, house, flat, entrance and landmark, and shows one line', () => {
    const q = citizen(def);
    expect(buttons(q.first)).toHaveLength(20 + 1);
    expect(q.first.replies[0]!.text).toContain('Выберите область или город.');
    const settlement = q.type('Алматинская обл.');
    expect(settlement.transcriptText).toBe('Алматинская область');
    expect(text(settlement)).toContain('Напишите город, село или посёлок.');
    expect(q.type('Қонаев').transcriptText).toBe('Алматинская область, •••');
    q.type('ул. Абая');
    expect(error(q.type('без номера'))).toBe('Напишите номер дома, например 12 или 12А.');
    const flat = q.type('12А');
    expect(ids(flat)).toEqual(['q:skip', 'q:back']);
    expect(error(q.type('квартира'))).toBe('Напишите номер квартиры, например 45.');
    q.type('5');
    q.type('подъезд 2, этаж 3, домофон 5');
    const summary = q.press('q:skip');
    expect(text(summary)).toContain('1. Ваш адрес: Алматинская область, Қонаев, ул. Абая, дом 12А, кв. 5, подъезд 2, этаж 3, домофон 5');
    expect(q.state.values.address).toEqual({ region: 'almaty-region', settlement: 'Қонаев', street: 'ул. Абая', house: '12А', flat: '5', access: 'подъезд 2, этаж 3, домофон 5' });
  });

  it('takes the house and the flat typed with the street, says so, and does not ask them again', () => {
    const q = citizen(def);
    q.press('q:address:almaty');
    const written = q.type('улица Абая 10, кв 5');
    expect(written.replies[0]!.text).toBe('улица Абая, дом 10, кв. 5 — записано.');
    // The transcript keeps no address.
    expect(written.replies[0]!.transcriptText).toBe('••• — записано.');
    expect(text(written)).toContain('Напишите подъезд, этаж и код домофона');
    q.press('q:skip');
    q.press('q:skip');
    expect(q.state.values.address).toEqual({ region: 'almaty', street: 'улица Абая', house: '10', flat: '5' });

    const kk = citizen(def, 'kk');
    kk.press('q:address:astana');
    expect(kk.type('Абай көшесі 12-үй').replies[0]!.text).toBe('Абай көшесі, 12-үй — жазылды.');
    expect(text(kk.press('q:back'))).toContain('Үй нөмірін жазыңыз.');
  });

  it('takes a street named by a number, or with none after it, for the street alone', () => {
    for (const street of ['мкр 5', 'Самал-2', 'проспект Абая']) {
      const q = citizen(def);
      q.press('q:address:almaty');
      expect(text(q.type(street)), street).toContain('Напишите номер дома.');
      expect(q.state.address, street).toEqual({ region: 'almaty', street });
    }
  });

  it('offers what the citizen already wrote under a text question, takes it by its button, and checks it as if typed now', () => {
    const written = 'Директор колледжа месяц не выдаёт справку';
    const q = citizen(only({ id: 'text', kind: 'text', maxLength: 60, label: { kk: 'Не болды?', ru: 'Что произошло?' }, written }));
    expect(text(q.first)).toContain(`«${written}»`);
    expect(ids(q.first)).toEqual(['q:text:written', 'q:back']);
    q.press('q:text:written');
    expect(q.state.values.text).toBe(written);
    // Too long for the field: refused with the field's limit, as a typed answer would be.
    const long = citizen(only({ id: 'text', kind: 'text', maxLength: 10, label: { kk: 'Не болды?', ru: 'Что произошло?' }, written }));
    expect(error(long.press('q:text:written'))).toMatch(/не больше 10 символов/);
  });

  it('takes a typed "да" or "иә" at the answers for "✅ Всё верно", not for a number to correct', () => {
    for (const lang of ['ru', 'kk'] as const) {
      const q = citizen(only({ id: 'name', kind: 'text', label: { kk: 'Аты-жөніңіз', ru: 'ФИО' } }), lang);
      const summary = q.type('Сапаров Болат');
      const offered = summary.replies.flatMap((r) => r.choices ?? []);
      expect(matchChoice(lang === 'ru' ? 'да' : 'иә', offered)).toBe('q:confirm');
    }
  });

  it('asks no town for a city of republican significance, and leaves skipped parts out', () => {
    const q = citizen(def, 'kk');
    expect(text(q.press('q:address:astana'))).toContain('Көшені, даңғылды немесе шағын ауданды жазыңыз.');
    q.type('Қабанбай батыр даңғылы');
    q.type('17');
    q.press('q:skip');
    q.press('q:skip');
    const summary = q.type('Хан Шатырдың жанында');
    expect(text(summary)).toContain('1. Мекенжайыңыз: Астана, Қабанбай батыр даңғылы, 17-үй, бағдар: Хан Шатырдың жанында');
  });

  it('goes back one part at a time within the address', () => {
    const q = citizen(def);
    q.press('q:address:shymkent');
    q.type('ул. Байтурсынова');
    const back = q.press('q:back');
    expect(text(back)).toContain('Напишите улицу, проспект или микрорайон.');
    expect(q.state.address).toEqual({ region: 'shymkent' });
    expect(ids(q.press('q:back'))).toContain('q:address:abai');
  });

  it('says so when a typed region is not one of the list', () => {
    const step = citizen(def).type('Москва');
    expect(error(step)).toBe('Не нашли такую область или город. Выберите кнопкой.');
    expect(step.transcriptText).toBe('•••');
    expect(step.notUnderstood).toBe(true);
  });
});

describe('skipping by typing', () => {
  const def: QuestionnaireDefinition = {
    title: TITLE,
    fields: [
      { id: 'when', kind: 'text', optional: true, label: { kk: 'Қашан болды?', ru: 'Когда это было?' } },
      { id: 'asks', kind: 'text', label: { kk: 'Не сұрайсыз?', ru: 'Чего вы просите?' } },
      { id: 'address', kind: 'address', label: { kk: 'Мекенжайыңыз', ru: 'Ваш адрес' } },
    ],
  };

  it('skips a question that may be skipped when "нет", "не помню" or "жоқ" is typed, as its button does; elsewhere the words are an answer or refused', () => {
    for (const [lang, skipWord] of [
      ['ru', 'не помню'],
      ['ru', 'Нет.'],
      ['kk', 'жоқ'],
      ['kk', 'Өткізіп жіберу'],
    ] as const) {
      const q = citizen(def, lang);
      q.type(skipWord);
      expect(q.state.values.when).toBe(SKIPPED);
      // A question that may not be skipped takes the words as its answer.
      q.type('нету');
      expect(q.state.values.asks).toBe('нету');
      q.press('q:address:astana');
      q.type('Абай даңғылы');
      expect(error(q.type('жоқ'))).toBe(texts.t(lang, 'questionnaire:errors.house'));
      q.type('17');
      q.type(skipWord);
      expect(q.state.address).toMatchObject({ house: '17', flat: SKIPPED });
    }
  });
});

describe('consent', () => {
  const consent: Field = {
    id: 'consent',
    kind: 'consent',
    label: { kk: 'Дербес деректер', ru: 'Персональные данные' },
    text: { kk: 'Деректеріңізді сақтауға келісесіз бе?', ru: 'Мы сохраним ваши имя и адрес для выезда.' },
  };
  const def = only(consent);

  it('records the time of a yes', () => {
    const q = citizen(def);
    expect(q.first.replies[0]!.text).toContain('Мы сохраним ваши имя и адрес для выезда.\n\nВы согласны?');
    q.press('q:consent:yes');
    expect(q.state.values).toEqual({ consent: { agreed: true, at: NOW.replace('Z', '.000Z') } });
  });

  it('stops on a no, pressed or typed, and tells the citizen why', () => {
    for (const no of [(q: ReturnType<typeof citizen>) => q.press('q:consent:no'), (q: ReturnType<typeof citizen>) => q.type('Нет')]) {
      const step = no(citizen(def));
      expect(step.outcome).toEqual({ stopped: 'consent' });
      expect(text(step)).toBe('Без вашего согласия мы не можем принять эти данные. Если передумаете, начните заново.');
    }
    expect(citizen(def, 'kk').type('жоқ').outcome).toEqual({ stopped: 'consent' });
  });

  it('takes a typed yes, and asks for the buttons otherwise', () => {
    const q = citizen(def, 'kk');
    expect(q.type('мүмкін').notUnderstood).toBe(true);
    q.type('иә');
    expect(q.state.values.consent).toMatchObject({ agreed: true });
  });
});

describe('file', () => {
  const def = only({ id: 'scan', kind: 'file', optional: true, accept: ['application/pdf', 'image/*'], maxBytes: 5 * 1024 * 1024, label: { kk: 'Құжаттың суреті', ru: 'Фото документа' } });
  const file = (mime: string, size: number) => ({ type: 'file' as const, file: { id: 'f1', name: 'scan.pdf', mime, size } });

  it('takes a file of an allowed type and size', () => {
    const q = citizen(def);
    expect(q.first.replies[0]!.text).toContain('Отправьте файл: PDF, фото, не больше 5 МБ.');
    q.send(file('image/jpeg', 1000));
    expect(q.state.values).toEqual({ scan: { id: 'f1', name: 'scan.pdf', mime: 'image/jpeg', size: 1000 } });
  });

  it('refuses another type and a file too large, saying what fits', () => {
    const q = citizen(def);
    expect(error(q.send(file('application/zip', 1000)))).toBe('Такой файл не подходит. Отправьте PDF, фото.');
    expect(error(q.send(file('application/pdf', 6 * 1024 * 1024)))).toBe('Файл слишком большой. Отправьте файл не больше 5 МБ.');
    expect(error(q.type('вот'))).toBe('Здесь нужен файл. Отправьте его сообщением.');
    expect(q.state.values).toEqual({});
  });

  it('may be skipped, and a file sent to a question that wants text is refused', () => {
    const q = citizen(def);
    expect(text(q.press('q:skip'))).toContain('1. Фото документа: не указано');
    const textual = citizen(only({ id: 'name', kind: 'text', label: { kk: 'Аты', ru: 'Имя' } }));
    expect(error(textual.send(file('application/pdf', 10)))).toBe('Здесь файл не нужен. Ответьте на вопрос ниже.');
  });
});

/** A whole questionnaire: the home visit's, as an embedding flow might define it. */
const visit: QuestionnaireDefinition = {
  title: TITLE,
  fields: [
    { id: 'name', kind: 'text', label: { kk: 'Атыңыз', ru: 'Ваше имя' } },
    { id: 'iin', kind: 'iin', label: { kk: 'ЖСН', ru: 'ИИН' } },
    { id: 'note', kind: 'text', optional: true, label: { kk: 'Ескертпе', ru: 'Примечание' } },
    { id: 'phone', kind: 'phone', label: { kk: 'Телефон', ru: 'Телефон' } },
    {
      id: 'need',
      kind: 'choice',
      label: { kk: 'Не керек?', ru: 'Что нужно?' },
      options: [
        { id: 'pension', label: { kk: 'Зейнетақы', ru: 'Пенсия' } },
        { id: 'benefit', label: { kk: 'Жәрдемақы', ru: 'Пособие' } },
      ],
    },
  ],
};

/** Name, IIN, a skipped note and the phone: the summary comes next. */
function filled(prefill = {}) {
  const q = citizen(visit, 'ru', prefill);
  q.type('Гүлнұр');
  q.type('850520400003');
  q.press('q:skip');
  q.type('87012345678');
  return q;
}

describe('skip and back', () => {
  it('offers skip only for an optional field, and refuses a forged one', () => {
    const q = citizen(visit);
    expect(ids(q.first)).toEqual(['q:back']);
    expect(error(q.forge('q:skip'))).toBe('Выберите одну из кнопок ниже.');
    q.type('Гүлнұр');
    expect(ids(q.type('850520400003'))).toEqual(['q:skip', 'q:back']);
    q.press('q:skip');
    expect(q.state.values.note).toBe(SKIPPED);
  });

  it('undoes the last answer, and leaves from the first question', () => {
    const q = citizen(visit);
    q.type('Гүлнұр');
    q.type('850520400003');
    const back = q.press('q:back');
    expect(back.replies[0]!.text).toContain('ИИН');
    expect(q.state.values).toEqual({ name: 'Гүлнұр' });
    q.press('q:back');
    const left = q.press('q:back');
    expect(left.outcome).toEqual({ cancelled: true });
    expect(left.replies).toEqual([]);
  });
});

describe('summary', () => {
  it('lists every answer, then corrects one field and keeps the others', () => {
    const q = filled();
    const summary = q.press('q:need:benefit');
    expect(text(summary)).toBe(
      [
        'Вызов на дом — проверьте ответы:',
        '1. Ваше имя: Гүлнұр',
        '2. ИИН: 850520400003',
        '3. Примечание: не указано',
        '4. Телефон: +7 701 234 56 78',
        '5. Что нужно: Пособие',
        '',
        'Если всё верно, нажмите «Всё верно». Чтобы исправить ответ, нажмите кнопку с его номером.',
      ].join('\n'),
    );
    expect(buttons(summary).map((c) => c.label)).toEqual(['✏️ 1', '✏️ 2', '✏️ 3', '✏️ 4', '✏️ 5', '✅ Всё верно', 'Заполнить заново']);
    const before = { ...q.state.values };

    const reopened = q.press('q:edit:phone');
    expect(reopened.replies[0]!.text).toContain('Сейчас указано: +7 701 234 56 78');
    const back = q.type('+7 777 111 22 33');
    expect(text(back)).toContain('4. Телефон: +7 777 111 22 33');
    expect(q.state.values).toEqual({ ...before, phone: '+77771112233' });
    expect(done(q.press('q:confirm'))).toEqual({ ...before, phone: '+77771112233' });
  });

  it('takes a line number typed at the summary, and goes back to it unchanged from a correction', () => {
    const q = filled();
    q.press('q:need:pension');
    const before = structuredClone(q.state);
    expect(q.type('2').replies[0]!.text).toContain('ИИН');
    expect(text(q.press('q:back'))).toContain('Вызов на дом — проверьте ответы:');
    expect(q.state).toEqual(before);
    expect(q.type('всё правильно').notUnderstood).toBe(true);
  });

  it('starts again, keeping what the embedding flow gave', () => {
    const q = citizen(visit, 'ru', { need: 'pension' });
    q.type('Гүлнұр');
    q.type('850520400003');
    q.press('q:skip');
    const summary = q.type('87012345678');
    expect(text(summary)).toContain('5. Что нужно: Пенсия');
    const again = q.press('q:restart');
    expect(again.replies[0]!.text).toContain('Ваше имя');
    expect(q.state).toEqual({ values: { need: 'pension' }, order: [] });
  });

  it('does not confirm before every field is answered', () => {
    expect(error(citizen(visit).forge('q:confirm'))).toBe('Выберите одну из кнопок ниже.');
  });
});

describe('state', () => {
  it('asks the same question again after a reload, in the middle of an address too', () => {
    const def: QuestionnaireDefinition = { title: TITLE, fields: [...visit.fields, { id: 'address', kind: 'address', label: { kk: 'Мекенжай', ru: 'Адрес' } }] };
    const q = citizen(def);
    q.type('Гүлнұр');
    expect(q.prompt()[0]!.text).toContain('ИИН');
    q.type('850520400003');
    q.press('q:skip');
    q.type('87012345678');
    q.press('q:need:pension');
    q.press('q:address:almaty');
    const asked = q.type('пр. Абая');
    expect(q.prompt()).toEqual(asked.replies);
    expect(q.prompt()[0]!.text).toContain('Напишите номер дома.');
  });

  it('reads a form state from before the questionnaire: values and order only', () => {
    const ctx = contextFor('ru');
    const old = { values: { name: 'Гүлнұр', need: 'pension' }, order: ['name'] };
    expect(questionnaire.prompt(visit, old, ctx)[0]!.text).toContain('ИИН');
    const step = questionnaire.handle(visit, old, { type: 'choice', id: 'q:back' }, ctx);
    expect(step.state).toEqual({ values: { need: 'pension' }, order: [] });
  });
});

describe('definitions', () => {
  it('names every button under q: within 64 bytes', () => {
    const q = filled();
    for (const id of ids(q.press('q:need:pension'))) {
      expect(id.startsWith('q:')).toBe(true);
      expect(Buffer.byteLength(id)).toBeLessThanOrEqual(64);
    }
  });

  it('refuses field ids that would read as its own buttons, repeated ids, and option ids too long for a button', () => {
    const field = (id: string): Field => ({ id, kind: 'text', label: TITLE });
    expect(() => checkDefinition({ title: TITLE, fields: [field('edit')] })).toThrow();
    expect(() => checkDefinition({ title: TITLE, fields: [field('name'), field('name')] })).toThrow();
    expect(() => checkDefinition({ title: TITLE, fields: [{ id: 'x', kind: 'choice', label: TITLE, options: [{ id: 'o'.repeat(70), label: TITLE }] }] })).toThrow(/64 bytes/);
    expect(() => checkDefinition(visit)).not.toThrow();
  });
});
