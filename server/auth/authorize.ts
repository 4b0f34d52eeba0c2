import { createMiddleware } from 'hono/factory';
import type { PermissionAction, PermissionResource, Permissions } from '../../src/api/schemas';
import type { OrgEnv } from '../http/context';
import { ApiError } from '../http/errors';
import { roleIn, type Principal } from './principal';
import { PERMISSION_ACTIONS, roleAllows } from './roles';

interface OrgRef {
  id: string;
}

/**
 * The one enforcement point. Not a member → 404 (an org you cannot see does not exist for you);
 * a member without the right → 403.
 */
export function authorize(principal: Principal, org: OrgRef, resource: PermissionResource, action: PermissionAction): void {
  const role = roleIn(principal, org.id);
  if (!role) throw ApiError.notFound('Organization');
  if (!roleAllows(role, resource, action)) {
    throw new ApiError(403, 'permission_denied', `You need ${resource}.${action}`);
  }
}

/**
 * The pipeline's permission step: after the path's org, service account and credential are loaded
 * (404 for what does not exist), before the body or query is read (400).
 */
export const can = (resource: PermissionResource, action: PermissionAction) =>
  createMiddleware<OrgEnv>(async (c, next) => {
    authorize(c.var.principal, c.var.org, resource, action);
    await next();
  });

export function isMember(principal: Principal, org: OrgRef): boolean {
  return roleIn(principal, org.id) !== undefined;
}

const ALL = PERMISSION_ACTIONS;
const ITEM: readonly PermissionAction[] = ['read', 'update', 'delete'];

/** Which permission names each kind of response lists (the `expand=permissions` maps in `/api/openapi.json`). */
const SHAPES = {
  organization: { organizations: ['read'], service_accounts: ALL, service_account_credentials: ALL },
  service_account_list: { service_accounts: ALL, service_account_credentials: ALL },
  service_account: { service_accounts: ITEM, service_account_credentials: ALL },
  credential_list: { service_account_credentials: ALL },
  credential: { service_account_credentials: ITEM },
  // Added to the organization's map when the `audit_events` extension is offered.
  audit_events: { audit_events: ['read'] },
} satisfies Record<string, Partial<Record<PermissionResource, readonly PermissionAction[]>>>;

export type PermissionShape = keyof typeof SHAPES;

// A map depends only on the role and the shape: built once each, frozen because responses share it.
const maps = new Map<string, Permissions>();

/** The expanded permissions map, computed from the same role table that `authorize` enforces. */
export function permissionsFor(principal: Principal, org: OrgRef, shape: PermissionShape): Permissions {
  const role = roleIn(principal, org.id);
  const key = `${role ?? ''}:${shape}`;
  let map = maps.get(key);
  if (!map) {
    const built: Permissions = {};
    for (const [resource, actions] of Object.entries(SHAPES[shape]) as [PermissionResource, PermissionAction[]][]) {
      built[resource] = Object.freeze(Object.fromEntries(actions.map((action) => [action, roleAllows(role, resource, action)])));
    }
    map = Object.freeze(built);
    maps.set(key, map);
  }
  return map;
}
