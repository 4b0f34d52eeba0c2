// The review over the server's `org_credentials` extension: the server filters, sorts and
// pages (ORG_CREDENTIAL_PAGE rows at a time) and counts by status with the page's policy.
import { keepPreviousData, useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import {
  compareInServerOrder,
  orgCredentialIndexQueries,
  walkOrgCredentials,
  type OrgCredentialItem,
} from '../../api/org-credential-index';
import { serviceAccountQueries } from '../../api/service-accounts';
import type { CredentialPolicy } from '../../lib/credential-status';
import { buildRows, exactMatchFirst } from './review-rows';
import type { ReviewSearch } from './review-search';
import type { ReviewSource } from './review-source';
import { matchingCount, serverSelections, statsPolicy, totalsFromStats } from './server-selection';

/**
 * `anchorMs` is the clock the status ranges are computed from: fixed while the page is open
 * (a ticking clock would change the query keys, and reload the table, every minute).
 */
export function useServerReview(
  org: string,
  search: ReviewSearch,
  policy: CredentialPolicy,
  now: Date,
  anchorMs: number,
  onReload: () => void,
) {
  const queryClient = useQueryClient();
  const selections = useMemo(() => serverSelections(search, policy, anchorMs), [search, policy, anchorMs]);
  const scope = { q: search.q || undefined, service_account_id: search.serviceAccountId ?? undefined };
  const pages = useInfiniteQuery({
    ...orgCredentialIndexQueries.pages(org, selections),
    enabled: selections.length > 0,
    // The old rows stay (marked busy) while another sort or filter loads.
    placeholderData: keepPreviousData,
  });
  const stats = useQuery({
    ...orgCredentialIndexQueries.stats(org, scope, statsPolicy(policy)),
    placeholderData: keepPreviousData,
  });
  // Every service account, for the filter's options: after the first rows, so it never delays them.
  const directory = useQuery({ ...serviceAccountQueries.directory(org), enabled: Boolean(pages.data) });

  const items = useMemo(() => pages.data?.pages.flatMap((p) => p.items) ?? [], [pages.data]);
  const rows = useMemo(() => exactMatchFirst(buildRows(items, now, policy), search.q), [items, now, policy, search.q]);
  const totals = stats.data ? totalsFromStats(stats.data) : undefined;
  const first = selections[0];

  async function collectAll(signal: AbortSignal, onProgress: (loaded: number) => void) {
    let found: OrgCredentialItem[] = await walkOrgCredentials(org, selections, signal, ({ loaded }) => onProgress(loaded));
    if (selections.length > 1 && first) found = [...found].sort(compareInServerOrder(first.sort, first.direction));
    return exactMatchFirst(buildRows(found, now, policy), search.q);
  }

  const empty = selections.length === 0;
  const source: ReviewSource | undefined =
    empty || pages.data
      ? {
          rows: empty ? [] : rows,
          complete: empty || !pages.isPlaceholderData,
          matching: empty ? 0 : totals && matchingCount(totals, search.status, search.rotationDue),
          totals,
          paged: true,
          hasMore: !empty && pages.hasNextPage,
          loadMore: () => void pages.fetchNextPage(),
          loadingMore: pages.isFetchingNextPage,
          collectAll: empty ? () => Promise.resolve([]) : collectAll,
          fetches: true,
          notReadyReason: null,
          serviceAccounts: directory.data,
          permissions: pages.data?.pages[0]?.permissions,
          progress: null,
          loadedAt: pages.dataUpdatedAt ? new Date(pages.dataUpdatedAt).toISOString() : undefined,
          reload: () => {
            onReload();
            void queryClient.invalidateQueries({ queryKey: orgCredentialIndexQueries.all(org) });
          },
          reloading: pages.isFetching && !pages.isFetchingNextPage,
        }
      : undefined;
  return { source, pages, stats };
}
