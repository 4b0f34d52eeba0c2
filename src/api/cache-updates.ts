// Optimistic-update callbacks shared by the resource modules: patch or drop one item in
// every cached page of a list, and snapshot what was there so a failure can restore it.
import type { DefaultError, MutationFunctionContext, QueryClient, QueryKey } from '@tanstack/react-query';

interface ListShape<T> {
  items: T[];
}

type Snapshot = [QueryKey, unknown][];

function snapshotQueries(queryClient: QueryClient, queryKey: QueryKey): Snapshot {
  return queryClient.getQueriesData({ queryKey });
}

function restoreSnapshot(queryClient: QueryClient, snapshot: Snapshot | undefined) {
  for (const [key, data] of snapshot ?? []) queryClient.setQueryData(key, data);
}

function patchInLists<T extends { id: string }>(
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

function removeFromLists<T extends { id: string }>(queryClient: QueryClient, listsKey: QueryKey, id: string) {
  queryClient.setQueriesData<ListShape<T>>({ queryKey: listsKey }, (list) =>
    list && list.items.some((item) => item.id === id)
      ? { ...list, items: list.items.filter((item) => item.id !== id) }
      : list,
  );
}

/**
 * Applies a PATCH body to a cached entity. A description of "" clears it (as in `/api/openapi.json`),
 * so it is applied as-is rather than treated as missing.
 */
function applyPatch<T extends { name: string; description?: string | null }>(
  entity: T,
  patch: { name?: string | undefined; description?: string | undefined },
): T {
  return {
    ...entity,
    ...(patch.name !== undefined && { name: patch.name.trim() }),
    ...(patch.description !== undefined && { description: patch.description }),
  };
}

/** onError of an optimistic mutation whose onMutate returned `{ snapshot }`. */
function rollback(
  _error: DefaultError,
  _variables: unknown,
  onMutateResult: { snapshot: Snapshot } | undefined,
  { client }: MutationFunctionContext,
) {
  restoreSnapshot(client, onMutateResult?.snapshot);
}

interface Editable {
  id: string;
  name: string;
  description?: string | null;
  permissions?: unknown;
}

interface EditBody {
  name?: string | undefined;
  description?: string | undefined;
}

/**
 * useMutation callbacks for a PATCH of one entity: the change shows at once in its detail and
 * in every cached list page, is rolled back on failure, and `invalidateKey` is refreshed after.
 */
export function optimisticUpdate<T extends Editable>({
  id,
  detailKey,
  listsKey,
  invalidateKey,
}: {
  id: string;
  detailKey: QueryKey;
  listsKey: QueryKey;
  invalidateKey: QueryKey;
}) {
  return {
    onMutate: async (body: EditBody, { client }: MutationFunctionContext) => {
      await Promise.all([client.cancelQueries({ queryKey: detailKey }), client.cancelQueries({ queryKey: listsKey })]);
      const snapshot = [...snapshotQueries(client, detailKey), ...snapshotQueries(client, listsKey)];
      client.setQueryData<T>(detailKey, (old) => old && applyPatch(old, body));
      patchInLists<T>(client, listsKey, id, (item) => applyPatch(item, body));
      return { snapshot };
    },
    onError: rollback,
    // The PATCH asks for expand[]=permissions, so `updated` carries its own map.
    onSuccess: (updated: T, _body: EditBody, _onMutateResult: unknown, { client }: MutationFunctionContext) => {
      client.setQueryData<T>(detailKey, updated);
      patchInLists<T>(client, listsKey, id, () => updated);
      return client.invalidateQueries({ queryKey: invalidateKey });
    },
  };
}

/**
 * useMutation callbacks for a DELETE by id: the row leaves every cached list page at once and
 * comes back if the request fails. What to refresh on success is the caller's `onSuccess`.
 */
export function optimisticRemove<T extends { id: string }>(listsKey: QueryKey) {
  return {
    onMutate: async (id: string, { client }: MutationFunctionContext) => {
      await client.cancelQueries({ queryKey: listsKey });
      const snapshot = snapshotQueries(client, listsKey);
      removeFromLists<T>(client, listsKey, id);
      return { snapshot };
    },
    onError: rollback,
  };
}
