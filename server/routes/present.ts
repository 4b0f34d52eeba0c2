// Rows → wire shapes (src/api/schemas.ts). Empty optional fields are omitted, as the vendor does.
import type { Credential, CredentialCreated, Organization, Permissions, ServiceAccount } from '../../src/api/schemas';
import type { OrgCredentialItem } from '../../src/api/org-credential-schemas';
import type { CredentialRow } from '../db/credentials';
import type { OrgCredentialRow } from '../db/org-credentials';
import type { OrganizationRow } from '../db/organizations';
import type { Page, PageInfo } from '../db/pagination';
import type { ServiceAccountRow } from '../db/service-accounts';

const withPermissions = (permissions: Permissions | undefined) => (permissions ? { permissions } : {});
const withDescription = (description: string | null) => (description ? { description } : {});
/** The tail shared by organizations and service accounts (in this order on the wire). */
const withTimesAndPermissions = (row: { created_at: string; updated_at: string }, permissions: Permissions | undefined) => ({
  created_at: row.created_at,
  updated_at: row.updated_at,
  ...withPermissions(permissions),
});

export function presentOrganization(row: OrganizationRow, permissions?: Permissions): Organization {
  return {
    id: row.id,
    label: row.label,
    name: row.name,
    ...withTimesAndPermissions(row, permissions),
  };
}

export function presentServiceAccount(row: ServiceAccountRow, permissions?: Permissions): ServiceAccount {
  return {
    id: row.id,
    name: row.name,
    ...withDescription(row.description),
    ...withTimesAndPermissions(row, permissions),
  };
}

export function presentCredential(row: CredentialRow, permissions?: Permissions): Credential {
  return {
    id: row.id,
    client_id: row.client_id,
    name: row.name,
    ...withDescription(row.description),
    created_at: row.created_at,
    // Explicit null: "never used" is information the review page shows.
    last_used_at: row.last_used_at,
    ...withPermissions(permissions),
  };
}

export function presentCreatedCredential(row: CredentialRow, clientSecret: string): CredentialCreated {
  return {
    id: row.id,
    client_id: row.client_id,
    client_secret: clientSecret,
    name: row.name,
    ...withDescription(row.description),
    created_at: row.created_at,
  };
}

export function presentList<Row, Item>(
  page: Page<Row>,
  present: (row: Row) => Item,
  permissions?: Permissions,
): { items: Item[]; page_info: PageInfo; permissions?: Permissions } {
  return { items: page.rows.map(present), page_info: page.pageInfo, ...withPermissions(permissions) };
}

export function presentOrgCredential(row: OrgCredentialRow, permissions?: Permissions): OrgCredentialItem {
  return {
    ...presentCredential(row, permissions),
    service_account: { id: row.service_account_id, name: row.service_account_name },
  };
}
