import type { QueryClient } from '@tanstack/react-query';
import { setUnauthorizedHandler } from '../../api/client';
import { clearSession, getSessionToken } from '../../api/session';
import { requestSessionEnd } from '../../lib/leave-guard';
import { resetSessionCache } from './session-cache';
import { ROUTES } from '../../lib/paths';
import { signInPath } from './return-to';

interface LocationLike {
  pathname: string;
  search: string;
  hash?: string;
}

export interface UnauthorizedRedirectDeps {
  /** The navigation's `navigate` (app/start.ts). */
  navigate: (to: string, options?: { replace?: boolean }) => unknown;
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
    // With a one-time secret on screen, the leave guard asks first and ends the session itself.
    requestSessionEnd(
      'expired',
      () => {
        clearSession(expired ? 'expired' : null);
        resetSessionCache(queryClient);
      },
      () => {
        if (location.pathname !== ROUTES.signIn) void navigate(signInPath(location, { expired }), { replace: true });
      },
    );
  });
}
