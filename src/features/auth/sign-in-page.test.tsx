import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setUnauthorizedHandler } from '../../api/client';
import { getSessionToken } from '../../api/session';
import { ROUTES } from '../../lib/paths';
import { renderWithRoutes } from '../../test/routing-fixtures';
import { DEMO_PERSON, setupTestServer } from '../../test/test-server';
import { SignInPage } from './sign-in-page';

const signInRoute = <Route path={ROUTES.signIn} element={<SignInPage />} />;

afterEach(() => {
  setUnauthorizedHandler(null);
});

describe('SignInPage', () => {
  setupTestServer({ signedInAs: null });

  it('signs in as a demo person in one click and returns to returnTo', async () => {
    renderWithRoutes(signInRoute, '/sign-in?returnTo=%2Forgs%2Facme%2Fservice-accounts%3Flimit%3D25');

    const ada = await screen.findByRole('button', { name: 'Sign in as Ada Admin' });
    const description = document.getElementById(ada.getAttribute('aria-describedby') ?? '')?.textContent;
    expect(description).toMatch(/ada@acme\.example.*acme.*Admin.*globex.*Viewer/);
    await userEvent.click(ada);

    expect(getSessionToken()).toBe(DEMO_PERSON.ada.token);
    expect((await screen.findByTestId('location')).textContent).toBe('/orgs/acme/service-accounts?limit=25');
  });

  it('refuses an open redirect in returnTo', async () => {
    renderWithRoutes(signInRoute, '/sign-in?returnTo=%2F%2Fevil.example');
    await userEvent.click(await screen.findByRole('button', { name: 'Sign in as Vera Viewer' }));
    expect((await screen.findByTestId('location')).textContent).toMatch(/^\/$/);
  });

  it('explains why when the session expired', async () => {
    renderWithRoutes(signInRoute, '/sign-in?returnTo=/orgs/acme&reason=expired');
    expect(await screen.findByText(/Your session has ended/)).toBeTruthy();
  });
});

describe('SignInPage without demo mode', () => {
  const server = setupTestServer({ signedInAs: null, demo: false });

  it('without demo mode shows only the token form', async () => {
    renderWithRoutes(signInRoute, '/sign-in');
    expect(await screen.findByLabelText('Bearer token')).toBeTruthy();
    await waitFor(() => expect(screen.queryByText(/Checking for demo/)).toBeNull());
    expect(screen.queryByRole('heading', { name: 'Demo people' })).toBeNull();
    expect(server.requests.map((r) => r.path)).toContain('/dev/principals');
  });

  it('says a bad token was not accepted, keeps the text, and does not sign in', async () => {
    const unauthorized = vi.fn();
    setUnauthorizedHandler(unauthorized);
    renderWithRoutes(signInRoute, '/sign-in');

    const input = await screen.findByLabelText('Bearer token');
    await userEvent.type(input, 'not-a-real-token');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByText(/That token was not accepted \(401\)/)).toBeTruthy();
    expect((input as HTMLInputElement).value).toBe('not-a-real-token');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(getSessionToken()).toBeNull();
    expect(unauthorized).not.toHaveBeenCalled();
    const verifyCall = server.requests.find((r) => r.path === '/organizations');
    expect(verifyCall?.headers.get('Authorization')).toBe('Bearer not-a-real-token');
  });

  it('asks for a token when the field is empty', async () => {
    renderWithRoutes(signInRoute, '/sign-in');
    await userEvent.click(await screen.findByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Paste a token to sign in')).toBeTruthy();
    expect(server.requests.some((r) => r.path.startsWith('/organizations'))).toBe(false);
  });

  it('keeps a good token, seeds the organization list, and goes to returnTo', async () => {
    const { queryClient } = renderWithRoutes(signInRoute, '/sign-in?returnTo=/orgs/globex/credentials');
    await userEvent.type(await screen.findByLabelText('Bearer token'), `  ${DEMO_PERSON.ada.token}  `);
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    expect((await screen.findByTestId('location')).textContent).toBe('/orgs/globex/credentials');
    expect(getSessionToken()).toBe(DEMO_PERSON.ada.token);
    expect(queryClient.getQueryData(['organizations', 'list'])).toHaveLength(2);
  });
});
