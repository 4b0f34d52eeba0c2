import { UsageQuerySchema } from '../../src/api/extension-query-schemas';
import { USAGE_RETENTION_DAYS, type CredentialUsage } from '../../src/api/usage-schemas';
import { can } from '../auth/authorize';
import { findUsageSource, listCredentialUsage } from '../db/usage';
import type { Services } from '../http/context';
import { parseQuery } from '../http/query';
import { credentialFromPath, orgRoutes } from './scope';

const DAY_MS = 86_400_000;

/**
 * GET .../credentials/:credentialId/usage (extension `usage`), mounted only when the extension is
 * offered. Reading a credential is enough to read its usage.
 */
export function usageRoutes(services: Services) {
  const { db } = services;
  const app = orgRoutes(services);

  app.get('/', credentialFromPath(services), can('service_account_credentials', 'read'), (c) => {
    const { credential } = c.var;
    const query = parseQuery(c, UsageQuerySchema);
    const now = services.clock();
    const since = query.since ? new Date(query.since) : new Date(now.getTime() - USAGE_RETENTION_DAYS[query.bucket] * DAY_MS);
    const source = findUsageSource(db, credential.id);
    const body: CredentialUsage = {
      items: listCredentialUsage(db, credential.id, query.bucket, since, now),
      ...(source ? { last_used_from: source } : {}),
    };
    return c.json(body);
  });

  return app;
}
