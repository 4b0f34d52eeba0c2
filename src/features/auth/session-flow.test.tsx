import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { apiRequest, setUnauthorizedHandler } from '../../api/client';
import { organizationQueries } from '../../api/organizations';
import { getSessionToken, setSessionToken } from '../../api/session';
import { ROUTES } from '../../lib/paths';
import { LocationProbe, renderWithRoutes } from '../../test/routing-fixtures';
import { DEMO_PERSON, setupTestServer } from '../../test/test-server';
import { RequireSession } from './require-session';
import { registerUnauthorizedRedirect } from './unauthorized-redirect';
import { UserMenu } from './user-menu';

// Nobody signed in at the start: each test sets the token it is about.
const server = setupTestServer({ signedInAs: null });

function Protected() {
  return (
    <>
      <UserMenu />
      <p>Secret page</p>
    </>
  );
}

const routes = (
  <>
    <Route element={<RequireSession />}>
      <Route path={ROUTES.serviceAccounts} element={<Protected />} />
    </Route>
    <Route path={ROUTES.signIn} element={<LocationProbe />} />
  </>
);

/** Wired as app/start.ts wires it: on the navigation, not inside a component. */
function renderWithUnauthorizedRedirect(initialPath: string) {
  const result = renderWithRoutes(routes, initialPath);
  registerUnauthorizedRedirect({
    navigate: result.navigation.navigate,
    queryClient: result.queryClient,
    getLocation: () => result.navigation.state.location,
  });
  return result;
}

afterEach(() => {
  setUnauthorizedHandler(null);
});

describe('RequireSession', () => {
  it('sends a signed-out person to sign-in with a way back', async () => {
    renderWithRoutes(routes, '/orgs/acme/service-accounts?limit=25');
    const location = await screen.findByTestId('location');
    const url = new URL(location.textContent ?? '', 'http://x');
    expect(url.pathname).toBe('/sign-in');
    expect(url.searchParams.get('returnTo')).toBe('/orgs/acme/service-accounts?limit=25');
    expect(screen.queryByText('Secret page')).toBeNull();
  });

  it('renders the page with a session', async () => {
    setSessionToken(DEMO_PERSON.ada.token);
    renderWithRoutes(routes, '/orgs/acme/service-accounts');
    expect(await screen.findByText('Secret page')).toBeTruthy();
  });
});

describe('401 handling', () => {
  it('clears the session and cache, and returns to sign-in with returnTo', async () => {
    setSessionToken('expired-token');
    const { queryClient } = renderWithUnauthorizedRedirect('/orgs/acme/service-accounts?after=c1');
    await screen.findByText('Secret page');
    queryClient.setQueryData(organizationQueries.list().queryKey, []);

    await act(() => apiRequest('/organizations').catch(() => undefined));

    const url = new URL((await screen.findByTestId('location')).textContent ?? '', 'http://x');
    expect(url.pathname).toBe('/sign-in');
    expect(url.searchParams.get('returnTo')).toBe('/orgs/acme/service-accounts?after=c1');
    expect(url.searchParams.get('reason')).toBe('expired');
    expect(getSessionToken()).toBeNull();
    expect(queryClient.getQueryData(organizationQueries.list().queryKey)).toBeUndefined();
  });

  it('ignores a late 401 for a token that is no longer the session’s', async () => {
    setSessionToken('old-token');
    renderWithUnauthorizedRedirect('/orgs/acme/service-accounts');
    await screen.findByText('Secret page');

    // The server answers 401 for the old token only after the session has moved on.
    const answer = server.hold('GET', /^\/organizations\?/);
    const pending = apiRequest('/organizations').catch(() => undefined);
    act(() => setSessionToken('new-token'));
    answer.release();
    await act(() => pending);

    expect(getSessionToken()).toBe('new-token');
    expect(screen.getByText('Secret page')).toBeTruthy();
  });
});

describe('UserMenu', () => {
  it('names the demo person and signs out to /sign-in', async () => {
    setSessionToken(DEMO_PERSON.ada.token);
    renderWithRoutes(routes, '/orgs/acme/service-accounts');
    expect(await screen.findByText('Ada Admin')).toBeTruthy();
    expect(screen.getByText('ada@acme.example')).toBeTruthy();

    await userEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    await waitFor(() => expect(screen.getByTestId('location').textContent).toMatch(/^\/sign-in$/));
    expect(getSessionToken()).toBeNull();
  });

  it('says an API token is in use when the token is not a demo person’s', async () => {
    setSessionToken('some-real-token');
    renderWithRoutes(routes, '/orgs/acme/service-accounts');
    expect(await screen.findByText('Signed in with an API token')).toBeTruthy();
  });
});
