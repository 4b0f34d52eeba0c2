import { experimental_streamedQuery as streamedQuery, queryOptions } from '@tanstack/react-query';
import { listServiceAccounts, serviceAccountQueries } from '../../api/service-accounts';
import { addChunk, EMPTY_SEARCH, scanServiceAccounts, SEARCH_PAGE_SIZE } from './search';

/**
 * Searches a whole organization by reading its list page by page. Streamed: `data` grows
 * (matches and the count scanned) as pages arrive. The key sits under the organization's
 * service-account key, so any create/edit/delete refreshes it; changing the query
 * unsubscribes from this one, which aborts its requests.
 */
export function serviceAccountSearchQuery(org: string, query: string) {
  const q = query.trim();
  return queryOptions({
    queryKey: [...serviceAccountQueries.all(org), 'search', q] as const,
    queryFn: streamedQuery({
      streamFn: ({ signal }) =>
        scanServiceAccounts((after, s) => listServiceAccounts(org, { limit: SEARCH_PAGE_SIZE, after }, s), q, signal),
      reducer: addChunk,
      initialValue: EMPTY_SEARCH,
      // A refresh after a mutation keeps the old results on screen until the new scan ends.
      refetchMode: 'replace',
    }),
    enabled: q !== '',
  });
}
