import { Link } from 'react-router';
import type { Credential } from '../../api/schemas';
import { Badge } from '../../components/badge';
import { PermissionGate } from '../../components/permission-gate';
import { RelativeTime } from '../../components/relative-time';
import {
  CREDENTIAL_POLICY,
  credentialStatus,
  describeCredentialStatus,
  isRotationDue,
} from '../../lib/credential-status';
import { formatRelativeTime, parseTimestamp } from '../../lib/time-format';
import type { Gate } from './credential-permissions';
import './credentials.css';

type Times = Pick<Credential, 'created_at' | 'last_used_at'>;

/** Last use as relative time; when never used, says so together with the credential's age. */
export function LastUsed({ credential }: { credential: Times }) {
  if (parseTimestamp(credential.last_used_at)) return <RelativeTime date={credential.last_used_at} />;
  return (
    <span className="credential-never">
      <span>Never used</span>
      <span className="credential-never__age">
        created <RelativeTime date={credential.created_at} />
      </span>
    </span>
  );
}

/** The sentence a delete confirmation leads with, e.g. "Used 5 minutes ago: clients using it will fail." */
export function lastUseWarning(credential: Times, now: Date): string {
  const used = parseTimestamp(credential.last_used_at);
  if (!used) return 'Never used, as far as the server has recorded.';
  return `Used ${formatRelativeTime(used, now)}: clients using it will fail.`;
}

export function CredentialStatusBadge({ credential, now }: { credential: Times; now: Date }) {
  const status = credentialStatus(credential, now);
  const { label, description, tone } = describeCredentialStatus(status);
  return (
    <Badge tone={tone} title={description}>
      {label}
    </Badge>
  );
}

/**
 * "Rotation due" for credentials older than the policy's rotation age. It links to the rotation
 * flow when the person may rotate, and otherwise stays a plain badge whose link is disabled with the reason.
 */
export function RotationDueBadge({
  credential,
  now,
  rotatePath,
  gate,
}: {
  credential: Pick<Credential, 'created_at' | 'name'>;
  now: Date;
  rotatePath: string;
  gate: Gate;
}) {
  if (!isRotationDue(credential, now)) return null;
  const title = `Older than ${CREDENTIAL_POLICY.rotationAgeDays} days: rotate it`;
  return (
    <PermissionGate decision={gate.decision} reason={gate.reason}>
      {(control) => (
        <Link
          to={rotatePath}
          className="badge badge--warning"
          title={gate.decision === 'denied' ? undefined : title}
          aria-label={`Rotation due: rotate ${credential.name}`}
          {...control}
        >
          Rotation due
        </Link>
      )}
    </PermissionGate>
  );
}
