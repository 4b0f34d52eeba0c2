import { Link } from 'react-router';
import type { Credential } from '../../api/schemas';
import { Badge } from '../../components/badge';
import { PermissionGate } from '../../components/permission-gate';
import { RelativeTime } from '../../components/relative-time';
import { Td } from '../../components/table';
import { VisuallyHidden } from '../../components/visually-hidden';
import { useTimeZone } from '../../components/use-time-zone';
import {
  CREDENTIAL_POLICY,
  DAY_MS,
  credentialStatus,
  describeCredentialStatus,
  isRotationDue,
  rotationDueAt,
} from '../../lib/credential-status';
import type { Gate } from '../../lib/permissions';
import { formatDate, formatDays, formatRelativeTime, parseTimestamp, type TimeZoneChoice } from '../../lib/time-format';
import './credentials.css';

type Times = Pick<Credential, 'created_at' | 'last_used_at'>;

/** Last use as relative time; when never used, says so together with the credential's age. */
/** A credential table's "Created" and "Last used" cells (the credentials panel and the review). */
export function CredentialTimeCells({ credential }: { credential: Times }) {
  return (
    <>
      <Td nowrap label="Created">
        <RelativeTime date={credential.created_at} />
      </Td>
      <Td nowrap label="Last used">
        <LastUsed credential={credential} />
      </Td>
    </>
  );
}

export function LastUsed({ credential, showAbsolute = false }: { credential: Times; showAbsolute?: boolean }) {
  if (parseTimestamp(credential.last_used_at)) {
    return <RelativeTime date={credential.last_used_at} showAbsolute={showAbsolute} />;
  }
  return (
    <span className="credential-never">
      <span>Never used</span>
      <span className="credential-never__age">
        created <RelativeTime date={credential.created_at} showAbsolute={showAbsolute} />
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

/** "3 Mar 2027 (in 12 days)", "3 Mar 2027 (overdue by 5 days)", "3 Mar 2027 (today)". */
export function describeRotationDue(
  credential: Pick<Credential, 'created_at'>,
  now: Date,
  zone: TimeZoneChoice,
): { date: string; relative: string; overdue: boolean } | null {
  const due = rotationDueAt(credential);
  if (!due) return null;
  const days = (due.getTime() - now.getTime()) / DAY_MS;
  const overdue = isRotationDue(credential, now);
  const relative = overdue
    ? days > -1
      ? 'overdue since today'
      : `overdue by ${formatDays(-days)}`
    : days < 1
      ? 'today'
      : `in ${formatDays(days)}`;
  return { date: formatDate(due, zone), relative, overdue };
}

/** For single-credential views: when rotation is due, as a date and how far off it is. */
export function RotationDue({ credential, now }: { credential: Pick<Credential, 'created_at'>; now: Date }) {
  const zone = useTimeZone();
  const due = describeRotationDue(credential, now, zone);
  if (!due) return <span className="muted">Unknown</span>;
  return (
    <span className={due.overdue ? 'rotation-due rotation-due--overdue' : 'rotation-due'}>
      {due.date} ({due.relative})
    </span>
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
  const zone = useTimeZone();
  const due = describeRotationDue(credential, now, zone);
  if (!due?.overdue) return null;
  const title = `Rotation was due ${due.date} (older than ${CREDENTIAL_POLICY.rotationAgeDays} days): rotate it`;
  return (
    <PermissionGate {...gate}>
      {(control) => (
        <Link
          to={rotatePath}
          className="badge badge--warning badge--wrap"
          title={gate.decision === 'denied' ? undefined : title}
          {...control}
        >
          {/* The visible words start the accessible name (WCAG 2.5.3); the rest says what the link does. */}
          Rotation due · {due.relative}
          <VisuallyHidden>
            : rotate {credential.name} (due {due.date})
          </VisuallyHidden>
        </Link>
      )}
    </PermissionGate>
  );
}
