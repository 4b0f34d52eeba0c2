import { queryOptions } from '@tanstack/react-query';
import { apiGet } from './client';
import { ServiceAccountSummaryListSchema, type ServiceAccountSummaryList } from './credential-summary-schemas';
import { normalizeListParams, type ListParams } from './pagination';
import { normalizeListQuery, readRequests, type ServiceAccountListQuery } from './read-requests';
import { walkPages } from './walk-pages';
import {
  LIMIT_MAX,
  ServiceAccountListSchema,
  ServiceAccountSchema,
  type ServiceAccount,
  type ServiceAccountList,
} from './schemas';

// ---------- fetchers ----------

export type { ServiceAccountListQuery };

export function listServiceAccounts(org: string, params: ListParams, signal?: AbortSignal): Promise<ServiceAccountList> {
  return apiGet(readRequests.serviceAccounts(org, params), { schema: ServiceAccountListSchema, signal });
}

export function queryServiceAccounts(
  org: string,
  params: ListParams,
  query: ServiceAccountListQuery,
  signal?: AbortSignal,
): Promise<ServiceAccountSummaryList> {
  return apiGet(readRequests.queriedServiceAccounts(org, params, query), { schema: ServiceAccountSummaryListSchema, signal });
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
  return apiGet(readRequests.serviceAccount(org, id), { schema: ServiceAccountSchema, signal });
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
