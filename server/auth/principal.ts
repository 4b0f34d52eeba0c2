import type { Role } from '../../src/api/schemas';

/** Who is calling: a person (role per membership) or a service account using an issued token. */
export type Principal =
  | { kind: 'person'; id: string; roles: ReadonlyMap<string, Role> }
  | { kind: 'service_account'; id: string; credentialId: string; organizationId: string };

/** Service accounts read their own organization and nothing else. */
const SERVICE_ACCOUNT_ROLE: Role = 'org_viewer';

export function roleIn(principal: Principal, organizationId: string): Role | undefined {
  if (principal.kind === 'person') return principal.roles.get(organizationId);
  return principal.organizationId === organizationId ? SERVICE_ACCOUNT_ROLE : undefined;
}
