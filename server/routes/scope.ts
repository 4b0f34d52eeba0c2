import type { Context, MiddlewareHandler } from 'hono';
import { isMember } from '../auth/authorize';
import { findOrganization } from '../db/organizations';
import { findServiceAccount, type ServiceAccountRow } from '../db/service-accounts';
import type { AppEnv, Services } from '../http/context';
import { ApiError } from '../http/errors';
import { isId } from '../lib/ids';

/**
 * Resolves `:org` (id or label) for the routes below it. An org the caller does not belong to is
 * reported exactly like one that does not exist.
 */
export function resolveOrg(services: Services): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    // Nested sub-apps (credentials under service accounts) both install this; resolve once.
    if (c.get('org') !== undefined) return next();
    const ref = c.req.param('org') ?? '';
    const org = ref.length <= 255 ? findOrganization(services.db, ref) : undefined;
    if (!org || !isMember(c.var.principal, org)) throw ApiError.notFound('Organization');
    c.set('org', org);
    await next();
  };
}

/** A path id that is not one of ours cannot name anything: 404 without a lookup. */
export function pathId(c: Context<AppEnv>, name: string, what: string): string {
  const id = c.req.param(name) ?? '';
  if (!isId(id)) throw ApiError.notFound(what);
  return id;
}

/** The `:serviceAccountId` of the path, inside the resolved org, or 404. */
export function requireServiceAccount(c: Context<AppEnv>, services: Services): ServiceAccountRow {
  const sa = findServiceAccount(services.db, c.var.org.id, pathId(c, 'serviceAccountId', 'Service account'));
  if (!sa) throw ApiError.notFound('Service account');
  return sa;
}
