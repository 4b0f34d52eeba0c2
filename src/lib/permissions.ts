import { ROLE_GRANTS } from '../api/roles';
import { ROLES, type PermissionAction, type PermissionResource, type Permissions, type Role } from '../api/schemas';

/**
 * 'unknown' is deliberately distinct from 'denied': the vendor API may omit the map
 * (no expand support), and then the console shows actions enabled and lets the server's 403 decide.
 * 'pending' is "the map has not arrived yet": the control must not look enabled in the meantime.
 */
export type PermissionDecision = 'allowed' | 'denied' | 'unknown' | 'pending';

export function can(
  perms: Permissions | null | undefined,
  resource: PermissionResource,
  action: PermissionAction,
): Exclude<PermissionDecision, 'pending'> {
  const granted = perms?.[resource]?.[action];
  if (granted === true) return 'allowed';
  if (granted === false) return 'denied';
  return 'unknown';
}

/** How a role reads in a sentence: "You are a viewer", "Only organization admins can …". */
export const ROLE_NAMES: Record<Role, { one: string; many: string }> = {
  org_admin: { one: 'an organization admin', many: 'organization admins' },
  sa_operator: { one: 'a service account operator', many: 'service account operators' },
  org_viewer: { one: 'a viewer', many: 'viewers' },
};

const THINGS: Record<PermissionResource, string> = {
  organizations: 'organizations',
  service_accounts: 'service accounts',
  service_account_credentials: 'credentials',
  audit_events: 'the activity log',
};

const VERBS: Record<PermissionAction, string> = { read: 'see', create: 'create', update: 'edit', delete: 'delete' };

/** The roles whose grants include every one of `needs`, in the table's order. */
export function rolesAllowing(needs: readonly (readonly [PermissionResource, PermissionAction])[]): Role[] {
  return ROLES.filter((role) => needs.every(([resource, action]) => ROLE_GRANTS[role][resource].includes(action)));
}

function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

/** "Only organization admins can create service accounts." from the role table. */
export function whoMay(needs: readonly (readonly [PermissionResource, PermissionAction])[], doWhat: string): string {
  const roles = rolesAllowing(needs);
  if (roles.length === 0) return `Nobody in this organization can ${doWhat}.`;
  return `Only ${joinWords(roles.map((role) => ROLE_NAMES[role].many))} can ${doWhat}.`;
}

/** The plain-words reason for a denied action, e.g. "Only organization admins can edit service accounts." */
export function deniedReason(resource: PermissionResource, action: PermissionAction): string {
  return whoMay([[resource, action]], `${VERBS[action]} ${THINGS[resource]}`);
}

/** `service_accounts.create`: the raw key, kept in small print for people who know the API. */
export function permissionKey(resource: PermissionResource, action: PermissionAction): string {
  return `${resource}.${action}`;
}

/**
 * What a gated control needs: the decision, who may do it in plain words ("Only organization
 * admins can create service accounts.", from `deniedReason`/`whoMay`), and the raw permission
 * key ("service_accounts.create") shown in small print. Spread it onto <GatedButton> or <PermissionGate>.
 */
export type Gate = { decision: PermissionDecision; reason: string; permission?: string | undefined };

/**
 * The decision and its reason together, ready to spread onto a GatedButton. `pending` says the
 * response that carries the map is still loading: the control is shown unavailable until it is known.
 */
export function permissionGate(
  perms: Permissions | null | undefined,
  resource: PermissionResource,
  action: PermissionAction,
  { pending = false }: { pending?: boolean } = {},
): Gate {
  return {
    decision: pending ? 'pending' : can(perms, resource, action),
    reason: deniedReason(resource, action),
    permission: permissionKey(resource, action),
  };
}

/**
 * The person's role, when the organization's map says exactly what one role of the table
 * grants. A map from another deployment (other roles) matches none: then the role is unknown.
 */
export function roleFromPermissions(perms: Permissions | null | undefined): Role | undefined {
  if (!perms) return undefined;
  const matches = ROLES.filter((role) =>
    (Object.keys(ROLE_GRANTS[role]) as PermissionResource[]).every((resource) => {
      const granted = perms[resource];
      // A resource the map leaves out (the vendor's maps have no audit_events) says nothing either way.
      if (!granted) return true;
      return Object.entries(granted).every(([action, value]) =>
        value === ROLE_GRANTS[role][resource].includes(action as PermissionAction),
      );
    }),
  );
  return matches.length === 1 ? matches[0] : undefined;
}
