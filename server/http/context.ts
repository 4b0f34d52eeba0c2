import type { Principal } from '../auth/principal';
import type { RateLimiter } from '../auth/rate-limit';
import type { Config } from '../config';
import type { Db } from '../db/database';
import type { OrganizationRow } from '../db/organizations';
import type { Clock } from '../lib/clock';
import type { Logger } from '../lib/logger';

/** Per-request values set by middleware. `principal` and `org` exist only behind their middleware. */
export interface AppEnv {
  Variables: {
    requestId: string;
    principal: Principal;
    org: OrganizationRow;
  };
}

/** What route modules need, passed explicitly so tests can swap the clock or limits. */
export interface Services {
  db: Db;
  config: Config;
  clock: Clock;
  logger: Logger;
  tokenFailures: RateLimiter;
}

export const nowIso = (services: Services): string => services.clock().toISOString();
