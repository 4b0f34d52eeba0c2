import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiRequest, setUnauthorizedHandler } from '../../api/client';
import { devPrincipalQueries } from '../../api/dev';
import { getSessionEndReason, getSessionToken, setSessionToken } from '../../api/session';
import { createMemoryNavigation } from '../../test/routing-fixtures';
import { setupTestServer } from '../../test/test-server';
import { registerUnauthorizedRedirect } from './unauthorized-redirect';

// The server answers 401 for a token it does not know ('expired-token').
setupTestServer({ signedInAs: null });

afterEach(() => {
  setUnauthorizedHandler(null);
});

function setup(initialPath: string) {
  const navigation = createMemoryNavigation([initialPath]);
  const queryClient = new QueryClient();
  // As app/start.ts wires it: registered at start-up, before the first page's requests.
  const unregister = registerUnauthorizedRedirect({
    navigate: navigation.navigate,
    queryClient,
    getLocation: () => navigation.state.location,
  });
  return { navigation, queryClient, unregister };
}

describe('registerUnauthorizedRedirect', () => {
  it("works with the navigation's navigate and keeps the public demo list", async () => {
    setSessionToken('expired-token');
    const { navigation, queryClient } = setup('/orgs/acme/credentials?status=stale');
    queryClient.setQueryData(['service-accounts', 'acme', 'list', { limit: 50 }], { items: [] });
    queryClient.setQueryData(devPrincipalQueries.list().queryKey, []);

    await apiRequest('/organizations/acme/service-accounts').catch(() => undefined);
    await vi.waitFor(() => expect(navigation.state.location.pathname).toBe('/sign-in'));

    const params = new URLSearchParams(navigation.state.location.search);
    expect(params.get('returnTo')).toBe('/orgs/acme/credentials?status=stale');
    expect(params.get('reason')).toBe('expired');
    expect(getSessionToken()).toBeNull();
    expect(getSessionEndReason()).toBe('expired');
    expect(queryClient.getQueryData(['service-accounts', 'acme', 'list', { limit: 50 }])).toBeUndefined();
    expect(queryClient.getQueryData(devPrincipalQueries.list().queryKey)).toEqual([]);
  });

  it('does not stack redirects when already on the sign-in page', async () => {
    setSessionToken('expired-token');
    const { navigation } = setup('/sign-in?returnTo=%2Forgs%2Facme');
    await apiRequest('/organizations').catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(navigation.state.location.search).toBe('?returnTo=%2Forgs%2Facme');
    expect(navigation.state.action).toBe('POP');
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
