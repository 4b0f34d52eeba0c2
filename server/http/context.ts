import type { Context, Env } from 'hono';
import type { Principal } from '../auth/principal';
import type { RateLimiter } from '../auth/rate-limit';
import type { Config } from '../config';
import type { CredentialRow } from '../db/credentials';
import type { Db } from '../db/database';
import type { OrganizationRow } from '../db/organizations';
import type { ServiceAccountRow } from '../db/service-accounts';
import type { Clock } from '../lib/clock';
import type { Logger } from '../lib/logger';

/** What every request has (set by `requestContext`, the first middleware). */
export interface AppEnv {
  Variables: { requestId: string };
}

/**
 * What each step of the request pipeline adds, for the middleware that sets it to declare
 * (`createMiddleware<OrgEnv>`): a handler sees `principal`, `org`, `serviceAccount` or
 * `credential` only when the middleware that sets it stands before it.
 */
export interface AuthenticatedEnv {
  Variables: AppEnv['Variables'] & { principal: Principal };
}
export interface OrgEnv {
  Variables: AuthenticatedEnv['Variables'] & { org: OrganizationRow };
}
export interface ServiceAccountEnv {
  Variables: OrgEnv['Variables'] & { serviceAccount: ServiceAccountRow };
}
export interface CredentialEnv {
  Variables: ServiceAccountEnv['Variables'] & { credential: CredentialRow };
}

/**
 * For helpers that a handler calls with its context: any context whose pipeline has set at least
 * E's variables (`Context<E>` itself would demand exactly E, because of `set`).
 */
export type ContextWith<E extends Env> = Pick<Context, 'req'> & { var: E['Variables'] };

/** What route modules need, passed explicitly so tests can swap the clock or limits. */
export interface Services {
  db: Db;
  config: Config;
  clock: Clock;
  logger: Logger;
  tokenFailures: RateLimiter;
}

export const nowIso = (services: Services): string => services.clock().toISOString();
