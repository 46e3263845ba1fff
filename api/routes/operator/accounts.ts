import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiError, apiError } from '../../errors';
import { publicAccount } from '../../operator/accounts';
import { actorOf, bearer, type OperatorRouteOptions } from './deps';

const Role = z.enum(['operator', 'supervisor', 'admin']);
const Account = z.object({ login: z.string(), name: z.string(), role: Role, disabled: z.boolean(), createdAt: z.string(), updatedAt: z.string() });
const Password = z.string().min(8, 'must be at least 8 characters').max(200);

/** Admins add, change and disable operator accounts (accounts are never deleted: the audit log names them). */
export const accountRoutes: FastifyPluginAsync<OperatorRouteOptions> = async (fastify, { accounts, audit, requireRole }) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.addHook('onRequest', requireRole('admin'));

  app.get('/api/operator/accounts', {
    schema: { tags: ['operator admin'], summary: 'All accounts', security: bearer, response: { 200: z.array(Account), 401: ApiError, 403: ApiError } },
    handler: async () => (await accounts.list()).map(publicAccount),
  });

  app.post('/api/operator/accounts', {
    schema: {
      tags: ['operator admin'],
      summary: 'Add an account',
      security: bearer,
      body: z.object({ login: z.string().regex(/^[A-Za-z0-9._-]{2,64}$/, 'use 2–64 of A–Z a–z 0–9 . _ -'), password: Password, role: Role, name: z.string().trim().min(1).max(100).optional() }),
      response: { 201: Account, 400: ApiError, 401: ApiError, 403: ApiError, 409: ApiError },
    },
    handler: async (request, reply) => {
      const { login, password, role, name } = request.body;
      const created = await accounts.create({ login, password, role, ...(name ? { name } : {}) });
      if (!created) return reply.code(409).send(apiError('conflict', `The login ${login.toLowerCase()} is taken`));
      await audit.record(actorOf(request).login, 'account.create', created.login, { role });
      return reply.code(201).send(publicAccount(created));
    },
  });

  app.patch('/api/operator/accounts/:login', {
    schema: {
      tags: ['operator admin'],
      summary: 'Change the name, role or password of an account, or disable it',
      security: bearer,
      params: z.object({ login: z.string().min(1).max(64) }),
      body: z
        .object({ name: z.string().trim().min(1).max(100).optional(), role: Role.optional(), disabled: z.boolean().optional(), password: Password.optional() })
        .refine((b) => Object.keys(b).length > 0, 'nothing to change'),
      response: { 200: Account, 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError, 409: ApiError },
    },
    handler: async (request, reply) => {
      const actor = actorOf(request);
      const login = request.params.login.toLowerCase();
      if (login === actor.login && (request.body.disabled || (request.body.role && request.body.role !== 'admin'))) {
        return reply.code(409).send(apiError('conflict', 'An admin cannot disable or demote their own account'));
      }
      const updated = await accounts.update(login, request.body);
      if (!updated) return reply.code(404).send(apiError('not_found', `No account ${login}`));
      const { password, ...changed } = request.body;
      await audit.record(actor.login, request.body.disabled === true ? 'account.disable' : 'account.update', login, { ...changed, ...(password ? { password: 'changed' } : {}) });
      return publicAccount(updated);
    },
  });
};
