// Discovery of the local server's extensions (described in `/api/openapi.json` and the README).
// The vendor's API has no discovery endpoint: its 404 means "no extensions", and the console
// then does every job with vendor endpoints alone.
import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import { apiRequest, isApiError } from './client';
import { readEmbeddedCapabilities } from './embedded-capabilities';
import { CapabilitiesSchema, type ExtensionName } from './schemas';

export { readEmbeddedCapabilities };

/** The extensions the API announces; empty for the vendor's API (or any 4xx answer). */
export async function getCapabilities(signal?: AbortSignal): Promise<readonly string[]> {
  try {
    const body = await apiRequest('/capabilities', { schema: CapabilitiesSchema, signal, token: null, expand: [] });
    return body.extensions;
  } catch (error) {
    // A 4xx is an answer (the vendor has no such route); network errors and 5xx are retried.
    if (isApiError(error) && error.status >= 400 && error.status < 500) return [];
    throw error;
  }
}

/** Puts the page's embedded answer (if any) in the cache, so the first requests need not ask. */
export function seedEmbeddedCapabilities(queryClient: QueryClient): void {
  const embedded = readEmbeddedCapabilities();
  if (embedded) queryClient.setQueryData(capabilityQueries.all(), embedded);
}

export const capabilityQueries = {
  all: () => ['capabilities'] as const,
  // Asked once per page load: a server does not gain or lose extensions while it runs.
  discovery: () =>
    queryOptions({
      queryKey: capabilityQueries.all(),
      queryFn: ({ signal }) => getCapabilities(signal),
      staleTime: Infinity,
      gcTime: Infinity,
    }),
};

/**
 * Whether the API offers `name`: `undefined` while discovery is in flight (render neither the
 * extension's view nor its fallback yet), then `true` or `false`.
 */
export function useExtension(name: ExtensionName): boolean | undefined {
  const { data } = useQuery({ ...capabilityQueries.discovery(), select: (extensions) => extensions.includes(name) });
  return data;
}

/** Whether the API offers `name`, if discovery has answered (or the page said); undefined before. */
export function knownExtension(queryClient: QueryClient, name: ExtensionName): boolean | undefined {
  return queryClient.getQueryData<readonly string[]>(capabilityQueries.all())?.includes(name);
}

/** For prefetches and event handlers: waits for discovery (cached after the first call). */
export async function hasExtension(queryClient: QueryClient, name: ExtensionName): Promise<boolean> {
  const extensions = await queryClient.ensureQueryData(capabilityQueries.discovery());
  return extensions.includes(name);
}
