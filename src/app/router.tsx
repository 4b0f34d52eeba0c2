import type { QueryClient } from '@tanstack/react-query';
import { createBrowserRouter, redirect } from 'react-router';
import type { LoaderFunctionArgs } from 'react-router';
import { getSessionToken } from '../api/session';
// Deep imports on purpose: the features' indexes would pull their pages into the main chunk.
import { OrgBoundary } from '../features/organizations/org-boundary';
import { ROUTES, routeParams, serviceAccountsPath } from '../lib/paths';
import { RouteErrorBoundary } from './error-boundary';
import { AppLayout } from './layout';
import { NotFoundPage } from './not-found';
import { pageData, prefetchOrgData, prefetchShellData } from './page-data';
import { lazyPage, PAGE_PATHS, type PageName } from './pages';
import { AppLoading, Root, RootErrorBoundary } from './root';

/**
 * Every page is its own chunk (lazy Component; paths in page-match.ts, chunks in pages.ts). Child
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
  /** A page's loader: starts what the page reads first (page-data.ts). */
  const pageLoader = (name: PageName) => (args: LoaderFunctionArgs) =>
    prefetch((qc) => pageData[name]?.(qc, args.params, new URL(args.request.url).searchParams));

  return createBrowserRouter([
    {
      id: 'root',
      Component: Root,
      ErrorBoundary: RootErrorBoundary,
      HydrateFallback: AppLoading,
      children: [
        {
          path: PAGE_PATHS.signIn,
          lazy: lazyPage('signIn'),
        },
        {
          Component: AppLayout,
          loader: () => prefetch(prefetchShellData),
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
                  path: ROUTES.org,
                  // Swaps in "Organization not found" on a 404 without delaying the pages' own requests.
                  Component: OrgBoundary,
                  loader: ({ params }) => prefetch((qc) => prefetchOrgData(qc, routeParams(ROUTES.org, params).org)),
                  shouldRevalidate: ({ currentParams, nextParams }) => currentParams.org !== nextParams.org,
                  children: [
                    {
                      index: true,
                      loader: ({ params }) => redirect(serviceAccountsPath(routeParams(ROUTES.org, params).org)),
                    },
                    {
                      path: PAGE_PATHS.serviceAccounts,
                      loader: pageLoader('serviceAccounts'),
                      lazy: lazyPage('serviceAccounts'),
                    },
                    {
                      path: PAGE_PATHS.serviceAccount,
                      loader: pageLoader('serviceAccount'),
                      lazy: lazyPage('serviceAccount'),
                    },
                    {
                      path: PAGE_PATHS.credential,
                      loader: pageLoader('credential'),
                      lazy: lazyPage('credential'),
                    },
                    {
                      path: PAGE_PATHS.rotateCredential,
                      loader: pageLoader('rotateCredential'),
                      lazy: lazyPage('rotateCredential'),
                    },
                    {
                      path: PAGE_PATHS.credentialReview,
                      loader: pageLoader('credentialReview'),
                      lazy: lazyPage('credentialReview'),
                    },
                    {
                      path: PAGE_PATHS.findCredential,
                      lazy: lazyPage('findCredential'),
                    },
                    {
                      path: PAGE_PATHS.activity,
                      loader: pageLoader('activity'),
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
}
