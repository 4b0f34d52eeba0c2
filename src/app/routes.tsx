import { Navigate, Route, Routes } from 'react-router';
// Deep imports on purpose: the features' indexes would pull their pages into the main chunk.
import { OrgBoundary } from '../features/organizations/org-boundary';
import { ROUTES, serviceAccountsPath } from '../lib/paths';
import { useOrgParam } from '../lib/route-params';
import { RouteErrorBoundary } from './error-boundary';
import { AppLayout } from './layout';
import { NotFoundPage } from './not-found';
import { Page } from './page';
import { PAGE_PATHS, pageInEntry } from './pages';
import { Root } from './root';
import * as serviceAccountsPage from './routes/service-accounts';

// The landing page (where the console opens and sign-in leads) is part of the entry: no second
// script to fetch, compile and link before its first row, ~25 ms on this 2-core machine (issue 13).
pageInEntry('serviceAccounts', serviceAccountsPage);

/**
 * Every other page is its own chunk (pages.ts), loaded before the navigation to it completes
 * (navigation-store.ts); its requests start at the same time (preparePage). Child paths are
 * absolute, so each page's pattern is spelled once.
 */
export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Root />}>
        <Route path={PAGE_PATHS.signIn} element={<Page name="signIn" />} />
        <Route element={<AppLayout />}>
          <Route element={<RouteErrorBoundary />}>
            <Route index element={<Page name="home" />} />
            {/* Swaps in "Organization not found" on a 404 without delaying the pages' own requests. */}
            <Route path={ROUTES.org} element={<OrgBoundary />}>
              <Route index element={<OrgIndexRedirect />} />
              <Route path={PAGE_PATHS.serviceAccounts} element={<Page name="serviceAccounts" />} />
              <Route path={PAGE_PATHS.serviceAccount} element={<Page name="serviceAccount" />} />
              <Route path={PAGE_PATHS.credential} element={<Page name="credential" />} />
              <Route path={PAGE_PATHS.rotateCredential} element={<Page name="rotateCredential" />} />
              <Route path={PAGE_PATHS.credentialReview} element={<Page name="credentialReview" />} />
              <Route path={PAGE_PATHS.findCredential} element={<Page name="findCredential" />} />
              <Route path={PAGE_PATHS.activity} element={<Page name="activity" />} />
              <Route path="*" element={<NotFoundPage />} />
            </Route>
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Route>
      </Route>
    </Routes>
  );
}

/** `/orgs/:org` is the organization's service accounts. */
function OrgIndexRedirect() {
  return <Navigate replace to={serviceAccountsPath(useOrgParam())} />;
}
