import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { AUDIT_EVENTS_KEY } from '../api/audit-event-keys';
import { shouldRetryRequest } from '../api/client';
import type { ToastApi } from '../components/toast';

const AUDIT_EVENTS_ROOT = [AUDIT_EVENTS_KEY];

/**
 * Errors of a first load render inline where the data would be (ErrorState, not-found pages),
 * and mutations toast in their callers. What nobody else shows is a failed *background*
 * refetch of data already on screen, so only that is toasted here, once per message.
 */
export function createAppQueryClient(toast: Pick<ToastApi, 'error'>): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (query.state.data === undefined) return;
        // 401 is handled once, by the unauthorized handler (back to sign-in).
        if (error.status === 401) return;
        toast.error('Could not refresh data', { description: error.message });
      },
    }),
    mutationCache: new MutationCache({
      // Every successful write adds an audit event (the `audit_events` extension), so activity on
      // screen is refetched and the rest marked stale. Without the extension no such query exists.
      onSuccess: () => void client.invalidateQueries({ queryKey: AUDIT_EVENTS_ROOT }),
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: shouldRetryRequest,
      },
      mutations: {
        retry: false,
      },
    },
  });
  return client;
}
