import { stmt, type Db } from './database';

/**
 * How a case-insensitive substring search `q` narrows a query on `credentials c`.
 *
 * The trigram index (credentials_search) finds the few rows of a rare term in well under a
 * millisecond, but a term that matches many rows (say "prod") costs about a microsecond per
 * match, and sorting them means reading every one. So the index is asked for at most
 * `candidateLimit` matches; more than that makes the term "broad". A page of a broad term first
 * walks a window of the sort's index testing LIKE, which ends after a page when matches are
 * common there (db/org-credentials.ts), and only otherwise sorts the index's matches. Counting
 * (the stats) reads the matches through the index when a sample says they are at most an eighth
 * of the organization, and otherwise tests LIKE in one pass over an index that carries the text
 * (migration searchableUseIndex). Terms under three characters have no trigram: LIKE only.
 */
export const searchTuning = {
  /** The most matches listed as candidates (a JSON array of rowids). */
  candidateLimit: 5000,
  /** How many index entries a page of a broad term walks before it sorts the matches instead. */
  walkWindow: 4000,
  /** Counting reads the index's matches up to this share (sampled) of the organization's credentials. */
  countShare: 1 / 8,
};

export type SearchPlan =
  /** `c.rowid` must be one of these (a JSON array for json_each). */
  | { kind: 'candidates'; rowids: string }
  /** `c.rowid` must be among the index's matches for this FTS5 phrase. */
  | { kind: 'match'; phrase: string }
  /**
   * `c` must match the LIKE pattern (one parameter, used with ESCAPE '\'). `mostlyMatching`:
   * a sample found it in over half of the organization's credentials.
   */
  | { kind: 'like'; pattern: string; mostlyMatching?: boolean }
  /** More than candidateLimit matches: `like` or `match`, whichever is cheaper for the query. */
  | { kind: 'broad'; pattern: string; phrase: string };

/** LIKE '%q%' with q's own % and _ (and the escape) taken literally. */
export function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

/** A quoted FTS5 string is a phrase: for the trigram tokenizer, the substring itself. */
const ftsPhrase = (q: string) => `"${q.replace(/"/g, '""')}"`;

export function planCredentialSearch(db: Db, q: string): SearchPlan {
  return planSearch(db, 'credentials_search', q);
}

/** The same over service_accounts_search (name, description, id). */
export function planServiceAccountSearch(db: Db, q: string): SearchPlan {
  const plan = planSearch(db, 'service_accounts_search', q);
  return plan.kind === 'broad' ? { kind: 'like', pattern: plan.pattern } : plan;
}

function planSearch(db: Db, table: 'credentials_search' | 'service_accounts_search', q: string): SearchPlan {
  const pattern = likePattern(q);
  if ([...q].length < 3) return { kind: 'like', pattern };
  const phrase = ftsPhrase(q);
  const rows = stmt(db, `SELECT rowid FROM ${table} WHERE ${table} MATCH ? LIMIT ?`)
    .pluck()
    .all(phrase, searchTuning.candidateLimit + 1) as number[];
  if (rows.length <= searchTuning.candidateLimit) return { kind: 'candidates', rowids: JSON.stringify(rows) };
  return { kind: 'broad', pattern, phrase };
}

/** How many of the organization's index entries the count plan tests to estimate a term's share. */
const SAMPLE = 2000;

/**
 * For counting every match of `q` in an organization: the candidates; else the index's matches
 * when a sample of the organization's credentials says they are at most countShare of them;
 * else the LIKE pass, told whether the sample found the term in most of them. The sample only
 * picks the plan: every plan counts exactly.
 */
export function planCredentialCount(db: Db, organizationId: string, q: string): Exclude<SearchPlan, { kind: 'broad' }> {
  const plan = planCredentialSearch(db, q);
  if (plan.kind !== 'broad' && plan.kind !== 'like') return plan;
  const sample = stmt(
    db,
    `SELECT count(*) AS tested, ifnull(sum(hit), 0) AS hits FROM (
       SELECT ${CREDENTIAL_LIKE} AS hit FROM credentials c INDEXED BY credentials_org_use WHERE c.organization_id = ? LIMIT ?)`,
  ).get(...Array<string>(CREDENTIAL_LIKE_PARAMS).fill(plan.pattern), organizationId, SAMPLE) as { tested: number; hits: number };
  if (plan.kind === 'broad' && sample.hits <= sample.tested * searchTuning.countShare) return { kind: 'match', phrase: plan.phrase };
  return { kind: 'like', pattern: plan.pattern, mostlyMatching: sample.hits > sample.tested / 2 };
}

/**
 * The LIKE test of the walk plan: the pattern is bound once per column (CREDENTIAL_LIKE_PARAMS
 * times). A broad term is most often a service-account or credential name, so those are tested
 * first; a NULL description is no match (NULL in a WHERE clause).
 */
export const CREDENTIAL_LIKE = `(c.service_account_name LIKE ? ESCAPE '\\' OR c.name LIKE ? ESCAPE '\\'
  OR c.client_id LIKE ? ESCAPE '\\' OR c.description LIKE ? ESCAPE '\\')`;
export const CREDENTIAL_LIKE_PARAMS = 4;
