import type { Permissions } from '../../api/schemas';
import { can, deniedReason, permissionGate, type PermissionDecision } from '../../lib/permissions';

export type Gate = { decision: PermissionDecision; reason: string };

const RESOURCE = 'service_account_credentials';

/** Create is granted on the collection: the service account's map or the credential list's map. */
export function createCredentialGate(collectionPermissions: Permissions | null | undefined): Gate {
  return permissionGate(collectionPermissions, RESOURCE, 'create');
}

export function editCredentialGate(credentialPermissions: Permissions | null | undefined): Gate {
  return permissionGate(credentialPermissions, RESOURCE, 'update');
}

export function deleteCredentialGate(credentialPermissions: Permissions | null | undefined): Gate {
  return permissionGate(credentialPermissions, RESOURCE, 'delete');
}

/**
 * Rotating creates a replacement (a right on the collection) and deletes the old one (a
 * right on the credential), so it needs both. Any explicit denial wins; both must be
 * known-allowed for 'allowed'; otherwise it is 'unknown' and the server decides.
 */
export function rotateCredentialGate(
  collectionPermissions: Permissions | null | undefined,
  credentialPermissions: Permissions | null | undefined,
): Gate {
  const create = can(collectionPermissions, RESOURCE, 'create');
  const remove = can(credentialPermissions, RESOURCE, 'delete');
  const missing = [create === 'denied' && 'create', remove === 'denied' && 'delete'].filter(
    (a): a is 'create' | 'delete' => Boolean(a),
  );
  const reason =
    missing.length === 1
      ? deniedReason(RESOURCE, missing[0]!)
      : `You need ${RESOURCE}.create and ${RESOURCE}.delete`;
  if (missing.length > 0) return { decision: 'denied', reason };
  if (create === 'allowed' && remove === 'allowed') return { decision: 'allowed', reason };
  return { decision: 'unknown', reason };
}
