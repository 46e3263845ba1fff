import { describe, expect, it } from 'vitest';
import { messageFrame } from '../../bot/channels/web';

describe('widget message frames (additive fields)', () => {
  it('names a form download for the citizen in the conversation language, not by its file name', () => {
    const reply = { text: 'Өтініш дайын.', attachment: { kind: 'form' as const, formId: 'seed004-app5', fileName: 'seed004-app5-ru.pdf' } };
    const frame = messageFrame(reply, { lang: 'ru', link: () => '/forms/x?sig=y' });
    expect(frame).toMatchObject({ attachment: { fileName: 'seed004-app5-ru.pdf', url: '/forms/x?sig=y', title: 'Заявление о выдаче дубликата диплома колледжа (приложения к нему) (PDF)' } });
    expect(messageFrame(reply, { lang: 'kk', link: () => '/f' })).toMatchObject({ attachment: { title: 'Колледж дипломының (қосымшасының) телнұсқасын беру туралы өтініш (PDF)' } });
  });

  it('marks a reply that replaces the pressed message and passes its checklist on', () => {
    const checklist = { title: 'Список (готово 1 из 2)', items: [{ choiceId: 'tick:a', text: 'Заявление', notes: [], done: true }] };
    const frame = messageFrame({ text: '✅ 1. Заявление', replace: true, checklist }, { lang: 'ru' });
    expect(frame).toMatchObject({ replace: true, checklist });
    expect(messageFrame({ text: 'Привет' }, { lang: 'ru' })).not.toHaveProperty('replace');
  });
});
