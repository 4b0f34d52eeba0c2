// The `org_credentials` extension: every credential of an organization, filtered, sorted and
// paged by the server, and its status counts. Used only when discovery announces it; without
// it the console falls back to the fan-out of ./org-credentials.
import { infiniteQueryOptions, queryOptions, type InfiniteData, type QueryClient } from '@tanstack/react-query';
import { apiPath, apiRequest } from './client';
import { credentialQueries } from './credentials';
import {
  CredentialStatsSchema,
  OrgCredentialListSchema,
  type CredentialStats,
  type OrgCredentialItem,
  type OrgCredentialList,
  type OrgCredentialSort,
} from './org-credential-schemas';
import { LIMIT_MAX, type Permissions } from './schemas';
import { walkPages } from './walk-pages';

export type { OrgCredentialSort };

/** One server-side selection: every filter of the API (`/api/openapi.json`) the review page uses. */
export interface OrgCredentialFilter {
  q?: string | undefined;
  service_account_id?: string | undefined;
  last_used_before?: string | undefined;
  last_used_after?: string | undefined;
  never_used?: boolean | undefined;
  created_before?: string | undefined;
  created_after?: string | undefined;
  sort: OrgCredentialSort;
  direction: 'asc' | 'desc';
}

/** The thresholds the stats count with: the console's own policy, never the server's defaults. */
export interface OrgCredentialStatsPolicy {
  idle_after_days: number;
  stale_after_days: number;
  new_within_days: number;
  rotation_due_after_days: number;
}

const listPath = (org: string) => apiPath`/organizations/${org}/credentials`;
const statsPath = (org: string) => apiPath`/organizations/${org}/credentials/stats`;

/** The key form: absent and empty values left out, so equal filters share one cache entry. */
export function normalizeFilter(filter: OrgCredentialFilter): OrgCredentialFilter {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filter)) {
    if (value !== undefined && value !== '') out[key] = value;
  }
  return out as unknown as OrgCredentialFilter;
}

export function listOrgCredentialPage(
  org: string,
  filter: OrgCredentialFilter,
  page: { limit: number; after?: string | undefined },
  signal?: AbortSignal,
): Promise<OrgCredentialList> {
  return apiRequest(listPath(org), {
    query: { ...normalizeFilter(filter), limit: page.limit, after: page.after },
    schema: OrgCredentialListSchema,
    signal,
  });
}

export function getOrgCredentialStats(
  org: string,
  filter: Pick<OrgCredentialFilter, 'q' | 'service_account_id'>,
  policy: OrgCredentialStatsPolicy,
  signal?: AbortSignal,
): Promise<CredentialStats> {
  return apiRequest(statsPath(org), {
    query: { q: filter.q || undefined, service_account_id: filter.service_account_id || undefined, ...policy },
    schema: CredentialStatsSchema,
    signal,
    expand: [],
  });
}

/** Rows the review table asks for at a time. */
export const ORG_CREDENTIAL_PAGE = 200;

export type { OrgCredentialItem };

interface StreamPosition {
  after?: string | undefined;
  done: boolean;
  /** Fetched but not yet handed out: another selection's rows came first. */
  buffer: OrgCredentialItem[];
}
export type MergedCursor = StreamPosition[];

export interface MergedPage {
  items: OrgCredentialItem[];
  permissions?: Permissions | undefined;
  next: MergedCursor | null;
}

// Created on first use: an Intl object costs milliseconds to build, which a page that only
// imports this module (the service-account list, on the first page) should not pay (issue 13).
let collator: Intl.Collator | undefined;
const nameCollator = () => (collator ??= new Intl.Collator(undefined, { sensitivity: 'base', numeric: true }));

/** The server's order for a sort (never used is oldest; ties by id), to merge selections. */
export function compareInServerOrder(sort: OrgCredentialSort, direction: 'asc' | 'desc') {
  const time = (value: string | null | undefined) => (value ? Date.parse(value) : Number.NEGATIVE_INFINITY);
  const primary: Record<OrgCredentialSort, (a: OrgCredentialItem, b: OrgCredentialItem) => number> = {
    created_at: (a, b) => time(a.created_at) - time(b.created_at),
    last_used_at: (a, b) => {
      const x = time(a.last_used_at);
      const y = time(b.last_used_at);
      return x === y ? 0 : x < y ? -1 : 1;
    },
    name: (a, b) => nameCollator().compare(a.name, b.name),
    service_account_name: (a, b) => nameCollator().compare(a.service_account.name, b.service_account.name),
  };
  const sign = direction === 'asc' ? 1 : -1;
  return (a: OrgCredentialItem, b: OrgCredentialItem) =>
    sign * (primary[sort](a, b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * The next `limit` rows of the union of `filters` (disjoint selections with one sort), merged
 * in the server's order. Each selection is read in pages of `limit`; a row is handed out only
 * while every unfinished selection still has rows buffered, so the merge never skips one.
 */
export async function listMergedPage(
  org: string,
  filters: readonly OrgCredentialFilter[],
  cursor: MergedCursor | undefined,
  limit: number,
  signal?: AbortSignal,
): Promise<MergedPage> {
  const streams: StreamPosition[] = cursor
    ? cursor.map((s) => ({ ...s, buffer: [...s.buffer] }))
    : filters.map(() => ({ done: false, buffer: [] }));
  let permissions: Permissions | undefined;
  await Promise.all(
    streams.map(async (stream, i) => {
      if (stream.done || stream.buffer.length >= limit) return;
      const page = await listOrgCredentialPage(org, filters[i] as OrgCredentialFilter, { limit, after: stream.after }, signal);
      permissions ??= page.permissions;
      stream.buffer.push(...page.items);
      stream.after = page.page_info.end_cursor ?? undefined;
      stream.done = !page.page_info.has_next_page || !stream.after;
    }),
  );
  const first = filters[0];
  const compare = first ? compareInServerOrder(first.sort, first.direction) : () => 0;
  const items: OrgCredentialItem[] = [];
  while (items.length < limit) {
    let best: StreamPosition | undefined;
    let blocked = false;
    for (const stream of streams) {
      const head = stream.buffer[0];
      if (!head) {
        if (!stream.done) blocked = true;
        continue;
      }
      if (!best || compare(head, best.buffer[0] as OrgCredentialItem) < 0) best = stream;
    }
    if (blocked || !best) break;
    items.push(best.buffer.shift() as OrgCredentialItem);
  }
  const finished = streams.every((s) => s.done && s.buffer.length === 0);
  return { items, permissions, next: finished ? null : streams };
}

export const orgCredentialIndexQueries = {
  /** Under credentialQueries.all(org): a credential created, edited or deleted anywhere marks these stale. */
  all: (org: string) => [...credentialQueries.all(org), 'index'] as const,
  /** The union of `filters` (see listMergedPage), ORG_CREDENTIAL_PAGE rows at a time. */
  pages: (org: string, filters: readonly OrgCredentialFilter[]) => {
    const key = filters.map(normalizeFilter);
    return infiniteQueryOptions({
      queryKey: [...orgCredentialIndexQueries.pagesKey(org), key] as const,
      queryFn: ({ pageParam, signal }) => listMergedPage(org, key, pageParam, ORG_CREDENTIAL_PAGE, signal),
      initialPageParam: undefined as MergedCursor | undefined,
      getNextPageParam: (last) => last.next ?? undefined,
    });
  },
  pagesKey: (org: string) => [...orgCredentialIndexQueries.all(org), 'pages'] as const,
  statsKey: (org: string) => [...orgCredentialIndexQueries.all(org), 'stats'] as const,
  stats: (org: string, filter: Pick<OrgCredentialFilter, 'q' | 'service_account_id'>, policy: OrgCredentialStatsPolicy) => {
    const key = { q: filter.q || undefined, service_account_id: filter.service_account_id || undefined };
    return queryOptions({
      queryKey: [...orgCredentialIndexQueries.statsKey(org), key, policy] as const,
      queryFn: ({ signal }) => getOrgCredentialStats(org, key, policy, signal),
    });
  },
};

export interface WalkProgress {
  loaded: number;
}

/**
 * Every credential the filters select (one after another), page by page at the largest page size (for "select all
 * matching" and the CSV export). `signal` cancels it.
 */
export async function walkOrgCredentials(
  org: string,
  filters: readonly OrgCredentialFilter[],
  signal: AbortSignal,
  onProgress: (progress: WalkProgress) => void = () => {},
): Promise<OrgCredentialItem[]> {
  const items: OrgCredentialItem[] = [];
  for (const filter of filters) {
    for await (const page of walkPages((after) => listOrgCredentialPage(org, filter, { limit: LIMIT_MAX, after }, signal))) {
      items.push(...page.items);
      onProgress({ loaded: items.length });
    }
  }
  return items;
}

/** The credential whose client_id is exactly `clientId`, in one request, or null. */
export async function findOrgCredentialByClientId(org: string, clientId: string, signal?: AbortSignal) {
  const page = await listOrgCredentialPage(
    org,
    { q: clientId, sort: 'created_at', direction: 'desc' },
    { limit: 5 },
    signal,
  );
  return page.items.find((c) => c.client_id === clientId) ?? null;
}

/** Drops deleted credentials from every cached page of the index. */
export function removeFromOrgCredentialIndex(queryClient: QueryClient, org: string, ids: ReadonlySet<string>) {
  queryClient.setQueriesData<InfiniteData<MergedPage, MergedCursor | undefined>>(
    { queryKey: orgCredentialIndexQueries.pagesKey(org) },
    (data) =>
      data && { ...data, pages: data.pages.map((page) => ({ ...page, items: page.items.filter((c) => !ids.has(c.id)) })) },
  );
}
