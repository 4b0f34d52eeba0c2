import { Hono } from 'hono';
import { UsageQuerySchema } from '../../src/api/extension-query-schemas';
import { USAGE_RETENTION_DAYS, type CredentialUsage } from '../../src/api/usage-schemas';
import { authorize } from '../auth/authorize';
import { findCredential } from '../db/credentials';
import { findUsageSource, listCredentialUsage } from '../db/usage';
import type { AppEnv, Services } from '../http/context';
import { ApiError } from '../http/errors';
import { parseQuery } from '../http/query';
import { pathId, requireServiceAccount, resolveOrg } from './scope';

const DAY_MS = 86_400_000;

/**
 * GET .../credentials/:credentialId/usage (extension `usage`). Mounted behind `authenticate`, only
 * when the extension is offered. Reading a credential is enough to read its usage.
 */
export function usageRoutes(services: Services) {
  const { db } = services;
  const app = new Hono<AppEnv>();
  app.use('*', resolveOrg(services));

  app.get('/', (c) => {
    authorize(c.var.principal, c.var.org, 'service_account_credentials', 'read');
    const sa = requireServiceAccount(c, services);
    const credential = findCredential(db, c.var.org.id, sa.id, pathId(c, 'credentialId', 'Credential'));
    if (!credential) throw ApiError.notFound('Credential');
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
