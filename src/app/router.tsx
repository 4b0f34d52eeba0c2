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
import { ROUTES, routeParams, serviceAccountsPath } from '../lib/paths';
import { RouteErrorBoundary } from './error-boundary';
import { AppLayout } from './layout';
import { NotFoundPage } from './not-found';
import { AppLoading, Root, RootErrorBoundary } from './root';

/**
 * Every page is its own chunk (lazy Component). Loaders stay in the main bundle and only
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

  return createBrowserRouter([
    {
      id: 'root',
      Component: Root,
      ErrorBoundary: RootErrorBoundary,
      HydrateFallback: AppLoading,
      children: [
        {
          path: ROUTES.signIn,
          lazy: { Component: async () => (await import('./routes/sign-in')).Component },
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
                  lazy: { Component: async () => (await import('./routes/home')).Component },
                },
                {
                  path: ROUTES.org,
                  // Swaps in "Organization not found" on a 404 without delaying the pages' own requests.
                  Component: OrgBoundary,
                  loader: ({ params }) =>
                    prefetch((qc) => void qc.prefetchQuery(organizationQueries.detail(routeParams(ROUTES.org, params).org))),
                  shouldRevalidate: ({ currentParams, nextParams }) => currentParams.org !== nextParams.org,
                  children: [
                    {
                      index: true,
                      loader: ({ params }) => redirect(serviceAccountsPath(routeParams(ROUTES.org, params).org)),
                    },
                    {
                      path: ROUTES.serviceAccounts,
                      loader: (args) =>
                        prefetch((qc) => {
                          const search = parseListSearch(new URL(args.request.url).searchParams);
                          const { org } = routeParams(ROUTES.serviceAccounts, args.params);
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
                      lazy: { Component: async () => (await import('./routes/service-accounts')).Component },
                    },
                    {
                      path: ROUTES.serviceAccount,
                      loader: ({ params }) =>
                        prefetch((qc) => {
                          const { org, serviceAccountId } = routeParams(ROUTES.serviceAccount, params);
                          void qc.prefetchQuery(serviceAccountQueries.detail(org, serviceAccountId));
                        }),
                      lazy: { Component: async () => (await import('./routes/service-account')).Component },
                    },
                    {
                      path: ROUTES.credential,
                      loader: (args) => prefetch((qc) => prefetchCredential(qc, args)),
                      lazy: { Component: async () => (await import('./routes/credential')).Component },
                    },
                    {
                      path: ROUTES.rotateCredential,
                      loader: (args) => prefetch((qc) => prefetchCredential(qc, args)),
                      lazy: { Component: async () => (await import('./routes/rotate-credential')).Component },
                    },
                    {
                      path: ROUTES.credentialReview,
                      loader: (args) =>
                        prefetch((qc) => {
                          const { org } = routeParams(ROUTES.credentialReview, args.params);
                          // Loaded with the route, not the entry: the review's query code is its own chunk.
                          void import('../features/review/prefetch').then(({ prefetchServerReview }) =>
                            prefetchServerReview(qc, org, new URL(args.request.url).searchParams),
                          );
                        }),
                      lazy: { Component: async () => (await import('./routes/credential-review')).Component },
                    },
                    {
                      path: ROUTES.findCredential,
                      lazy: { Component: async () => (await import('./routes/find-credential')).Component },
                    },
                    {
                      path: ROUTES.activity,
                      loader: (args) => prefetch((qc) => void prefetchActivity(qc, args)),
                      lazy: { Component: async () => (await import('./routes/activity')).Component },
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
    await qc.prefetchQuery(auditEventQueries.list(routeParams(ROUTES.activity, args.params).org, auditEventParams(search)));
  }

  function prefetchCredential(qc: QueryClient, args: LoaderFunctionArgs) {
    // The rotate page's params are the credential page's.
    const { org, serviceAccountId, credentialId } = routeParams(ROUTES.credential, args.params);
    void qc.prefetchQuery(serviceAccountQueries.detail(org, serviceAccountId));
    void qc.prefetchQuery(credentialQueries.detail(org, serviceAccountId, credentialId));
  }
}
