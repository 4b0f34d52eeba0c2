// Whether the things an activity page names still exist, so it links only to those (a link to a
// deleted credential would lead to "not found"). Audit events keep a target's name from the time
// of the event and cannot say whether it was deleted later, so this asks the API, for the
// distinct targets of the page on screen only, a few at a time.
import { useQuery } from '@tanstack/react-query';
import { auditEventQueries } from '../../api/audit-events';
import { isApiError } from '../../api/client';
import { getCredential } from '../../api/credentials';
import { getServiceAccount } from '../../api/service-accounts';
import type { AuditEvent, AuditTarget } from '../../api/usage-schemas';
import { mapWithConcurrency } from '../../lib/concurrency';

export type TargetStatus = 'exists' | 'deleted' | 'unknown';

/** At most this many existence checks in flight (the page shows at most 100 events). */
export const TARGET_CHECK_CONCURRENCY = 4;

/** Targets the events themselves prove deleted (a deletion on this page, or of their service account). */
export function deletedInEvents(events: readonly AuditEvent[]): Set<string> {
  const deleted = new Set(events.filter((e) => e.action.endsWith('.deleted')).map((e) => e.target.id));
  for (const event of events) {
    const owner = event.target.service_account_id;
    if (owner && deleted.has(owner)) deleted.add(event.target.id);
  }
  return deleted;
}

/** The targets whose existence only the API can tell, one per id, in a stable order. */
export function targetsToCheck(events: readonly AuditEvent[], settled: ReadonlySet<string>): AuditTarget[] {
  const byId = new Map<string, AuditTarget>();
  for (const { target } of events) {
    if (settled.has(target.id) || byId.has(target.id)) continue;
    const checkable = target.type === 'service_account' || (target.type === 'credential' && target.service_account_id);
    if (checkable) byId.set(target.id, target);
  }
  return [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
}

async function checkTarget(org: string, target: AuditTarget, signal: AbortSignal): Promise<TargetStatus> {
  try {
    if (target.type === 'service_account') await getServiceAccount(org, target.id, signal);
    else await getCredential(org, target.service_account_id ?? '', target.id, signal);
    return 'exists';
  } catch (error) {
    if (signal.aborted) throw error;
    // Anything but "not found" (no right to read it, a network error) leaves it undecided: plain text.
    return isApiError(error, 404) ? 'deleted' : 'unknown';
  }
}

/**
 * `statusOf(target)`: 'exists' (link it), 'deleted' (plain text, marked), 'unknown' (plain text),
 * or undefined while being checked.
 */
export function useTargetStatus(org: string, events: readonly AuditEvent[]) {
  const deleted = deletedInEvents(events);
  const targets = targetsToCheck(events, deleted);
  const query = useQuery({
    queryKey: [...auditEventQueries.all(org), 'target-status', targets.map((t) => t.id)] as const,
    queryFn: async ({ signal }) => {
      const statuses = await mapWithConcurrency(targets, (target, _i, taskSignal) => checkTarget(org, target, taskSignal), {
        limit: TARGET_CHECK_CONCURRENCY,
        signal,
      });
      return new Map(targets.map((target, i) => [target.id, statuses[i] ?? 'unknown']));
    },
    enabled: targets.length > 0,
    staleTime: 60_000,
  });
  return (target: AuditTarget): TargetStatus | undefined => {
    if (deleted.has(target.id)) return 'deleted';
    if (!targets.some((t) => t.id === target.id)) return 'unknown';
    return query.data?.get(target.id) ?? (query.isError ? 'unknown' : undefined);
  };
}
