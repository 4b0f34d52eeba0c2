// Writes to service accounts and their cache work. Apart from ./service-accounts (queries), which the
// first page loads: these load with the dialogs and pages that change something (issue 13).
import { useMutation } from '@tanstack/react-query';
import { apiRequest, EXPAND_PERMISSIONS } from './client';
import { optimisticRemove, optimisticUpdate } from './cache-updates';
import { credentialQueries } from './credentials';
import { ServiceAccountSchema, type ServiceAccount, type ServiceAccountCreate, type ServiceAccountUpdate } from './schemas';
import { serviceAccountPath, serviceAccountsPath } from './read-requests';
import { serviceAccountQueries } from './service-accounts';

// ---------- fetchers ----------

export function createServiceAccount(
  org: string,
  body: ServiceAccountCreate,
  signal?: AbortSignal,
): Promise<ServiceAccount> {
  return apiRequest(serviceAccountsPath(org), { method: 'POST', body, schema: ServiceAccountSchema, signal });
}

export function updateServiceAccount(
  org: string,
  id: string,
  body: ServiceAccountUpdate,
  signal?: AbortSignal,
): Promise<ServiceAccount> {
  // With its permissions map, so the cache keeps one (PATCH takes expand like GET: `/api/openapi.json`).
  return apiRequest(serviceAccountPath(org, id), {
    method: 'PATCH',
    body,
    expand: EXPAND_PERMISSIONS,
    schema: ServiceAccountSchema,
    signal,
  });
}

export function deleteServiceAccount(org: string, id: string, signal?: AbortSignal): Promise<void> {
  return apiRequest(serviceAccountPath(org, id), { method: 'DELETE', signal });
}

// ---------- mutations ----------
// Cache work lives here; UI work (toast, close, navigate) goes in mutate(vars, {onSuccess}).
// onSuccess returns the invalidation so isPending lasts until the lists are fresh.

export function useCreateServiceAccount(org: string) {
  return useMutation({
    mutationKey: [...serviceAccountQueries.all(org), 'create'],
    mutationFn: (body: ServiceAccountCreate) => createServiceAccount(org, body),
    onSuccess: (created, _body, _onMutateResult, { client }) => {
      // Lets a navigation to the new detail page render at once; the invalidation
      // below marks it stale so its permissions map is fetched on mount.
      client.setQueryData(serviceAccountQueries.detail(org, created.id).queryKey, created);
      return client.invalidateQueries({ queryKey: serviceAccountQueries.all(org) });
    },
  });
}

export function useUpdateServiceAccount(org: string, id: string) {
  const detailKey = serviceAccountQueries.detail(org, id).queryKey;
  return useMutation({
    mutationKey: [...detailKey, 'update'],
    mutationFn: (body: ServiceAccountUpdate) => updateServiceAccount(org, id, body),
    ...optimisticUpdate<ServiceAccount>({
      id,
      detailKey,
      listsKey: serviceAccountQueries.lists(org),
      invalidateKey: serviceAccountQueries.all(org),
    }),
  });
}

/** `mutate(serviceAccountId)`. Removes the row from every cached page at once; restores it on failure. */
export function useDeleteServiceAccount(org: string) {
  const listsKey = serviceAccountQueries.lists(org);
  return useMutation({
    mutationKey: [...serviceAccountQueries.all(org), 'delete'],
    mutationFn: (id: string) => deleteServiceAccount(org, id),
    ...optimisticRemove<ServiceAccount>(listsKey),
    onSuccess: (_data, id, _onMutateResult, { client }) => {
      // Removed rather than invalidated: refetching a deleted entity only yields a 404.
      client.removeQueries({ queryKey: serviceAccountQueries.detail(org, id).queryKey });
      client.removeQueries({ queryKey: credentialQueries.serviceAccount(org, id) });
      return Promise.all([
        client.invalidateQueries({ queryKey: listsKey }),
        client.invalidateQueries({ queryKey: credentialQueries.all(org) }),
      ]);
    },
  });
}
