import type { QueryClient } from '@tanstack/react-query';
import { devPrincipalQueries } from '../../api/dev';

/**
 * Forgets everything fetched as the previous person (queries and mutations) when the
 * session changes. The demo-people list is public and the same for everyone, so it stays.
 */
export function resetSessionCache(queryClient: QueryClient) {
  const keep = devPrincipalQueries.all()[0];
  const isPersonal = (queryKey: readonly unknown[]) => queryKey[0] !== keep;
  void queryClient.cancelQueries({ predicate: (query) => isPersonal(query.queryKey) });
  queryClient.removeQueries({ predicate: (query) => isPersonal(query.queryKey) });
  queryClient.getMutationCache().clear();
}
