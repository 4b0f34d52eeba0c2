import { stmt, type Db } from './database';
import { paginate, type Page, type PageRequest } from './pagination';

export interface ServiceAccountRow {
  id: string;
  organization_id: string;
  name: string;
  description: string | null;
  created_at: string;
  updated_at: string;
}

export interface ServiceAccountInsert {
  id: string;
  organization_id: string;
  name: string;
  description: string | null;
  created_at: string;
}

const COLUMNS = 'id, organization_id, name, description, created_at, updated_at';

/**
 * The uniqueness key for names: case-insensitive for any script, with full case folding, so
 * "Straße" and "STRASSE" are one name (upper-casing first maps ß to SS, ﬁ to FI, final σ to Σ).
 */
export function nameKey(name: string): string {
  return name.normalize('NFC').toUpperCase().toLowerCase().normalize('NFC');
}

export function listServiceAccounts(db: Db, organizationId: string, page: PageRequest): Page<ServiceAccountRow> {
  return paginate<ServiceAccountRow>(
    db,
    {
      select: `SELECT ${COLUMNS} FROM service_accounts WHERE organization_id = ?`,
      params: [organizationId],
      keys: { createdAt: 'created_at', id: 'id' },
      scope: `service_accounts:${organizationId}`,
    },
    page,
  );
}

export function findServiceAccount(db: Db, organizationId: string, id: string): ServiceAccountRow | undefined {
  return stmt(db, `SELECT ${COLUMNS} FROM service_accounts WHERE organization_id = ? AND id = ?`)
    .get(organizationId, id) as ServiceAccountRow | undefined;
}

/** Throws a SQLITE_CONSTRAINT_UNIQUE error when the name is taken in the organization. */
export function insertServiceAccount(db: Db, sa: ServiceAccountInsert): ServiceAccountRow {
  const row = { ...sa, updated_at: sa.created_at };
  stmt(
    db,
    `INSERT INTO service_accounts (id, organization_id, name, name_key, description, created_at, updated_at)
     VALUES (@id, @organization_id, @name, @name_key, @description, @created_at, @updated_at)`,
  ).run({ ...row, name_key: nameKey(sa.name) });
  return row;
}

/** `undefined` fields are left unchanged. Throws on a duplicate name like insert. */
export function updateServiceAccount(
  db: Db,
  organizationId: string,
  id: string,
  changes: { name?: string | undefined; description?: string | null | undefined },
  now: string,
): ServiceAccountRow | undefined {
  return db.transaction(() => {
    const current = findServiceAccount(db, organizationId, id);
    if (!current) return undefined;
    const next: ServiceAccountRow = {
      ...current,
      name: changes.name ?? current.name,
      description: changes.description === undefined ? current.description : changes.description,
      updated_at: now,
    };
    stmt(
    db,
      `UPDATE service_accounts SET name = @name, name_key = @name_key, description = @description,
       updated_at = @updated_at WHERE id = @id`,
    ).run({ ...next, name_key: nameKey(next.name) });
    return next;
  }).immediate();
}

/** Credentials and their issued tokens go with it (ON DELETE CASCADE). */
export function deleteServiceAccount(db: Db, organizationId: string, id: string): boolean {
  return stmt(db, `DELETE FROM service_accounts WHERE organization_id = ? AND id = ?`).run(organizationId, id).changes > 0;
}

export function serviceAccountNameKeys(db: Db, organizationId: string): Set<string> {
  const rows = stmt(db, `SELECT name_key FROM service_accounts WHERE organization_id = ?`).all(organizationId) as {
    name_key: string;
  }[];
  return new Set(rows.map((r) => r.name_key));
}
