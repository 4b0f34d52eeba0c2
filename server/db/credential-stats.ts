// Extension `org_credentials`: status counts of an organization's credentials for a policy.
import type { CredentialStats, CredentialStatsQuery } from '../../src/api/org-credential-schemas';
import { stmt, type Db } from './database';
import { where, type Filters } from './org-credentials';
import { CREDENTIAL_LIKE, CREDENTIAL_LIKE_PARAMS, planCredentialCount } from './search';

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

type Kind = 'created' | 'used' | 'never';

/** The index range that counts one kind's rows in `[from, to)` within a day (covering indexes). */
const DAY_RANGE: Record<Kind, string> = {
  created: 'SELECT count(*) FROM credentials INDEXED BY credentials_org_created WHERE organization_id = ? AND created_at >= ? AND created_at < ?',
  used: 'SELECT count(*) FROM credentials INDEXED BY credentials_org_use WHERE organization_id = ? AND last_used_at >= ? AND last_used_at < ?',
  never: `SELECT count(*) FROM credentials INDEXED BY credentials_org_use
    WHERE organization_id = ? AND last_used_at IS NULL AND created_at >= ? AND created_at < ?`,
};

function countAll(db: Db, organizationId: string, kind: Kind): number {
  return stmt(db, `SELECT ifnull(sum(count), 0) FROM credential_day_counts WHERE organization_id = ? AND kind = ?`)
    .pluck()
    .get(organizationId, kind) as number;
}

/**
 * The whole organization, from the per-day counts (migration credentialDayCounts): rows of `kind`
 * at or after `cut` are those of the later days, plus those of the cut's own day at or after it,
 * which is the day's count minus an index range of that one day. Text order is time order
 * (stored times are `toISOString()` strings), and a day is a prefix of its times.
 */
function countOrganization(db: Db, organizationId: string, cuts: Cuts): Counts {
  const all = (kind: Kind) => countAll(db, organizationId, kind);
  const atOrAfter = (kind: Kind, cut: string) => {
    const day = cut.slice(0, 10);
    const fromDay = stmt(db, `SELECT ifnull(sum(count), 0) FROM credential_day_counts WHERE organization_id = ? AND kind = ? AND day >= ?`)
      .pluck()
      .get(organizationId, kind, day) as number;
    const beforeCut = stmt(db, DAY_RANGE[kind]).pluck().get(organizationId, day, cut) as number;
    return fromDay - beforeCut;
  };
  const used = all('used');
  const active = atOrAfter('used', cuts.activeFloor);
  const staleUsed = used - atOrAfter('used', cuts.staleCut);
  const never = all('never');
  const neverUsedNew = atOrAfter('never', cuts.newCut);
  const total = all('created');
  return {
    total,
    active,
    stale_used: staleUsed,
    never_used_new: neverUsedNew,
    never_used_stale: never - neverUsedNew,
    rotation_due: total - atOrAfter('created', cuts.rotationCut),
  };
}

/**
 * A service account's few credentials, or a search's matches: one pass over the matching rows,
 * found through the trigram index when they are few, else by LIKE over credentials_org_use,
 * which carries the searched text (see planCredentialCount). A term that matches most of the
 * organization counts the rows it does not match instead, taken from the organization's counts:
 * the same pass, without summing every row (one read transaction, so both see the same rows).
 */
function countFiltered(db: Db, organizationId: string, filters: Filters, cuts: Cuts): Counts {
  const search = filters.q === undefined ? undefined : planCredentialCount(db, organizationId, filters.q);
  if (search?.kind === 'like' && search.mostlyMatching === true && filters.service_account_id === undefined) {
    const likes = Array<string>(CREDENTIAL_LIKE_PARAMS).fill(search.pattern);
    return db.transaction(() => {
      const all = countOrganization(db, organizationId, cuts);
      const unmatched = countRows(db, 'credentials c INDEXED BY credentials_org_use', `c.organization_id = ? AND NOT ifnull(${CREDENTIAL_LIKE}, 0)`, [organizationId, ...likes], cuts);
      const difference = (key: keyof Counts) => all[key] - unmatched[key];
      return {
        total: difference('total'),
        active: difference('active'),
        stale_used: difference('stale_used'),
        never_used_new: difference('never_used_new'),
        never_used_stale: difference('never_used_stale'),
        rotation_due: difference('rotation_due'),
      };
    })();
  }
  const { sql, params } = where(db, organizationId, filters, { search });
  const from = search?.kind === 'like' && filters.service_account_id === undefined ? 'credentials c INDEXED BY credentials_org_use' : 'credentials c';
  return countRows(db, from, sql, params, cuts);
}

function countRows(db: Db, from: string, sql: string, params: unknown[], cuts: Cuts): Counts {
  return stmt(
    db,
    `SELECT count(*) AS total,
       ifnull(sum(c.last_used_at >= ?), 0) AS active,
       ifnull(sum(c.last_used_at < ?), 0) AS stale_used,
       ifnull(sum(c.last_used_at IS NULL AND c.created_at >= ?), 0) AS never_used_new,
       ifnull(sum(c.last_used_at IS NULL AND c.created_at < ?), 0) AS never_used_stale,
       ifnull(sum(c.created_at < ?), 0) AS rotation_due
     FROM ${from} WHERE ${sql}`,
  ).get(cuts.activeFloor, cuts.staleCut, cuts.newCut, cuts.newCut, cuts.rotationCut, ...params) as Counts;
}
