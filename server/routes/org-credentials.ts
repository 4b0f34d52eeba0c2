import { CredentialStatsQuerySchema, OrgCredentialQuerySchema } from '../../src/api/extension-query-schemas';
import { can } from '../auth/authorize';
import { credentialStats } from '../db/credential-stats';
import { listOrgCredentials } from '../db/org-credentials';
import type { Services } from '../http/context';
import { parseListQuery, parseQuery } from '../http/query';
import { presentPage } from './expand';
import { presentOrgCredential } from './present';
import { orgRoutes } from './scope';

/**
 * Extension `org_credentials`, mounted at /organizations/:org/credentials only when the server
 * offers it (otherwise these paths 404 like any unknown route).
 */
export function orgCredentialRoutes(services: Services) {
  const { db } = services;
  const app = orgRoutes(services);

  app.get('/', can('service_account_credentials', 'read'), (c) => {
    const query = parseQuery(c, OrgCredentialQuerySchema);
    const page = listOrgCredentials(db, c.var.org.id, query, parseListQuery(c));
    return c.json(presentPage(c, 'credential', page, presentOrgCredential));
  });

  app.get('/stats', can('service_account_credentials', 'read'), (c) => {
    const query = parseQuery(c, CredentialStatsQuerySchema);
    return c.json(credentialStats(db, c.var.org.id, query, services.clock()));
  });

  return app;
}
