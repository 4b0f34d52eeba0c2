// Shared test helpers: the app's navigation (over a memory history) and providers around a
// component. The API behind it is the real server (test-server.ts).
import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { Route, Routes, UNSAFE_createMemoryHistory as createMemoryHistory, useLocation } from 'react-router';
import { NavigationRouter } from '../lib/navigation-router';
import { createNavigationStore } from '../lib/navigation-store';
import { createTestQueryClient, TestProviders } from './providers';

export function LocationProbe() {
  const location = useLocation();
  return <output data-testid="location">{`${location.pathname}${location.search}`}</output>;
}

/** The app's navigation store over a memory history at `entries[index]` (the last by default). */
export function createMemoryNavigation(entries: string[], index?: number) {
  return createNavigationStore(createMemoryHistory({ initialEntries: entries, initialIndex: index, v5Compat: true }));
}

/**
 * The app's navigation, so tests can wire what app/start.ts wires (e.g. `navigation.navigate`) and
 * the secret dialog's leave guard (the navigation's blocker) works. Paths no route matches show the
 * location (`LocationProbe`).
 */
export function renderWithRoutes(routes: ReactElement, initialPath: string, queryClient: QueryClient = createTestQueryClient()) {
  const navigation = createMemoryNavigation([initialPath]);
  const utils = render(
    <TestProviders client={queryClient}>
      <NavigationRouter navigation={navigation}>
        <Routes>
          {routes}
          <Route path="*" element={<LocationProbe />} />
        </Routes>
      </NavigationRouter>
    </TestProviders>,
  );
  return { ...utils, queryClient, navigation };
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
