import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useExtension } from '../../api/capabilities';
import { PageHeader } from '../../components/page-header';
import { QueryErrorState } from '../../components/error-state';
import { TableSkeleton } from '../../components/skeleton';
import { useNow } from '../../components/use-now';
import { CREDENTIAL_POLICY, type CredentialPolicy } from '../../lib/credential-status';
import { useOrgParam } from '../../lib/route-params';
import { LoadProgress } from './review-controls';
import { parseReviewSearch, reviewSearchParams, type ReviewSearch } from './review-search';
import { ReviewView } from './review-view';
import { useLoadedReview } from './use-loaded-review';
import { reviewClockAnchor } from './prefetch';
import { useServerReview } from './use-server-review';
import './review.css';

/** Route component for ROUTES.credentialReview. */
export function CredentialReviewPage() {
  const org = useOrgParam();
  // With the server's org-wide credential index the server pages and counts; without it (the
  // vendor's API) every service account's credentials are read, and shown as they arrive.
  const indexed = useExtension('org_credentials');

  return (
    <div className="page review-page">
      <PageHeader
        title="Credential review"
        description={
          <>
            Every credential of every service account in this organization, to find the ones nobody uses any more and
            the ones due for rotation.
          </>
        }
      />
      {indexed === undefined ? (
        <TableSkeleton rows={8} columns={8} label="Loading credentials…" />
      ) : indexed ? (
        <ServerReview key={org} org={org} />
      ) : (
        <LoadedReview key={org} org={org} />
      )}
    </div>
  );
}

/** The URL's view, the page's policy and clock, and a way to change the view. */
function useReviewState() {
  const nowMs = useNow();
  const now = useMemo(() => new Date(nowMs), [nowMs]);
  const [params, setParams] = useSearchParams();
  const search = useMemo(() => parseReviewSearch(params), [params]);
  const { staleAfterDays } = search;
  const policy = useMemo<CredentialPolicy>(() => ({ ...CREDENTIAL_POLICY, staleAfterDays }), [staleAfterDays]);
  const update = (next: Partial<ReviewSearch>) => setParams(reviewSearchParams({ ...search, ...next }), { replace: true });
  return { now, search, policy, update };
}

function ServerReview({ org }: { org: string }) {
  const { now, search, policy, update } = useReviewState();
  const [anchorMs, setAnchorMs] = useState(reviewClockAnchor);
  const { source, pages } = useServerReview(org, search, policy, now, anchorMs, () => setAnchorMs(reviewClockAnchor()));
  if (pages.isError && !pages.data) {
    return <QueryErrorState title="Could not load the credentials" query={pages} />;
  }
  if (!source) return <TableSkeleton rows={8} columns={8} label="Loading credentials…" />;
  return <ReviewView org={org} source={source} search={search} policy={policy} now={now} onSearchChange={update} />;
}

function LoadedReview({ org }: { org: string }) {
  const { now, search, policy, update } = useReviewState();
  const { query, source, progress } = useLoadedReview(org, search, policy, now);
  if (query.isError && !source) {
    return <QueryErrorState title="Could not load the credentials" query={query} />;
  }
  if (!source) return <LoadProgress progress={progress} label="Loading credentials" />;
  return <ReviewView org={org} source={source} search={search} policy={policy} now={now} onSearchChange={update} />;
}
