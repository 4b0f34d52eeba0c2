// Every credential of an organization in one query. The API has no org-wide credential list
// and no search, so this walks every service account page, then every service account's
// credential pages, a few at a time. Progress goes to a small store beside the query (a
// queryFn cannot report progress through the cache), so the review page can show a bar.
import { queryOptions, useMutation, type QueryClient } from '@tanstack/react-query';
import { useCallback, useSyncExternalStore } from 'react';
import { createLimiter, settleWithConcurrency, type Settled } from './concurrency';
import { isApiError } from './client';
import { credentialQueries, deleteCredential, listCredentials } from './credentials';
import { orgCredentialIndexQueries, removeFromOrgCredentialIndex } from './org-credential-index';
import { LIMIT_MAX, type Credential, type Permissions, type ServiceAccount } from './schemas';
import { listServiceAccounts } from './service-accounts';
import { walkPages } from './walk-pages';
import { orgWideKey } from './org-credential-activity';

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
  /** Where the load stands; `complete` once every service account's credentials are in. */
  progress: OrgCredentialsProgress;
  complete: boolean;
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

async function listAllCredentials(org: string, serviceAccount: ServiceAccount, signal: AbortSignal) {
  const credentials: OrgCredential[] = [];
  const owner = { id: serviceAccount.id, name: serviceAccount.name };
  try {
    const pages = walkPages((after) => listCredentials(org, serviceAccount.id, { limit: LIMIT_MAX, after }, signal));
    for await (const page of pages) {
      for (const credential of page.items) credentials.push({ ...credential, service_account: owner });
    }
  } catch (error) {
    // Deleted between listing it and reading its credentials: it has none any more.
    if (isApiError(error, 404)) return [];
    throw error;
  }
  return credentials;
}

/** What arrived since the previous chunk, and where the load stands. */
export interface OrgCredentialsChunk {
  serviceAccounts: OrgServiceAccount[];
  credentials: OrgCredential[];
  permissions?: Permissions | undefined;
  progress: OrgCredentialsProgress;
}

/** Between two chunks: often enough to look live, rarely enough that 10,000 pages are not 10,000 renders. */
export const CHUNK_EVERY_MS = 250;
/** Past this many credentials each render costs more (rows rebuilt and sorted): chunks come 4× less often. */
const MANY_CREDENTIALS = 5_000;

/**
 * Streams the organization's credentials as they arrive. Credential requests start as soon as
 * the first page of service accounts is in (at most ORG_CREDENTIALS_CONCURRENCY at once), so
 * the first rows come after two round trips, not after the whole listing. The first chunk goes
 * out at once, the next ones at most every CHUNK_EVERY_MS; the last one has phase 'done'.
 */
export async function* streamOrgCredentials(
  org: string,
  signal: AbortSignal,
  { chunkEveryMs = CHUNK_EVERY_MS }: { chunkEveryMs?: number } = {},
): AsyncGenerator<OrgCredentialsChunk> {
  let pending: OrgCredentialsChunk = {
    serviceAccounts: [],
    credentials: [],
    progress: { phase: 'service-accounts', serviceAccountsListed: 0, serviceAccountsLoaded: 0, credentialsLoaded: 0 },
  };
  let dirty = false;
  let wake: (() => void) | undefined;
  const notify = () => {
    dirty = true;
    wake?.();
  };
  const progress = () => pending.progress;

  const limit = createLimiter(ORG_CREDENTIALS_CONCURRENCY, signal);
  const producer = (async () => {
    const loads: Promise<void>[] = [];
    for await (const page of walkPages((after) => listServiceAccounts(org, { limit: LIMIT_MAX, after }, signal))) {
      pending.permissions ??= page.permissions;
      pending.serviceAccounts.push(...page.items.map(({ id, name, permissions }) => ({ id, name, permissions })));
      pending.progress = { ...progress(), serviceAccountsListed: progress().serviceAccountsListed + page.items.length };
      for (const serviceAccount of page.items) {
        loads.push(
          limit(async () => {
            const credentials = await listAllCredentials(org, serviceAccount, signal);
            pending.credentials.push(...credentials);
            pending.progress = {
              ...progress(),
              serviceAccountsLoaded: progress().serviceAccountsLoaded + 1,
              credentialsLoaded: progress().credentialsLoaded + credentials.length,
            };
            notify();
          }),
        );
      }
      notify();
    }
    pending.progress = { ...progress(), phase: 'credentials' };
    notify();
    await Promise.all(loads);
    pending.progress = { ...progress(), phase: 'done' };
  })();
  // Set by the producer while this generator awaits: an object, so TypeScript does not narrow it.
  const outcome: { finished: boolean; failure?: { error: unknown } } = { finished: false };
  producer.then(
    () => {
      outcome.finished = true;
      notify();
    },
    (error: unknown) => {
      outcome.failure = { error };
      limit.stop();
      notify();
    },
  );

  let lastYield = 0;
  for (;;) {
    if (outcome.failure) throw outcome.failure.error;
    if (outcome.finished || dirty) {
      const every = pending.progress.credentialsLoaded > MANY_CREDENTIALS ? chunkEveryMs * 4 : chunkEveryMs;
      const wait = lastYield === 0 || outcome.finished ? 0 : lastYield + every - Date.now();
      if (wait > 0) {
        await sleep(wait, signal);
        continue;
      }
      const chunk = pending;
      pending = { serviceAccounts: [], credentials: [], progress: chunk.progress };
      dirty = false;
      lastYield = Date.now();
      yield chunk;
      if (chunk.progress.phase === 'done') return;
      continue;
    }
    await new Promise<void>((resolve) => {
      wake = resolve;
    });
    wake = undefined;
    signal.throwIfAborted();
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** Adds a chunk to what arrived before (the streamed query's reducer). */
export function addOrgCredentialsChunk(data: OrgCredentials, chunk: OrgCredentialsChunk): OrgCredentials {
  return {
    serviceAccounts: chunk.serviceAccounts.length ? [...data.serviceAccounts, ...chunk.serviceAccounts] : data.serviceAccounts,
    credentials: chunk.credentials.length ? data.credentials.concat(chunk.credentials) : data.credentials,
    permissions: data.permissions ?? chunk.permissions,
    progress: chunk.progress,
    complete: chunk.progress.phase === 'done',
    loadedAt: new Date().toISOString(),
  };
}

export const EMPTY_ORG_CREDENTIALS: OrgCredentials = {
  serviceAccounts: [],
  credentials: [],
  progress: { phase: 'service-accounts', serviceAccountsListed: 0, serviceAccountsLoaded: 0, credentialsLoaded: 0 },
  complete: false,
  loadedAt: new Date(0).toISOString(),
};

/** The whole organization at once (credentials in service-account order); `onProgress` sees each chunk. */
export async function loadOrgCredentials(
  org: string,
  signal: AbortSignal,
  onProgress: (progress: OrgCredentialsProgress) => void = () => {},
): Promise<OrgCredentials> {
  let data = EMPTY_ORG_CREDENTIALS;
  for await (const chunk of streamOrgCredentials(org, signal, { chunkEveryMs: 0 })) {
    data = addOrgCredentialsChunk(data, chunk);
    onProgress(chunk.progress);
  }
  const order = new Map(data.serviceAccounts.map((sa, i) => [sa.id, i]));
  const credentials = [...data.credentials].sort(
    (a, b) => (order.get(a.service_account.id) ?? 0) - (order.get(b.service_account.id) ?? 0),
  );
  return { ...data, credentials };
}

export const orgCredentialQueries = {
  /**
   * Under credentialQueries.all(org) so that credential mutations elsewhere (create, rotate,
   * delete) mark it stale. Loading it is expensive, so it is not refetched on window focus.
   * Streamed into the cache: `data` grows as pages arrive (`complete` says when it is whole),
   * except that a reload of complete data keeps the old data on screen until the new is in.
   */
  all: (org: string) =>
    queryOptions({
      queryKey: orgWideKey(org),
      queryFn: async ({ client, signal }): Promise<OrgCredentials> => {
        // A first load, or one cut short (its observers left and came back): show rows as they come.
        const live = !client.getQueryData<OrgCredentials>(orgWideKey(org))?.complete;
        let data = EMPTY_ORG_CREDENTIALS;
        for await (const chunk of streamOrgCredentials(org, signal)) {
          setProgress(org, chunk.progress);
          data = addOrgCredentialsChunk(data, chunk);
          if (live) client.setQueryData(orgWideKey(org), data);
        }
        return data;
      },
      staleTime: 5 * 60_000,
      gcTime: 30 * 60_000,
      refetchOnWindowFocus: false,
      // Comparing a reload (or a bulk revoke's update) with the old data object by object costs
      // ~150 ms at 30,000 credentials, to keep references nothing depends on.
      structuralSharing: false,
    }),
};

// ---------- bulk revoke ----------

export interface RevokeTarget {
  id: string;
  serviceAccountId: string;
}

export interface RevokeOutcome {
  target: RevokeTarget;
  result: Settled<void>;
}

/**
 * Drops deleted credentials from the cached org-wide data and from the server index's cached
 * pages, so the table is right without reloading everything.
 */
export function removeFromOrgCredentials(queryClient: QueryClient, org: string, ids: ReadonlySet<string>) {
  queryClient.setQueryData(orgCredentialQueries.all(org).queryKey, (data) =>
    data && { ...data, credentials: data.credentials.filter((c) => !ids.has(c.id)) },
  );
  removeFromOrgCredentialIndex(queryClient, org, ids);
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
      // Per-service-account lists and the index's counts only: the org-wide data and the
      // index's pages are already right, and costly to reload.
      return Promise.all([
        ...[...touched].map((saId) => client.invalidateQueries({ queryKey: credentialQueries.lists(org, saId) })),
        client.invalidateQueries({ queryKey: orgCredentialIndexQueries.statsKey(org) }),
      ]).then(() => undefined);
    },
  });
}
