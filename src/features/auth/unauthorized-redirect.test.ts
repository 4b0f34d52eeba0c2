import { QueryClient } from '@tanstack/react-query';
import { createMemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiRequest, setUnauthorizedHandler } from '../../api/client';
import { devPrincipalQueries } from '../../api/dev';
import { getSessionEndReason, getSessionToken, setSessionToken } from '../../api/session';
import { setupTestServer } from '../../test/test-server';
import { registerUnauthorizedRedirect } from './unauthorized-redirect';

// The server answers 401 for a token it does not know ('expired-token').
setupTestServer({ signedInAs: null });

afterEach(() => {
  setUnauthorizedHandler(null);
});

function setup(initialPath: string) {
  const router = createMemoryRouter([{ path: '*', element: null }], { initialEntries: [initialPath] });
  const queryClient = new QueryClient();
  // The wiring recommended for a data router: registered at start-up, before any loader fetches.
  const unregister = registerUnauthorizedRedirect({
    navigate: router.navigate,
    queryClient,
    getLocation: () => router.state.location,
  });
  return { router, queryClient, unregister };
}

describe('registerUnauthorizedRedirect', () => {
  it('works with router.navigate and keeps the public demo list', async () => {
    setSessionToken('expired-token');
    const { router, queryClient } = setup('/orgs/acme/credentials?status=stale');
    queryClient.setQueryData(['service-accounts', 'acme', 'list', { limit: 50 }], { items: [] });
    queryClient.setQueryData(devPrincipalQueries.list().queryKey, []);

    await apiRequest('/organizations/acme/service-accounts').catch(() => undefined);
    await vi.waitFor(() => expect(router.state.location.pathname).toBe('/sign-in'));

    const params = new URLSearchParams(router.state.location.search);
    expect(params.get('returnTo')).toBe('/orgs/acme/credentials?status=stale');
    expect(params.get('reason')).toBe('expired');
    expect(getSessionToken()).toBeNull();
    expect(getSessionEndReason()).toBe('expired');
    expect(queryClient.getQueryData(['service-accounts', 'acme', 'list', { limit: 50 }])).toBeUndefined();
    expect(queryClient.getQueryData(devPrincipalQueries.list().queryKey)).toEqual([]);
  });

  it('does not stack redirects when already on the sign-in page', async () => {
    setSessionToken('expired-token');
    const { router } = setup('/sign-in?returnTo=%2Forgs%2Facme');
    await apiRequest('/organizations').catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(router.state.location.search).toBe('?returnTo=%2Forgs%2Facme');
    expect(router.state.historyAction).toBe('POP');
    expect(getSessionToken()).toBeNull();
  });

  it('stops reacting once unregistered', async () => {
    setSessionToken('expired-token');
    const { unregister } = setup('/orgs/acme/service-accounts');
    unregister();
    await apiRequest('/organizations').catch(() => undefined);
    expect(getSessionToken()).toBe('expired-token');
  });
});
