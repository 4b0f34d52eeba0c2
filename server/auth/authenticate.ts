import { createMiddleware } from 'hono/factory';
import { findTokenOwner } from '../db/access-tokens';
import { listMemberships } from '../db/people';
import { nowIso, type AuthenticatedEnv, type Services } from '../http/context';
import { ApiError } from '../http/errors';
import type { Principal } from './principal';
import { hashSecret } from './tokens';

const BEARER = /^Bearer\s+([\x21-\x7e]{1,512})\s*$/i;

/**
 * Bearer authentication: a person's token or one issued by the token endpoint. Installed for all of
 * /organizations/* in app.ts (an unknown path there still needs a token), and named again by a route
 * that needs `principal` without an org (GET /organizations), to type it: the second time it finds
 * the caller known and costs nothing.
 */
export function authenticate(services: Services) {
  return createMiddleware<AuthenticatedEnv>(async (c, next) => {
    // Typed as set (this middleware's own promise); undefined until the first copy has run.
    if (c.var.principal !== undefined) return next();
    const header = c.req.header('Authorization');
    const token = header ? BEARER.exec(header)?.[1] : undefined;
    if (!token) throw ApiError.unauthenticated(header ? 'Malformed Authorization header' : 'Authentication required');
    const principal = resolvePrincipal(services, token);
    if (!principal) throw ApiError.unauthenticated('Invalid or expired token');
    c.set('principal', principal);
    await next();
  });
}

function resolvePrincipal(services: Services, token: string): Principal | undefined {
  const owner = findTokenOwner(services.db, hashSecret(token), nowIso(services));
  if (!owner) return undefined;
  if (owner.kind === 'credential') {
    return {
      kind: 'service_account',
      id: owner.serviceAccountId,
      credentialId: owner.credentialId,
      organizationId: owner.organizationId,
    };
  }
  const roles = new Map(listMemberships(services.db, owner.personId).map((m) => [m.organization_id, m.role]));
  return { kind: 'person', id: owner.personId, roles };
}
