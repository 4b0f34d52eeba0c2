// Test helpers for this feature: real providers and the real API module, with fetch stubbed
// at the network boundary so hooks, schemas and error mapping run as in the app.
import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { vi } from 'vitest';
import { TestProviders } from '../../test/providers';

export type StubResponse = { status: number; body?: unknown } | (() => Promise<{ status: number; body?: unknown }>);
export type FetchRoute = { method: string; path: RegExp; respond: StubResponse };

export type FetchCall = { method: string; url: string; body: unknown };

/** Replaces fetch with a router over `routes`; unmatched requests fail the test loudly with a 599. */
export function stubFetch(routes: FetchRoute[]) {
  const calls: FetchCall[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    const method = init?.method ?? 'GET';
    calls.push({ method, url, body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined });
    const path = new URL(url, 'http://localhost').pathname;
    const route = routes.find((r) => r.method === method && r.path.test(path));
    if (!route) return new Response(JSON.stringify({ status: 599, code: 'test', message: `no stub for ${method} ${path}` }), { status: 599 });
    const { status, body } = typeof route.respond === 'function' ? await route.respond() : route.respond;
    return new Response(body === undefined ? null : JSON.stringify(body), {
      status,
      headers: { 'Content-Type': 'application/json' },
    });
  });
  vi.stubGlobal('fetch', fetchMock);
  return { calls, fetchMock };
}

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
  // A data router, as in the app: the secret dialog's leave guard uses react-router's blocker.
  const router = createMemoryRouter(
    [
      { path, element: ui },
      ...Object.entries(otherRoutes).map(([otherPath, element]) => ({ path: otherPath, element })),
      { path: '*', element: <p>Navigated elsewhere</p> },
    ],
    { initialEntries: [route] },
  );
  const result = render(
    <TestProviders client={queryClient}>
      <RouterProvider router={router} />
    </TestProviders>,
  );
  return { ...result, queryClient, router };
}

export const SA_ID = 'sa0000000000000000000000001';
export const CRED_ID = 'cr0000000000000000000000001';

export function credentialFixture(overrides: Record<string, unknown> = {}) {
  return {
    id: CRED_ID,
    client_id: 'client-abc123',
    name: 'Deploy bot',
    description: 'Used by CI',
    created_at: new Date(Date.now() - 3 * 86_400_000).toISOString(),
    last_used_at: new Date(Date.now() - 5 * 60_000).toISOString(),
    ...overrides,
  };
}

export const allCredentialPermissions = {
  service_account_credentials: { read: true, create: true, update: true, delete: true },
};
