import type { Context } from 'hono';
import type { z } from 'zod';
import { ApiError } from './errors';

/**
 * Validates the query string (first value of each name) with a shared schema: errors become the
 * contract's 400 with one `{field, message}` per bad parameter.
 */
export function parseQuery<S extends z.ZodType>(c: Context, schema: S): z.output<S> {
  const parsed = schema.safeParse(c.req.query());
  if (parsed.success) return parsed.data;
  throw ApiError.invalid(
    'Invalid query parameters',
    parsed.error.issues.map((issue) => ({ field: issue.path.map(String).join('.') || 'query', message: issue.message })),
  );
}
