// Shared test helpers: a data router and the app's providers around a component, a fetch stub,
// and API fixtures.
import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createMemoryRouter, createRoutesFromElements, Route, RouterProvider, useLocation } from 'react-router';
import { vi } from 'vitest';
import { DEMO_PERSON } from './demo-people';
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

export function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

export type Route = (url: URL, init: RequestInit | undefined) => Response | Promise<Response>;

/** Stubs fetch with a handler receiving the parsed URL (relative to http://localhost). */
export function stubFetch(handler: Route) {
  const fetchMock = vi.fn<typeof globalThis.fetch>(async (input, init) =>
    handler(new URL(String(input), 'http://localhost'), init),
  );
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

export const T = '2026-11-30T03:55:39.123Z';
export const organizations = [
  { id: 'org1aaaaaaaaaaaaaaaaaaaaaa', label: 'acme', name: 'Acme Corp', created_at: T, updated_at: T },
  { id: 'org2bbbbbbbbbbbbbbbbbbbbbb', label: 'globex', name: 'Globex', created_at: T, updated_at: T },
];
export const orgList = (items = organizations) => ({
  items,
  page_info: { has_next_page: false, has_prev_page: false },
});
export const principals = {
  items: [
    {
      id: 'p1',
      name: DEMO_PERSON.ada.name,
      email: DEMO_PERSON.ada.email,
      token: DEMO_PERSON.ada.token,
      memberships: [
        { organization_id: 'org1aaaaaaaaaaaaaaaaaaaaaa', organization_label: 'acme', role: 'org_admin' },
        { organization_id: 'org2bbbbbbbbbbbbbbbbbbbbbb', organization_label: 'globex', role: 'org_viewer' },
      ],
    },
    {
      id: 'p2',
      name: DEMO_PERSON.vera.name,
      email: DEMO_PERSON.vera.email,
      token: DEMO_PERSON.vera.token,
      memberships: [{ organization_id: 'org1aaaaaaaaaaaaaaaaaaaaaa', organization_label: 'acme', role: 'org_viewer' }],
    },
  ],
};
