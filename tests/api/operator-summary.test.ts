import { describe, expect, it } from 'vitest';
import { conversationTitle, firstWordsIn, summarize } from '../../api/operator/summary';
import { findService } from '../../flows/catalog';
import type { Conversation } from '../../store/types';

const service = findService('duplicate-school')!;

function conversation(more: Partial<Conversation>): Conversation {
  return {
    id: 'web-1',
    channel: 'web',
    lang: 'kk',
    owner: 'bot',
    status: 'open',
    state: { flow: 'menu', step: 'root', version: 1, data: {} },
    offered: [],
    data: {},
    address: { channel: 'web', id: 'web-1' },
    createdAt: '',
    updatedAt: '',
    revision: 1,
    ...more,
  } as Conversation;
}

describe('what a conversation is called in the console', () => {
  it('is the service of a journey run by the bot, in the console language', () => {
    const kazakh = conversation({ data: { checklist: { serviceId: service.id } } });
    expect(conversationTitle(kazakh, 'ru')).toBe(service.shortTitle.ru);
    expect(conversationTitle(kazakh, 'kk')).toBe(service.shortTitle.kk);
  });

  it("is the citizen's first typed words when no service is known, never a button or /start", () => {
    const transcript = [
      { from: 'citizen', text: '/start' },
      { from: 'bot', text: 'Сәлеметсіз бе!' },
      { from: 'citizen', text: '[Құжаттар тізбесі және өтініш]' },
      { from: 'citizen', text: '  Баламның аттестаты жоғалды,   не істеу керек?' },
    ];
    expect(conversationTitle(conversation({}), 'ru', firstWordsIn(transcript))).toBe('Баламның аттестаты жоғалды, не істеу керек?');
    expect(conversationTitle(conversation({}), 'ru', 'а'.repeat(200))).toHaveLength(80);
    expect(conversationTitle(conversation({}), 'ru', firstWordsIn(transcript.slice(0, 3)))).toBeUndefined();
  });

  it('shows a topic the bot filled with the service title in the console language, and a typed topic as typed', () => {
    const filled = conversation({ handoff: { topic: service.title.kk } as Conversation['handoff'] });
    expect(conversationTitle(filled, 'ru')).toBe(service.title.ru);
    expect(summarize(filled, [], 'ru')).toContain(`Вопрос: «${service.title.ru}»`);
    expect(summarize(filled, [], 'ru')).not.toContain(service.title.kk);
    const typed = conversation({ handoff: { topic: 'Потерял аттестат' } as Conversation['handoff'] });
    expect(conversationTitle(typed, 'ru')).toBe('Потерял аттестат');
  });
});
