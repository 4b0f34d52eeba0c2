// Whether the things an activity page names still exist, so it links only to those (a link to a
// deleted credential would lead to "not found"). Audit events keep a target's name from the time
// of the event and cannot say whether it was deleted later, so this asks the API: one credential
// list per distinct service account on the page (it answers for the account and every credential
// of it at once; a 404 means the account and its credentials are gone), a few at a time.
import { useQuery } from '@tanstack/react-query';
import { auditEventQueries } from '../../api/audit-events';
import { isApiError } from '../../api/client';
import { listCredentials } from '../../api/credentials';
import { LIMIT_MAX } from '../../api/schemas';
import type { AuditEvent, AuditTarget } from '../../api/usage-schemas';
import { mapWithConcurrency } from '../../api/concurrency';

export type TargetStatus = 'exists' | 'deleted' | 'unknown';

/** At most this many existence checks in flight. */
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

/** The service account a target is, or belongs to. */
function ownerOf(target: AuditTarget): string {
  return target.type === 'service_account' ? target.id : (target.service_account_id ?? '');
}

type AccountCheck = { state: 'gone' } | { state: 'unknown' } | { state: 'exists'; credentials: Set<string>; complete: boolean };

async function checkAccount(org: string, serviceAccountId: string, signal: AbortSignal): Promise<AccountCheck> {
  try {
    const page = await listCredentials(org, serviceAccountId, { limit: LIMIT_MAX }, signal);
    return { state: 'exists', credentials: new Set(page.items.map((c) => c.id)), complete: !page.page_info.has_next_page };
  } catch (error) {
    if (signal.aborted) throw error;
    // Anything but "not found" (no right to read it, a network error) leaves it undecided: plain text.
    return isApiError(error, 404) ? { state: 'gone' } : { state: 'unknown' };
  }
}

/** What one account's check says about one of the targets that belong to it. */
export function statusFromAccount(target: AuditTarget, account: AccountCheck): TargetStatus {
  if (account.state === 'gone') return 'deleted';
  if (account.state === 'unknown') return 'unknown';
  if (target.type === 'service_account') return 'exists';
  if (account.credentials.has(target.id)) return 'exists';
  // Beyond the first thousand credentials of one account, absence proves nothing.
  return account.complete ? 'deleted' : 'unknown';
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
      const accounts = [...new Set(targets.map(ownerOf))];
      const checks = await mapWithConcurrency(accounts, (id, _i, taskSignal) => checkAccount(org, id, taskSignal), {
        limit: TARGET_CHECK_CONCURRENCY,
        signal,
      });
      const byAccount = new Map(accounts.map((id, i) => [id, checks[i] ?? ({ state: 'unknown' } as const)]));
      return new Map(
        targets.map((target) => [target.id, statusFromAccount(target, byAccount.get(ownerOf(target)) ?? { state: 'unknown' })]),
      );
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
