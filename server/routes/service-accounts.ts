import { Hono } from 'hono';
import { ServiceAccountCreateSchema, ServiceAccountUpdateSchema } from '../../src/api/schemas';
import {
  auditedWrite,
  credentialDeleted,
  serviceAccountCreated,
  serviceAccountDeleted,
  serviceAccountUpdated,
} from '../audit/audit-trail';
import { authorize, permissionsFor } from '../auth/authorize';
import { listAllCredentials } from '../db/credentials';
import { isUniqueViolation } from '../db/database';
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
import { parseListQuery, wantsPermissions } from '../http/query';
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

  app.get('/', (c) => {
    const { principal, org } = c.var;
    authorize(principal, org, 'service_accounts', 'read');
    const page = listServiceAccounts(db, org.id, parseListQuery(c));
    const expand = wantsPermissions(c);
    const permissions = itemPermissions(c, expand);
    return c.json(
      presentList(
        page,
        (row) => presentServiceAccount(row, permissions),
        expand ? permissionsFor(principal, org, 'service_account_list') : undefined,
      ),
    );
  });

  app.post('/', async (c) => {
    const { principal, org } = c.var;
    authorize(principal, org, 'service_accounts', 'create');
    const body = await readJsonBody(c, ServiceAccountCreateSchema);
    const row = guardName(body.name, () =>
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
    const row = guardName(body.name, () =>
      auditedWrite(services, c, (record) => {
        const before = findServiceAccount(db, org.id, id);
        const after = updateServiceAccount(db, org.id, id, { name: body.name, description }, nowIso(services));
        if (before && after) record(serviceAccountUpdated(before, after));
        return after;
      }),
    );
    if (!row) throw ApiError.notFound('Service account');
    return c.json(presentServiceAccount(row, itemPermissions(c, wantsPermissions(c))));
  });

  app.delete('/:serviceAccountId', (c) => {
    const { principal, org } = c.var;
    const { id } = requireServiceAccount(c, services);
    authorize(principal, org, 'service_accounts', 'delete');
    const deleted = auditedWrite(services, c, (record) => {
      const sa = findServiceAccount(db, org.id, id);
      const credentials = listAllCredentials(db, org.id, id);
      if (!sa || !deleteServiceAccount(db, org.id, id)) return false;
      // Its credentials go with it (ON DELETE CASCADE): each gets its own event, so a credential's
      // history ends with its deletion whichever way it was deleted. Same request_id for all.
      for (const credential of credentials) record(credentialDeleted(credential));
      record(serviceAccountDeleted(sa));
      return true;
    });
    if (!deleted) throw ApiError.notFound('Service account');
    return c.body(null, 204);
  });

  return app;
}
