// The review over the vendor API alone: the org-wide fan-out of ../../api/org-credentials,
// streamed, so rows and counts appear as pages arrive; search, filters and sort run here.
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { orgCredentialQueries, useOrgCredentialsProgress } from '../../api/org-credentials';
import { QueryErrorState } from '../../components/error-state';
import type { CredentialPolicy } from '../../lib/credential-status';
import { LoadProgress } from './review-controls';
import {
  countByStatus,
  createRowBuilder,
  exactMatchFirst,
  filterByServiceAccount,
  filterByRotationDue,
  filterByStatus,
  filterByText,
  sortRows,
} from './review-rows';
import type { ReviewSearch } from './review-search';
import type { ReviewSource } from './review-source';

export function useLoadedReview(org: string, search: ReviewSearch, policy: CredentialPolicy, now: Date) {
  const query = useQuery(orgCredentialQueries.all(org));
  const progress = useOrgCredentialsProgress(org);
  const data = query.data;

  const [buildRows] = useState(createRowBuilder);
  const rows = useMemo(() => buildRows(data?.credentials ?? [], now, policy), [buildRows, data?.credentials, now, policy]);
  const scoped = useMemo(
    () => filterByText(filterByServiceAccount(rows, search.serviceAccountId), search.q),
    [rows, search.serviceAccountId, search.q],
  );
  const totals = useMemo(() => countByStatus(scoped), [scoped]);
  const viewRows = useMemo(
    () =>
      exactMatchFirst(
        sortRows(filterByRotationDue(filterByStatus(scoped, search.status), search.rotationDue), search.sort, search.dir),
        search.q,
      ),
    [scoped, search.status, search.rotationDue, search.sort, search.dir, search.q],
  );

  // Stopped by an error, the data is as complete as it will get: select-all and export may use it.
  const loading = Boolean(data && !data.complete && !query.isError);
  const source: ReviewSource | undefined = data && {
    rows: viewRows,
    complete: !loading,
    matching: viewRows.length,
    totals,
    paged: false,
    hasMore: false,
    loadMore: () => {},
    loadingMore: false,
    collectAll: () => Promise.resolve(viewRows),
    fetches: false,
    notReadyReason: loading ? 'Wait until every credential is loaded' : null,
    serviceAccounts: data.serviceAccounts,
    permissions: data.permissions,
    // The first load shows its progress here; a reload (which keeps the old data) too.
    progress: query.isError ? (
      <QueryErrorState title="Could not load every credential" query={query} />
    ) : loading || query.isRefetching ? (
        <LoadProgress progress={progress} label={loading ? 'Loading credentials' : 'Reloading credentials'} />
      ) : null,
    loadedAt: data.complete ? data.loadedAt : undefined,
    reload: () => void query.refetch(),
    reloading: query.isFetching,
  };
  return { query, source, progress };
}
