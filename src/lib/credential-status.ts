// Credential health rules. Every threshold the console uses lives in CREDENTIAL_POLICY so
// the status column, the review page and the rotation reminders can never disagree.

export interface CredentialPolicy {
  /** Used within this many days (inclusive) → active. */
  activeWithinDays: number;
  /** Last used more than this many days ago → stale. Between the two → idle. */
  staleAfterDays: number;
  /** A never-used credential gets this many days (inclusive) to see its first use before it counts as stale. */
  neverUsedGraceDays: number;
  /** Older than this many days → rotation due. */
  rotationAgeDays: number;
}

export const CREDENTIAL_POLICY = {
  activeWithinDays: 30,
  staleAfterDays: 90,
  neverUsedGraceDays: 7,
  rotationAgeDays: 90,
} satisfies CredentialPolicy;

export type CredentialStatus = 'active' | 'idle' | 'stale' | 'new';

/** Display order: the ones needing attention first. */
export const CREDENTIAL_STATUSES: readonly CredentialStatus[] = ['stale', 'idle', 'active', 'new'];

export interface CredentialTimes {
  created_at: string;
  last_used_at?: string | null;
}

export const DAY_MS = 24 * 60 * 60 * 1000;

function parseTime(value: string | null | undefined): number | null {
  if (!value) return null;
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : t;
}

/**
 * Milliseconds between `value` and `now`, clamped at 0: a timestamp in the future (the
 * server's clock ahead of ours) reads as "just now" rather than a negative age.
 */
function elapsedMs(value: number, now: Date): number {
  return Math.max(0, now.getTime() - value);
}

/** Whole-or-fractional days since the credential's last use, or null when never used. */
export function daysSinceLastUse(c: CredentialTimes, now: Date): number | null {
  const used = parseTime(c.last_used_at);
  return used === null ? null : elapsedMs(used, now) / DAY_MS;
}

/** Age of the credential in days (0 for a created_at in the future or unparsable). */
export function credentialAgeDays(c: CredentialTimes, now: Date): number {
  const created = parseTime(c.created_at);
  return created === null ? 0 : elapsedMs(created, now) / DAY_MS;
}

export function credentialStatus(
  c: CredentialTimes,
  now: Date,
  policy: CredentialPolicy = CREDENTIAL_POLICY,
): CredentialStatus {
  const sinceUse = daysSinceLastUse(c, now);
  if (sinceUse === null) {
    return credentialAgeDays(c, now) > policy.neverUsedGraceDays ? 'stale' : 'new';
  }
  // Stale is checked first so that a stale threshold lowered below the active window
  // (the review page lets people do that) still reports what they asked to find.
  if (sinceUse > policy.staleAfterDays) return 'stale';
  if (sinceUse <= policy.activeWithinDays) return 'active';
  return 'idle';
}

export function isRotationDue(
  c: Pick<CredentialTimes, 'created_at'>,
  now: Date,
  policy: CredentialPolicy = CREDENTIAL_POLICY,
): boolean {
  return credentialAgeDays({ created_at: c.created_at }, now) > policy.rotationAgeDays;
}

/** When the credential reaches the policy's rotation age, or null when created_at is unparsable. */
export function rotationDueAt(
  c: Pick<CredentialTimes, 'created_at'>,
  policy: CredentialPolicy = CREDENTIAL_POLICY,
): Date | null {
  const created = parseTime(c.created_at);
  return created === null ? null : new Date(created + policy.rotationAgeDays * DAY_MS);
}

/**
 * The windows each status covers, as the counting rules in credentialStatus actually apply them:
 * a stale threshold at or under the active window shrinks "active" to it and leaves "idle" empty.
 */
export function effectiveWindows(policy: CredentialPolicy = CREDENTIAL_POLICY) {
  const activeDays = Math.min(policy.activeWithinDays, policy.staleAfterDays);
  return { activeDays, staleDays: policy.staleAfterDays, idleEmpty: activeDays >= policy.staleAfterDays };
}

export interface StatusDescription {
  label: string;
  /** One sentence explaining the rule, for a tooltip or a legend. */
  description: string;
  /** Visual tone; maps onto the Badge component's variants. */
  tone: 'success' | 'warning' | 'danger' | 'neutral';
}

export function describeCredentialStatus(
  status: CredentialStatus,
  policy: CredentialPolicy = CREDENTIAL_POLICY,
): StatusDescription {
  // Every sentence comes from the same windows credentialStatus() counts with, so a lowered
  // stale threshold cannot make the definitions contradict the totals.
  const { activeDays, staleDays, idleEmpty } = effectiveWindows(policy);
  switch (status) {
    case 'active':
      return {
        label: 'Active',
        description: `Used within the last ${plural(activeDays, 'day')}.`,
        tone: 'success',
      };
    case 'idle':
      return {
        label: 'Idle',
        description: idleEmpty
          ? `None: with the stale threshold at ${plural(staleDays, 'day')}, a credential is either active or stale.`
          : `Last used more than ${plural(activeDays, 'day')} and at most ${plural(staleDays, 'day')} ago.`,
        tone: 'warning',
      };
    case 'stale':
      return {
        label: 'Stale',
        description: `Not used for more than ${plural(policy.staleAfterDays, 'day')}, or never used and older than ${plural(policy.neverUsedGraceDays, 'day')}.`,
        tone: 'danger',
      };
    case 'new':
      return {
        label: 'New',
        description: `Never used, created within the last ${plural(policy.neverUsedGraceDays, 'day')}.`,
        tone: 'neutral',
      };
  }
}

/** What "last used" means, for every place that shows it (so nobody reads "Never used" as proof). */
export const LAST_USED_EXPLANATION =
  'Last used is the last time the credential was exchanged for an access token, as recorded by the server. ' +
  'Clients that cache tokens use the credential less often than they call the API, so "Never used" is a hint, not proof.';

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}
