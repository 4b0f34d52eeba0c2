import { stmt, type Db } from './database';

/**
 * How a case-insensitive substring search `q` narrows a query on `credentials c`.
 *
 * The trigram index (credentials_search) finds the few rows of a rare term in well under a
 * millisecond, but a term that matches most rows (say "prod") returns them all, and sorting
 * 300,000 matches is slow. A common term is the cheap case for the other plan: walking the sort
 * index and testing LIKE stops after a page of matches. So the index is asked for at most
 * CANDIDATE_LIMIT matches, and more than that switches to the LIKE walk. Terms under three
 * characters have no trigram and always take the walk.
 */
export const CANDIDATE_LIMIT = 5000;

export type SearchPlan =
  /** `c.rowid` must be one of these (a JSON array for json_each). */
  | { kind: 'candidates'; rowids: string }
  /** `c.rowid` must be among the index's matches for this FTS5 phrase. */
  | { kind: 'match'; phrase: string }
  /** `c` must match the LIKE pattern (one parameter, used with ESCAPE '\'). */
  | { kind: 'like'; pattern: string };

/** LIKE '%q%' with q's own % and _ (and the escape) taken literally. */
export function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

/** `exhaustive`: every match is needed (counting them), so the index is never cut short. */
export function planCredentialSearch(db: Db, q: string, exhaustive = false): SearchPlan {
  return planSearch(db, 'credentials_search', q, exhaustive);
}

/** The same over service_accounts_search (name, description, id). */
export function planServiceAccountSearch(db: Db, q: string): SearchPlan {
  return planSearch(db, 'service_accounts_search', q, false);
}

function planSearch(db: Db, table: 'credentials_search' | 'service_accounts_search', q: string, exhaustive: boolean): SearchPlan {
  if ([...q].length >= 3) {
    // A quoted FTS5 string is a phrase: for the trigram tokenizer, the substring itself.
    const phrase = `"${q.replace(/"/g, '""')}"`;
    if (exhaustive) return { kind: 'match', phrase };
    const rows = stmt(db, `SELECT rowid FROM ${table} WHERE ${table} MATCH ? LIMIT ?`)
      .pluck()
      .all(phrase, CANDIDATE_LIMIT + 1) as number[];
    if (rows.length <= CANDIDATE_LIMIT) return { kind: 'candidates', rowids: JSON.stringify(rows) };
  }
  return { kind: 'like', pattern: likePattern(q) };
}

/** The LIKE test of the walk plan: the pattern is bound once per column (CREDENTIAL_LIKE_PARAMS times). */
export const CREDENTIAL_LIKE = `(c.name LIKE ? ESCAPE '\\' OR ifnull(c.description, '') LIKE ? ESCAPE '\\'
  OR c.client_id LIKE ? ESCAPE '\\' OR c.service_account_name LIKE ? ESCAPE '\\')`;
export const CREDENTIAL_LIKE_PARAMS = 4;
