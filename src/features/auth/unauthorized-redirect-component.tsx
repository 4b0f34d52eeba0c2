import { useQueryClient } from '@tanstack/react-query';
import { useUnauthorizedRedirect } from './unauthorized-redirect';

/** Render once inside the router and QueryClientProvider: wires the 401 → sign-in redirect. */
export function UnauthorizedRedirect() {
  useUnauthorizedRedirect(useQueryClient());
  return null;
}
