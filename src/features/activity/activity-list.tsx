import { Link } from 'react-router';
import type { AuditEvent, AuditTarget } from '../../api/usage-schemas';
import { Badge } from '../../components/badge';
import { RelativeTime } from '../../components/relative-time';
import { VisuallyHidden } from '../../components/visually-hidden';
import { actionVerb, actorLabel, fieldChanges, targetNoun } from '../../lib/audit-event-text';
import { activityPath, credentialPath, serviceAccountPath } from '../../lib/paths';
import type { TargetStatus } from './use-target-status';
import './activity.css';

export interface ActivityListProps {
  org: string;
  events: readonly AuditEvent[];
  /** Whether each target still exists; undefined while that is being checked. */
  statusOf: (target: AuditTarget) => TargetStatus | undefined;
  /** Each event gets a link to the organization's activity of its target (not on the target's own page). */
  historyLinks?: boolean;
  label: string;
}

function targetPath(org: string, target: AuditTarget): string | null {
  if (target.type === 'service_account') return serviceAccountPath(org, target.id);
  if (target.type === 'credential' && target.service_account_id) {
    return credentialPath(org, target.service_account_id, target.id);
  }
  return null;
}

/** Newest first, one sentence per event: "Credential ci created by Ada Admin, 3 days ago". */
export function ActivityList({ org, events, statusOf, historyLinks = false, label }: ActivityListProps) {
  return (
    <ol className="activity-list" aria-label={label}>
      {events.map((event) => (
        <li key={event.id} className="activity-item">
          <p className="activity-item__sentence">
            {targetNoun(event.target)}{' '}
            <TargetName
              org={org}
              target={event.target}
              status={statusOf(event.target)}
              // The deletion itself says "deleted"; a mark beside it would say it twice.
              marked={!event.action.endsWith('.deleted')}
            />{' '}
            {actionVerb(event.action)} by <span className="activity-item__actor">{actorLabel(event.actor)}</span>
            <span className="activity-item__time">
              <span aria-hidden="true">, </span>
              <RelativeTime date={event.at} />
            </span>
          </p>
          {event.action.endsWith('.updated') && <Changes event={event} />}
          {historyLinks && (
            <Link className="activity-item__history" to={activityPath(org, new URLSearchParams({ target: event.target.id }))}>
              History<VisuallyHidden> of {targetNoun(event.target).toLowerCase()} {event.target.name}</VisuallyHidden>
            </Link>
          )}
        </li>
      ))}
    </ol>
  );
}

function TargetName({
  org,
  target,
  status,
  marked,
}: {
  org: string;
  target: AuditTarget;
  status: TargetStatus | undefined;
  marked: boolean;
}) {
  const path = status === 'exists' ? targetPath(org, target) : null;
  if (path) {
    return (
      <Link to={path} className="activity-item__target">
        {target.name}
      </Link>
    );
  }
  return (
    <>
      <span className="activity-item__target">{target.name}</span>
      {status === 'deleted' && marked && (
        <>
          {' '}
          <Badge tone="neutral" className="activity-item__deleted">
            deleted
          </Badge>
        </>
      )}
    </>
  );
}

function Changes({ event }: { event: AuditEvent }) {
  const changes = fieldChanges(event.changes);
  if (changes.length === 0) return null;
  return (
    <ul className="activity-item__changes" aria-label="Changes">
      {changes.map((change) => (
        <li key={change.field}>
          {change.label}: <Value value={change.before} />
          <span aria-hidden="true"> →</span>
          <VisuallyHidden> changed to</VisuallyHidden> <Value value={change.after} />
        </li>
      ))}
    </ul>
  );
}

function Value({ value }: { value: string | null }) {
  if (value === null || value === '') return <span className="muted">(none)</span>;
  return <span className="activity-item__value">“{value}”</span>;
}
