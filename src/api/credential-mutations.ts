// Writes to credentials and their cache work. Apart from ./credentials (queries), which the first
// page loads: these load with the dialogs and pages that change something (issue 13).
import { useMutation } from '@tanstack/react-query';
import { apiRequest, EXPAND_PERMISSIONS, isApiError } from './client';
import { optimisticRemove, optimisticUpdate } from './cache-updates';
import { collectionPath, credentialQueries, deleteCredential } from './credentials';
import { credentialPath } from './read-requests';
import {
  CredentialCreatedSchema,
  CredentialSchema,
  type Credential,
  type CredentialCreate,
  type CredentialCreated,
  type CredentialUpdate,
} from './schemas';

// ---------- fetchers ----------

/** The only response carrying a client secret: hand it to the one dialog that shows it, nowhere else. */
export function createCredential(
  org: string,
  serviceAccountId: string,
  body: CredentialCreate,
  signal?: AbortSignal,
): Promise<CredentialCreated> {
  return apiRequest(collectionPath(org, serviceAccountId), {
    method: 'POST',
    body,
    schema: CredentialCreatedSchema,
    signal,
  });
}

export function updateCredential(
  org: string,
  serviceAccountId: string,
  credentialId: string,
  body: CredentialUpdate,
  signal?: AbortSignal,
): Promise<Credential> {
  return apiRequest(credentialPath(org, serviceAccountId, credentialId), {
    method: 'PATCH',
    body,
    // With its permissions map, so the cache keeps one (PATCH takes expand like GET: `/api/openapi.json`).
    expand: EXPAND_PERMISSIONS,
    schema: CredentialSchema,
    signal,
  });
}

// ---------- mutations ----------

/**
 * Creates a credential. The response (with `client_secret`) never enters the query
 * cache: take it from `mutate(body, { onSuccess: (created) => … })` or `mutateAsync`,
 * show it in the secret dialog, and call `mutation.reset()` when that dialog closes —
 * useMutation keeps its last `data` until reset or unmount, and `gcTime: 0` drops the
 * mutation from the MutationCache as soon as no component observes it.
 */
export function useCreateCredential(org: string, serviceAccountId: string) {
  return useMutation({
    mutationKey: [...credentialQueries.serviceAccount(org, serviceAccountId), 'create'],
    mutationFn: (body: CredentialCreate) => createCredential(org, serviceAccountId, body),
    gcTime: 0,
    // Deliberately no setQueryData with the response: refetch the list instead.
    onSuccess: (_created, _body, _onMutateResult, { client }) =>
      client.invalidateQueries({ queryKey: credentialQueries.all(org) }),
  });
}

export function useUpdateCredential(org: string, serviceAccountId: string, credentialId: string) {
  const detailKey = credentialQueries.detail(org, serviceAccountId, credentialId).queryKey;
  return useMutation({
    mutationKey: [...detailKey, 'update'],
    mutationFn: (body: CredentialUpdate) => updateCredential(org, serviceAccountId, credentialId, body),
    ...optimisticUpdate<Credential>({
      id: credentialId,
      detailKey,
      listsKey: credentialQueries.lists(org, serviceAccountId),
      invalidateKey: credentialQueries.all(org),
    }),
  });
}

/** `mutate(credentialId)`. Removes the row from cached lists at once; restores it on failure. */
export function useDeleteCredential(org: string, serviceAccountId: string) {
  return useMutation({
    mutationKey: [...credentialQueries.serviceAccount(org, serviceAccountId), 'delete'],
    mutationFn: async (credentialId: string) => {
      try {
        await deleteCredential(org, serviceAccountId, credentialId);
      } catch (error) {
        // Already gone (another admin, or a retry after a lost response) is the outcome asked for;
        // as an error it would put the deleted row back into the table.
        if (!isApiError(error, 404)) throw error;
      }
    },
    ...optimisticRemove<Credential>(credentialQueries.lists(org, serviceAccountId)),
    onSuccess: (_data, credentialId, _onMutateResult, { client }) => {
      // Removed rather than invalidated: refetching a deleted credential only yields a 404.
      client.removeQueries({ queryKey: credentialQueries.detail(org, serviceAccountId, credentialId).queryKey });
      return client.invalidateQueries({ queryKey: credentialQueries.all(org) });
    },
  });
}
