import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { deferred } from '../test/deferred';
import { ApiError } from './client';
import { useCreateCredential } from './credential-mutations';
import { credentialQueries } from './credentials';
import { listDevPrincipals } from './dev';
import type { Credential, CredentialList, ServiceAccount, ServiceAccountList } from './schemas';
import { useDeleteServiceAccount, useUpdateServiceAccount } from './service-account-mutations';
import { serviceAccountQueries } from './service-accounts';

const T = '2026-11-30T03:55:39.123Z';
const sa = (id: string, name: string): ServiceAccount => ({
  id,
  name,
  description: 'old',
  created_at: T,
  updated_at: T,
  permissions: { service_accounts: { read: true, update: true, delete: true } },
});
const pageInfo = { has_next_page: false, has_prev_page: false };
const A = sa('aaaaaaaaaaaaaaaaaaaaaaaaaa', 'alpha');
const B = sa('bbbbbbbbbbbbbbbbbbbbbbbbbb', 'beta');

function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

let fetchMock: ReturnType<typeof vi.fn<typeof globalThis.fetch>>;
let client: QueryClient;
const wrapper = ({ children }: { children: ReactNode }) => (
  <QueryClientProvider client={client}>{children}</QueryClientProvider>
);

const listKey = serviceAccountQueries.list('acme', { limit: 50 }).queryKey;
const detailKey = serviceAccountQueries.detail('acme', A.id).queryKey;

beforeEach(() => {
  fetchMock = vi.fn<typeof globalThis.fetch>();
  vi.stubGlobal('fetch', fetchMock);
  client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  client.setQueryData<ServiceAccountList>(listKey, { items: [A, B], page_info: pageInfo });
  client.setQueryData(detailKey, A);
});

afterEach(() => {
  vi.unstubAllGlobals();
  client.clear();
});

describe('useDeleteServiceAccount', () => {
  it('removes the row from cached lists at once and forgets the detail on success', async () => {
    const response = deferred<Response>();
    fetchMock.mockImplementation((_input, init) =>
      init?.method === 'DELETE' ? response.promise : Promise.resolve(json({ items: [B], page_info: pageInfo })),
    );
    const { result } = renderHook(() => useDeleteServiceAccount('acme'), { wrapper });
    act(() => result.current.mutate(A.id));

    await waitFor(() => expect(client.getQueryData<ServiceAccountList>(listKey)?.items).toEqual([B]));
    response.resolve(new Response(null, { status: 204 }));
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(client.getQueryData(detailKey)).toBeUndefined();
    expect(String(fetchMock.mock.calls[0]?.[0])).toBe(`/api/organizations/acme/service-accounts/${A.id}`);
  });

  it('puts the row back when the server refuses', async () => {
    fetchMock.mockResolvedValue(json({ status: 403, code: 'permission_denied', message: 'No' }, 403));
    const { result } = renderHook(() => useDeleteServiceAccount('acme'), { wrapper });
    act(() => result.current.mutate(A.id));
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error).toBeInstanceOf(ApiError);
    expect(client.getQueryData<ServiceAccountList>(listKey)?.items.map((i) => i.name)).toEqual(['alpha', 'beta']);
    expect(client.getQueryData(detailKey)).toEqual(A);
  });
});

describe('useUpdateServiceAccount', () => {
  it('patches detail and list optimistically, and keeps the permissions map after the response', async () => {
    const response = deferred<Response>();
    fetchMock.mockImplementation(() => response.promise);
    const { result } = renderHook(() => useUpdateServiceAccount('acme', A.id), { wrapper });
    act(() => result.current.mutate({ name: 'alpha-2', description: '' }));

    await waitFor(() => expect(client.getQueryData<ServiceAccount>(detailKey)?.name).toBe('alpha-2'));
    expect(client.getQueryData<ServiceAccount>(detailKey)?.description).toBe('');
    expect(client.getQueryData<ServiceAccountList>(listKey)?.items[0]?.name).toBe('alpha-2');

    // The PATCH asks for the map, and the server's answer carries it.
    const patchUrl = new URL(String(fetchMock.mock.calls[0]?.[0]), 'http://localhost');
    expect(patchUrl.searchParams.getAll('expand[]')).toEqual(['permissions']);
    response.resolve(json({ ...A, name: 'alpha-2', description: '', updated_at: '2026-12-01T00:00:00Z' }));
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    const detail = client.getQueryData<ServiceAccount>(detailKey);
    expect(detail?.updated_at).toBe('2026-12-01T00:00:00Z');
    expect(detail?.permissions).toEqual(A.permissions);
    expect(client.getQueryState(detailKey)?.isInvalidated).toBe(true);
  });

  it('rolls back on failure', async () => {
    fetchMock.mockResolvedValue(
      json({ status: 409, code: 'conflict', message: 'Taken', details: [{ field: 'name', message: 'Taken' }] }, 409),
    );
    const { result } = renderHook(() => useUpdateServiceAccount('acme', A.id), { wrapper });
    act(() => result.current.mutate({ name: 'beta' }));
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect((result.current.error as ApiError).details).toEqual([{ field: 'name', message: 'Taken' }]);
    expect(client.getQueryData<ServiceAccount>(detailKey)?.name).toBe('alpha');
    expect(client.getQueryData<ServiceAccountList>(listKey)?.items[0]?.name).toBe('alpha');
  });
});

describe('useCreateCredential', () => {
  const created = {
    id: 'cccccccccccccccccccccccccc',
    client_id: 'client-123',
    client_secret: 'top-secret-value',
    name: 'ci',
    created_at: T,
  };
  const credListKey = credentialQueries.list('acme', A.id, { limit: 20 }).queryKey;

  it('hands the secret to the caller only: never to the query cache, and gone after reset', async () => {
    const refreshed: CredentialList = {
      items: [{ ...created, client_secret: undefined } as unknown as Credential],
      page_info: pageInfo,
    };
    client.setQueryData<CredentialList>(credListKey, { items: [], page_info: pageInfo });
    fetchMock.mockImplementation((_input, init) =>
      Promise.resolve(init?.method === 'POST' ? json(created, 201) : json(refreshed)),
    );
    const onSuccess = vi.fn();
    const { result } = renderHook(() => useCreateCredential('acme', A.id), { wrapper });
    act(() => result.current.mutate({ name: 'ci' }, { onSuccess }));
    await waitFor(() => expect(onSuccess).toHaveBeenCalled());

    expect(onSuccess.mock.calls[0]?.[0]).toMatchObject({ client_secret: 'top-secret-value' });
    expect(client.getQueryState(credListKey)?.isInvalidated).toBe(true);
    const cached = JSON.stringify(client.getQueryCache().getAll().map((q) => q.state.data));
    expect(cached).not.toContain('top-secret-value');

    expect(result.current.data?.client_secret).toBe('top-secret-value');
    act(() => result.current.reset());
    await waitFor(() => expect(result.current.data).toBeUndefined());
    await waitFor(() => expect(client.getMutationCache().getAll()).toHaveLength(0));
  });
});

describe('listDevPrincipals', () => {
  it('returns null when demo mode is off (404)', async () => {
    fetchMock.mockResolvedValue(json({ status: 404, code: 'not_found', message: 'Not found' }, 404));
    await expect(listDevPrincipals()).resolves.toBeNull();
    expect(new Headers(fetchMock.mock.calls[0]?.[1]?.headers).has('Authorization')).toBe(false);
  });

  it('still fails on a network error', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));
    await expect(listDevPrincipals()).rejects.toMatchObject({ code: 'network_error' });
  });
});
