// Extension `service_account_query`: the service-account list searched and sorted by the server.
import type { CredentialSummary, ServiceAccountQuery, ServiceAccountSort } from '../../src/api/org-credential-schemas';
import { stmt, type Db } from './database';
import { paginate, type Page, type PageRequest } from './pagination';
import { likePattern, planServiceAccountSearch } from './search';
import type { ServiceAccountRow } from './service-accounts';

interface QueriedServiceAccountRow extends ServiceAccountRow {
  name_key: string;
  last_used_at: string | null;
}

const COLUMNS = 'id, organization_id, name, name_key, description, created_at, updated_at, last_used_at';

/** Each sort matches an index of migration orgWideCredentials; ties by id. */
const SORT_KEYS: Record<ServiceAccountSort, { sql: string; value: (row: QueriedServiceAccountRow) => string }> = {
  created_at: { sql: 'created_at', value: (row) => row.created_at },
  // The case-folded name that also keeps names unique.
  name: { sql: 'name_key', value: (row) => row.name_key },
  // The latest use of any of its credentials (kept by triggers); never used sorts as the oldest.
  last_used_at: { sql: 'last_used_key', value: (row) => row.last_used_at ?? '' },
};

/**
 * `q`: a case-insensitive substring of the name, description or id, or the exact client_id of
 * one of its credentials. 100,000 service accounts are few enough for LIKE.
 */
export function queryServiceAccounts(
  db: Db,
  organizationId: string,
  query: ServiceAccountQuery,
  page: PageRequest,
): Page<ServiceAccountRow> {
  const key = SORT_KEYS[query.sort];
  const search = query.q === undefined ? undefined : searchClause(db, query.q);
  // A few candidate rows drive the query; otherwise the sort's index is walked.
  const org = search?.narrowed ? '+organization_id = ?' : 'organization_id = ?';
  return paginate<QueriedServiceAccountRow>(
    db,
    {
      select: `SELECT ${COLUMNS} FROM service_accounts WHERE ${org}${search ? ` AND ${search.sql}` : ''}`,
      params: [organizationId, ...(search?.params ?? [])],
      keys: { createdAt: key.sql, id: 'id' },
      scope: `service_accounts:${organizationId}:${JSON.stringify([query.sort, query.direction, query.q ?? null])}`,
      direction: query.direction,
      sortValue: key.value,
    },
    page,
  );
}

/** `q` as the trigram index's candidates (or a LIKE test when they are many), or the owner of a client_id. */
function searchClause(db: Db, q: string): { sql: string; params: unknown[]; narrowed: boolean } {
  const owner = 'id IN (SELECT service_account_id FROM credentials WHERE client_id = ?)';
  const plan = planServiceAccountSearch(db, q);
  if (plan.kind === 'candidates') {
    return { sql: `(rowid IN (SELECT value FROM json_each(?)) OR ${owner})`, params: [plan.rowids, q], narrowed: true };
  }
  const like = likePattern(q);
  return {
    sql: `(name LIKE ? ESCAPE '\\' OR ifnull(description, '') LIKE ? ESCAPE '\\' OR id LIKE ? ESCAPE '\\' OR ${owner})`,
    params: [like, like, like, q],
    narrowed: false,
  };
}

/** Count, latest use and oldest creation of each listed service account's credentials. */
export function credentialSummaries(db: Db, serviceAccountIds: readonly string[]): Map<string, CredentialSummary> {
  const rows = stmt(
    db,
    `SELECT service_account_id, count(*) AS count, max(last_used_at) AS last_used_at, min(created_at) AS oldest_created_at
     FROM credentials WHERE service_account_id IN (SELECT value FROM json_each(?)) GROUP BY service_account_id`,
  ).all(JSON.stringify(serviceAccountIds)) as ({ service_account_id: string } & CredentialSummary)[];
  const summaries = new Map<string, CredentialSummary>(serviceAccountIds.map((id) => [id, { count: 0 }]));
  for (const { service_account_id, count, last_used_at, oldest_created_at } of rows) {
    summaries.set(service_account_id, {
      count,
      ...(last_used_at ? { last_used_at } : {}),
      ...(oldest_created_at ? { oldest_created_at } : {}),
    });
  }
  return summaries;
}
