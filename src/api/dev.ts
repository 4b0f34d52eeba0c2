import { queryOptions } from '@tanstack/react-query';
import { ApiError, apiRequest } from './client';
import { DevPrincipalListSchema, type DevPrincipal } from './schemas';

/**
 * The seeded demo people, or `null` when the API has no demo mode (any 4xx: the local
 * server with DEMO=0 answers 404, another deployment may answer 401 or 403).
 * Their tokens are public by design; nothing here is secret.
 */
export async function listDevPrincipals(signal?: AbortSignal): Promise<DevPrincipal[] | null> {
  try {
    const response = await apiRequest('/dev/principals', {
      schema: DevPrincipalListSchema,
      signal,
      token: null,
      expand: [],
    });
    return response.items;
  } catch (error) {
    if (error instanceof ApiError && error.status >= 400 && error.status < 500) return null;
    throw error;
  }
}

export const devPrincipalQueries = {
  all: () => ['dev-principals'] as const,
  list: () =>
    queryOptions({
      queryKey: [...devPrincipalQueries.all(), 'list'] as const,
      queryFn: ({ signal }) => listDevPrincipals(signal),
      // Demo mode does not change while the page is open.
      staleTime: Infinity,
      retry: false,
    }),
};

/** The demo person a token belongs to, if any. */
export function findDevPrincipal(principals: DevPrincipal[] | null | undefined, token: string | null) {
  if (!principals || !token) return undefined;
  return principals.find((p) => p.token === token);
}
