import type { QueryClient } from '@tanstack/react-query';
import { createBrowserRouter, redirect } from 'react-router';
import type { LoaderFunctionArgs } from 'react-router';
import { hasExtension } from '../api/capabilities';
import { credentialQueries } from '../api/credentials';
import { organizationQueries } from '../api/organizations';
import { serviceAccountQueries } from '../api/service-accounts';
import { getSessionToken } from '../api/session';
// Deep imports on purpose: the features' indexes would pull their pages into the main chunk.
import { OrgBoundary } from '../features/organizations/org-not-found';
import { listParams, parseListSearch } from '../features/service-accounts/list-search';
import { serviceAccountsPath } from '../lib/paths';
import { RouteErrorBoundary } from './error-boundary';
import { AppLayout } from './layout';
import { NotFoundPage } from './not-found';
import { lazyPage, pages } from './pages';
import { AppLoading, Root, RootErrorBoundary } from './root';

/**
 * Every page is its own chunk (lazy Component; paths and chunks are named in pages.ts). Child
 * paths are absolute, so each page's pattern is spelled once. Loaders stay in the main bundle and only
 * *start* fetching, with the same queryOptions the page then reads, so data and code load
 * in parallel and navigation never waits on the network; the page shows skeletons.
 */
export function createAppRouter(queryClient: QueryClient) {
  /** Starts fetches without awaiting them (prefetchQuery never throws; the page shows errors). */
  function prefetch(start: (client: QueryClient) => void) {
    // Without a session the guard redirects to sign-in; a request would only 401.
    if (getSessionToken()) start(queryClient);
    return null;
  }
  const param = (args: LoaderFunctionArgs, name: string) => args.params[name] ?? '';

  return createBrowserRouter([
    {
      id: 'root',
      Component: Root,
      ErrorBoundary: RootErrorBoundary,
      HydrateFallback: AppLoading,
      children: [
        {
          path: pages.signIn.path,
          lazy: lazyPage('signIn'),
        },
        {
          Component: AppLayout,
          loader: () => prefetch((qc) => void qc.prefetchQuery(organizationQueries.list())),
          // Data revalidation is TanStack Query's job; the loader only kicks off fetches.
          shouldRevalidate: ({ currentUrl, nextUrl }) => currentUrl.pathname !== nextUrl.pathname,
          children: [
            {
              ErrorBoundary: RouteErrorBoundary,
              children: [
                {
                  index: true,
                  lazy: lazyPage('home'),
                },
                {
                  path: '/orgs/:org',
                  // Swaps in "Organization not found" on a 404 without delaying the pages' own requests.
                  Component: OrgBoundary,
                  loader: (args) => prefetch((qc) => void qc.prefetchQuery(organizationQueries.detail(param(args, 'org')))),
                  shouldRevalidate: ({ currentParams, nextParams }) => currentParams.org !== nextParams.org,
                  children: [
                    {
                      index: true,
                      loader: (args) => redirect(serviceAccountsPath(param(args, 'org'))),
                    },
                    {
                      path: pages.serviceAccounts.path,
                      loader: (args) =>
                        prefetch((qc) => {
                          const search = parseListSearch(new URL(args.request.url).searchParams);
                          const org = param(args, 'org');
                          // The page's request depends on the server's extensions (discovery is cached after the first ask).
                          void hasExtension(qc, 'service_account_query').then((queryable) =>
                            queryable
                              ? qc.prefetchQuery(
                                  serviceAccountQueries.queried(org, listParams(search), {
                                    q: search.q,
                                    sort: search.sort,
                                    direction: search.dir,
                                  }),
                                )
                              : qc.prefetchQuery(serviceAccountQueries.list(org, listParams(search))),
                            // Discovery failing is the page's to report.
                            () => undefined,
                          );
                        }),
                      lazy: lazyPage('serviceAccounts'),
                    },
                    {
                      path: pages.serviceAccount.path,
                      loader: (args) =>
                        prefetch((qc) => {
                          void qc.prefetchQuery(serviceAccountQueries.detail(param(args, 'org'), param(args, 'serviceAccountId')));
                        }),
                      lazy: lazyPage('serviceAccount'),
                    },
                    {
                      path: pages.credential.path,
                      loader: (args) => prefetch((qc) => prefetchCredential(qc, args)),
                      lazy: lazyPage('credential'),
                    },
                    {
                      path: pages.rotateCredential.path,
                      loader: (args) => prefetch((qc) => prefetchCredential(qc, args)),
                      lazy: lazyPage('rotateCredential'),
                    },
                    {
                      path: pages.credentialReview.path,
                      loader: (args) =>
                        prefetch((qc) => {
                          // Loaded with the route, not the entry: the review's query code is its own chunk.
                          void import('../features/review/prefetch').then(({ prefetchServerReview }) =>
                            prefetchServerReview(qc, param(args, 'org'), new URL(args.request.url).searchParams),
                          );
                        }),
                      lazy: lazyPage('credentialReview'),
                    },
                    {
                      path: pages.findCredential.path,
                      lazy: lazyPage('findCredential'),
                    },
                    {
                      path: pages.activity.path,
                      loader: (args) => prefetch((qc) => void prefetchActivity(qc, args)),
                      lazy: lazyPage('activity'),
                    },
                    { path: '*', Component: NotFoundPage },
                  ],
                },
                { path: '*', Component: NotFoundPage },
              ],
            },
          ],
        },
      ],
    },
  ]);

  async function prefetchActivity(qc: QueryClient, args: LoaderFunctionArgs) {
    // The vendor's API has no audit events: ask only once discovery says the server has them.
    // A failed discovery is the page's to show (as no activity page), not an unhandled rejection.
    if (!(await hasExtension(qc, 'audit_events').catch(() => false))) return;
    const [{ auditEventQueries }, { auditEventParams, parseActivitySearch }] = await Promise.all([
      import('../api/audit-events'),
      import('../features/activity/activity-search'),
    ]);
    const search = parseActivitySearch(new URL(args.request.url).searchParams);
    await qc.prefetchQuery(auditEventQueries.list(param(args, 'org'), auditEventParams(search)));
  }

  function prefetchCredential(qc: QueryClient, args: LoaderFunctionArgs) {
    const org = param(args, 'org');
    const serviceAccountId = param(args, 'serviceAccountId');
    void qc.prefetchQuery(serviceAccountQueries.detail(org, serviceAccountId));
    void qc.prefetchQuery(credentialQueries.detail(org, serviceAccountId, param(args, 'credentialId')));
  }
}
