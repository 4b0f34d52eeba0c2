import type { QueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useLocation, useNavigate, type NavigateFunction } from 'react-router';
import { setUnauthorizedHandler } from '../../api/client';
import { clearSession, getSessionToken } from '../../api/session';
import { resetSessionCache } from './session-cache';
import { SIGN_IN_PATH, signInPath } from './return-to';

interface LocationLike {
  pathname: string;
  search: string;
}

export interface UnauthorizedRedirectDeps {
  navigate: NavigateFunction | ((to: string, options?: { replace?: boolean }) => unknown);
  queryClient: QueryClient;
  /** Where the person is now, for `returnTo`. Defaults to window.location. */
  getLocation?: () => LocationLike;
}

/**
 * The one reaction to a 401 anywhere: forget the token and everything fetched with it,
 * then go to sign-in with a way back. Returns the unregister function.
 */
export function registerUnauthorizedRedirect({
  navigate,
  queryClient,
  getLocation = () => window.location,
}: UnauthorizedRedirectDeps): () => void {
  return setUnauthorizedHandler((_error, request) => {
    // A late 401 for a token that is no longer the session's (the person has signed in
    // again meanwhile) must not end the new session.
    if (request.token !== getSessionToken()) return;
    const location = getLocation();
    const expired = request.token !== null;
    // RequireSession may redirect too when the token vanishes; the reason makes it
    // build the same URL, so it does not matter which navigation lands last.
    clearSession(expired ? 'expired' : null);
    resetSessionCache(queryClient);
    if (location.pathname !== SIGN_IN_PATH) {
      void navigate(signInPath(location, { expired }), { replace: true });
    }
  });
}

/**
 * Registers the 401 redirect for the lifetime of the calling component. Mount it once,
 * inside both the router and the QueryClientProvider (e.g. in the root layout).
 */
export function useUnauthorizedRedirect(queryClient: QueryClient) {
  const navigate = useNavigate();
  const location = useLocation();
  const locationRef = useRef<LocationLike>(location);
  useEffect(() => {
    locationRef.current = location;
  }, [location]);
  useEffect(
    () => registerUnauthorizedRedirect({ navigate, queryClient, getLocation: () => locationRef.current }),
    [navigate, queryClient],
  );
}
