import { LIMIT_DEFAULT } from './limits';

/** Cursor pagination input for every list endpoint; `after` and `before` are exclusive. */
export interface ListParams {
  limit: number;
  after?: string | undefined;
  before?: string | undefined;
}

/**
 * The key form of list params: absent cursors are left out, so `{limit: 50}` and
 * `{limit: 50, after: undefined}` share one cache entry.
 */
export function normalizeListParams(params: ListParams): ListParams {
  const normalized: ListParams = { limit: params.limit || LIMIT_DEFAULT };
  if (params.after) normalized.after = params.after;
  else if (params.before) normalized.before = params.before;
  return normalized;
}
