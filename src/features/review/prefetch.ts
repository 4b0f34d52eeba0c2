// Started by the review route's loader (main bundle: keep the imports small), so the first
// rows and counts load in parallel with the page's code.
import type { QueryClient } from '@tanstack/react-query';
import { hasExtension } from '../../api/capabilities';
import { orgCredentialIndexQueries } from '../../api/org-credential-index';
import { CREDENTIAL_POLICY } from '../../lib/credential-status';
import { parseReviewSearch } from './review-search';
import { serverSelections, statsPolicy } from './server-selection';

/**
 * The clock the status ranges are computed from, to the minute: the route's loader and the page
 * compute the same one, so the page finds the first rows the loader started fetching.
 */
export function reviewClockAnchor(): number {
  return Math.floor(Date.now() / 60_000) * 60_000;
}

/** For the route's loader: start the first page and the counts of the URL's view. */
export async function prefetchServerReview(queryClient: QueryClient, org: string, params: URLSearchParams) {
  // Discovery failing is the page's to report; a prefetch only starts what it can.
  if (!(await hasExtension(queryClient, 'org_credentials').catch(() => false))) return;
  const search = parseReviewSearch(params);
  const policy = { ...CREDENTIAL_POLICY, staleAfterDays: search.staleAfterDays };
  const selections = serverSelections(search, policy, reviewClockAnchor());
  if (selections.length > 0) void queryClient.prefetchInfiniteQuery(orgCredentialIndexQueries.pages(org, selections));
  const scope = { q: search.q || undefined, service_account_id: search.serviceAccountId ?? undefined };
  void queryClient.prefetchQuery(orgCredentialIndexQueries.stats(org, scope, statsPolicy(policy)));
}

