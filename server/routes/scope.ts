// The request pipeline of every route under /organizations/:org. Each route lists its steps, and
// they always run in this order, which decides the answer to a request that is wrong in several ways:
//   1. authenticate (app.ts, for /organizations/*)  401  no or bad token
//   2. resolveOrg (every sub-app: orgRoutes)        404  no such org, or the caller is not a member
//   3. serviceAccountFromPath /
//      credentialFromPath                           404  what the path names does not exist (in this org)
//   4. can(resource, action)                        403  a member without the right
//   5. the handler reads its query or body          400 / 415
// So an unknown id is 404 for everyone, even a viewer who may not change it, and a write the caller
// may not make is 403 however malformed its body. Each step sets what it loaded on the context,
// typed (server/http/context.ts), so a handler can read only what its own steps set.
import type { Context } from 'hono';
import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import { isMember } from '../auth/authorize';
import type { Principal } from '../auth/principal';
import { findCredential } from '../db/credentials';
import { findOrganization } from '../db/organizations';
import { findServiceAccount, type ServiceAccountRow } from '../db/service-accounts';
import type { AppEnv, ContextWith, CredentialEnv, OrgEnv, ServiceAccountEnv, Services } from '../http/context';
import { ApiError } from '../http/errors';
import { isId } from '../lib/ids';

/**
 * Resolves `:org` (id or label) for the caller. An org the caller does not belong to is reported
 * exactly like one that does not exist. It types `principal` for the routes behind it too: the
 * caller that `authenticate`, mounted before every sub-app in app.ts, identified.
 */
export function resolveOrg(services: Services) {
  return createMiddleware<OrgEnv>(async (c, next) => {
    // Nested sub-apps (credentials under service accounts) both install this; resolve once.
    if (c.var.org !== undefined) return next();
    // Typed as set (OrgEnv); a sub-app mounted where authenticate does not run must not go on.
    const principal = c.var.principal as Principal | undefined;
    if (!principal) throw ApiError.unauthenticated();
    const ref = c.req.param('org') ?? '';
    const org = ref.length <= 255 ? findOrganization(services.db, ref) : undefined;
    if (!org || !isMember(principal, org)) throw ApiError.notFound('Organization');
    c.set('org', org);
    await next();
  });
}

/** A sub-app for routes under /organizations/:org: step 2 runs for every one of them. */
export function orgRoutes(services: Services) {
  return new Hono<AppEnv>().use(resolveOrg(services));
}

/** A path id that is not one of ours cannot name anything: 404 without a lookup. */
function pathId(c: Pick<Context, 'req'>, name: string, what: string): string {
  const id = c.req.param(name) ?? '';
  if (!isId(id)) throw ApiError.notFound(what);
  return id;
}

function serviceAccountOf(c: ContextWith<OrgEnv>, services: Services): ServiceAccountRow {
  const sa = findServiceAccount(services.db, c.var.org.id, pathId(c, 'serviceAccountId', 'Service account'));
  if (!sa) throw ApiError.notFound('Service account');
  return sa;
}

/** Step 3 for `:serviceAccountId`: the service account, inside the resolved org, or 404. */
export function serviceAccountFromPath(services: Services) {
  return createMiddleware<ServiceAccountEnv>(async (c, next) => {
    c.set('serviceAccount', serviceAccountOf(c, services));
    await next();
  });
}

/** Step 3 for `:serviceAccountId/credentials/:credentialId`: both, the service account first, or 404. */
export function credentialFromPath(services: Services) {
  return createMiddleware<CredentialEnv>(async (c, next) => {
    const sa = serviceAccountOf(c, services);
    const credential = findCredential(services.db, c.var.org.id, sa.id, pathId(c, 'credentialId', 'Credential'));
    if (!credential) throw ApiError.notFound('Credential');
    c.set('serviceAccount', sa);
    c.set('credential', credential);
    await next();
  });
}
