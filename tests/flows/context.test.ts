import { describe, expect, it } from 'vitest';
import { type Availability, type FlowContext, withConversation } from '../../flows/types';
import type { Conversation } from '../../store/types';

const OPEN: Availability = { open: true, operatorsOnline: 2, hours: [] };

describe('withConversation', () => {
  it('gives a step the conversation as the step changed it, and works out the centre’s availability only when read', () => {
    let worked = 0;
    const before = { id: 'web-1', data: {} } as unknown as Conversation;
    const after = { id: 'web-1', data: { status: { subscriptions: ['SC-1'] } } } as unknown as Conversation;
    const ctx: FlowContext = {
      lang: 'ru',
      t: (key) => key,
      both: (key) => ({ kk: key, ru: key }),
      now: new Date('2026-12-03T06:00:00Z'),
      conversation: before,
      get availability() {
        worked++;
        return OPEN;
      },
    };
    const changed = withConversation(ctx, after);
    expect(worked).toBe(0);
    expect(changed).toMatchObject({ lang: 'ru', now: ctx.now, conversation: after });
    expect(changed.t('status:subscribed')).toBe('status:subscribed');
    expect(changed.availability).toEqual(OPEN);
    expect(worked).toBe(1);
  });
});
