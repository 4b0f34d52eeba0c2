import type { ServiceAccount, ServiceAccountList } from '../../api/schemas';
import { LIMIT_MAX } from '../../api/schemas';
import { walkPages } from '../../api/walk-pages';

/** The API has no search: the whole list is read in pages of the largest allowed size. */
export const SEARCH_PAGE_SIZE = LIMIT_MAX;
/** A runaway guard (a server repeating cursors); 1,000 pages is a million service accounts. */
const MAX_PAGES = 1000;

export type SearchChunk = { scanned: number; matches: ServiceAccount[] };
export type SearchProgress = { scanned: number; pages: number; matches: ServiceAccount[] };
export const EMPTY_SEARCH: SearchProgress = { scanned: 0, pages: 0, matches: [] };

/** Case-insensitive substring of the name, or the exact id. */
export function matchesSearch(serviceAccount: Pick<ServiceAccount, 'id' | 'name'>, query: string): boolean {
  const q = query.trim();
  if (!q) return false;
  return serviceAccount.id === q || serviceAccount.name.toLocaleLowerCase().includes(q.toLocaleLowerCase());
}

/**
 * Reads every page, yielding each page's matches as soon as it arrives so results and
 * progress can render while the rest loads. Stops when `signal` aborts (the query changed).
 */
export async function* scanServiceAccounts(
  fetchPage: (after: string | undefined, signal: AbortSignal) => Promise<ServiceAccountList>,
  query: string,
  signal: AbortSignal,
): AsyncGenerator<SearchChunk> {
  for await (const result of walkPages((after) => fetchPage(after, signal), { maxPages: MAX_PAGES, signal })) {
    yield { scanned: result.items.length, matches: result.items.filter((sa) => matchesSearch(sa, query)) };
  }
}

export function addChunk(progress: SearchProgress, chunk: SearchChunk): SearchProgress {
  return {
    scanned: progress.scanned + chunk.scanned,
    pages: progress.pages + 1,
    matches: chunk.matches.length > 0 ? [...progress.matches, ...chunk.matches] : progress.matches,
  };
}

/** An exact id match first, then names in list order. */
export function rankMatches(matches: ServiceAccount[], query: string): ServiceAccount[] {
  const q = query.trim();
  const exact = matches.filter((sa) => sa.id === q);
  return exact.length > 0 ? [...exact, ...matches.filter((sa) => sa.id !== q)] : matches;
}
