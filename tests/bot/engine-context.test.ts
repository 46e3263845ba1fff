import { describe, expect, it, vi } from 'vitest';
import type { Availability } from '../../flows/types';
import { testEngine } from '../support/engine';

describe("a turn's context", () => {
  it('works out whether an operator can answer only when the step asks', async () => {
    const availability = vi.fn((): Availability => ({ open: true, operatorsOnline: 1, hours: 'always' }));
    const engine = testEngine({ availability });
    const say = (event: Parameters<typeof engine.handle>[0]['event']) => engine.handle({ conversationId: 'web-context-1', channel: 'web', langHint: 'ru', event });
    await say({ type: 'start' });
    await say({ type: 'choice', id: 'menu:checklist' });
    await say({ type: 'choice', id: 'svc:duplicate-school' });
    expect(availability).not.toHaveBeenCalled();
    const asked = await say({ type: 'choice', id: 'menu:operator' });
    expect(availability).toHaveBeenCalled();
    expect(asked.replies.length).toBeGreaterThan(0);
  });
});
