import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../bot/engine';
import type { Choice } from '../../flows/types';
import type { Lang } from '../../store/types';
import { testEngine } from '../support/engine';

/** What citizens type at any step: answers of every kind, wrong ones, questions, other journeys, nothing. */
const TYPED = [
  'сколько стоит?',
  'через цон можно?',
  'қанша тұрады?',
  '',
  '?',
  '1',
  '99',
  '123',
  '12345678901',
  '850520400003',
  '850520400004',
  'abc',
  'да',
  'нет',
  'иә',
  'не знаю',
  'спасибо',
  'SC-2026-0001',
  'Сапаров Болат',
  '+7 701 123 45 67',
  '87011234567',
  'проспект Абая',
  '2005',
  '31.02',
  '12.12',
  'ул. Школьная, 5',
  'какие документы нужны для общежития',
  'хочу пожаловаться на цон',
  'вчера',
  'завтра',
  'в пятницу',
  'утром',
  'нагрубили',
  '002345678',
  'для мамы',
  'не знаю номер',
  'не согласна',
  'замужем',
  'не надо',
  'ЖСН-ді ұмыттым',
  'мне положено?',
  'кімге беріледі?',
  'а сколько ждать ответа?',
  'мой иин 850520400003',
  'звоните на 8 701 123 45 67',
  'үйленбегенмін',
  'до свидания',
  'ладно, пока',
  'а что писать?',
  'что дальше',
  'мы многодетные',
  'через цон',
  'заполнить заявление',
  'Общежитие',
  'сәлем Болат',
  'а по иину можно?',
  'я'.repeat(5000),
];

/** A text key shown as it is ("errors.iin_format", "status:ask_number"), a placeholder left unfilled, or a value that is no text. */
const NOT_A_TEXT = /^[a-z_]+(:[a-z_0-9.]+|(\.[a-z_0-9]+)+)$|\{\{|\bundefined\b|\bNaN\b|\[object /;

/** A small linear congruential generator, so that a failing walk is walked again the same way. */
function seeded(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/** What a conversation starts with: the menu asked for, a greeting, or anything else typed. */
const FIRST = { ru: ['меню', 'здравствуйте', 'добрый день'], kk: ['мәзір', 'сәлем', 'сәлеметсіз бе'] };

describe('random walks through every journey', () => {
  it('answer every button and every typed message with texts: no key, no empty placeholder, no "undefined", nothing said twice in one turn', async () => {
    const engine = testEngine();
    const random = seeded(20261203);
    const found = new Map<string, string>();
    for (let walk = 0; walk < 400; walk++) {
      const lang: Lang = walk % 2 === 0 ? 'ru' : 'kk';
      const path: string[] = [];
      let offered: readonly Choice[] = [];
      for (let step = 0; step < 40; step++) {
        const event: EngineEvent =
          step === 0
            ? { type: 'text', text: random() < 0.5 ? FIRST[lang][Math.floor(random() * FIRST[lang].length)]! : TYPED[Math.floor(random() * TYPED.length)]! }
            : offered.length > 0 && random() < 0.7
              ? { type: 'choice', id: offered[Math.floor(random() * offered.length)]!.id }
              : { type: 'text', text: TYPED[Math.floor(random() * TYPED.length)]! };
        path.push(event.type === 'choice' ? `[${event.id}]` : JSON.stringify(event.text.slice(0, 30)));
        const { replies } = await engine.handle({ conversationId: `web-walk-${walk}`, channel: 'web', langHint: lang, event });
        const said = replies.map((r) => r.text);
        const twice = said.find((text, i) => said.indexOf(text) !== i);
        if (twice !== undefined && !found.has(`said twice: ${twice}`)) found.set(`said twice: ${twice}`, path.join(' › '));
        for (const reply of replies) {
          for (const line of [...reply.text.split('\n'), ...(reply.choices ?? []).map((c) => c.label)]) {
            if (NOT_A_TEXT.test(line.trim()) && !found.has(line.trim())) found.set(line.trim(), path.join(' › '));
          }
        }
        offered = replies.findLast((r) => r.choices?.length)?.choices ?? offered;
      }
    }
    expect(Object.fromEntries(found)).toEqual({});
  }, 60_000);
});
