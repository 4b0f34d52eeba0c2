import type { ListParams } from '../../api/pagination';
import type { ServiceAccountListQuery } from '../../api/read-requests';
import { LIMIT_MAX } from '../../api/limits';

export const PAGE_SIZES = [10, 25, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 25;

export const LIST_SORTS = ['created_at', 'name', 'last_used_at'] as const;
export type ListSort = (typeof LIST_SORTS)[number];

/** The list page's state as it lives in the URL, so a page can be shared and reloaded. */
export type ListSearch = {
  limit: number;
  after?: string;
  before?: string;
  /** Search text (name substring or exact id; with the server's search also description and client_id). */
  q: string;
  /** Only with the server's `service_account_query`; absent: newest first. */
  sort?: ListSort;
  dir?: 'asc' | 'desc';
};

export function parseListSearch(params: URLSearchParams): ListSearch {
  const rawLimit = Number(params.get('limit'));
  const limit = Number.isInteger(rawLimit) && rawLimit >= 1 && rawLimit <= LIMIT_MAX ? rawLimit : DEFAULT_PAGE_SIZE;
  const after = params.get('after') || undefined;
  // The API refuses both cursors at once; `after` wins, as in normalizeListParams.
  const before = after ? undefined : params.get('before') || undefined;
  const sort = params.get('sort');
  const dir = params.get('dir');
  return {
    limit,
    after,
    before,
    q: params.get('q') ?? '',
    ...(LIST_SORTS.includes(sort as ListSort) && { sort: sort as ListSort }),
    ...((dir === 'asc' || dir === 'desc') && { dir }),
  };
}

export function listParams(search: ListSearch): ListParams {
  return { limit: search.limit, after: search.after, before: search.before };
}

/** The search and sort the server's `service_account_query` extension reads. */
export function listQuery(search: ListSearch): ServiceAccountListQuery {
  return { q: search.q, sort: search.sort, direction: search.dir };
}
