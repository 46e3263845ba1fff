import jwt from '@fastify/jwt';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor, OperatorRole } from '../../bot/handoff';
import type { Presence } from '../../bot/presence';
import { apiError } from '../errors';
import { type Accounts, generationOf, type OperatorAccount } from './accounts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The operator making the request, once authenticated. */
    actor?: Actor;
  }
}

interface SessionClaims {
  sub: string;
  /** The account's session generation when signed (see OperatorAccount.sessionGeneration). */
  gen?: number;
}

export interface AuthOptions {
  accounts: Accounts;
  presence: Presence;
  secret: string;
  sessionHours: number;
}

/** Registers JWT sessions on an (encapsulated) operator scope and returns what its routes use. */
export async function operatorAuth(app: FastifyInstance, { accounts, presence, secret, sessionHours }: AuthOptions) {
  // HS256 only: a token naming another algorithm (none, RS256 with the secret as a key) is refused.
  await app.register(jwt, { secret, sign: { algorithm: 'HS256', expiresIn: `${sessionHours}h` }, verify: { algorithms: ['HS256'] } });

  const unauthorized = (reply: FastifyReply) => reply.code(401).send(apiError('unauthorized', 'Log in first: Authorization: Bearer <token> from POST /api/operator/login'));

  /**
   * An onRequest hook (before the body is read or validated) admitting operators with one of `roles` (any role when empty). The account is
   * read on every request, so disabling it, a new password, a new role or a logout ends its
   * sessions at once, on every instance.
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
      const account = typeof claims.sub === 'string' ? await accounts.get(claims.sub) : null;
      if (!account || account.disabled || (claims.gen ?? 0) !== generationOf(account)) return unauthorized(reply);
      if (roles.length > 0 && !roles.includes(account.role)) {
        return reply.code(403).send(apiError('forbidden', `This needs the role ${roles.join(' or ')}`));
      }
      request.actor = { login: account.login, name: account.name, role: account.role };
      await presence.touch(account.login);
    };

  const issue = (account: OperatorAccount) => app.jwt.sign({ sub: account.login, gen: generationOf(account) } satisfies SessionClaims);
  return { requireRole, issue };
}
