import { ServiceAccountQuerySchema } from '../../src/api/extension-query-schemas';
import { ServiceAccountCreateSchema, ServiceAccountUpdateSchema } from '../../src/api/schemas';
import {
  auditedWrite,
  credentialDeleted,
  serviceAccountCreated,
  serviceAccountDeleted,
  serviceAccountUpdated,
} from '../audit/audit-trail';
import { can } from '../auth/authorize';
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
import { nowIso, type Services } from '../http/context';
import { ApiError } from '../http/errors';
import { parseExpand, parseListQuery, parseQuery } from '../http/query';
import { newId } from '../lib/ids';
import { itemPermissions, presentPage } from './expand';
import { presentServiceAccount } from './present';
import { orgRoutes, serviceAccountFromPath } from './scope';

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

/** Mounted at /organizations/:org/service-accounts (the pipeline's steps: scope.ts). */
export function serviceAccountRoutes(services: Services) {
  const { db } = services;
  const app = orgRoutes(services);
  const serviceAccount = serviceAccountFromPath(services);

  // Extension service_account_query: without it, q, sort, direction and expand=credential_summary
  // are unknown parameters and ignored, as the vendor ignores them.
  const queryable = hasExtension(services.config, 'service_account_query');

  app.get('/', can('service_accounts', 'read'), (c) => {
    const { org } = c.var;
    const query = queryable ? parseQuery(c, ServiceAccountQuerySchema) : undefined;
    const pageRequest = parseListQuery(c);
    const plain = !query || (query.q === undefined && query.sort === 'created_at' && query.direction === 'desc');
    const page = plain ? listServiceAccounts(db, org.id, pageRequest) : queryServiceAccounts(db, org.id, query, pageRequest);
    const summaries =
      queryable && parseExpand(c).has('credential_summary') ? credentialSummaries(db, page.rows.map((row) => row.id)) : undefined;
    return c.json(
      presentPage(c, 'service_account', page, (row, permissions) => {
        const item = presentServiceAccount(row, permissions);
        const summary = summaries?.get(row.id);
        return summary ? { ...item, credential_summary: summary } : item;
      }),
    );
  });

  app.post('/', can('service_accounts', 'create'), async (c) => {
    const { org } = c.var;
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
    return c.json(presentServiceAccount(row, itemPermissions(c, 'service_account')), 201);
  });

  app.get('/:serviceAccountId', serviceAccount, can('service_accounts', 'read'), (c) =>
    c.json(presentServiceAccount(c.var.serviceAccount, itemPermissions(c, 'service_account'))),
  );

  app.patch('/:serviceAccountId', serviceAccount, can('service_accounts', 'update'), async (c) => {
    const { org } = c.var;
    const { id } = c.var.serviceAccount;
    const body = await readJsonBody(c, ServiceAccountUpdateSchema);
    const description = body.description === undefined ? undefined : body.description || null;
    const row = await retryWhileBusy(db, () =>
      guardName(body.name, () =>
        auditedWrite(services, c, (record) => {
          // Read again inside the write's transaction: the row may have changed since it was loaded.
          const before = findServiceAccount(db, org.id, id);
          const after = updateServiceAccount(db, org.id, id, { name: body.name, description }, nowIso(services));
          if (before && after) record(serviceAccountUpdated(before, after));
          return after;
        }),
      ),
    );
    if (!row) throw ApiError.notFound('Service account');
    return c.json(presentServiceAccount(row, itemPermissions(c, 'service_account')));
  });

  app.delete('/:serviceAccountId', serviceAccount, can('service_accounts', 'delete'), async (c) => {
    const { org } = c.var;
    const { id } = c.var.serviceAccount;
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
