import { Hono } from 'hono';
import { ServiceAccountQuerySchema } from '../../src/api/extension-query-schemas';
import { ServiceAccountCreateSchema, ServiceAccountUpdateSchema } from '../../src/api/schemas';
import {
  auditedWrite,
  credentialDeleted,
  serviceAccountCreated,
  serviceAccountDeleted,
  serviceAccountUpdated,
} from '../audit/audit-trail';
import { authorize, permissionsFor } from '../auth/authorize';
import { hasExtension } from '../config';
import { listAllCredentials } from '../db/credentials';
import { retryWhileBusy } from '../db/busy';
import { isUniqueViolation } from '../db/database';
import { credentialSummaries, queryServiceAccounts } from '../db/service-account-query';
import {
  deleteServiceAccount,
  findServiceAccount,
  insertServiceAccount,
  listServiceAccounts,
  updateServiceAccount,
} from '../db/service-accounts';
import { readJsonBody } from '../http/body';
import { nowIso, type AppEnv, type Services } from '../http/context';
import { ApiError } from '../http/errors';
import { parseExpand, parseListQuery, parseQuery, wantsPermissions } from '../http/query';
import { newId } from '../lib/ids';
import { presentList, presentServiceAccount } from './present';
import { requireServiceAccount, resolveOrg } from './scope';

const nameTaken = (name: string) =>
  new ApiError(409, 'conflict', `A service account named "${name}" already exists in this organization`, {
    details: [{ field: 'name', message: 'This name is already used by another service account' }],
  });

/** Runs a write that may hit the (organization, case-folded name) unique index. */
function guardName<T>(name: string | undefined, write: () => T): T {
  try {
    return write();
  } catch (error) {
    if (name !== undefined && isUniqueViolation(error)) throw nameTaken(name);
    throw error;
  }
}

/** Mounted at /organizations/:org/service-accounts behind `authenticate`. */
export function serviceAccountRoutes(services: Services) {
  const { db } = services;
  const app = new Hono<AppEnv>();
  app.use('*', resolveOrg(services));

  const itemPermissions = (c: { var: AppEnv['Variables'] }, expand: boolean) =>
    expand ? permissionsFor(c.var.principal, c.var.org, 'service_account') : undefined;

  // Extension service_account_query: without it, q, sort, direction and expand=credential_summary
  // are unknown parameters and ignored, as the vendor ignores them.
  const queryable = hasExtension(services.config, 'service_account_query');

  app.get('/', (c) => {
    const { principal, org } = c.var;
    authorize(principal, org, 'service_accounts', 'read');
    const query = queryable ? parseQuery(c, ServiceAccountQuerySchema) : undefined;
    const pageRequest = parseListQuery(c);
    const plain = !query || (query.q === undefined && query.sort === 'created_at' && query.direction === 'desc');
    const page = plain ? listServiceAccounts(db, org.id, pageRequest) : queryServiceAccounts(db, org.id, query, pageRequest);
    const expand = wantsPermissions(c);
    const permissions = itemPermissions(c, expand);
    const summaries =
      queryable && parseExpand(c).has('credential_summary') ? credentialSummaries(db, page.rows.map((row) => row.id)) : undefined;
    return c.json(
      presentList(
        page,
        (row) => {
          const item = presentServiceAccount(row, permissions);
          const summary = summaries?.get(row.id);
          return summary ? { ...item, credential_summary: summary } : item;
        },
        expand ? permissionsFor(principal, org, 'service_account_list') : undefined,
      ),
    );
  });

  app.post('/', async (c) => {
    const { principal, org } = c.var;
    authorize(principal, org, 'service_accounts', 'create');
    const body = await readJsonBody(c, ServiceAccountCreateSchema);
    const row = await retryWhileBusy(db, () =>
      guardName(body.name, () =>
        auditedWrite(services, c, (record) => {
          const created = insertServiceAccount(db, {
            id: newId(),
            organization_id: org.id,
            name: body.name,
            description: body.description || null,
            created_at: nowIso(services),
          });
          record(serviceAccountCreated(created));
          return created;
        }),
      ),
    );
    return c.json(presentServiceAccount(row, itemPermissions(c, wantsPermissions(c))), 201);
  });

  app.get('/:serviceAccountId', (c) => {
    authorize(c.var.principal, c.var.org, 'service_accounts', 'read');
    const row = requireServiceAccount(c, services);
    return c.json(presentServiceAccount(row, itemPermissions(c, wantsPermissions(c))));
  });

  app.patch('/:serviceAccountId', async (c) => {
    const { principal, org } = c.var;
    // Existence first: an unknown id is 404 for everyone, and every member may read it anyway.
    const { id } = requireServiceAccount(c, services);
    authorize(principal, org, 'service_accounts', 'update');
    const body = await readJsonBody(c, ServiceAccountUpdateSchema);
    const description = body.description === undefined ? undefined : body.description || null;
    const row = await retryWhileBusy(db, () =>
      guardName(body.name, () =>
        auditedWrite(services, c, (record) => {
          const before = findServiceAccount(db, org.id, id);
          const after = updateServiceAccount(db, org.id, id, { name: body.name, description }, nowIso(services));
          if (before && after) record(serviceAccountUpdated(before, after));
          return after;
        }),
      ),
    );
    if (!row) throw ApiError.notFound('Service account');
    return c.json(presentServiceAccount(row, itemPermissions(c, wantsPermissions(c))));
  });

  app.delete('/:serviceAccountId', async (c) => {
    const { principal, org } = c.var;
    const { id } = requireServiceAccount(c, services);
    authorize(principal, org, 'service_accounts', 'delete');
    const deleted = await retryWhileBusy(db, () =>
      auditedWrite(services, c, (record) => {
        const sa = findServiceAccount(db, org.id, id);
        const credentials = listAllCredentials(db, org.id, id);
        if (!sa || !deleteServiceAccount(db, org.id, id)) return false;
        // Its credentials go with it (ON DELETE CASCADE): each gets its own event, so a credential's
        // history ends with its deletion whichever way it was deleted. Same request_id for all.
        for (const credential of credentials) record(credentialDeleted(credential));
        record(serviceAccountDeleted(sa));
        return true;
      }),
    );
    if (!deleted) throw ApiError.notFound('Service account');
    return c.body(null, 204);
  });

  return app;
}
