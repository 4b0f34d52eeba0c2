import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { getSessionEndReason, useSessionToken } from '../../api/session';
import { ROUTES } from '../../lib/paths';
import { signInPath } from './return-to';

/**
 * Route guard: without a token, go to sign-in and come back here afterwards.
 * Use as a layout route element (renders <Outlet />) or wrap children.
 */
export function RequireSession({ children }: { children?: ReactNode }) {
  const token = useSessionToken();
  const location = useLocation();
  if (!token) {
    const reason = getSessionEndReason();
    const to = reason === 'signed-out' ? ROUTES.signIn : signInPath(location, { expired: reason === 'expired' });
    return <Navigate to={to} replace />;
  }
  return children ?? <Outlet />;
}
