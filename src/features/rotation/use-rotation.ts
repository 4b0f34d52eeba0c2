import { useQuery } from '@tanstack/react-query';
import { credentialQueries } from '../../api/credentials';
import { LIMIT_MAX, type Credential, type CredentialList } from '../../api/schemas';
import { useNow } from '../../components/use-now';
import { findReplacement } from '../../lib/rotation';

/** While clients switch over, the page re-reads last_used_at this often. */
export const ROTATION_POLL_MS = 5_000;

/**
 * One service account's credentials in a single page: the rotation flow needs the old credential
 * and any replacement pointing at it. Service accounts hold a handful, far below LIMIT_MAX.
 */
export const rotationCredentialsQuery = (org: string, serviceAccountId: string) =>
  credentialQueries.list(org, serviceAccountId, { limit: LIMIT_MAX });

function switchingOver(credentialId: string, list: CredentialList | undefined): boolean {
  const items = list?.items ?? [];
  return items.some((c) => c.id === credentialId) && findReplacement(credentialId, items) !== null;
}

/**
 * The old credential and its replacement, from the API's data only (the replacement is found
 * by the marker in its description), so any browser resumes at the right step. Polls while
 * both exist, i.e. while clients are switching over. `now` is never older than the data, so a
 * use recorded seconds ago is not mistaken for one in the future.
 */
export function useRotationCredentials(org: string, serviceAccountId: string, credentialId: string) {
  const clock = useNow();
  const query = useQuery({
    ...rotationCredentialsQuery(org, serviceAccountId),
    refetchInterval: (q) => (switchingOver(credentialId, q.state.data) ? ROTATION_POLL_MS : false),
  });
  const items: readonly Credential[] = query.data?.items ?? [];
  return {
    query,
    old: items.find((c) => c.id === credentialId) ?? null,
    replacement: findReplacement(credentialId, items),
    now: new Date(Math.max(clock, query.dataUpdatedAt)),
  };
}
