import { lazy, Suspense } from 'react';
import { Outlet, ScrollRestoration } from 'react-router';
import { RouteErrorBoundary } from './error-boundary';

// Acts on the second page of a visit, never the first: loaded after it, not with it.
const RouteFocus = lazy(() => import('./route-focus').then((module) => ({ default: module.RouteFocus })));

/** Above every route, signed in or not. (The single 401 handler is registered in app/start.ts.) */
export function Root() {
  return (
    <>
      <Outlet />
      <Suspense fallback={null}>
        <RouteFocus />
      </Suspense>
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
