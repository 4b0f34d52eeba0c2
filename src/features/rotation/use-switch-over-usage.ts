import { useQuery } from '@tanstack/react-query';
import { isApiError } from '../../api/client';
import { capabilityQueries } from '../../api/capabilities';
import type { CredentialUsage } from '../../api/usage-schemas';
import { usageQueries, usageSince } from '../../api/usage';
import { longestGapBetweenUses, USAGE_HISTORY_MS } from '../../lib/rotation';
import { ROTATION_POLL_MS } from './use-rotation';

const HOUR = 3_600_000;
const HISTORY_HOURS = USAGE_HISTORY_MS / HOUR;

/** The chart starts at the replacement's creation, but never shows less than the last 24 hours. */
export function chartStart(replacementCreatedAt: string, now: number): number {
  const created = Date.parse(replacementCreatedAt);
  const dayAgo = now - 24 * HOUR;
  const start = Number.isNaN(created) ? dayAgo : Math.min(created, dayAgo);
  // Hourly buckets are kept 14 days; round to the hour so the query key changes once an hour.
  return Math.max(Math.floor(start / HOUR) * HOUR, Date.parse(usageSince('hour', HISTORY_HOURS - 1, now)));
}

/** A credential deleted meanwhile (the revoke) has no usage: nothing to show, nothing to report. */
async function orNothingIfGone(fetch: () => CredentialUsage | Promise<CredentialUsage>): Promise<CredentialUsage> {
  try {
    return await fetch();
  } catch (error) {
    if (isApiError(error, 404)) return { items: [] };
    throw error;
  }
}

/**
 * Uses per hour of the old credential (its last 14 days: the chart, and the longest gap between
 * its uses for the observation window) and of the replacement (since the chart starts), polled
 * like the rest of the step. Only when the server offers the `usage` extension: otherwise
 * nothing is requested and `offered` is false.
 */
export function useSwitchOverUsage(
  org: string,
  serviceAccountId: string,
  oldId: string | null,
  replacement: { id: string; created_at: string } | null,
  now: number,
) {
  // Discovery itself, not just useExtension: a failed discovery must not hold the page back.
  const discovery = useQuery(capabilityQueries.discovery());
  const offered = discovery.data?.includes('usage') === true;
  const oldOptions = usageQueries.credential(org, serviceAccountId, oldId ?? '', {
    bucket: 'hour',
    since: usageSince('hour', HISTORY_HOURS - 1, now),
  });
  const old = useQuery({
    ...oldOptions,
    queryFn: (context) => orNothingIfGone(() => oldOptions.queryFn!(context)),
    enabled: offered && oldId !== null,
    refetchInterval: replacement ? ROTATION_POLL_MS : false,
  });
  const start = replacement ? chartStart(replacement.created_at, now) : now;
  const newOptions = usageQueries.credential(org, serviceAccountId, replacement?.id ?? '', {
    bucket: 'hour',
    since: new Date(start).toISOString(),
  });
  const fresh = useQuery({
    ...newOptions,
    queryFn: (context) => orNothingIfGone(() => newOptions.queryFn!(context)),
    enabled: offered && replacement !== null,
    refetchInterval: ROTATION_POLL_MS,
  });
  const oldItems = old.data?.items ?? null;
  return {
    offered,
    /** Until discovery and the old credential's history are in, W may still grow: do not call it safe yet. */
    pending: oldId !== null && (discovery.isPending || (offered && old.isPending)),
    start,
    old: oldItems,
    replacement: fresh.data?.items ?? null,
    usageGapMs: oldItems ? longestGapBetweenUses(oldItems, new Date(now)) : null,
  };
}
