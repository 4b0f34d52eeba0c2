import type { Role } from '../../src/api/schemas';
import { stmt, type Db } from './database';

export interface PersonRow {
  id: string;
  name: string;
  email: string;
  created_at: string;
}

export interface MembershipRow {
  organization_id: string;
  organization_label: string | null;
  role: Role;
}

export function insertPerson(db: Db, row: PersonRow): PersonRow {
  stmt(db, `INSERT INTO people (id, name, email, created_at) VALUES (@id, @name, @email, @created_at)`).run(row);
  return row;
}

export function findPersonByEmail(db: Db, email: string): PersonRow | undefined {
  return stmt(db, `SELECT * FROM people WHERE email = ?`).get(email) as PersonRow | undefined;
}

export function findPerson(db: Db, id: string): PersonRow | undefined {
  return stmt(db, `SELECT * FROM people WHERE id = ?`).get(id) as PersonRow | undefined;
}

/** Sets the person's one role in the organization, replacing any previous role. */
export function setMembership(db: Db, personId: string, organizationId: string, role: Role, now: string): void {
  stmt(
    db,
    `INSERT INTO memberships (person_id, organization_id, role, created_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (person_id, organization_id) DO UPDATE SET role = excluded.role`,
  ).run(personId, organizationId, role, now);
}

export function listMemberships(db: Db, personId: string): MembershipRow[] {
  return stmt(
    db,
    `SELECT m.organization_id, o.label AS organization_label, m.role
     FROM memberships m JOIN organizations o ON o.id = m.organization_id
     WHERE m.person_id = ? ORDER BY o.created_at DESC, o.id DESC`,
  ).all(personId) as MembershipRow[];
}
