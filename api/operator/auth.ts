import jwt from '@fastify/jwt';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor, OperatorRole } from '../../bot/handoff';
import type { Presence } from '../../bot/presence';
import { apiError } from '../errors';
import type { Accounts, OperatorAccount } from './accounts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The operator making the request, once authenticated. */
    actor?: Actor;
  }
}

interface SessionClaims {
  sub: string;
}

export interface AuthOptions {
  accounts: Accounts;
  presence: Presence;
  secret: string;
  sessionHours: number;
}

/** Registers JWT sessions on an (encapsulated) operator scope and returns what its routes use. */
export async function operatorAuth(app: FastifyInstance, { accounts, presence, secret, sessionHours }: AuthOptions) {
  await app.register(jwt, { secret, sign: { expiresIn: `${sessionHours}h` } });

  const unauthorized = (reply: FastifyReply) => reply.code(401).send(apiError('unauthorized', 'Log in first: Authorization: Bearer <token> from POST /api/operator/login'));

  /**
   * A preHandler admitting operators with one of `roles` (any role when empty). The account is
   * read on every request, so disabling it ends its sessions at once.
   */
  const requireRole =
    (...roles: OperatorRole[]) =>
    async (request: FastifyRequest, reply: FastifyReply) => {
      let claims: SessionClaims;
      try {
        claims = await request.jwtVerify<SessionClaims>();
      } catch {
        return unauthorized(reply);
      }
      const account = await accounts.get(claims.sub);
      if (!account || account.disabled) return unauthorized(reply);
      if (roles.length > 0 && !roles.includes(account.role)) {
        return reply.code(403).send(apiError('forbidden', `This needs the role ${roles.join(' or ')}`));
      }
      request.actor = { login: account.login, name: account.name, role: account.role };
      await presence.touch(account.login);
    };

  const issue = (account: OperatorAccount) => app.jwt.sign({ sub: account.login } satisfies SessionClaims);
  return { requireRole, issue };
}
