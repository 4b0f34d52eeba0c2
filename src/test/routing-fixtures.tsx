// Shared test helpers: a data router and the app's providers around a component. The API behind
// it is the real server (test-server.ts).
import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createMemoryRouter, createRoutesFromElements, Route, RouterProvider, useLocation } from 'react-router';
import { createTestQueryClient, TestProviders } from './providers';

export function LocationProbe() {
  const location = useLocation();
  return <output data-testid="location">{`${location.pathname}${location.search}`}</output>;
}

/**
 * A data router like the app's, so tests can wire what main.tsx wires (e.g. `router.navigate`) and
 * the secret dialog's leave guard (react-router's blocker) works. Paths no route matches show the
 * location (`LocationProbe`).
 */
export function renderWithRoutes(routes: ReactElement, initialPath: string, queryClient: QueryClient = createTestQueryClient()) {
  const router = createMemoryRouter(
    createRoutesFromElements(
      <>
        {routes}
        <Route path="*" element={<LocationProbe />} />
      </>,
    ),
    { initialEntries: [initialPath] },
  );
  const utils = render(
    <TestProviders client={queryClient}>
      <RouterProvider router={router} />
    </TestProviders>,
  );
  return { ...utils, queryClient, router };
}

/** `ui` at `path`, opened at `route`, with `otherRoutes` beside it; queries never go stale by themselves. */
export function renderWithProviders(
  ui: ReactElement,
  {
    path = '/',
    route = '/',
    otherRoutes = {},
  }: { path?: string; route?: string; otherRoutes?: Record<string, ReactElement> } = {},
) {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: Infinity }, mutations: { retry: false } },
  });
  const routes = (
    <>
      <Route path={path} element={ui} />
      {Object.entries(otherRoutes).map(([otherPath, element]) => (
        <Route key={otherPath} path={otherPath} element={element} />
      ))}
    </>
  );
  return renderWithRoutes(routes, route, queryClient);
}
