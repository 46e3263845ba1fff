import type { FastifyPluginAsync } from 'fastify';
import { operatorAuth } from '../../operator/auth';
import { accountRoutes } from './accounts';
import { applicationLookupRoutes } from './applications';
import { complaintFileRoutes } from './complaint-files';
import { centreRoutes } from './centre';
import { conversationRoutes } from './conversations';
import type { OperatorDeps } from './deps';
import { deskRoutes } from './desk';
import { callbackDesk } from './desks/callbacks';
import { complaintDesk } from './desks/complaints';
import { deskPlugin } from './desks/desk';
import { homeVisitDesk, homeVisitExtraRoutes } from './desks/home-visits';
import { eventRoutes } from './events';
import { sessionRoutes } from './session';

/** The operator API of DESIGN.md §6, in one scope with its own JWT sessions. */
export const operatorRoutes: FastifyPluginAsync<OperatorDeps & { jwtSecret: string; sessionHours: number }> = async (fastify, deps) => {
  const { requireRole, issue } = await operatorAuth(fastify, { accounts: deps.accounts, presence: deps.presence, secret: deps.jwtSecret, sessionHours: deps.sessionHours });
  const options = { ...deps, requireRole };
  await fastify.register(sessionRoutes, { ...options, issue });
  await fastify.register(accountRoutes, options);
  await fastify.register(conversationRoutes, options);
  await fastify.register(eventRoutes, options);
  await fastify.register(deskRoutes, options);
  await fastify.register(centreRoutes, options);
  await fastify.register(applicationLookupRoutes, options);
  const desks = { audit: deps.audit, requireRole, notify: deps.notify };
  await fastify.register(deskPlugin(callbackDesk(deps)), { prefix: '/api/operator/callbacks', ...desks });
  await fastify.register(deskPlugin(homeVisitDesk(deps)), { prefix: '/api/operator/home-visits', ...desks });
  await fastify.register(deskPlugin(complaintDesk(deps)), { prefix: '/api/operator/complaints', ...desks });
  await fastify.register(complaintFileRoutes, { complaints: deps.complaints, files: deps.store.files, audit: deps.audit, requireRole });
  await fastify.register(homeVisitExtraRoutes, { prefix: '/api/operator/home-visits', homeVisits: deps.homeVisits, texts: deps.texts, audit: deps.audit, requireRole });
};
