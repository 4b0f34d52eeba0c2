import { CredentialCreateSchema, CredentialUpdateSchema } from '../../src/api/schemas';
import { auditedWrite, credentialCreated, credentialDeleted, credentialUpdated } from '../audit/audit-trail';
import { can } from '../auth/authorize';
import { hashSecret, newClientId, newClientSecret } from '../auth/tokens';
import { retryWhileBusy } from '../db/busy';
import { deleteCredential, findCredential, insertCredential, listCredentials, updateCredential } from '../db/credentials';
import { readJsonBody } from '../http/body';
import { nowIso, type Services } from '../http/context';
import { ApiError } from '../http/errors';
import { parseListQuery } from '../http/query';
import { newId } from '../lib/ids';
import { itemPermissions, presentPage } from './expand';
import { presentCreatedCredential, presentCredential } from './present';
import { credentialFromPath, orgRoutes, serviceAccountFromPath } from './scope';

/** Mounted at /organizations/:org/service-accounts/:serviceAccountId/credentials (the pipeline's steps: scope.ts). */
export function credentialRoutes(services: Services) {
  const { db } = services;
  const app = orgRoutes(services);
  const serviceAccount = serviceAccountFromPath(services);
  const credential = credentialFromPath(services);

  app.get('/', serviceAccount, can('service_account_credentials', 'read'), (c) => {
    const page = listCredentials(db, c.var.org.id, c.var.serviceAccount.id, parseListQuery(c));
    return c.json(presentPage(c, 'credential', page, presentCredential));
  });

  app.post('/', serviceAccount, can('service_account_credentials', 'create'), async (c) => {
    const sa = c.var.serviceAccount;
    const body = await readJsonBody(c, CredentialCreateSchema);
    const secret = newClientSecret();
    const row = await retryWhileBusy(db, () =>
      auditedWrite(services, c, (record) => {
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
      }),
    );
    // The only response that ever carries the secret; /api responses are all Cache-Control: no-store.
    return c.json(presentCreatedCredential(row, secret), 201);
  });

  app.get('/:credentialId', credential, can('service_account_credentials', 'read'), (c) =>
    c.json(presentCredential(c.var.credential, itemPermissions(c, 'credential'))),
  );

  app.patch('/:credentialId', credential, can('service_account_credentials', 'update'), async (c) => {
    const { org, serviceAccount: sa } = c.var;
    const { id } = c.var.credential;
    const body = await readJsonBody(c, CredentialUpdateSchema);
    const description = body.description === undefined ? undefined : body.description || null;
    const row = await retryWhileBusy(db, () =>
      auditedWrite(services, c, (record) => {
        // Read again inside the write's transaction: the row may have changed since it was loaded.
        const before = findCredential(db, org.id, sa.id, id);
        const after = updateCredential(db, org.id, sa.id, id, { name: body.name, description });
        if (before && after) record(credentialUpdated(before, after));
        return after;
      }),
    );
    if (!row) throw ApiError.notFound('Credential');
    return c.json(presentCredential(row, itemPermissions(c, 'credential')));
  });

  app.delete('/:credentialId', credential, can('service_account_credentials', 'delete'), async (c) => {
    const { org, serviceAccount: sa } = c.var;
    const { id } = c.var.credential;
    const deleted = await retryWhileBusy(db, () =>
      auditedWrite(services, c, (record) => {
        const row = findCredential(db, org.id, sa.id, id);
        if (!row || !deleteCredential(db, org.id, sa.id, id)) return false;
        record(credentialDeleted(row));
        return true;
      }),
    );
    if (!deleted) throw ApiError.notFound('Credential');
    return c.body(null, 204);
  });

  return app;
}
