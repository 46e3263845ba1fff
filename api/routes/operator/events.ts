import type { FastifyPluginAsync } from 'fastify';
import type { Actor } from '../../../bot/handoff';
import { OPERATOR_EVENTS_TOPIC, type OperatorEvent } from '../../../bot/operator-events';
import { type Accounts, generationOf, SESSIONS_ENDED_TOPIC } from '../../operator/accounts';
import { actorOf, bearer, type OperatorRouteOptions } from './deps';

const HEARTBEAT_MS = 25_000;

/** Operators see the messages of the queue and of their own conversations; supervisors see all. */
function visibleTo(actor: Actor, event: OperatorEvent): boolean {
  if (event.type !== 'message' || actor.role !== 'operator') return true;
  return event.owner === 'queue' || event.owner === `operator:${actor.login}`;
}

async function stillValid(accounts: Accounts, login: string, generation: number): Promise<boolean> {
  const account = await accounts.get(login);
  return account !== null && !account.disabled && generationOf(account) === generation;
}

/**
 * GET /api/operator/events: Server-Sent Events of queue changes, messages, take-overs, transfers,
 * hand-backs and closes, from every instance (the store's bus). A comment line every 25 s keeps
 * proxies from closing the stream and keeps the operator counted as present.
 */
export const eventRoutes: FastifyPluginAsync<OperatorRouteOptions> = async (fastify, { store, presence, accounts, requireRole }) => {
  // Streams never end on their own: a closing server ends them, or it would wait for them forever.
  const open = new Set<{ end(): void }>();
  fastify.addHook('preClose', async () => {
    for (const stream of open) stream.end();
  });

  fastify.get('/api/operator/events', {
    schema: { tags: ['operator'], summary: 'Server-Sent Events: queued, takeover, transferred, released, cancelled, closed, message, presence, callback', security: bearer },
    onRequest: requireRole(),
    handler: async (request, reply) => {
      const actor = actorOf(request);
      const account = await accounts.get(actor.login);
      const generation = account ? generationOf(account) : -1;
      reply.hijack();
      const stream = reply.raw;
      stream.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform', connection: 'keep-alive', 'x-accel-buffering': 'no' });
      stream.write(`event: ready\ndata: ${JSON.stringify({ login: actor.login })}\n\n`);
      const unsubscribe = await store.bus.subscribe(OPERATOR_EVENTS_TOPIC, (message) => {
        const event = message as OperatorEvent;
        if (visibleTo(actor, event)) stream.write(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
      });
      // A logout, a new password or role, or a disabled account ends the stream at once: what it
      // may see was decided by the session it was opened with.
      const unsubscribeSessions = await store.bus.subscribe(SESSIONS_ENDED_TOPIC, (message) => {
        if ((message as { login?: unknown }).login === actor.login) stream.end();
      });
      const heartbeat = setInterval(() => {
        stream.write(': keep-alive\n\n');
        void presence.touch(actor.login).catch(() => undefined);
        // Also checked here, in case the bus lost the message while reconnecting.
        void stillValid(accounts, actor.login, generation)
          .then((valid) => valid || stream.end())
          .catch(() => undefined);
      }, HEARTBEAT_MS);
      open.add(stream);
      request.raw.on('close', () => {
        open.delete(stream);
        clearInterval(heartbeat);
        void unsubscribe().catch(() => undefined);
        void unsubscribeSessions().catch(() => undefined);
      });
    },
  });
};
