import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../store/memory';
import { testEngine } from '../support/engine';

describe('the citizen side of the transcript, as operators read it', () => {
  it('writes a pressed button as its label, and a button no longer on offer in words, never as its id', async () => {
    const store = createMemoryStore();
    const engine = testEngine({ store });
    const id = 'web-transcript-words';
    const press = (choice: string) => engine.handle({ conversationId: id, channel: 'web', event: { type: 'choice', id: choice } });
    await engine.handle({ conversationId: id, channel: 'web', langHint: 'ru', event: { type: 'start' } });
    await press('menu:checklist');
    await press('svc:correct-education-document');
    await press('tick:application');
    const citizen = (await store.conversations.transcript(id)).filter((e) => e.from === 'citizen').map((e) => e.text);
    expect(citizen).toEqual(['[Документы и заявление]', '[Исправить ошибку в дипломе колледжа]', '[кнопка из прежнего сообщения]']);
  });
});
