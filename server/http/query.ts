import type { Context } from 'hono';
import { z } from 'zod';
import type { $ZodObject, output } from 'zod/v4/core';
import { LIMIT_DEFAULT, LIMIT_MAX } from '../../src/api/schemas';
import type { PageRequest } from '../db/pagination';
import { ApiError } from './errors';

/** `limit`, `after`, `before` (the list parameters in `/api/openapi.json`); cursors are checked when used. */
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
export function parseExpand(c: Pick<Context, 'req'>): Set<string> {
  const values = [...(c.req.queries('expand') ?? []), ...(c.req.queries('expand[]') ?? [])];
  return new Set(values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean));
}

export const wantsPermissions = (c: Pick<Context, 'req'>): boolean => parseExpand(c).has('permissions');

/**
 * Validates the named query parameters with a shared schema (first value of each; parameters the
 * schema does not name are ignored, as the vendor ignores unknown ones). Errors → 400 with details.
 */
/** Any zod 4 object schema (the shared ones are zod/mini). */
export function parseQuery<S extends $ZodObject>(c: Context, schema: S): output<S> {
  const raw: Record<string, string> = {};
  for (const name of Object.keys(schema._zod.def.shape)) {
    const value = c.req.query(name);
    if (value !== undefined) raw[name] = value;
  }
  const parsed = z.safeParse(schema, raw);
  if (!parsed.success) {
    const details = parsed.error.issues.map((issue) => ({
      field: issue.path.map(String).join('.') || 'query',
      message: issue.message,
    }));
    throw ApiError.invalid('Invalid query parameters', details);
  }
  return parsed.data;
}
