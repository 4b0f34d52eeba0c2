import type { ListParams } from '../../api/pagination';
import { LIMIT_MAX } from '../../api/schemas';

export const PAGE_SIZES = [10, 25, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 25;

/** The list page's state as it lives in the URL, so a page can be shared and reloaded. */
export type ListSearch = {
  limit: number;
  after?: string;
  before?: string;
  /** Search text (name substring or exact id). */
  q: string;
};

export function parseListSearch(params: URLSearchParams): ListSearch {
  const rawLimit = Number(params.get('limit'));
  const limit = Number.isInteger(rawLimit) && rawLimit >= 1 && rawLimit <= LIMIT_MAX ? rawLimit : DEFAULT_PAGE_SIZE;
  const after = params.get('after') || undefined;
  // The API refuses both cursors at once; `after` wins, as in normalizeListParams.
  const before = after ? undefined : params.get('before') || undefined;
  return { limit, after, before, q: params.get('q') ?? '' };
}

export function listParams(search: ListSearch): ListParams {
  return { limit: search.limit, after: search.after, before: search.before };
}

/** Only non-default values are written, to keep URLs short. */
export function toSearchParams(search: Partial<ListSearch>): URLSearchParams {
  const params = new URLSearchParams();
  if (search.q) params.set('q', search.q);
  if (search.limit && search.limit !== DEFAULT_PAGE_SIZE) params.set('limit', String(search.limit));
  if (search.after) params.set('after', search.after);
  else if (search.before) params.set('before', search.before);
  return params;
}
