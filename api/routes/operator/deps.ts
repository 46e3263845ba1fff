import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Callbacks } from '../../../bot/callbacks';
import type { Actor, Handoff, OperatorRole } from '../../../bot/handoff';
import type { Presence } from '../../../bot/presence';
import type { Ratings } from '../../../bot/ratings';
import type { Store } from '../../../store/types';
import type { Accounts } from '../../operator/accounts';
import type { Audit } from '../../operator/audit';
import type { CannedAnswers } from '../../operator/canned';

/** What the operator routes work with. */
export interface OperatorDeps {
  store: Store;
  accounts: Accounts;
  presence: Presence;
  audit: Audit;
  handoff: Handoff;
  callbacks: Callbacks;
  ratings: Ratings;
  canned: CannedAnswers;
}

export type RoleGuard = (...roles: OperatorRole[]) => (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;

export interface OperatorRouteOptions extends OperatorDeps {
  requireRole: RoleGuard;
}

/** The operator of an authenticated request (the guard has set it). */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new Error('operator route without the role guard');
  return request.actor;
}

export const bearer = [{ bearer: [] as string[] }];
