import { useMemo } from 'react';
import { useServiceAccountLastActivity } from '../../api/org-credential-activity';
import { RelativeTime } from '../../components/relative-time';
import { useOrgParam } from '../../lib/route-params';
// Deep imports: this page is in the entry, and the feature's index would bring the detail page along.
import { ServiceAccountsListPage } from '../../features/service-accounts/service-accounts-list-page';
import type { LastActivityColumn } from '../../features/service-accounts/service-accounts-table';

export function Component() {
  const org = useOrgParam();
  // Read from the credential review's cached data only: the list never sends a request per row.
  const lastActivity = useServiceAccountLastActivity(org);
  const column = useMemo<LastActivityColumn | undefined>(
    () =>
      lastActivity && {
        header: (
          <span title="The most recent time any credential of this service account was exchanged for a token (from the credential review data)">
            Last activity
          </span>
        ),
        render: (serviceAccount) =>
          lastActivity.has(serviceAccount.id) ? (
            <RelativeTime date={lastActivity.get(serviceAccount.id)} never="Never used" />
          ) : (
            <span className="muted">Not reviewed yet</span>
          ),
      },
    [lastActivity],
  );
  return <ServiceAccountsListPage key={org} org={org} lastActivity={column} />;
}
