// How a review view (search text, filters, sort, the page's policy) is asked of the server's
// `org_credentials` extension. The server filters by times, not by status, so each status
// becomes time ranges computed from the page's clock; "stale" is two disjoint selections
// (used long ago, or never used and past the grace period) whose pages are merged.
import type {
  OrgCredentialFilter,
  OrgCredentialSort,
  OrgCredentialStatsPolicy,
} from '../../api/org-credential-index';
import type { CredentialStats } from '../../api/org-credential-schemas';
import { DAY_MS, type CredentialPolicy, type CredentialStatus } from '../../lib/credential-status';
import type { StatusTotals } from './review-rows';
import type { ReviewSearch, SortKey } from './review-search';

const SERVER_SORT: Record<SortKey, OrgCredentialSort> = {
  'last-used': 'last_used_at',
  age: 'created_at',
  name: 'name',
  'service-account': 'service_account_name',
};

/** Used within this many days → active. Stale is checked first, so a lower stale threshold wins. */
function activeDays(policy: CredentialPolicy): number {
  return Math.min(policy.activeWithinDays, policy.staleAfterDays);
}

function daysBefore(nowMs: number, days: number): string {
  return new Date(nowMs - days * DAY_MS).toISOString();
}

/**
 * The selections whose union is the view; empty when nothing can match (idle with a stale
 * threshold at or below the active window).
 */
export function serverSelections(
  search: Pick<ReviewSearch, 'q' | 'serviceAccountId' | 'status' | 'sort' | 'dir' | 'rotationDue'>,
  policy: CredentialPolicy,
  nowMs: number,
): OrgCredentialFilter[] {
  const base: OrgCredentialFilter = {
    q: search.q || undefined,
    service_account_id: search.serviceAccountId ?? undefined,
    sort: SERVER_SORT[search.sort],
    direction: search.dir,
  };
  const ago = (days: number) => daysBefore(nowMs, days);
  const byStatus: Record<CredentialStatus, OrgCredentialFilter[]> = {
    active: [{ ...base, last_used_after: ago(activeDays(policy)) }],
    idle:
      policy.staleAfterDays > policy.activeWithinDays
        ? [{ ...base, last_used_before: ago(policy.activeWithinDays), last_used_after: ago(policy.staleAfterDays) }]
        : [],
    stale: [
      { ...base, last_used_before: ago(policy.staleAfterDays) },
      { ...base, never_used: true, created_before: ago(policy.neverUsedGraceDays) },
    ],
    new: [{ ...base, never_used: true, created_after: ago(policy.neverUsedGraceDays) }],
  };
  // "Rotation due" cuts across the statuses (the page never combines the two): created more than the rotation age ago.
  if (search.rotationDue) return [{ ...base, created_before: ago(policy.rotationAgeDays) }];
  return search.status ? byStatus[search.status] : [base];
}

export function statsPolicy(policy: CredentialPolicy): OrgCredentialStatsPolicy {
  return {
    idle_after_days: activeDays(policy),
    stale_after_days: policy.staleAfterDays,
    new_within_days: policy.neverUsedGraceDays,
    rotation_due_after_days: policy.rotationAgeDays,
  };
}

/** The server's counts in the page's statuses (its `stale` already includes never used past the grace period). */
export function totalsFromStats(stats: CredentialStats): StatusTotals {
  return {
    all: stats.total,
    active: stats.active,
    idle: stats.idle,
    stale: stats.stale,
    new: stats.never_used_new,
    rotationDue: stats.rotation_due,
  };
}

/** How many credentials the view holds, from the totals of its search and service account. */
export function matchingCount(totals: StatusTotals, status: CredentialStatus | null, rotationDue = false): number {
  if (rotationDue) return totals.rotationDue;
  return status ? totals[status] : totals.all;
}
