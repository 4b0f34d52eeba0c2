import { Outlet, ScrollRestoration } from 'react-router';
import { RouteErrorBoundary } from './error-boundary';
import { RouteFocus } from './route-focus';

/** Above every route, signed in or not. (The single 401 handler is registered in app/start.ts.) */
export function Root() {
  return (
    <>
      <Outlet />
      <RouteFocus />
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
