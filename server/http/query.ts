import type { Context } from 'hono';
import { LIMIT_DEFAULT, LIMIT_MAX } from '../../src/api/schemas';
import type { PageRequest } from '../db/pagination';
import { ApiError } from './errors';

/** `limit`, `after`, `before` (contract "Query parameters"); cursors are checked when used. */
export function parseListQuery(c: Context): PageRequest {
  const rawLimit = c.req.query('limit');
  let limit = LIMIT_DEFAULT;
  if (rawLimit !== undefined) {
    limit = /^\d{1,7}$/.test(rawLimit) ? Number(rawLimit) : NaN;
    if (!(limit >= 1 && limit <= LIMIT_MAX)) {
      throw ApiError.invalid('Invalid limit', [
        { field: 'limit', message: `limit must be an integer from 1 to ${LIMIT_MAX}` },
      ]);
    }
  }
  const after = c.req.query('after');
  const before = c.req.query('before');
  if (after !== undefined && before !== undefined) {
    throw ApiError.invalid('Use either after or before, not both', [
      { field: 'before', message: 'Cannot be combined with after' },
    ]);
  }
  return { limit, after, before };
}

/**
 * The vendor SDKs send expand three ways: `expand[]=a` (Python), `expand=a&expand=b` (TypeScript),
 * `expand=a,b` (Go). All end up in one set; unknown values are ignored.
 */
export function parseExpand(c: Context): Set<string> {
  const values = [...(c.req.queries('expand') ?? []), ...(c.req.queries('expand[]') ?? [])];
  return new Set(values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean));
}

export const wantsPermissions = (c: Context): boolean => parseExpand(c).has('permissions');
