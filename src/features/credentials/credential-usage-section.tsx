// Uses per day over the last 30 days, and where the last use came from. Only with the
// server's `usage` extension: against the vendor's API this section does not exist.
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useEffect } from 'react';
import { useExtension } from '../../api/capabilities';
import { usageQueries, usageSince } from '../../api/usage';
import { QueryCard } from '../../components/query-card';
import { SkeletonText } from '../../components/skeleton';
import { USAGE_DAYS } from '../../lib/usage-series';
import './credentials.css';

// The chart's code loads only where a chart is drawn (not with the rest of this feature, which
// the service-account and review pages load too), and in parallel with the data.
const loadUsageView = () => import('./credential-usage-view');
const UsageView = lazy(async () => ({ default: (await loadUsageView()).UsageView }));


export function CredentialUsageSection(props: { org: string; serviceAccountId: string; credentialId: string }) {
  const offered = useExtension('usage');
  // Nothing at all while discovery runs or without the extension: no empty chart, no error.
  if (!offered) return null;
  return <UsageCard {...props} />;
}

function UsageCard({ org, serviceAccountId, credentialId }: { org: string; serviceAccountId: string; credentialId: string }) {
  // Rounded to the day, so the key (shared with the review page's column) changes once a day.
  const since = usageSince('day', USAGE_DAYS - 1);
  const query = useQuery(usageQueries.credential(org, serviceAccountId, credentialId, { bucket: 'day', since }));
  useEffect(() => {
    void loadUsageView();
  }, []);
  return (
    <QueryCard
      title="Usage"
      bodyClassName="usage"
      query={query}
      pending={<SkeletonText lines={3} label="Loading usage…" />}
      errorTitle="Could not load the usage history"
    >
          {(usage) => (
            <Suspense fallback={<SkeletonText lines={3} label="Loading usage…" />}>
              <UsageView usage={usage} since={since} />
            </Suspense>
          )}
    </QueryCard>
  );
}
