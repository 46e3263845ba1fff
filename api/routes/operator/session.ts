import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiError, apiError } from '../../errors';
import type { OperatorAccount } from '../../operator/accounts';
import { LoginThrottle } from '../../operator/login-throttle';
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

  const throttle = new LoginThrottle(deps.store);

  /** Sets presence; only a change of what colleagues see is audited, so repeated calls add nothing. */
  const setPresence = async (login: string, status: z.infer<typeof PresenceStatus>) => {
    const before = (await presence.list()).find((r) => r.login === login)?.status ?? 'offline';
    const record = await presence.set(login, status);
    await handoff.publish({ type: 'presence', login, status, at: record.seenAt });
    if (before !== status) await audit.record(login, 'presence.set', login, { status });
  };

  app.post('/api/operator/login', {
    schema: {
      tags: ['operator'],
      summary: 'Log in; the operator is set online',
      body: z.object({ login: z.string().min(1).max(64), password: z.string().min(1).max(200) }),
      response: { 200: z.object({ token: z.string(), operator: Me }), 400: ApiError, 401: ApiError, 429: ApiError },
    },
    config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
    handler: async (request, reply) => {
      const login = request.body.login.toLowerCase();
      const outcome = await throttle.attempt(login, request.ip, () => accounts.authenticate(login, request.body.password));
      if (outcome.refused) {
        reply.header('retry-after', String(outcome.retryAfterSeconds));
        return reply.code(429).send(apiError('too_many_attempts', `Too many failed logins: try again in ${outcome.retryAfterSeconds} s`));
      }
      const { account } = outcome;
      if (!account) {
        await audit.record(login, 'session.login_failed', login, { ip: request.ip, ...(outcome.startedWait ? { throttled: true } : {}) });
        return reply.code(401).send(apiError('invalid_credentials', 'Wrong login or password, or the account is disabled'));
      }
      await audit.record(account.login, 'session.login');
      await setPresence(account.login, 'online');
      return { token: deps.issue(account), operator: { login: account.login, name: account.name, role: account.role, status: 'online' as const } };
    },
  });

  app.post('/api/operator/logout', {
    schema: {
      tags: ['operator'],
      summary: 'Log out: every session of the account ends (on every instance, event streams included) and the operator is set offline',
      security: bearer,
      response: { 204: z.null(), 401: ApiError },
    },
    onRequest: requireRole(),
    handler: async (request, reply) => {
      const { login } = actorOf(request);
      await setPresence(login, 'offline');
      await accounts.endSessions(login);
      await audit.record(login, 'session.logout');
      return reply.code(204).send(null);
    },
  });

  app.get('/api/operator/me', {
    schema: { tags: ['operator'], summary: 'The logged-in operator', security: bearer, response: { 200: Me, 401: ApiError } },
    onRequest: requireRole(),
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
    onRequest: requireRole(),
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
    onRequest: requireRole(),
    handler: async () => {
      const statuses = new Map((await presence.list()).map((r) => [r.login, r.status]));
      return (await accounts.list()).filter((a) => !a.disabled).map((a) => ({ login: a.login, name: a.name, role: a.role, status: statuses.get(a.login) ?? 'offline' }));
    },
  });
};
