// Optimistic-update helpers shared by the resource modules: patch or drop one item in
// every cached page of a list, and snapshot what was there so a failure can restore it.
import type { QueryClient, QueryKey } from '@tanstack/react-query';

interface ListShape<T> {
  items: T[];
}

export type Snapshot = [QueryKey, unknown][];

export function snapshotQueries(queryClient: QueryClient, queryKey: QueryKey): Snapshot {
  return queryClient.getQueriesData({ queryKey });
}

export function restoreSnapshot(queryClient: QueryClient, snapshot: Snapshot | undefined) {
  for (const [key, data] of snapshot ?? []) queryClient.setQueryData(key, data);
}

export function patchInLists<T extends { id: string }>(
  queryClient: QueryClient,
  listsKey: QueryKey,
  id: string,
  patch: (item: T) => T,
) {
  queryClient.setQueriesData<ListShape<T>>({ queryKey: listsKey }, (list) =>
    list && list.items.some((item) => item.id === id)
      ? { ...list, items: list.items.map((item) => (item.id === id ? patch(item) : item)) }
      : list,
  );
}

export function removeFromLists<T extends { id: string }>(queryClient: QueryClient, listsKey: QueryKey, id: string) {
  queryClient.setQueriesData<ListShape<T>>({ queryKey: listsKey }, (list) =>
    list && list.items.some((item) => item.id === id)
      ? { ...list, items: list.items.filter((item) => item.id !== id) }
      : list,
  );
}

/**
 * Applies a PATCH body to a cached entity. A description of "" clears it (contract),
 * so it is applied as-is rather than treated as missing.
 */
export function applyPatch<T extends { name: string; description?: string | null }>(
  entity: T,
  patch: { name?: string | undefined; description?: string | undefined },
): T {
  return {
    ...entity,
    ...(patch.name !== undefined && { name: patch.name.trim() }),
    ...(patch.description !== undefined && { description: patch.description }),
  };
}

/**
 * Mutation responses carry no `permissions` (only reads take expand), so keep the
 * cached map rather than degrading the entity to "unknown".
 */
export function mergeKeepingPermissions<T extends { permissions?: unknown }>(cached: T | undefined, fresh: T): T {
  if (fresh.permissions !== undefined || cached?.permissions === undefined) return fresh;
  return { ...fresh, permissions: cached.permissions };
}
