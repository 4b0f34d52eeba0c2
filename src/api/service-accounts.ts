import { queryOptions, useMutation } from '@tanstack/react-query';
import { apiPath, apiRequest } from './client';
import { optimisticRemove, optimisticUpdate } from './cache-updates';
import { credentialQueries } from './credentials';
import { ServiceAccountSummaryListSchema, type ServiceAccountSummaryList } from './credential-summary-schemas';
import type { ServiceAccountSort, SortDirection } from './org-credential-schemas';
import { normalizeListParams, type ListParams } from './pagination';
import { walkPages } from './walk-pages';
import {
  LIMIT_MAX,
  ServiceAccountListSchema,
  ServiceAccountSchema,
  type ServiceAccount,
  type ServiceAccountCreate,
  type ServiceAccountList,
  type ServiceAccountUpdate,
} from './schemas';

// ---------- fetchers ----------

const collectionPath = (org: string) => apiPath`/organizations/${org}/service-accounts`;
const itemPath = (org: string, id: string) => apiPath`/organizations/${org}/service-accounts/${id}`;

export function listServiceAccounts(org: string, params: ListParams, signal?: AbortSignal): Promise<ServiceAccountList> {
  return apiRequest(collectionPath(org), {
    query: { ...normalizeListParams(params) },
    schema: ServiceAccountListSchema,
    signal,
  });
}

/**
 * The list's `service_account_query` extension: search (`q`: name, description, id, or a
 * credential's exact client_id), sort, and each row's credential summary. Only sent when
 * discovery announces it; the vendor ignores these parameters.
 */
export interface ServiceAccountListQuery {
  q?: string | undefined;
  sort?: ServiceAccountSort | undefined;
  direction?: SortDirection | undefined;
}

function normalizeListQuery(query: ServiceAccountListQuery): ServiceAccountListQuery {
  const out: ServiceAccountListQuery = {};
  if (query.q?.trim()) out.q = query.q.trim();
  if (query.sort) out.sort = query.sort;
  if (query.direction) out.direction = query.direction;
  return out;
}

export function queryServiceAccounts(
  org: string,
  params: ListParams,
  query: ServiceAccountListQuery,
  signal?: AbortSignal,
): Promise<ServiceAccountSummaryList> {
  return apiRequest(collectionPath(org), {
    query: { ...normalizeListParams(params), ...normalizeListQuery(query) },
    expand: ['permissions', 'credential_summary'],
    schema: ServiceAccountSummaryListSchema,
    signal,
  });
}

/** Every service account of the organization (pages of the largest size, one after another). */
export async function listAllServiceAccounts(org: string, signal?: AbortSignal): Promise<ServiceAccount[]> {
  const all: ServiceAccount[] = [];
  for await (const page of walkPages((after) => listServiceAccounts(org, { limit: LIMIT_MAX, after }, signal))) {
    all.push(...page.items);
  }
  return all;
}

export function getServiceAccount(org: string, id: string, signal?: AbortSignal): Promise<ServiceAccount> {
  return apiRequest(itemPath(org, id), { schema: ServiceAccountSchema, signal });
}

export function createServiceAccount(
  org: string,
  body: ServiceAccountCreate,
  signal?: AbortSignal,
): Promise<ServiceAccount> {
  return apiRequest(collectionPath(org), { method: 'POST', body, schema: ServiceAccountSchema, signal });
}

export function updateServiceAccount(
  org: string,
  id: string,
  body: ServiceAccountUpdate,
  signal?: AbortSignal,
): Promise<ServiceAccount> {
  return apiRequest(itemPath(org, id), { method: 'PATCH', body, schema: ServiceAccountSchema, signal });
}

export function deleteServiceAccount(org: string, id: string, signal?: AbortSignal): Promise<void> {
  return apiRequest(itemPath(org, id), { method: 'DELETE', signal });
}

// ---------- queries ----------

export const serviceAccountQueries = {
  /** Everything about one organization's service accounts: invalidate this after any change. */
  all: (org: string) => ['service-accounts', org] as const,
  lists: (org: string) => [...serviceAccountQueries.all(org), 'list'] as const,
  list: (org: string, params: ListParams) => {
    const keyParams = normalizeListParams(params);
    return queryOptions({
      queryKey: [...serviceAccountQueries.lists(org), keyParams] as const,
      queryFn: ({ signal }) => listServiceAccounts(org, keyParams, signal),
    });
  },
  /** Every service account, for a filter's options; never needed for a first render. */
  directory: (org: string) =>
    queryOptions({
      queryKey: [...serviceAccountQueries.all(org), 'directory'] as const,
      queryFn: ({ signal }) => listAllServiceAccounts(org, signal),
      staleTime: 5 * 60_000,
    }),
  /** A page of the list with the `service_account_query` extension (search, sort, credential summaries). */
  queried: (org: string, params: ListParams, query: ServiceAccountListQuery) => {
    const keyParams = normalizeListParams(params);
    const keyQuery = normalizeListQuery(query);
    return queryOptions({
      queryKey: [...serviceAccountQueries.lists(org), keyParams, 'queried', keyQuery] as const,
      queryFn: ({ signal }) => queryServiceAccounts(org, keyParams, keyQuery, signal),
    });
  },
  details: (org: string) => [...serviceAccountQueries.all(org), 'detail'] as const,
  detail: (org: string, id: string) =>
    queryOptions({
      queryKey: [...serviceAccountQueries.details(org), id] as const,
      queryFn: ({ signal }) => getServiceAccount(org, id, signal),
    }),
};

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
