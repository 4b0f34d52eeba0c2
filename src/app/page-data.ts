// The requests each page reads first, started (never awaited) with the same queryOptions the page
// then reads, as soon as a navigation is asked for: its data and its code load in parallel
// (`preparePage`). For the URL the console opens on, early-start.ts does it before React and the
// router are even evaluated (issue 13).
import type { QueryClient } from '@tanstack/react-query';
import type { Path } from 'react-router';
import { hasExtension, knownExtension } from '../api/capabilities';
import { getSessionToken } from '../api/session';
import { credentialQueries } from '../api/credentials';
import { organizationQueries } from '../api/organizations';
import { serviceAccountQueries } from '../api/service-accounts';
import { listParams, listQuery, parseListSearch } from '../features/service-accounts/list-search';
import { matchOrg, matchPage, pages, preloadPage, type PageName } from './pages';

/**
 * Before the console shows `next`: starts the requests of what changed (the shell's list on a new
 * path, the organization when it changes, the page's own on any change; TanStack Query sends
 * nothing for fresh data) and the page's code. Returns what to wait for: the code, if not yet here.
 */
export function preparePage(queryClient: QueryClient, next: Path, previous: Path | null): Promise<unknown> | undefined {
  const page = matchPage(next.pathname);
  // Without a session the guard redirects to sign-in; a request would only 401.
  if (page?.name !== 'signIn' && getSessionToken()) {
    const newPath = previous?.pathname !== next.pathname;
    if (newPath) prefetchShellData(queryClient);
    const org = matchOrg(next.pathname);
    if (org !== undefined && org !== (previous && matchOrg(previous.pathname))) prefetchOrgData(queryClient, org);
    if (page && (newPath || previous?.search !== next.search)) {
      pageData[page.name]?.(queryClient, page.params, new URLSearchParams(next.search));
    }
  }
  return page && preloadPage(page.name);
}

export type PageParams = Readonly<Partial<Record<string, string>>>;
type PageData = (queryClient: QueryClient, params: PageParams, search: URLSearchParams) => void;

/** What every signed-in page shows around itself: the organization switcher's list. */
export function prefetchShellData(queryClient: QueryClient): void {
  void queryClient.prefetchQuery(organizationQueries.list());
}

/** The organization of an `/orgs/:org/...` page (its "not found" view needs it; its pages do not wait for it). */
export function prefetchOrgData(queryClient: QueryClient, org: string): void {
  void queryClient.prefetchQuery(organizationQueries.detail(org));
}

const credentialPageData: PageData = (queryClient, { org = '', serviceAccountId = '', credentialId = '' }) => {
  void queryClient.prefetchQuery(serviceAccountQueries.detail(org, serviceAccountId));
  void queryClient.prefetchQuery(credentialQueries.detail(org, serviceAccountId, credentialId));
};

export const pageData: Partial<Record<PageName, PageData>> = {
  serviceAccounts: (queryClient, { org = '' }, params) => {
    const search = parseListSearch(params);
    // The request depends on the server's extensions.
    const start = (queryable: boolean) =>
      queryable
        ? queryClient.prefetchQuery(
            serviceAccountQueries.queried(org, listParams(search), listQuery(search)),
          )
        : queryClient.prefetchQuery(serviceAccountQueries.list(org, listParams(search)));
    const known = knownExtension(queryClient, 'service_account_query');
    // Known (the page named them): send it now, not in a microtask after the entry has evaluated.
    if (known !== undefined) void start(known);
    // Discovery failing is the page's to report.
    else void hasExtension(queryClient, 'service_account_query').then(start, () => undefined);
  },
  serviceAccount: (queryClient, { org = '', serviceAccountId = '' }) => {
    void queryClient.prefetchQuery(serviceAccountQueries.detail(org, serviceAccountId));
  },
  credential: credentialPageData,
  rotateCredential: credentialPageData,
  credentialReview: (queryClient, { org = '' }, params) => {
    // The review's query code is a chunk of its own (preloaded with the page's chunk).
    void pages.credentialReview
      .loadPrefetch()
      .then(({ prefetchServerReview }) => prefetchServerReview(queryClient, org, params), () => undefined);
  },
  activity: (queryClient, { org = '' }, params) => void prefetchActivity(queryClient, org, params),
};

async function prefetchActivity(queryClient: QueryClient, org: string, params: URLSearchParams) {
  // The vendor's API has no audit events: ask only once discovery says the server has them.
  // A failed discovery is the page's to show (as no activity page), not an unhandled rejection.
  if (!(await hasExtension(queryClient, 'audit_events').catch(() => false))) return;
  const [{ auditEventQueries }, { auditEventParams, parseActivitySearch }] = await Promise.all([
    import('../api/audit-events'),
    import('../features/activity/activity-search'),
  ]);
  await queryClient.prefetchQuery(auditEventQueries.list(org, auditEventParams(parseActivitySearch(params))));
}
