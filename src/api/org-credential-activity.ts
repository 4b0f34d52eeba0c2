// What other pages read of the organization-wide credential data (org-credentials.ts) without
// loading it or its loader: the service-account list, which is part of the entry, shows each
// account's last activity when the credential review has loaded everything (issue 13).
import { skipToken, useQuery } from '@tanstack/react-query';
import { credentialQueries } from './credentials';
import type { OrgCredentials } from './org-credentials';

/** The query key of the organization's whole credential data (orgCredentialQueries.all). */
export const orgWideKey = (org: string) => [...credentialQueries.all(org), 'org-wide'] as const;

/** Service account id → most recent last use of any of its credentials (null: none ever used). */
export type LastActivityMap = ReadonlyMap<string, string | null>;

export function lastActivityByServiceAccount(data: OrgCredentials): LastActivityMap {
  const latest = new Map<string, { at: number; value: string } | null>();
  for (const sa of data.serviceAccounts) latest.set(sa.id, null);
  for (const credential of data.credentials) {
    if (!credential.last_used_at) continue;
    const at = Date.parse(credential.last_used_at);
    if (Number.isNaN(at)) continue;
    const current = latest.get(credential.service_account.id);
    if (!current || at > current.at) latest.set(credential.service_account.id, { at, value: credential.last_used_at });
  }
  return new Map([...latest].map(([id, entry]) => [id, entry?.value ?? null]));
}

/**
 * For the service-accounts list's "Last activity" column: read from the review page's data if
 * it is already in the cache, never fetched from here (that would load the whole organization
 * for one column). Undefined when not loaded; a service account created since is missing.
 */
export function useServiceAccountLastActivity(org: string): LastActivityMap | undefined {
  const { data } = useQuery({
    queryKey: orgWideKey(org),
    // Only read here: the review page's orgCredentialQueries.all loads it.
    queryFn: skipToken,
    // Half-loaded data would call every account not reached yet "never used".
    select: (loaded: OrgCredentials) => (loaded.complete ? lastActivityByServiceAccount(loaded) : undefined),
  });
  return data;
}
