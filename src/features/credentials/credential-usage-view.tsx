// The credential page's usage, drawn: totals in words, a bar per day, the numbers as a table,
// and where the last use came from. Loaded on demand by credential-usage-section.tsx.
import type { CredentialUsage } from '../../api/usage-schemas';
import { BarChart } from '../../components/bar-chart';
import { RelativeTime } from '../../components/relative-time';
import { Table, TBody, Td, Th, THead, Tr } from '../../components/table';
import {
  dailySeries,
  formatUsageDay,
  formatUsageDayLong,
  pluralUses,
  summarizeDays,
  USAGE_DAYS,
} from '../../lib/usage-series';

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
