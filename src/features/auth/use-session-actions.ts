import { useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router';
import { organizationQueries } from '../../api/organizations';
import { clearSession, setSessionToken } from '../../api/session';
import type { Organization } from '../../api/schemas';
import { requestSessionEnd } from '../../lib/leave-guard';
import { ROUTES } from '../../lib/paths';
import { safeReturnTo } from './return-to';
import { resetSessionCache } from './session-cache';

/** Keeps a token, drops the previous person's cache, and goes back where the person came from. */
export function useCompleteSignIn() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [searchParams] = useSearchParams();
  return (token: string, organizations?: Organization[]) => {
    resetSessionCache(queryClient);
    setSessionToken(token);
    // Verifying a pasted token already fetched this list: no need to ask again.
    if (organizations) queryClient.setQueryData(organizationQueries.list().queryKey, organizations);
    void navigate(safeReturnTo(searchParams.get('returnTo')), { replace: true });
  };
}

export function useSignOut() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return () =>
    requestSessionEnd(
      'signed-out',
      () => {
        clearSession('signed-out');
        resetSessionCache(queryClient);
      },
      () => void navigate(ROUTES.signIn),
    );
}
