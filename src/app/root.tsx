import { Outlet, ScrollRestoration } from 'react-router';
import { RouteErrorBoundary } from './error-boundary';
import { UnauthorizedRedirect } from '../features/auth';

/** Above every route, signed in or not: the single 401 handler and scroll restoration. */
export function Root() {
  return (
    <>
      <UnauthorizedRedirect />
      <Outlet />
      <ScrollRestoration />
    </>
  );
}

/** When even the layout fails, the error still gets the page's padding. */
export function RootErrorBoundary() {
  return (
    <main className="app-main">
      <RouteErrorBoundary />
    </main>
  );
}

export function AppLoading() {
  return (
    <main className="app-main" aria-busy="true">
      <span className="visually-hidden" role="status">
        Loading…
      </span>
    </main>
  );
}
