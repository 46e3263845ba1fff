import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiError, apiError } from '../../errors';
import type { OperatorAccount } from '../../operator/accounts';
import { actorOf, bearer, type OperatorRouteOptions } from './deps';

const PresenceStatus = z.enum(['online', 'away', 'offline']);
const Me = z.object({ login: z.string(), name: z.string(), role: z.enum(['operator', 'supervisor', 'admin']), status: PresenceStatus });
const Colleague = z.object({ login: z.string(), name: z.string(), role: z.string(), status: PresenceStatus });
export type MeBody = z.infer<typeof Me>;
export type ColleagueBody = z.infer<typeof Colleague>;

/** Logging in, who am I, and presence (online / away / offline). */
export const sessionRoutes: FastifyPluginAsync<OperatorRouteOptions & { issue: (account: OperatorAccount) => string }> = async (fastify, deps) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { accounts, presence, audit, handoff, requireRole } = deps;

  const setPresence = async (login: string, status: z.infer<typeof PresenceStatus>) => {
    const record = await presence.set(login, status);
    await handoff.publish({ type: 'presence', login, status, at: record.seenAt });
    await audit.record(login, 'presence.set', login, { status });
  };

  app.post('/api/operator/login', {
    schema: {
      tags: ['operator'],
      summary: 'Log in; the operator is set online',
      body: z.object({ login: z.string().min(1).max(64), password: z.string().min(1).max(200) }),
      response: { 200: z.object({ token: z.string(), operator: Me }), 400: ApiError, 401: ApiError },
    },
    config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
    handler: async (request, reply) => {
      const account = await accounts.authenticate(request.body.login, request.body.password);
      if (!account) return reply.code(401).send(apiError('invalid_credentials', 'Wrong login or password, or the account is disabled'));
      await audit.record(account.login, 'session.login');
      await setPresence(account.login, 'online');
      return { token: deps.issue(account), operator: { login: account.login, name: account.name, role: account.role, status: 'online' as const } };
    },
  });

  app.get('/api/operator/me', {
    schema: { tags: ['operator'], summary: 'The logged-in operator', security: bearer, response: { 200: Me, 401: ApiError } },
    preHandler: requireRole(),
    handler: async (request) => {
      const actor = actorOf(request);
      const status = (await presence.list()).find((r) => r.login === actor.login)?.status ?? 'offline';
      return { ...actor, status };
    },
  });

  app.post('/api/operator/presence', {
    schema: {
      tags: ['operator'],
      summary: 'Set presence; only online operators are offered new conversations',
      security: bearer,
      body: z.object({ status: PresenceStatus }),
      response: { 200: z.object({ login: z.string(), status: PresenceStatus }), 400: ApiError, 401: ApiError },
    },
    preHandler: requireRole(),
    handler: async (request) => {
      const { login } = actorOf(request);
      await setPresence(login, request.body.status);
      return { login, status: request.body.status };
    },
  });

  app.get('/api/operator/presence', {
    schema: {
      tags: ['operator'],
      summary: 'Every operator with their presence',
      security: bearer,
      response: { 200: z.array(Colleague), 401: ApiError },
    },
    preHandler: requireRole(),
    handler: async () => {
      const statuses = new Map((await presence.list()).map((r) => [r.login, r.status]));
      return (await accounts.list()).filter((a) => !a.disabled).map((a) => ({ login: a.login, name: a.name, role: a.role, status: statuses.get(a.login) ?? 'offline' }));
    },
  });
};
