// The latest activity of one service account or credential, on its page. Only with the
// server's `audit_events` extension: against the vendor's API this section does not exist.
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { auditEventQueries } from '../../api/audit-events';
import { useExtension } from '../../api/capabilities';
import { QueryCard } from '../../components/query-card';
import { SkeletonText } from '../../components/skeleton';
import { activityPath } from '../../lib/paths';
import { ActivityList } from './activity-list';
import './activity.css';

/** Events shown on a service account's or credential's page; the rest are on the activity page. */
export const SECTION_EVENTS = 10;

export interface ActivitySectionProps {
  org: string;
  targetId: string;
  /** "credential" or "service account", for the link to the full history. */
  targetKind: string;
}

export function ActivitySection(props: ActivitySectionProps) {
  const offered = useExtension('audit_events');
  if (!offered) return null;
  return <ActivityCard {...props} />;
}

// The page's own target needs no link (it is this page) and certainly exists.
const ownTarget = () => 'unknown' as const;

function ActivityCard({ org, targetId, targetKind }: ActivitySectionProps) {
  const query = useQuery(auditEventQueries.list(org, { limit: SECTION_EVENTS, target_id: targetId }));
  const allPath = activityPath(org, new URLSearchParams({ target: targetId }));
  return (
    <QueryCard
      title="Activity"
      className="activity-section"
      query={query}
      pending={<SkeletonText lines={2} label="Loading activity…" />}
      errorTitle="Could not load the activity"
    >
          {({ items, page_info: pageInfo }) =>
            items.length === 0 ? (
              <p className="muted activity-section__footer">No changes recorded for this {targetKind} yet.</p>
            ) : (
              <>
                <ActivityList org={org} events={items} statusOf={ownTarget} label={`Activity of this ${targetKind}`} />
                {pageInfo.has_next_page && (
                  <p className="activity-section__footer">
                    <Link to={allPath}>All activity of this {targetKind}</Link>
                  </p>
                )}
              </>
            )
          }
    </QueryCard>
  );
}
