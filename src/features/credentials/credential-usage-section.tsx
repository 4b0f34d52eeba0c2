// Uses per day over the last 30 days, and where the last use came from. Only with the
// server's `usage` extension: against the vendor's API this section does not exist.
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useExtension } from '../../api/capabilities';
import { usageQueries, usageSince } from '../../api/usage';
import type { CredentialUsage } from '../../api/usage-schemas';
import { BarChart } from '../../components/bar-chart';
import { Button } from '../../components/button';
import { RelativeTime } from '../../components/relative-time';
import { SkeletonText } from '../../components/skeleton';
import { Table, TBody, Td, Th, THead, Tr } from '../../components/table';
import {
  dailySeries,
  formatUsageDay,
  formatUsageDayLong,
  pluralUses,
  summarizeDays,
  USAGE_DAYS,
} from '../../lib/usage-series';
import './credentials.css';


export function CredentialUsageSection(props: { org: string; serviceAccountId: string; credentialId: string }) {
  const offered = useExtension('usage');
  // Nothing at all while discovery runs or without the extension: no empty chart, no error.
  if (!offered) return null;
  return <UsageCard {...props} />;
}

function UsageCard({ org, serviceAccountId, credentialId }: { org: string; serviceAccountId: string; credentialId: string }) {
  const titleId = useId();
  // Rounded to the day, so the key (shared with the review page's column) changes once a day.
  const since = usageSince('day', USAGE_DAYS - 1);
  const query = useQuery(usageQueries.credential(org, serviceAccountId, credentialId, { bucket: 'day', since }));
  return (
    <section className="card" aria-labelledby={titleId}>
      <div className="card__header">
        <h2 id={titleId}>Usage</h2>
      </div>
      <div className="card__body usage">
        {query.isPending ? (
          <SkeletonText lines={3} label="Loading usage…" />
        ) : query.isError ? (
          <p className="usage__problem">
            Could not load the usage history.{' '}
            <Button size="sm" variant="ghost" onClick={() => void query.refetch()} loading={query.isFetching}>
              Retry
            </Button>
          </p>
        ) : (
          <UsageView usage={query.data} since={since} />
        )}
      </div>
    </section>
  );
}

export function UsageView({ usage, since }: { usage: CredentialUsage; since: string }) {
  const series = dailySeries(usage.items, since, USAGE_DAYS);
  const { total, activeDays, busiest } = summarizeDays(series);
  const first = series[0];
  const last = series[series.length - 1];
  const summary =
    total === 0
      ? `No uses in the last ${USAGE_DAYS} days.`
      : `${pluralUses(total)} in the last ${USAGE_DAYS} days, on ${activeDays} ${activeDays === 1 ? 'day' : 'days'}` +
        (busiest ? `; the busiest was ${formatUsageDayLong(busiest.start)} with ${pluralUses(busiest.count)}.` : '.');
  return (
    <>
      <p className="usage__summary">{summary}</p>
      {total > 0 && (
        <>
          <BarChart
            label={`Uses per day over the last ${USAGE_DAYS} days. ${summary}`}
            bars={series.map((day) => ({
              key: day.start,
              value: day.count,
              tooltip: `${formatUsageDayLong(day.start)}: ${pluralUses(day.count)}`,
            }))}
            maxLabel={(max) => `Most in a day: ${max.toLocaleString()}`}
            startLabel={first && formatUsageDay(first.start)}
            endLabel={last && formatUsageDay(last.start)}
          />
          <details className="usage__table">
            <summary>Uses per day as a table</summary>
            <Table caption={`Uses per day, last ${USAGE_DAYS} days (UTC)`}>
              <THead>
                <Tr>
                  <Th>Day (UTC)</Th>
                  <Th align="end">Uses</Th>
                </Tr>
              </THead>
              <TBody>
                {series.map((day) => (
                  <Tr key={day.start}>
                    <Td>{formatUsageDayLong(day.start)}</Td>
                    <Td align="end">{day.count.toLocaleString()}</Td>
                  </Tr>
                ))}
              </TBody>
            </Table>
          </details>
        </>
      )}
      <LastUsedFrom source={usage.last_used_from} />
    </>
  );
}

function LastUsedFrom({ source }: { source: CredentialUsage['last_used_from'] }) {
  // No source: never used, or last used before the server started recording where from.
  if (!source) return null;
  return (
    <p className="usage__source">
      Last used from <code className="mono">{source.ip}</code>{' '}
      {source.user_agent ? <>({source.user_agent})</> : <span className="muted">(no user agent sent)</span>},{' '}
      <RelativeTime date={source.at} />
    </p>
  );
}
