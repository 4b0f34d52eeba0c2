// Extension `org_credentials`: status counts of an organization's credentials for a policy.
import type { CredentialStats, CredentialStatsQuery } from '../../src/api/org-credential-schemas';
import { stmt, type Db } from './database';
import { where, type Filters } from './org-credentials';

const DAY_MS = 24 * 60 * 60 * 1000;

interface Counts {
  total: number;
  active: number;
  stale_used: number;
  never_used_new: number;
  never_used_stale: number;
  rotation_due: number;
}

/**
 * Counts with the console's rules (src/lib/credential-status.ts), at `now`:
 * used at or after now − idle_after_days → active (a future use is "just now": active);
 * used before now − stale_after_days → stale (checked first, as the console does);
 * otherwise used → idle; never used and created before now − new_within_days → stale, else new;
 * created before now − rotation_due_after_days → rotation due.
 */
export function credentialStats(db: Db, organizationId: string, query: CredentialStatsQuery, now: Date): CredentialStats {
  const cutoff = (days: number) => new Date(now.getTime() - days * DAY_MS).toISOString();
  const staleCut = cutoff(query.stale_after_days);
  const activeCut = cutoff(query.idle_after_days);
  // Stale wins over active when the stale threshold is the shorter one.
  const activeFloor = activeCut > staleCut ? activeCut : staleCut;
  const newCut = cutoff(query.new_within_days);
  const rotationCut = cutoff(query.rotation_due_after_days);
  const filters: Filters = { q: query.q, service_account_id: query.service_account_id };

  const counts =
    filters.q === undefined && filters.service_account_id === undefined
      ? countOrganization(db, organizationId, { activeFloor, staleCut, newCut, rotationCut })
      : countFiltered(db, organizationId, filters, { activeFloor, staleCut, newCut, rotationCut });
  const idle = counts.total - counts.active - counts.stale_used - counts.never_used_new - counts.never_used_stale;
  return {
    total: counts.total,
    active: counts.active,
    idle,
    stale: counts.stale_used + counts.never_used_stale,
    never_used_new: counts.never_used_new,
    never_used_stale: counts.never_used_stale,
    rotation_due: counts.rotation_due,
    computed_at: now.toISOString(),
  };
}

interface Cuts {
  activeFloor: string;
  staleCut: string;
  newCut: string;
  rotationCut: string;
}

/**
 * The whole organization: one range count per bucket on covering indexes, which steps through
 * each index entry once instead of reading 300,000 rows and testing each against every rule.
 */
function countOrganization(db: Db, organizationId: string, cuts: Cuts): Counts {
  const count = (sql: string, ...params: unknown[]) =>
    (stmt(db, `SELECT count(*) FROM credentials WHERE organization_id = ? AND ${sql}`).pluck().get(organizationId, ...params) as number);
  const used = 'last_used_at >= ?';
  const active = count(used, cuts.activeFloor);
  const staleUsed = count('last_used_at < ?', cuts.staleCut);
  const idle = cuts.activeFloor > cuts.staleCut ? count('last_used_at >= ? AND last_used_at < ?', cuts.staleCut, cuts.activeFloor) : 0;
  const neverUsedNew = count('last_used_at IS NULL AND created_at >= ?', cuts.newCut);
  const neverUsedStale = count('last_used_at IS NULL AND created_at < ?', cuts.newCut);
  const total = active + staleUsed + idle + neverUsedNew + neverUsedStale;
  const recent = count('created_at >= ?', cuts.rotationCut);
  return {
    total,
    active,
    stale_used: staleUsed,
    never_used_new: neverUsedNew,
    never_used_stale: neverUsedStale,
    rotation_due: total - recent,
  };
}

/** A service account's few credentials, or a search's matches: one pass over the matching rows. */
function countFiltered(db: Db, organizationId: string, filters: Filters, cuts: Cuts): Counts {
  const { sql, params } = where(db, organizationId, filters, { exhaustive: true });
  return stmt(
    db,
    `SELECT count(*) AS total,
       ifnull(sum(c.last_used_at >= ?), 0) AS active,
       ifnull(sum(c.last_used_at < ?), 0) AS stale_used,
       ifnull(sum(c.last_used_at IS NULL AND c.created_at >= ?), 0) AS never_used_new,
       ifnull(sum(c.last_used_at IS NULL AND c.created_at < ?), 0) AS never_used_stale,
       ifnull(sum(c.created_at < ?), 0) AS rotation_due
     FROM credentials c WHERE ${sql}`,
  ).get(cuts.activeFloor, cuts.staleCut, cuts.newCut, cuts.newCut, cuts.rotationCut, ...params) as Counts;
}
