import { queryOptions } from '@tanstack/react-query';
import { apiPath, apiRequest } from './client';
import { ServiceAccountSummaryListSchema, type ServiceAccountSummaryList } from './credential-summary-schemas';
import type { ServiceAccountSort, SortDirection } from './org-credential-schemas';
import { normalizeListParams, type ListParams } from './pagination';
import { walkPages } from './walk-pages';
import {
  LIMIT_MAX,
  ServiceAccountListSchema,
  ServiceAccountSchema,
  type ServiceAccount,
  type ServiceAccountList,
} from './schemas';

// ---------- fetchers ----------

export const collectionPath = (org: string) => apiPath`/organizations/${org}/service-accounts`;
export const itemPath = (org: string, id: string) => apiPath`/organizations/${org}/service-accounts/${id}`;

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
