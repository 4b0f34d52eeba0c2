import { stmt, type Db } from './database';
import { paginate, type Page, type PageRequest } from './pagination';

export interface CredentialRow {
  id: string;
  service_account_id: string;
  client_id: string;
  name: string;
  description: string | null;
  created_at: string;
  last_used_at: string | null;
}

export interface CredentialInsert extends Omit<CredentialRow, 'last_used_at'> {
  secret_hash: Buffer;
  last_used_at?: string | null;
}

// Never selects secret_hash: rows that leave this module cannot carry it by accident.
const COLUMNS = 'c.id, c.service_account_id, c.client_id, c.name, c.description, c.created_at, c.last_used_at';
const IN_ORG = 'JOIN service_accounts sa ON sa.id = c.service_account_id AND sa.organization_id = ?';

export function listCredentials(
  db: Db,
  organizationId: string,
  serviceAccountId: string,
  page: PageRequest,
): Page<CredentialRow> {
  return paginate<CredentialRow>(
    db,
    {
      select: `SELECT ${COLUMNS} FROM credentials c ${IN_ORG} WHERE c.service_account_id = ?`,
      params: [organizationId, serviceAccountId],
      keys: { createdAt: 'c.created_at', id: 'c.id' },
      scope: `credentials:${serviceAccountId}`,
    },
    page,
  );
}

export function findCredential(
  db: Db,
  organizationId: string,
  serviceAccountId: string,
  id: string,
): CredentialRow | undefined {
  return stmt(db, `SELECT ${COLUMNS} FROM credentials c ${IN_ORG} WHERE c.service_account_id = ? AND c.id = ?`)
    .get(organizationId, serviceAccountId, id) as CredentialRow | undefined;
}

export function insertCredential(db: Db, credential: CredentialInsert): CredentialRow {
  const row = { last_used_at: null, ...credential };
  stmt(
    db,
    `INSERT INTO credentials (id, service_account_id, client_id, secret_hash, name, description, created_at, last_used_at)
     VALUES (@id, @service_account_id, @client_id, @secret_hash, @name, @description, @created_at, @last_used_at)`,
  ).run(row);
  const { secret_hash: _omit, ...rest } = row;
  return rest;
}

export function updateCredential(
  db: Db,
  organizationId: string,
  serviceAccountId: string,
  id: string,
  changes: { name?: string | undefined; description?: string | null | undefined },
): CredentialRow | undefined {
  return db.transaction(() => {
    const current = findCredential(db, organizationId, serviceAccountId, id);
    if (!current) return undefined;
    const next: CredentialRow = {
      ...current,
      name: changes.name ?? current.name,
      description: changes.description === undefined ? current.description : changes.description,
    };
    stmt(db, `UPDATE credentials SET name = ?, description = ? WHERE id = ?`).run(next.name, next.description, id);
    return next;
  })();
}

/** Tokens issued to the credential are deleted with it (ON DELETE CASCADE). */
export function deleteCredential(db: Db, organizationId: string, serviceAccountId: string, id: string): boolean {
  const result = stmt(
    db,
    `DELETE FROM credentials WHERE id = ? AND service_account_id = ?
     AND service_account_id IN (SELECT id FROM service_accounts WHERE organization_id = ?)`,
  ).run(id, serviceAccountId, organizationId);
  return result.changes > 0;
}

/** For the token endpoint only: the one place the stored hash is read. */
export function findSecretHashByClientId(db: Db, clientId: string): { id: string; secret_hash: Buffer } | undefined {
  return stmt(db, `SELECT id, secret_hash FROM credentials WHERE client_id = ?`).get(clientId) as
    | { id: string; secret_hash: Buffer }
    | undefined;
}

export function markCredentialUsed(db: Db, id: string, now: string): void {
  stmt(db, `UPDATE credentials SET last_used_at = ? WHERE id = ?`).run(now, id);
}

/** Every credential of one service account (oldest first), e.g. to record what its deletion takes along. */
export function listAllCredentials(db: Db, organizationId: string, serviceAccountId: string): CredentialRow[] {
  return stmt(db, `SELECT ${COLUMNS} FROM credentials c ${IN_ORG} WHERE c.service_account_id = ? ORDER BY c.created_at, c.id`)
    .all(organizationId, serviceAccountId) as CredentialRow[];
}
