import { queryOptions } from '@tanstack/react-query';
import { apiGet, apiPath, apiRequest } from './client';
import { normalizeListParams, type ListParams } from './pagination';
import { credentialPath, readRequests } from './read-requests';
import {
  CredentialListSchema,
  CredentialSchema,
  type Credential,
  type CredentialList,
} from './schemas';

// ---------- fetchers ----------

export const collectionPath = (org: string, serviceAccountId: string) =>
  apiPath`/organizations/${org}/service-accounts/${serviceAccountId}/credentials`;

export function listCredentials(
  org: string,
  serviceAccountId: string,
  params: ListParams,
  signal?: AbortSignal,
): Promise<CredentialList> {
  return apiRequest(collectionPath(org, serviceAccountId), {
    query: { ...normalizeListParams(params) },
    schema: CredentialListSchema,
    signal,
  });
}

export function getCredential(
  org: string,
  serviceAccountId: string,
  credentialId: string,
  signal?: AbortSignal,
): Promise<Credential> {
  return apiGet(readRequests.credential(org, serviceAccountId, credentialId), { schema: CredentialSchema, signal });
}

export function deleteCredential(
  org: string,
  serviceAccountId: string,
  credentialId: string,
  signal?: AbortSignal,
): Promise<void> {
  return apiRequest(credentialPath(org, serviceAccountId, credentialId), { method: 'DELETE', signal });
}

// ---------- queries ----------

export const credentialQueries = {
  /**
   * Every credential query of an organization. Org-wide credential queries (the review
   * page) should extend this key so credential mutations refresh them too.
   */
  all: (org: string) => ['credentials', org] as const,
  /** Every credential query of one service account (its lists and details). */
  serviceAccount: (org: string, serviceAccountId: string) =>
    [...credentialQueries.all(org), 'service-account', serviceAccountId] as const,
  lists: (org: string, serviceAccountId: string) =>
    [...credentialQueries.serviceAccount(org, serviceAccountId), 'list'] as const,
  list: (org: string, serviceAccountId: string, params: ListParams) => {
    const keyParams = normalizeListParams(params);
    return queryOptions({
      queryKey: [...credentialQueries.lists(org, serviceAccountId), keyParams] as const,
      queryFn: ({ signal }) => listCredentials(org, serviceAccountId, keyParams, signal),
    });
  },
  detail: (org: string, serviceAccountId: string, credentialId: string) =>
    queryOptions({
      queryKey: [...credentialQueries.serviceAccount(org, serviceAccountId), 'detail', credentialId] as const,
      queryFn: ({ signal }) => getCredential(org, serviceAccountId, credentialId, signal),
    }),
};
