import type { Context, MiddlewareHandler } from 'hono';
import type { z } from 'zod';
import type { FieldError } from '../../src/api/schemas';
import type { AppEnv } from './context';
import { ApiError } from './errors';

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

function valueAt(body: unknown, path: PropertyKey[]): unknown {
  return path.reduce<unknown>(
    (value, key) => (value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined),
    body,
  );
}

function fieldErrors(error: z.ZodError, body: unknown): FieldError[] {
  return error.issues.flatMap((issue): FieldError[] => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ field: [...issue.path, key].join('.'), message: 'Unknown field' }));
    }
    const field = issue.path.map(String).join('.') || 'body';
    if (issue.code === 'invalid_type' && issue.path.length > 0 && valueAt(body, issue.path) === undefined) {
      return [{ field, message: 'Required' }];
    }
    return [{ field, message: issue.message }];
  });
}

/**
 * Reads a JSON body and validates it with a shared request schema. Size is capped earlier by the
 * body-limit middleware (413); here: not JSON → 415, unparsable → 400, schema errors → 400 with details.
 */
export async function readJsonBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  const type = c.req.header('Content-Type');
  if (!type || !JSON_TYPE.test(type)) {
    throw new ApiError(415, 'unsupported_media_type', 'Request body must be JSON (Content-Type: application/json)');
  }
  let body: unknown;
  try {
    body = JSON.parse(await c.req.text());
  } catch {
    throw ApiError.invalid('Request body is not valid JSON');
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw ApiError.invalid('Request body is invalid', fieldErrors(parsed.error, body));
  return parsed.data;
}

/**
 * The server does not decompress request bodies, so a body declared as gzip (or anything but
 * identity) is refused rather than parsed as if it were plain.
 */
export const rejectContentEncoding: MiddlewareHandler<AppEnv> = async (c, next) => {
  const encoding = c.req.header('Content-Encoding');
  if (encoding !== undefined && encoding.trim() !== '' && encoding.trim().toLowerCase() !== 'identity') {
    throw new ApiError(415, 'unsupported_media_type', 'Content-Encoding is not supported: send the body uncompressed');
  }
  await next();
};
