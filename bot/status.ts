import { hash } from 'node:crypto';
import { collectedOf, type LookupResult, STATUS_EFFECTS } from '../flows/status';
import type { ApplicationView } from '../flows/status/view';
import type { Application } from '../domain/application';
import type { RateLimits } from '../store/types';
import type { Applications } from './applications';
import { EffectRefusal, type EffectHandler } from './engine';
import type { StatusSource } from './status-source';

/** Look-ups a conversation, and an IIN across conversations, may make in an hour. */
export const LOOKUPS_PER_HOUR = 10;

/** The application as the citizen who proved it theirs sees it: without the IIN or who else watches it. */
function viewOf(application: Application, conversationId: string): ApplicationView {
  const { number, serviceId, channel, submittedAt, status, note, history, subscribers } = application;
  return { number, serviceId, channel, submittedAt, status, ...(note ? { note } : {}), history, subscribed: subscribers.includes(conversationId) };
}

/**
 * The effects of the status journey. A look-up counts against the conversation and against the
 * IIN (kept as a hash), so numbers cannot be tried one after another from one chat or across
 * many; a conversation watches only an application it has looked up.
 */
export function statusEffects({ source, applications, rateLimits }: { source: StatusSource; applications: Applications; rateLimits: RateLimits }): Record<string, EffectHandler> {
  const looked = (conversation: Parameters<EffectHandler>[1]['conversation'], number: string) => collectedOf(conversation.data).lookedUp.includes(number);
  return {
    [STATUS_EFFECTS.lookup]: async (effect, { conversation }): Promise<LookupResult> => {
      const iin = String(effect.iin);
      // Both are counted whatever the other says, so they go to the store together.
      const [byConversation, byIin] = await Promise.all([
        rateLimits.hit(`status:conversation:${conversation.id}`, LOOKUPS_PER_HOUR, 3600),
        rateLimits.hit(`status:iin:${hash('sha256', iin, 'base64url')}`, LOOKUPS_PER_HOUR, 3600),
      ]);
      if (!byConversation || !byIin) throw new EffectRefusal('rate_limited');
      const result = await source.lookup(String(effect.number), iin);
      return 'found' in result ? { found: viewOf(result.found, conversation.id) } : result;
    },
    [STATUS_EFFECTS.subscribe]: async (effect, { conversation }) => {
      const number = String(effect.number);
      if (!looked(conversation, number)) throw new EffectRefusal('not_found');
      // Subscribed already is as good as subscribed now; an application only the external service knows cannot be watched.
      if (!(await applications.subscribe(number, conversation.id))) throw new EffectRefusal('not_found');
      return { subscribed: true };
    },
    [STATUS_EFFECTS.unsubscribe]: async (effect, { conversation }) => {
      await applications.unsubscribe(String(effect.number), conversation.id);
      return { subscribed: false };
    },
  };
}
