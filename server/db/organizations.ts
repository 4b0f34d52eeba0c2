import { stmt, type Db } from './database';
import { paginate, type Page, type PageRequest } from './pagination';

export interface OrganizationRow {
  id: string;
  label: string | null;
  name: string;
  created_at: string;
  updated_at: string;
}

/** Whose organizations a list shows: a person's memberships, or the one org of a service account. */
export type OrganizationVisibility = { personId: string } | { organizationId: string };

/** `ref` is an organization id or label (vendor: "Organization ID or label identifier"). */
export function findOrganization(db: Db, ref: string): OrganizationRow | undefined {
  // One statement for every API call's org lookup; an id match wins over a label match.
  return stmt(
    db,
    `SELECT * FROM organizations WHERE id = @ref
     UNION ALL SELECT * FROM organizations WHERE label = @ref
     LIMIT 1`,
  ).get({ ref }) as OrganizationRow | undefined;
}

export function listOrganizations(db: Db, visibility: OrganizationVisibility, page: PageRequest): Page<OrganizationRow> {
  const byPerson = 'personId' in visibility;
  return paginate<OrganizationRow>(
    db,
    {
      select: byPerson
        ? `SELECT * FROM organizations WHERE id IN (SELECT organization_id FROM memberships WHERE person_id = ?)`
        : `SELECT * FROM organizations WHERE id = ?`,
      params: [byPerson ? visibility.personId : visibility.organizationId],
      keys: { createdAt: 'created_at', id: 'id' },
      scope: byPerson ? `organizations:person:${visibility.personId}` : `organizations:org:${visibility.organizationId}`,
    },
    page,
  );
}

export function insertOrganization(db: Db, row: OrganizationRow): OrganizationRow {
  stmt(
    db,
    `INSERT INTO organizations (id, label, name, created_at, updated_at)
     VALUES (@id, @label, @name, @created_at, @updated_at)`,
  ).run(row);
  return row;
}

export function findOrganizationByName(db: Db, name: string): OrganizationRow | undefined {
  return stmt(db, `SELECT * FROM organizations WHERE name = ? COLLATE NOCASE`).get(name) as
    | OrganizationRow
    | undefined;
}

export function isLabelTaken(db: Db, label: string): boolean {
  return stmt(db, `SELECT 1 FROM organizations WHERE label = ?`).get(label) !== undefined;
}

export function countOrganizations(db: Db): number {
  return (stmt(db, `SELECT count(*) AS n FROM organizations`).get() as { n: number }).n;
}
