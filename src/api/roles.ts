// The local server's role table, shared by the server (which enforces it) and the console
// (which uses it only to say, in plain words, who may do what). No React, no DOM.
import type { PermissionAction, PermissionResource, Role } from './schemas';

type Grants = Record<PermissionResource, readonly PermissionAction[]>;

/** Every action a role can be granted (`PermissionAction` in schemas.ts is its type). */
export const PERMISSION_ACTIONS = ['read', 'create', 'update', 'delete'] as const;
const ALL = PERMISSION_ACTIONS;

/** The role table: the only statement of what each role may do. */
export const ROLE_GRANTS: Record<Role, Grants> = {
  org_admin: { organizations: ['read'], service_accounts: ALL, service_account_credentials: ALL, audit_events: ['read'] },
  sa_operator: { organizations: ['read'], service_accounts: ['read'], service_account_credentials: ALL, audit_events: ['read'] },
  org_viewer: {
    organizations: ['read'],
    service_accounts: ['read'],
    service_account_credentials: ['read'],
    audit_events: ['read'],
  },
};

export function roleAllows(role: Role | undefined, resource: PermissionResource, action: PermissionAction): boolean {
  return role !== undefined && ROLE_GRANTS[role][resource].includes(action);
}
