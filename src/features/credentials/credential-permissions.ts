import type { Permissions } from '../../api/schemas';
import { can, permissionGate, permissionKey, whoMay, type Gate } from '../../lib/permissions';

const RESOURCE = 'service_account_credentials';

/** Create is granted on the collection: the service account's map or the credential list's map. */
export function createCredentialGate(
  collectionPermissions: Permissions | null | undefined,
  options?: { pending?: boolean },
): Gate {
  return permissionGate(collectionPermissions, RESOURCE, 'create', options);
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
 * known-allowed for 'allowed'; `pending` (the collection's map is still loading) shows it
 * unavailable for now; otherwise it is 'unknown' and the server decides.
 */
export function rotateCredentialGate(
  collectionPermissions: Permissions | null | undefined,
  credentialPermissions: Permissions | null | undefined,
  { pending = false }: { pending?: boolean } = {},
): Gate {
  const create = can(collectionPermissions, RESOURCE, 'create');
  const remove = can(credentialPermissions, RESOURCE, 'delete');
  const reason = whoMay(
    [
      [RESOURCE, 'create'],
      [RESOURCE, 'delete'],
    ],
    'rotate credentials',
  );
  const missing = [create === 'denied' && 'create', remove === 'denied' && 'delete'].filter(
    (a): a is 'create' | 'delete' => Boolean(a),
  );
  const permission = (missing.length > 0 ? missing : (['create', 'delete'] as const))
    .map((action) => permissionKey(RESOURCE, action))
    .join(' and ');
  if (missing.length > 0) return { decision: 'denied', reason, permission };
  if (create === 'allowed' && remove === 'allowed') return { decision: 'allowed', reason, permission };
  return { decision: pending ? 'pending' : 'unknown', reason, permission };
}
