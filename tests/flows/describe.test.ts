import { describe, expect, it } from 'vitest';
import { createFlows } from '../../flows';
import { checklistOf } from '../../flows/checklist';
import { describeCollected } from '../../flows/describe';
import { createTexts } from '../../locales/i18n';
import type { Lang } from '../../store/types';

const flows = createFlows();
const texts = createTexts();
const describeIn = (data: Record<string, unknown>, lang: Lang) => describeCollected(flows, data, { lang, t: texts.translator(lang) });

describe('what the flows collected, described for operators', () => {
  it('reads a conversation from before the checklist had its namespace: forms and limited mobility at the top level', () => {
    const earlier = {
      checklist: { serviceId: 'duplicate-school', answers: { channel: 'state_corporation', applicant: 'self', reason: 'lost' }, ticked: ['application'] },
      forms: { 'seed000-app1': { lang: 'kk', values: { iin: '850520400003' } } },
      limitedMobility: true,
    };
    expect(checklistOf(earlier)).toMatchObject({ forms: { 'seed000-app1': { lang: 'kk' } }, limitedMobility: true });
    const [checklist] = describeIn(earlier, 'ru');
    expect(checklist).toEqual({
      section: 'checklist',
      title: 'Перечень документов',
      items: [
        { label: 'Услуга', value: expect.stringMatching(/дубликат/) },
        { label: 'Как вы будете подавать заявление?', value: 'В Госкорпорации (ЦОН)' },
        { label: 'Кто подаёт заявление?', value: 'Сам владелец документа' },
        { label: 'Почему нужен дубликат?', value: 'Документ утерян' },
        { label: 'Готовые документы', value: expect.stringMatching(/^Заявление/) },
        { label: 'Заполненное заявление', value: expect.stringMatching(/^Заявление о выдаче дубликата школьного аттестата .* \(на казахском\)$/) },
        { label: 'Ограниченная подвижность', value: 'да, не может прийти сам(а)' },
      ],
    });
    expect(JSON.stringify(describeIn(earlier, 'kk'))).not.toMatch(/state_corporation|application|seed000|850520400003/);
  });

  it('leaves out answers and documents the catalog no longer has, rather than showing their ids', () => {
    const [checklist] = describeIn({ checklist: { serviceId: 'duplicate-school', answers: { reason: 'stolen', retired_question: 'x' }, ticked: ['no_such_document'] } }, 'kk');
    expect(checklist!.items).toEqual([{ label: 'Қызмет', value: expect.any(String) }]);
  });

  it('gives the rating as a score out of five, and nothing for a conversation that collected nothing', () => {
    expect(describeIn({ rating: { score: 4, at: '2026-03-02T10:00:00Z' } }, 'kk')).toEqual([
      { section: 'rating', title: 'Азаматтың бағасы', items: [{ label: 'Көмекке берілген баға', value: '4/5' }] },
    ]);
    expect(describeIn({}, 'ru')).toEqual([]);
  });
});
