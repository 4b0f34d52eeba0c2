import type { PermissionAction, PermissionResource, Permissions } from '../api/schemas';

/**
 * 'unknown' is deliberately distinct from 'denied': the vendor API may omit the map
 * (no expand support), and then the console shows actions enabled and lets the server's 403 decide.
 */
export type PermissionDecision = 'allowed' | 'denied' | 'unknown';

export function can(
  perms: Permissions | null | undefined,
  resource: PermissionResource,
  action: PermissionAction,
): PermissionDecision {
  const granted = perms?.[resource]?.[action];
  if (granted === true) return 'allowed';
  if (granted === false) return 'denied';
  return 'unknown';
}

export function deniedReason(resource: PermissionResource, action: PermissionAction): string {
  return `You need ${resource}.${action}`;
}

/** The decision and its reason together, ready to spread onto a GatedButton. */
export function permissionGate(
  perms: Permissions | null | undefined,
  resource: PermissionResource,
  action: PermissionAction,
): { decision: PermissionDecision; reason: string } {
  return { decision: can(perms, resource, action), reason: deniedReason(resource, action) };
}
