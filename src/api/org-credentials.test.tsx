import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from './client';
import { credentialQueries, deleteCredential, listCredentials } from './credentials';
import {
  addOrgCredentialsChunk,
  EMPTY_ORG_CREDENTIALS,
  streamOrgCredentials,
  loadOrgCredentials,
  orgCredentialQueries,
  useBulkRevokeCredentials,
  type OrgCredentials,
} from './org-credentials';
import { lastActivityByServiceAccount, useServiceAccountLastActivity } from './org-credential-activity';
import type { Credential, CredentialList, ServiceAccount, ServiceAccountList } from './schemas';
import { listServiceAccounts } from './service-accounts';

vi.mock('./service-accounts', async (importOriginal) => ({
  ...(await importOriginal<typeof import('./service-accounts')>()),
  listServiceAccounts: vi.fn(),
}));
vi.mock('./credentials', async (importOriginal) => ({
  ...(await importOriginal<typeof import('./credentials')>()),
  listCredentials: vi.fn(),
  deleteCredential: vi.fn(),
}));

const T = '2026-01-01T00:00:00.000Z';
const sa = (i: number): ServiceAccount => ({ id: `sa${i}`, name: `Account ${i}`, created_at: T, updated_at: T });
const cred = (id: string, lastUsed: string | null = null): Credential => ({
  id,
  client_id: `client-${id}`,
  name: id,
  created_at: T,
  last_used_at: lastUsed,
});
const page = <I,>(items: I[], next?: string) => ({
  items,
  page_info: { has_next_page: !!next, has_prev_page: false, end_cursor: next ?? null },
});

afterEach(() => vi.resetAllMocks());

describe('loadOrgCredentials', () => {
  it('follows every cursor, tags credentials with their service account and reports progress', async () => {
    vi.mocked(listServiceAccounts).mockImplementation(async (_org, params) =>
      params.after === 'p2'
        ? (page([sa(3)]) as ServiceAccountList)
        : ({ ...page([sa(1), sa(2)], 'p2'), permissions: { service_accounts: { read: true } } } as ServiceAccountList),
    );
    vi.mocked(listCredentials).mockImplementation(async (_org, saId, params) => {
      if (saId === 'sa1') return (params.after ? page([cred('c1b')]) : page([cred('c1a')], 'next')) as CredentialList;
      if (saId === 'sa2') throw new ApiError({ status: 404, code: 'not_found', message: 'gone' });
      return page([cred('c3')]) as CredentialList;
    });
    const progress = vi.fn();

    const data = await loadOrgCredentials('acme', new AbortController().signal, progress);

    expect(vi.mocked(listServiceAccounts).mock.calls.map((c) => c[1])).toEqual([
      { limit: 1000, after: undefined },
      { limit: 1000, after: 'p2' },
    ]);
    expect(vi.mocked(listCredentials).mock.calls.every((c) => c[2].limit === 1000)).toBe(true);
    expect(data.credentials.map((c) => `${c.service_account.name}/${c.id}`)).toEqual([
      'Account 1/c1a',
      'Account 1/c1b',
      'Account 3/c3',
    ]);
    expect(data.serviceAccounts.map((s) => s.id)).toEqual(['sa1', 'sa2', 'sa3']);
    expect(data.permissions).toEqual({ service_accounts: { read: true } });
    expect(progress).toHaveBeenLastCalledWith({
      phase: 'done',
      serviceAccountsListed: 3,
      serviceAccountsLoaded: 3,
      credentialsLoaded: 3,
    });
  });

  it('keeps at most 6 credential requests in flight', async () => {
    vi.mocked(listServiceAccounts).mockResolvedValue(
      page(Array.from({ length: 20 }, (_, i) => sa(i))) as ServiceAccountList,
    );
    let running = 0;
    let peak = 0;
    vi.mocked(listCredentials).mockImplementation(async () => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, 1));
      running--;
      return page([]) as CredentialList;
    });
    await loadOrgCredentials('acme', new AbortController().signal);
    expect(peak).toBe(6);
    expect(listCredentials).toHaveBeenCalledTimes(20);
  });

  it('fails on an error other than 404 and stops when aborted', async () => {
    vi.mocked(listServiceAccounts).mockResolvedValue(page([sa(1)]) as ServiceAccountList);
    vi.mocked(listCredentials).mockRejectedValue(new ApiError({ status: 500, code: 'internal', message: 'down' }));
    await expect(loadOrgCredentials('acme', new AbortController().signal)).rejects.toThrow('down');

    await expect(loadOrgCredentials('acme', AbortSignal.abort())).rejects.toBeDefined();
  });
});

describe('streamOrgCredentials', () => {
  it('yields credentials while service accounts are still being listed, then a done chunk', async () => {
    let releaseSecondPage: () => void = () => {};
    vi.mocked(listServiceAccounts).mockImplementation(async (_org, params) => {
      if (params.after !== 'p2') return page([sa(1), sa(2)], 'p2') as ServiceAccountList;
      await new Promise<void>((resolve) => {
        releaseSecondPage = resolve;
      });
      return page([sa(3)]) as ServiceAccountList;
    });
    vi.mocked(listCredentials).mockImplementation(async (_org, saId) => page([cred(`c-${saId}`)]) as CredentialList);

    const stream = streamOrgCredentials('acme', new AbortController().signal, { chunkEveryMs: 0 });
    const seen: string[] = [];
    let chunk = await stream.next();
    // Before the second page of service accounts exists, rows of the first page arrive.
    while (!chunk.done && seen.length < 2) {
      seen.push(...chunk.value.credentials.map((c) => c.id));
      expect(chunk.value.progress.phase).toBe('service-accounts');
      if (seen.length < 2) chunk = await stream.next();
    }
    expect(seen.sort()).toEqual(['c-sa1', 'c-sa2']);
    releaseSecondPage();
    let last = chunk;
    for (chunk = await stream.next(); !chunk.done; chunk = await stream.next()) {
      seen.push(...chunk.value.credentials.map((c) => c.id));
      last = chunk;
    }
    expect(seen.sort()).toEqual(['c-sa1', 'c-sa2', 'c-sa3']);
    expect(!last.done && last.value.progress).toEqual({
      phase: 'done',
      serviceAccountsListed: 3,
      serviceAccountsLoaded: 3,
      credentialsLoaded: 3,
    });
  });

  it('adds chunks into one growing, complete-when-done value', () => {
    const progress = { phase: 'done', serviceAccountsListed: 1, serviceAccountsLoaded: 1, credentialsLoaded: 1 } as const;
    const data = addOrgCredentialsChunk(EMPTY_ORG_CREDENTIALS, {
      serviceAccounts: [{ id: 'sa1', name: 'One' }],
      credentials: [{ ...cred('a'), service_account: { id: 'sa1', name: 'One' } }],
      permissions: { service_account_credentials: { delete: true } },
      progress,
    });
    expect(data.complete).toBe(true);
    expect(data.credentials).toHaveLength(1);
    expect(data.permissions).toEqual({ service_account_credentials: { delete: true } });
  });
});

describe('orgCredentialQueries.all', () => {
  it('cancels the load when the page using it goes away', async () => {
    let signal: AbortSignal | undefined;
    vi.mocked(listServiceAccounts).mockImplementation(
      (_org, _params, s) =>
        new Promise((_resolve, reject) => {
          signal = s;
          s?.addEventListener('abort', () => reject(s.reason));
        }),
    );
    const client = new QueryClient();
    const { unmount } = renderHook(() => useQuery(orgCredentialQueries.all('acme')), { wrapper: wrapperFor(client) });
    await waitFor(() => expect(signal).toBeDefined());
    expect(signal?.aborted).toBe(false);
    unmount();
    expect(signal?.aborted).toBe(true);
  });

  it('lives under the credentials key, so credential mutations mark it stale', () => {
    expect(orgCredentialQueries.all('acme').queryKey).toEqual([...credentialQueries.all('acme'), 'org-wide']);
  });
});

const loaded: OrgCredentials = {
  serviceAccounts: [
    { id: 'sa1', name: 'One' },
    { id: 'sa2', name: 'Two' },
  ],
  credentials: [
    { ...cred('a', '2026-03-01T00:00:00.000Z'), service_account: { id: 'sa1', name: 'One' } },
    { ...cred('b', '2026-05-01T00:00:00.000Z'), service_account: { id: 'sa1', name: 'One' } },
    { ...cred('c'), service_account: { id: 'sa2', name: 'Two' } },
  ],
  progress: { phase: 'done', serviceAccountsListed: 2, serviceAccountsLoaded: 2, credentialsLoaded: 3 },
  complete: true,
  loadedAt: T,
};

function wrapperFor(client: QueryClient) {
  return ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}

describe('last activity', () => {
  it('is the most recent use per service account, null when none was used', () => {
    const map = lastActivityByServiceAccount(loaded);
    expect(map.get('sa1')).toBe('2026-05-01T00:00:00.000Z');
    expect(map.get('sa2')).toBeNull();
    expect(map.has('sa9')).toBe(false);
  });

  it('reads the cache only and never starts the org-wide load', async () => {
    const client = new QueryClient();
    const { result, rerender } = renderHook(() => useServiceAccountLastActivity('acme'), {
      wrapper: wrapperFor(client),
    });
    expect(result.current).toBeUndefined();
    expect(listServiceAccounts).not.toHaveBeenCalled();

    act(() => client.setQueryData(orgCredentialQueries.all('acme').queryKey, loaded));
    rerender();
    await waitFor(() => expect(result.current?.get('sa1')).toBe('2026-05-01T00:00:00.000Z'));
    expect(listServiceAccounts).not.toHaveBeenCalled();
  });
});

describe('useBulkRevokeCredentials', () => {
  it('reports each outcome and removes the deleted ones from the org-wide data', async () => {
    const client = new QueryClient();
    const key = orgCredentialQueries.all('acme').queryKey;
    client.setQueryData(key, loaded);
    const listKey = credentialQueries.list('acme', 'sa1', { limit: 50 }).queryKey;
    client.setQueryData(listKey, page([cred('a'), cred('b')]) as CredentialList);
    vi.mocked(deleteCredential).mockImplementation(async (_org, _sa, id) => {
      if (id === 'b') throw new ApiError({ status: 403, code: 'permission_denied', message: 'no' });
      if (id === 'c') throw new ApiError({ status: 404, code: 'not_found', message: 'gone' });
    });
    const onProgress = vi.fn();
    const { result } = renderHook(() => useBulkRevokeCredentials('acme', { onProgress }), {
      wrapper: wrapperFor(client),
    });

    let outcomes: Awaited<ReturnType<typeof result.current.mutateAsync>> = [];
    await act(async () => {
      outcomes = await result.current.mutateAsync([
        { id: 'a', serviceAccountId: 'sa1' },
        { id: 'b', serviceAccountId: 'sa1' },
        { id: 'c', serviceAccountId: 'sa2' },
      ]);
    });

    expect(outcomes.map((o) => `${o.target.id}:${o.result.status}`)).toEqual(['a:fulfilled', 'b:rejected', 'c:rejected']);
    expect(client.getQueryData(key)?.credentials.map((c) => c.id)).toEqual(['b']);
    expect(client.getQueryState(key)?.isInvalidated).toBe(false);
    expect(client.getQueryState(listKey)?.isInvalidated).toBe(true);
    expect(onProgress).toHaveBeenLastCalledWith(3, 3);
  });
});
