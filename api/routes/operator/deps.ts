import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Applications } from '../../../bot/applications';
import type { Callbacks } from '../../../bot/callbacks';
import type { Complaints } from '../../../bot/complaints';
import type { HomeVisits } from '../../../bot/home-visits';
import type { DescribeCollected } from '../../../flows/describe';
import type { Texts } from '../../../locales/i18n';
import type { Actor, Handoff, OperatorRole } from '../../../bot/handoff';
import type { Presence } from '../../../bot/presence';
import type { Ratings } from '../../../bot/ratings';
import type { Store } from '../../../store/types';
import type { Accounts } from '../../operator/accounts';
import type { Audit } from '../../operator/audit';
import type { CannedAnswers } from '../../operator/canned';
import type { CitizenNotifier } from './desks/desk';

/** What the operator routes work with. */
export interface OperatorDeps {
  store: Store;
  accounts: Accounts;
  presence: Presence;
  audit: Audit;
  handoff: Handoff;
  callbacks: Callbacks;
  /** Home visits: the contact centre's desk lists, changes and books them. */
  homeVisits: HomeVisits;
  /** Complaints: the contact centre's desk lists them and acts on them. */
  complaints: Complaints;
  ratings: Ratings;
  /** Applications as providers report them: looked up by number. */
  applications: Applications;
  canned: CannedAnswers;
  /** What the flows collected in a conversation, in words, in the console's language. */
  describe: DescribeCollected;
  texts: Texts;
  /** Tells citizens of changes made on the operator desks (a booking confirmed, a call that missed them). */
  notify?: CitizenNotifier;
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
