import { Link } from 'react-router';
import type { RotationRole } from '../../lib/rotation';

export interface RotationRoleBadgeProps {
  role: RotationRole<{ id: string }> | undefined;
  /** The other credential's unambiguous name. */
  partnerName: string;
  /** The other credential's page. */
  partnerPath: string;
}

/**
 * "being replaced" on the old credential of a rotation in progress, "replacement" on the new
 * one; each links to the other, so the two are told apart wherever credentials are listed.
 */
export function RotationRoleBadge({ role, partnerName, partnerPath }: RotationRoleBadgeProps) {
  if (!role) return null;
  const replaced = role.kind === 'being-replaced';
  const label = replaced ? `Being replaced by ${partnerName}` : `Replacement of ${partnerName}`;
  return (
    <Link to={partnerPath} className="badge badge--info" aria-label={label} title={label}>
      {replaced ? 'being replaced' : 'replacement'}
    </Link>
  );
}
