// The review page's "Uses (30 days)" column (the server's `usage` extension): one usage request
// per credential on screen, at most USAGE_CONCURRENCY at a time, cached per credential (the
// credential page reads the same entries). Kept apart from the table's own data flow on purpose.
import { useQueries, type QueryClient } from '@tanstack/react-query';
import { getCredentialUsage, usageQueries, usageSince } from '../../api/usage';
import type { CredentialUsage } from '../../api/usage-schemas';
import { createLimiter, mapWithConcurrency } from '../../api/concurrency';
import { totalUses, USAGE_DAYS } from '../../lib/usage-series';

export const USAGE_CONCURRENCY = 4;
const limiter = createLimiter(USAGE_CONCURRENCY);

/** A credential by its ids: what a usage request needs. */
export interface UsageTarget {
  id: string;
  service_account: { id: string };
}

/** Uses in the last 30 days, or whether that is still loading or failed. */
export type UsesCell = { state: 'loaded'; uses: number } | { state: 'loading' } | { state: 'error' };

function last30Days(org: string, target: UsageTarget) {
  // Rounded to the day: the same key as the credential page's chart, stable all day.
  const params = { bucket: 'day', since: usageSince('day', USAGE_DAYS - 1) } as const;
  const options = usageQueries.credential(org, target.service_account.id, target.id, params);
  const fetchUsage = (signal?: AbortSignal) =>
    getCredentialUsage(org, target.service_account.id, target.id, params, signal);
  return { options, fetchUsage };
}

function uses30(usage: CredentialUsage): number {
  return totalUses(usage.items);
}

/** Uses per credential id for `targets` (the rows on screen); empty when `enabled` is false. */
export function useUsesLast30Days(org: string, targets: readonly UsageTarget[], enabled: boolean): ReadonlyMap<string, UsesCell> {
  return useQueries({
    queries: (enabled ? targets : []).map((target) => {
      const { options, fetchUsage } = last30Days(org, target);
      return {
        ...options,
        queryFn: ({ signal }: { signal: AbortSignal }) => limiter.run(() => fetchUsage(signal), signal),
        staleTime: 5 * 60_000,
        select: uses30,
      };
    }),
    combine: (results) =>
      new Map(
        results.map((result, i): [string, UsesCell] => [
          targets[i]?.id ?? '',
          result.isSuccess ? { state: 'loaded', uses: result.data } : result.isError ? { state: 'error' } : { state: 'loading' },
        ]),
      ),
  });
}

/**
 * For the CSV: uses of every exported credential, from the cache where the table loaded them and
 * from the API for the rest, USAGE_CONCURRENCY at a time. A credential whose usage cannot be read
 * is left out of the map (an empty cell) rather than failing the export.
 */
export async function loadUsesForExport(
  queryClient: QueryClient,
  org: string,
  targets: readonly UsageTarget[],
  signal?: AbortSignal,
): Promise<ReadonlyMap<string, number>> {
  const counts = await mapWithConcurrency(
    targets,
    async (target, _i, taskSignal) => {
      const { options, fetchUsage } = last30Days(org, target);
      const cached = queryClient.getQueryData(options.queryKey);
      if (cached) return uses30(cached);
      try {
        return uses30(await fetchUsage(taskSignal));
      } catch (error) {
        if (taskSignal.aborted) throw error;
        return undefined;
      }
    },
    { limit: USAGE_CONCURRENCY, signal },
  );
  return new Map(
    targets.flatMap((target, i): [string, number][] => {
      const count = counts[i];
      return count === undefined ? [] : [[target.id, count]];
    }),
  );
}
