import { lazy, Suspense } from 'react';
import { Outlet } from 'react-router';
import { ScrollRestoration } from './scroll-restoration';

// Acts on the second page of a visit, never the first: loaded after it, not with it.
const RouteFocus = lazy(() => import('./route-focus').then((module) => ({ default: module.RouteFocus })));

/** Above every route, signed in or not. (The single 401 handler is registered in app/start.ts.) */
export function Root() {
  return (
    <>
      {/* Only the first page can wait for its code here (see Page); later ones are shown once loaded. */}
      <Suspense fallback={<AppLoading />}>
        <Outlet />
      </Suspense>
      <Suspense fallback={null}>
        <RouteFocus />
      </Suspense>
      <ScrollRestoration />
    </>
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
