// Every credential of an organization in one query. The API has no org-wide credential list
// and no search, so this walks every service account page, then every service account's
// credential pages, a few at a time. Progress goes to a small store beside the query (a
// queryFn cannot report progress through the cache), so the review page can show a bar.
import { queryOptions, useMutation, useQuery, type QueryClient } from '@tanstack/react-query';
import { useCallback, useSyncExternalStore } from 'react';
import { mapWithConcurrency, settleWithConcurrency, type Settled } from '../lib/concurrency';
import { isApiError } from './client';
import { credentialQueries, deleteCredential, listCredentials } from './credentials';
import { LIMIT_MAX, type Credential, type Permissions, type ServiceAccount } from './schemas';
import { listServiceAccounts } from './service-accounts';

/** Parallel requests while loading or bulk-deleting: the browser's per-host connection limit. */
export const ORG_CREDENTIALS_CONCURRENCY = 6;

export interface OrgServiceAccount {
  id: string;
  name: string;
  permissions?: Permissions | undefined;
}

/** A credential together with the service account it belongs to. */
export type OrgCredential = Credential & { service_account: { id: string; name: string } };

export interface OrgCredentials {
  serviceAccounts: OrgServiceAccount[];
  credentials: OrgCredential[];
  /** The caller's rights in the organization (top level of the service-account list), when sent. */
  permissions?: Permissions | undefined;
  loadedAt: string;
}

// ---------- progress ----------

export interface OrgCredentialsProgress {
  phase: 'service-accounts' | 'credentials' | 'done';
  serviceAccountsListed: number;
  /** Service accounts whose credentials are loaded, out of serviceAccountsListed. */
  serviceAccountsLoaded: number;
  credentialsLoaded: number;
}

const progressByOrg = new Map<string, OrgCredentialsProgress>();
const progressListeners = new Set<() => void>();
let lastEmit = 0;
const EMIT_EVERY_MS = 100;

function setProgress(org: string, progress: OrgCredentialsProgress) {
  progressByOrg.set(org, progress);
  // Ten thousand settled requests need not mean ten thousand renders of the progress bar.
  const now = Date.now();
  const milestone = progress.phase !== 'credentials' || progress.serviceAccountsLoaded === progress.serviceAccountsListed;
  if (!milestone && now - lastEmit < EMIT_EVERY_MS) return;
  lastEmit = now;
  progressListeners.forEach((listener) => listener());
}

function subscribeProgress(listener: () => void) {
  progressListeners.add(listener);
  return () => {
    progressListeners.delete(listener);
  };
}

/** The progress of the latest (or running) load of `org`, or undefined before the first one. */
export function useOrgCredentialsProgress(org: string): OrgCredentialsProgress | undefined {
  const getSnapshot = useCallback(() => progressByOrg.get(org), [org]);
  return useSyncExternalStore(subscribeProgress, getSnapshot);
}

// ---------- loading ----------

async function listAllServiceAccounts(org: string, signal: AbortSignal, onPage: (count: number) => void) {
  const serviceAccounts: ServiceAccount[] = [];
  let permissions: Permissions | undefined;
  let after: string | undefined;
  for (;;) {
    const page = await listServiceAccounts(org, { limit: LIMIT_MAX, after }, signal);
    serviceAccounts.push(...page.items);
    permissions ??= page.permissions;
    onPage(serviceAccounts.length);
    if (!page.page_info.has_next_page || !page.page_info.end_cursor) break;
    after = page.page_info.end_cursor;
  }
  return { serviceAccounts, permissions };
}

async function listAllCredentials(org: string, serviceAccount: ServiceAccount, signal: AbortSignal) {
  const credentials: OrgCredential[] = [];
  const owner = { id: serviceAccount.id, name: serviceAccount.name };
  let after: string | undefined;
  try {
    for (;;) {
      const page = await listCredentials(org, serviceAccount.id, { limit: LIMIT_MAX, after }, signal);
      for (const credential of page.items) credentials.push({ ...credential, service_account: owner });
      if (!page.page_info.has_next_page || !page.page_info.end_cursor) break;
      after = page.page_info.end_cursor;
    }
  } catch (error) {
    // Deleted between listing it and reading its credentials: it has none any more.
    if (isApiError(error, 404)) return [];
    throw error;
  }
  return credentials;
}

export async function loadOrgCredentials(
  org: string,
  signal: AbortSignal,
  onProgress: (progress: OrgCredentialsProgress) => void = () => {},
): Promise<OrgCredentials> {
  onProgress({ phase: 'service-accounts', serviceAccountsListed: 0, serviceAccountsLoaded: 0, credentialsLoaded: 0 });
  const { serviceAccounts, permissions } = await listAllServiceAccounts(org, signal, (listed) =>
    onProgress({ phase: 'service-accounts', serviceAccountsListed: listed, serviceAccountsLoaded: 0, credentialsLoaded: 0 }),
  );

  let credentialsLoaded = 0;
  const report = (phase: OrgCredentialsProgress['phase'], loaded: number) =>
    onProgress({ phase, serviceAccountsListed: serviceAccounts.length, serviceAccountsLoaded: loaded, credentialsLoaded });
  report('credentials', 0);
  const perAccount = await mapWithConcurrency(
    serviceAccounts,
    async (serviceAccount, _index, taskSignal) => {
      const credentials = await listAllCredentials(org, serviceAccount, taskSignal);
      credentialsLoaded += credentials.length;
      return credentials;
    },
    { limit: ORG_CREDENTIALS_CONCURRENCY, signal, onProgress: (done) => report('credentials', done) },
  );
  report('done', serviceAccounts.length);

  return {
    serviceAccounts: serviceAccounts.map(({ id, name, permissions: p }) => ({ id, name, permissions: p })),
    credentials: perAccount.flat(),
    permissions,
    loadedAt: new Date().toISOString(),
  };
}

export const orgCredentialQueries = {
  /**
   * Under credentialQueries.all(org) so that credential mutations elsewhere (create, rotate,
   * delete) mark it stale. Loading it is expensive, so it is not refetched on window focus.
   */
  all: (org: string) =>
    queryOptions({
      queryKey: [...credentialQueries.all(org), 'org-wide'] as const,
      queryFn: ({ signal }) => loadOrgCredentials(org, signal, (progress) => setProgress(org, progress)),
      staleTime: 5 * 60_000,
      gcTime: 30 * 60_000,
      refetchOnWindowFocus: false,
      // Comparing a reload (or a bulk revoke's update) with the old data object by object costs
      // ~150 ms at 30,000 credentials, to keep references nothing depends on.
      structuralSharing: false,
    }),
};

// ---------- derived data for other pages ----------

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
    ...orgCredentialQueries.all(org),
    enabled: false,
    select: lastActivityByServiceAccount,
  });
  return data;
}

// ---------- bulk revoke ----------

export interface RevokeTarget {
  id: string;
  serviceAccountId: string;
}

export interface RevokeOutcome {
  target: RevokeTarget;
  result: Settled<void>;
}

/** Drops deleted credentials from the cached org-wide data, so the table is right without reloading everything. */
export function removeFromOrgCredentials(queryClient: QueryClient, org: string, ids: ReadonlySet<string>) {
  queryClient.setQueryData(orgCredentialQueries.all(org).queryKey, (data) =>
    data && { ...data, credentials: data.credentials.filter((c) => !ids.has(c.id)) },
  );
}

/**
 * Deletes many credentials, a few at a time. Resolves with every outcome (it does not reject
 * when some fail) so the caller can report each one. `onProgress(done, total)` is optional.
 */
export function useBulkRevokeCredentials(org: string, options: { onProgress?: (done: number, total: number) => void } = {}) {
  const { onProgress } = options;
  return useMutation({
    mutationKey: [...credentialQueries.all(org), 'bulk-delete'],
    mutationFn: async (targets: readonly RevokeTarget[]): Promise<RevokeOutcome[]> => {
      const results = await settleWithConcurrency(
        targets,
        (target, _i, signal) => deleteCredential(org, target.serviceAccountId, target.id, signal),
        { limit: ORG_CREDENTIALS_CONCURRENCY, onProgress },
      );
      return targets.map((target, i) => ({ target, result: results[i] ?? { status: 'rejected', reason: undefined } }));
    },
    onSuccess: (outcomes, _targets, _onMutateResult, { client }) => {
      // A 404 means it was already gone: as good as deleted for the table.
      const gone = outcomes.filter(
        ({ result }) => result.status === 'fulfilled' || isApiError(result.reason, 404),
      );
      removeFromOrgCredentials(client, org, new Set(gone.map(({ target }) => target.id)));
      const touched = new Set(outcomes.map(({ target }) => target.serviceAccountId));
      for (const { target } of gone) {
        client.removeQueries({ queryKey: credentialQueries.detail(org, target.serviceAccountId, target.id).queryKey });
      }
      // Per-service-account lists only: the org-wide data is already right and costly to reload.
      return Promise.all(
        [...touched].map((saId) => client.invalidateQueries({ queryKey: credentialQueries.lists(org, saId) })),
      ).then(() => undefined);
    },
  });
}
