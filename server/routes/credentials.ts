import { Hono } from 'hono';
import { CredentialCreateSchema, CredentialUpdateSchema } from '../../src/api/schemas';
import { auditedWrite, credentialCreated, credentialDeleted, credentialUpdated } from '../audit/audit-trail';
import { authorize, permissionsFor } from '../auth/authorize';
import { hashSecret, newClientId, newClientSecret } from '../auth/tokens';
import { deleteCredential, findCredential, insertCredential, listCredentials, updateCredential } from '../db/credentials';
import { readJsonBody } from '../http/body';
import { nowIso, type AppEnv, type Services } from '../http/context';
import { ApiError } from '../http/errors';
import { parseListQuery, wantsPermissions } from '../http/query';
import { newId } from '../lib/ids';
import { presentCreatedCredential, presentCredential, presentList } from './present';
import { pathId, requireServiceAccount, resolveOrg } from './scope';

/** Mounted at /organizations/:org/service-accounts/:serviceAccountId/credentials behind `authenticate`. */
export function credentialRoutes(services: Services) {
  const { db } = services;
  const app = new Hono<AppEnv>();
  app.use('*', resolveOrg(services));

  const itemPermissions = (c: { var: AppEnv['Variables'] }, expand: boolean) =>
    expand ? permissionsFor(c.var.principal, c.var.org, 'credential') : undefined;
  const credentialId = (c: Parameters<typeof pathId>[0]) => pathId(c, 'credentialId', 'Credential');

  app.get('/', (c) => {
    const { principal, org } = c.var;
    authorize(principal, org, 'service_account_credentials', 'read');
    const sa = requireServiceAccount(c, services);
    const page = listCredentials(db, org.id, sa.id, parseListQuery(c));
    const expand = wantsPermissions(c);
    const permissions = itemPermissions(c, expand);
    return c.json(
      presentList(
        page,
        (row) => presentCredential(row, permissions),
        expand ? permissionsFor(principal, org, 'credential_list') : undefined,
      ),
    );
  });

  app.post('/', async (c) => {
    const { principal, org } = c.var;
    // Existence first: an unknown id is 404 for everyone, and every member may read it anyway.
    const sa = requireServiceAccount(c, services);
    authorize(principal, org, 'service_account_credentials', 'create');
    const body = await readJsonBody(c, CredentialCreateSchema);
    const secret = newClientSecret();
    const row = auditedWrite(services, c, (record) => {
      const created = insertCredential(db, {
        id: newId(),
        service_account_id: sa.id,
        client_id: newClientId(),
        secret_hash: hashSecret(secret),
        name: body.name,
        description: body.description || null,
        created_at: nowIso(services),
      });
      record(credentialCreated(created));
      return created;
    });
    // The only response that ever carries the secret; /api responses are all Cache-Control: no-store.
    return c.json(presentCreatedCredential(row, secret), 201);
  });

  app.get('/:credentialId', (c) => {
    authorize(c.var.principal, c.var.org, 'service_account_credentials', 'read');
    const sa = requireServiceAccount(c, services);
    const row = findCredential(db, c.var.org.id, sa.id, credentialId(c));
    if (!row) throw ApiError.notFound('Credential');
    return c.json(presentCredential(row, itemPermissions(c, wantsPermissions(c))));
  });

  app.patch('/:credentialId', async (c) => {
    const sa = requireServiceAccount(c, services);
    const id = credentialId(c);
    if (!findCredential(db, c.var.org.id, sa.id, id)) throw ApiError.notFound('Credential');
    authorize(c.var.principal, c.var.org, 'service_account_credentials', 'update');
    const body = await readJsonBody(c, CredentialUpdateSchema);
    const description = body.description === undefined ? undefined : body.description || null;
    const row = auditedWrite(services, c, (record) => {
      const before = findCredential(db, c.var.org.id, sa.id, id);
      const after = updateCredential(db, c.var.org.id, sa.id, id, { name: body.name, description });
      if (before && after) record(credentialUpdated(before, after));
      return after;
    });
    if (!row) throw ApiError.notFound('Credential');
    return c.json(presentCredential(row, itemPermissions(c, wantsPermissions(c))));
  });

  app.delete('/:credentialId', (c) => {
    const sa = requireServiceAccount(c, services);
    const id = credentialId(c);
    if (!findCredential(db, c.var.org.id, sa.id, id)) throw ApiError.notFound('Credential');
    authorize(c.var.principal, c.var.org, 'service_account_credentials', 'delete');
    const deleted = auditedWrite(services, c, (record) => {
      const row = findCredential(db, c.var.org.id, sa.id, id);
      if (!row || !deleteCredential(db, c.var.org.id, sa.id, id)) return false;
      record(credentialDeleted(row));
      return true;
    });
    if (!deleted) throw ApiError.notFound('Credential');
    return c.body(null, 204);
  });

  return app;
}
