// The `usage` extension: uses of a credential per hour or day, and where the last one came from.
// Only call it when `useExtension('usage')` is true: the vendor's API has no such endpoint.
import { queryOptions } from '@tanstack/react-query';
import { apiPath, apiRequest } from './client';
import { credentialQueries } from './credentials';
import { CredentialUsageSchema, type CredentialUsage, type UsageBucket } from './usage-schemas';

export interface UsageParams {
  bucket: UsageBucket;
  /** RFC 3339; the server's retention window when absent. Round it (see `usageSince`) so keys stay stable. */
  since?: string | undefined;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * The start of the bucket `count` buckets before the current one (UTC), e.g. `usageSince('day', 29)`
 * for the last 30 days including today. Rounded to a bucket start, so a query key built from it
 * changes once per hour or day, not on every render.
 */
export function usageSince(bucket: UsageBucket, count: number, now: number = Date.now()): string {
  const size = bucket === 'hour' ? HOUR_MS : DAY_MS;
  return new Date(Math.floor(now / size) * size - count * size).toISOString();
}

/** The key form of usage params: an absent `since` is left out. */
function normalizeUsageParams(params: UsageParams): UsageParams {
  return params.since ? { bucket: params.bucket, since: params.since } : { bucket: params.bucket };
}

export function getCredentialUsage(
  org: string,
  serviceAccountId: string,
  credentialId: string,
  params: UsageParams,
  signal?: AbortSignal,
): Promise<CredentialUsage> {
  return apiRequest(
    apiPath`/organizations/${org}/service-accounts/${serviceAccountId}/credentials/${credentialId}/usage`,
    { query: { ...normalizeUsageParams(params) }, expand: [], schema: CredentialUsageSchema, signal },
  );
}

export const usageQueries = {
  /**
   * Under the credential's detail key: credential mutations (which invalidate
   * `credentialQueries.all(org)`) refresh it, and removing a deleted credential's detail
   * removes its usage too. Poll it with `refetchInterval` where the chart is live.
   */
  credential: (org: string, serviceAccountId: string, credentialId: string, params: UsageParams) => {
    const keyParams = normalizeUsageParams(params);
    return queryOptions({
      queryKey: [...credentialQueries.detail(org, serviceAccountId, credentialId).queryKey, 'usage', keyParams] as const,
      queryFn: ({ signal }) => getCredentialUsage(org, serviceAccountId, credentialId, keyParams, signal),
    });
  },
};
