// Extension `org_credentials`: every credential of one organization, filtered and sorted here.
// Each sort walks its own index (migration orgWideCredentials), so a page costs the same at any depth.
import type { OrgCredentialQuery, OrgCredentialSort } from '../../src/api/org-credential-schemas';
import type { CredentialRow } from './credentials';
import { decodeCursor, encodeCursor } from './cursor';
import { stmt, type Db } from './database';
import { paginate, type Page, type PageRequest } from './pagination';
import { CREDENTIAL_LIKE, CREDENTIAL_LIKE_PARAMS, planCredentialSearch, searchTuning, type SearchPlan } from './search';

export interface OrgCredentialRow extends CredentialRow {
  service_account_name: string;
}

const COLUMNS =
  'c.id, c.service_account_id, c.client_id, c.name, c.description, c.created_at, c.last_used_at, c.service_account_name';

const asciiLower = (value: string) => value.replace(/[A-Z]/g, (ch) => ch.toLowerCase());

/** SQL sort key (matching an index) and the same value read from a row, for its cursor. */
const SORT_KEYS: Record<OrgCredentialSort, { sql: string; value: (row: OrgCredentialRow) => string }> = {
  created_at: { sql: 'c.created_at', value: (row) => row.created_at },
  // Never used is the oldest possible use: '' sorts before every timestamp.
  last_used_at: { sql: 'c.last_used_key', value: (row) => row.last_used_at ?? '' },
  // lower() folds ASCII only, as SQLite's own NOCASE does.
  name: { sql: 'c.name_key', value: (row) => asciiLower(row.name) },
  service_account_name: { sql: 'c.service_account_name_key', value: (row) => asciiLower(row.service_account_name) },
};

/** A row of the sort alone: where it is, and its keyset position. */
interface KeyedRow {
  row_id: number;
  id: string;
  sort_key: string;
  created_at: string;
}

export type Filters = Pick<
  OrgCredentialQuery,
  'q' | 'service_account_id' | 'last_used_before' | 'last_used_after' | 'never_used' | 'created_before' | 'created_after'
>;

/** Stored times are `toISOString()` strings, so a normalized bound compares correctly as text. */
const iso = (value: string) => new Date(value).toISOString();

/** The index each sort walks (migration orgWideCredentials). */
const SORT_INDEX: Record<OrgCredentialSort, string> = {
  created_at: 'credentials_org_created',
  last_used_at: 'credentials_org_last_used',
  name: 'credentials_org_name',
  service_account_name: 'credentials_org_sa_name',
};

/**
 * Time filters that keep at most this many rows are answered by finding those rows through a
 * time index and sorting them; wider ones by walking the sort's index, which then reaches a page
 * of matches within a few tens of thousands of index entries at worst.
 */
const SMALL_SET = 2000;

interface Where {
  sql: string;
  params: unknown[];
  /** `INDEXED BY` for the list query, when SQLite's own choice (it has no statistics) is wrong. */
  index?: string | undefined;
}

interface Clause {
  sql: string;
  params: unknown[];
}

/**
 * The time filters. With the last-used sort they are written on its key (`last_used_key`, ''
 * for never used), so they become ranges of that sort's index.
 */
function timeClauses(filters: Filters, sort: OrgCredentialSort | undefined): { lastUsed: Clause[]; created: Clause[] } {
  const onSort = sort === 'last_used_at';
  const used = onSort ? 'c.last_used_key' : 'c.last_used_at';
  const lastUsed: Clause[] = [];
  const created: Clause[] = [];
  if (filters.last_used_before !== undefined) {
    if (onSort) lastUsed.push({ sql: `${used} > ''`, params: [] });
    lastUsed.push({ sql: `${used} < ?`, params: [iso(filters.last_used_before)] });
  }
  if (filters.last_used_after !== undefined) lastUsed.push({ sql: `${used} > ?`, params: [iso(filters.last_used_after)] });
  if (filters.never_used !== undefined) {
    // `<= ''` rather than `= ''`: SQLite then reads the index in order instead of sorting the range.
    const sql = onSort ? (filters.never_used ? `${used} <= ''` : `${used} > ''`) : `c.last_used_at IS ${filters.never_used ? '' : 'NOT '}NULL`;
    lastUsed.push({ sql, params: [] });
  }
  if (filters.created_before !== undefined) created.push({ sql: 'c.created_at < ?', params: [iso(filters.created_before)] });
  if (filters.created_after !== undefined) created.push({ sql: 'c.created_at > ?', params: [iso(filters.created_after)] });
  return { lastUsed, created };
}

/** A search plan that is one clause: a broad term is first decided into `like` or `match`. */
export type SearchClause = Exclude<SearchPlan, { kind: 'broad' }>;

/**
 * The WHERE clause for `filters` (with `search` standing for `q`) in organization
 * `organizationId`, and for a list in `sort` order, the index to use. When a narrower set drives
 * the query (one service account, or the search's candidate rows), the organization test is
 * written `+c.organization_id` so SQLite does not walk the whole organization's index instead.
 */
export function where(
  db: Db,
  organizationId: string,
  filters: Filters,
  options: { sort?: OrgCredentialSort; search?: SearchClause | undefined; narrowed?: boolean; walk?: boolean } = {},
): Where {
  const clauses: Clause[] = [];
  const search = options.search;
  const narrowed =
    options.narrowed === true || filters.service_account_id !== undefined || (search !== undefined && search.kind !== 'like');
  clauses.push({ sql: narrowed ? '+c.organization_id = ?' : 'c.organization_id = ?', params: [organizationId] });
  if (filters.service_account_id !== undefined) clauses.push({ sql: 'c.service_account_id = ?', params: [filters.service_account_id] });
  const times = timeClauses(filters, options.sort);
  clauses.push(...times.lastUsed, ...times.created);
  if (search?.kind === 'candidates') {
    clauses.push({ sql: 'c.rowid IN (SELECT value FROM json_each(?))', params: [search.rowids] });
  } else if (search?.kind === 'match') {
    clauses.push({ sql: 'c.rowid IN (SELECT rowid FROM credentials_search WHERE credentials_search MATCH ?)', params: [search.phrase] });
  } else if (search?.kind === 'like') {
    clauses.push({ sql: CREDENTIAL_LIKE, params: Array<string>(CREDENTIAL_LIKE_PARAMS).fill(search.pattern) });
  }
  const result = { sql: clauses.map((c) => c.sql).join(' AND '), params: clauses.flatMap((c) => c.params) };
  if (options.sort === undefined || narrowed) return result;
  // Filters on the sort's own column are ranges of its index; others may keep few rows.
  const offSort = [...(options.sort === 'last_used_at' ? [] : times.lastUsed), ...(options.sort === 'created_at' ? [] : times.created)];
  if (offSort.length > 0 && search === undefined && options.walk !== true) {
    const plain = timeClauses(filters, undefined);
    const probe = [...plain.lastUsed, ...plain.created];
    const kept = stmt(
      db,
      `SELECT count(*) FROM (SELECT 1 FROM credentials c WHERE c.organization_id = ? AND ${probe.map((c) => c.sql).join(' AND ')} LIMIT ?)`,
    )
      .pluck()
      .get(organizationId, ...probe.flatMap((c) => c.params), SMALL_SET + 1) as number;
    if (kept <= SMALL_SET) {
      const lastUsedOffSort = options.sort !== 'last_used_at' && times.lastUsed.length > 0;
      return { ...result, index: lastUsedOffSort ? 'credentials_org_use' : 'credentials_org_created' };
    }
  }
  return { ...result, index: SORT_INDEX[options.sort] };
}

/** The credential whose client_id or id is exactly `q`, if it passes the other filters. */
function findExactMatch(db: Db, organizationId: string, filters: Filters): OrgCredentialRow | undefined {
  if (filters.q === undefined) return undefined;
  // The two unique lookups drive the query; the other filters only test the row they find.
  const rest = where(db, organizationId, { ...filters, q: undefined }, { narrowed: true });
  return stmt(
    db,
    `SELECT ${COLUMNS} FROM credentials c
     WHERE c.rowid IN (SELECT rowid FROM credentials WHERE client_id = ? UNION ALL SELECT rowid FROM credentials WHERE id = ?)
     AND ${rest.sql}`,
  ).get(filters.q, filters.q, ...rest.params) as OrgCredentialRow | undefined;
}

/**
 * One page of the organization's credentials. With `q`, an exact client_id or id match is the
 * first row of the first page (and nowhere else); it has a cursor of its own, which stands for
 * "before everything".
 */
export function listOrgCredentials(
  db: Db,
  organizationId: string,
  query: OrgCredentialQuery,
  page: PageRequest,
): Page<OrgCredentialRow> {
  const { sort, direction, ...filters } = query;
  // Every input of the list is in the scope, so a cursor is refused with other filters or sort.
  const scope = `org_credentials:${organizationId}:${JSON.stringify([sort, direction, filters])}`;
  const exactScope = `${scope}:exact`;
  const exact = findExactMatch(db, organizationId, filters);
  const key = SORT_KEYS[sort];
  const keys = { createdAt: key.sql, id: 'c.id' };
  const pageOf = (search: SearchClause | undefined, request: PageRequest, bound?: Clause): Page<OrgCredentialRow> => {
    const base = where(db, organizationId, filters, { sort, search });
    const from = base.index ? `credentials c INDEXED BY ${base.index}` : 'credentials c';
    const extra = [...(exact ? [{ sql: 'c.id <> ?', params: [exact.id] }] : []), ...(bound ? [bound] : [])];
    const clauses = {
      sql: [base.sql, ...extra.map((c) => c.sql)].join(' AND '),
      params: [...base.params, ...extra.flatMap((c) => c.params)],
    };
    if (search?.kind !== 'match') {
      return paginate<OrgCredentialRow>(
        db,
        { select: `SELECT ${COLUMNS} FROM ${from} WHERE ${clauses.sql}`, params: clauses.params, keys, scope, direction, sortValue: key.value },
        request,
      );
    }
    // Tens of thousands of matches are sorted: by their keys only, and the page's rows read after.
    const keyed = paginate<KeyedRow>(
      db,
      {
        select: `SELECT c.rowid AS row_id, c.id, c.created_at, ${key.sql} AS sort_key FROM ${from} WHERE ${clauses.sql}`,
        params: clauses.params,
        keys,
        scope,
        direction,
        sortValue: (row: KeyedRow) => row.sort_key,
      },
      request,
    );
    const rows = stmt(db, `SELECT c.rowid AS row_id, ${COLUMNS} FROM credentials c WHERE c.rowid IN (SELECT value FROM json_each(?))`)
      .all(JSON.stringify(keyed.rows.map((row) => row.row_id))) as (OrgCredentialRow & { row_id: number })[];
    const byRowId = new Map(rows.map(({ row_id, ...row }) => [row_id, row]));
    return { rows: keyed.rows.map((row) => byRowId.get(row.row_id)!), pageInfo: keyed.pageInfo };
  };
  const plan = filters.q === undefined ? undefined : planCredentialSearch(db, filters.q);
  const run = (request: PageRequest): Page<OrgCredentialRow> => {
    if (plan?.kind !== 'broad') return pageOf(plan, request);
    const like = { kind: 'like', pattern: plan.pattern } as const;
    // One service account's few credentials: LIKE on each.
    if (filters.service_account_id !== undefined) return pageOf(like, request);
    return walkWindow(request, like) ?? pageOf({ kind: 'match', phrase: plan.phrase }, request);
  };

  /**
   * A broad term's page from at most walkWindow entries of the sort's index past the cursor,
   * tested with LIKE: the page, if they hold a full one; else undefined (the matches are rare
   * there, and sorting the index's matches is cheaper than walking on).
   */
  const walkWindow = (request: PageRequest, like: SearchClause): Page<OrgCredentialRow> | undefined => {
    const raw = request.before ?? request.after;
    const position = raw === undefined ? undefined : decodeCursor(db, scope, raw);
    if (raw !== undefined && position === undefined) return undefined; // refused by paginate
    // The direction the index is read in: `before` reads back towards the start.
    const descending = (direction === 'desc') !== (request.before !== undefined);
    const [order, reverse] = descending ? ['DESC', 'ASC'] : ['ASC', 'DESC'];
    const walk = where(db, organizationId, filters, { sort, walk: true });
    const from = position ? [{ sql: `(${key.sql}, c.id) ${descending ? '<' : '>'} (?, ?)`, params: [position.createdAt, position.id] }] : [];
    const size = Math.max(searchTuning.walkWindow, request.limit + 1);
    const end = stmt(
      db,
      `WITH w AS MATERIALIZED (
         SELECT ${key.sql} AS k, c.id AS id FROM credentials c INDEXED BY ${walk.index ?? SORT_INDEX[sort]}
         WHERE ${[walk.sql, ...from.map((c) => c.sql)].join(' AND ')} ORDER BY ${key.sql} ${order}, c.id ${order} LIMIT ?)
       SELECT k, id, (SELECT count(*) FROM w) AS n FROM w ORDER BY k ${reverse}, id ${reverse} LIMIT 1`,
    ).get(...walk.params, ...from.flatMap((c) => c.params), size) as { k: string; id: string; n: number } | undefined;
    // The rest of the index fits in the window: walking all of it is the cheap plan.
    if (end === undefined || end.n < size) return pageOf(like, request);
    const result = pageOf(like, request, { sql: `(${key.sql}, c.id) ${descending ? '>=' : '<='} (?, ?)`, params: [end.k, end.id] });
    const more = request.before !== undefined ? result.pageInfo.has_prev_page : result.pageInfo.has_next_page;
    return result.rows.length === request.limit && more ? result : undefined;
  };
  const isExactCursor = (cursor: string | undefined) =>
    cursor !== undefined && decodeCursor(db, exactScope, cursor) !== undefined;
  const exactCursor = (row: OrgCredentialRow) => encodeCursor(db, exactScope, { createdAt: '', id: row.id });

  // Paging away from the exact match's own cursor: the rest, from the start.
  if (isExactCursor(page.after)) {
    const rest = run({ limit: page.limit });
    return { rows: rest.rows, pageInfo: { ...rest.pageInfo, has_prev_page: true } };
  }
  if (isExactCursor(page.before)) {
    const probe = run({ limit: 0 });
    return { rows: [], pageInfo: { has_next_page: probe.pageInfo.has_next_page, has_prev_page: false } };
  }
  if (!exact) return run(page);

  if (page.after === undefined && page.before === undefined) {
    const rest = run({ limit: page.limit - 1 });
    const endCursor = rest.pageInfo.end_cursor ?? exactCursor(exact);
    return {
      rows: [exact, ...rest.rows],
      pageInfo: { has_next_page: rest.pageInfo.has_next_page, has_prev_page: false, start_cursor: exactCursor(exact), end_cursor: endCursor },
    };
  }
  const result = run(page);
  if (page.after !== undefined) return { rows: result.rows, pageInfo: { ...result.pageInfo, has_prev_page: true } };
  // Paging back to the start: the exact match comes before the first keyset row.
  if (result.pageInfo.has_prev_page) return result;
  if (result.rows.length < page.limit) {
    return {
      rows: [exact, ...result.rows],
      pageInfo: { ...result.pageInfo, start_cursor: exactCursor(exact), end_cursor: result.pageInfo.end_cursor ?? exactCursor(exact) },
    };
  }
  return { rows: result.rows, pageInfo: { ...result.pageInfo, has_prev_page: true } };
}
