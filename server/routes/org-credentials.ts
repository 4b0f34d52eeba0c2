import { Hono } from 'hono';
import { CredentialStatsQuerySchema, OrgCredentialQuerySchema } from '../../src/api/extension-query-schemas';
import { authorize, permissionsFor } from '../auth/authorize';
import { credentialStats } from '../db/credential-stats';
import { listOrgCredentials } from '../db/org-credentials';
import type { AppEnv, Services } from '../http/context';
import { parseListQuery, parseQuery, wantsPermissions } from '../http/query';
import { presentList, presentOrgCredential } from './present';
import { resolveOrg } from './scope';

/**
 * Extension `org_credentials`, mounted at /organizations/:org/credentials behind `authenticate`
 * (only when the server offers it: otherwise these paths 404 like any unknown route).
 */
export function orgCredentialRoutes(services: Services) {
  const { db } = services;
  const app = new Hono<AppEnv>();
  app.use('*', resolveOrg(services));

  app.get('/', (c) => {
    const { principal, org } = c.var;
    authorize(principal, org, 'service_account_credentials', 'read');
    const query = parseQuery(c, OrgCredentialQuerySchema);
    const page = listOrgCredentials(db, org.id, query, parseListQuery(c));
    const expand = wantsPermissions(c);
    const permissions = expand ? permissionsFor(principal, org, 'credential') : undefined;
    return c.json(
      presentList(
        page,
        (row) => presentOrgCredential(row, permissions),
        expand ? permissionsFor(principal, org, 'credential_list') : undefined,
      ),
    );
  });

  app.get('/stats', (c) => {
    const { principal, org } = c.var;
    authorize(principal, org, 'service_account_credentials', 'read');
    const query = parseQuery(c, CredentialStatsQuerySchema);
    return c.json(credentialStats(db, org.id, query, services.clock()));
  });

  return app;
}
