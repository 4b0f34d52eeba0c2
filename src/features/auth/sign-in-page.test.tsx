import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setUnauthorizedHandler } from '../../api/client';
import { clearSession, getSessionToken } from '../../api/session';
import { json, orgList, principals, renderWithRoutes, stubFetch } from '../../test/routing-fixtures';
import { SignInPage } from './sign-in-page';
import { DEMO_PERSON } from '../../test/demo-people';

const signInRoute = <Route path="/sign-in" element={<SignInPage />} />;

afterEach(() => {
  vi.unstubAllGlobals();
  clearSession();
  setUnauthorizedHandler(null);
});

describe('SignInPage', () => {
  it('signs in as a demo person in one click and returns to returnTo', async () => {
    stubFetch((url) => (url.pathname === '/api/dev/principals' ? json(principals) : json(orgList())));
    renderWithRoutes(signInRoute, '/sign-in?returnTo=%2Forgs%2Facme%2Fservice-accounts%3Flimit%3D25');

    const ada = await screen.findByRole('button', { name: 'Sign in as Ada Admin' });
    const description = document.getElementById(ada.getAttribute('aria-describedby') ?? '')?.textContent;
    expect(description).toMatch(/ada@acme\.example.*acme.*Admin.*globex.*Viewer/);
    await userEvent.click(ada);

    expect(getSessionToken()).toBe(DEMO_PERSON.ada.token);
    expect((await screen.findByTestId('location')).textContent).toBe('/orgs/acme/service-accounts?limit=25');
  });

  it('refuses an open redirect in returnTo', async () => {
    stubFetch(() => json(principals));
    renderWithRoutes(signInRoute, '/sign-in?returnTo=%2F%2Fevil.example');
    await userEvent.click(await screen.findByRole('button', { name: 'Sign in as Vera Viewer' }));
    expect((await screen.findByTestId('location')).textContent).toMatch(/^\/$/);
  });

  it('without demo mode shows only the token form', async () => {
    stubFetch(() => json({ status: 404, code: 'not_found', message: 'Not found' }, 404));
    renderWithRoutes(signInRoute, '/sign-in');
    expect(await screen.findByLabelText('Bearer token')).toBeTruthy();
    await waitFor(() => expect(screen.queryByText(/Checking for demo/)).toBeNull());
    expect(screen.queryByRole('heading', { name: 'Demo people' })).toBeNull();
  });

  it('says a bad token was not accepted, keeps the text, and does not sign in', async () => {
    const unauthorized = vi.fn();
    setUnauthorizedHandler(unauthorized);
    const fetchMock = stubFetch((url) =>
      url.pathname === '/api/dev/principals'
        ? json({ status: 404, code: 'not_found', message: 'Not found' }, 404)
        : json({ status: 401, code: 'unauthenticated', message: 'Unknown token' }, 401),
    );
    renderWithRoutes(signInRoute, '/sign-in');

    const input = await screen.findByLabelText('Bearer token');
    await userEvent.type(input, 'not-a-real-token');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByText(/That token was not accepted \(401\)/)).toBeTruthy();
    expect((input as HTMLInputElement).value).toBe('not-a-real-token');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(getSessionToken()).toBeNull();
    expect(unauthorized).not.toHaveBeenCalled();
    const verifyCall = fetchMock.mock.calls.find(([u]) => String(u).startsWith('/api/organizations'));
    expect(new Headers(verifyCall?.[1]?.headers).get('Authorization')).toBe('Bearer not-a-real-token');
  });

  it('asks for a token when the field is empty', async () => {
    const fetchMock = stubFetch(() => json({ status: 404, code: 'not_found', message: 'x' }, 404));
    renderWithRoutes(signInRoute, '/sign-in');
    await userEvent.click(await screen.findByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Paste a token to sign in')).toBeTruthy();
    expect(fetchMock.mock.calls.some(([u]) => String(u).startsWith('/api/organizations'))).toBe(false);
  });

  it('keeps a good token, seeds the organization list, and goes to returnTo', async () => {
    stubFetch((url) =>
      url.pathname === '/api/dev/principals'
        ? json({ status: 404, code: 'not_found', message: 'Not found' }, 404)
        : json(orgList()),
    );
    const { queryClient } = renderWithRoutes(signInRoute, '/sign-in?returnTo=/orgs/globex/credentials');
    await userEvent.type(await screen.findByLabelText('Bearer token'), '  pasted-token  ');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    expect((await screen.findByTestId('location')).textContent).toBe('/orgs/globex/credentials');
    expect(getSessionToken()).toBe('pasted-token');
    expect(queryClient.getQueryData(['organizations', 'list'])).toHaveLength(2);
  });

  it('explains why when the session expired', async () => {
    stubFetch(() => json(principals));
    renderWithRoutes(signInRoute, '/sign-in?returnTo=/orgs/acme&reason=expired');
    expect(await screen.findByText(/Your session has ended/)).toBeTruthy();
  });
});
