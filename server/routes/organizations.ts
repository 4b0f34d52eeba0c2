import { Hono } from 'hono';
import type { Permissions } from '../../src/api/schemas';
import { authenticate } from '../auth/authenticate';
import { can, permissionsFor } from '../auth/authorize';
import type { Principal } from '../auth/principal';
import { hasExtension } from '../config';
import type { OrganizationRow } from '../db/organizations';
import { listOrganizations } from '../db/organizations';
import type { AppEnv, Services } from '../http/context';
import { parseListQuery, wantsPermissions } from '../http/query';
import { presentList, presentOrganization } from './present';
import { resolveOrg } from './scope';

/** GET /organizations (the caller's) and GET /organizations/:org (the pipeline's steps: scope.ts). */
export function organizationRoutes(services: Services) {
  const app = new Hono<AppEnv>();
  const auditEvents = hasExtension(services.config, 'audit_events');
  const organizationPermissions = (principal: Principal, org: OrganizationRow): Permissions =>
    auditEvents
      ? { ...permissionsFor(principal, org, 'organization'), ...permissionsFor(principal, org, 'audit_events') }
      : permissionsFor(principal, org, 'organization');

  const caller = authenticate(services);

  app.get('/', caller, (c) => {
    const principal = c.var.principal;
    const visibility =
      principal.kind === 'person' ? { personId: principal.id } : { organizationId: principal.organizationId };
    const page = listOrganizations(services.db, visibility, parseListQuery(c));
    const expand = wantsPermissions(c);
    return c.json(
      presentList(page, (row) => presentOrganization(row, expand ? organizationPermissions(principal, row) : undefined)),
    );
  });

  app.get('/:org', caller, resolveOrg(services), can('organizations', 'read'), (c) => {
    const { principal, org } = c.var;
    const permissions = wantsPermissions(c) ? organizationPermissions(principal, org) : undefined;
    return c.json(presentOrganization(org, permissions));
  });

  return app;
}
