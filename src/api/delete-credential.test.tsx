import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useDeleteCredential } from './credential-mutations';
import { credentialQueries } from './credentials';
import type { Credential, CredentialList } from './schemas';

const SA = 'ssssssssssssssssssssssssss';
const credential = (id: string): Credential => ({
  id,
  client_id: `client-${id}`,
  name: id,
  created_at: '2026-11-30T03:55:39.123Z',
  last_used_at: null,
});
const A = credential('aaaaaaaaaaaaaaaaaaaaaaaaaa');
const B = credential('bbbbbbbbbbbbbbbbbbbbbbbbbb');
const pageInfo = { has_next_page: false, has_prev_page: false };
const listKey = credentialQueries.list('acme', SA, { limit: 25 }).queryKey;

function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

let fetchMock: ReturnType<typeof vi.fn<typeof globalThis.fetch>>;
let client: QueryClient;
const wrapper = ({ children }: { children: ReactNode }) => (
  <QueryClientProvider client={client}>{children}</QueryClientProvider>
);

beforeEach(() => {
  fetchMock = vi.fn<typeof globalThis.fetch>();
  vi.stubGlobal('fetch', fetchMock);
  client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  client.setQueryData<CredentialList>(listKey, { items: [A, B], page_info: pageInfo });
});

afterEach(() => {
  vi.unstubAllGlobals();
  client.clear();
});

describe('useDeleteCredential', () => {
  it('treats a 404 (already deleted elsewhere) as deleted: the row does not come back', async () => {
    fetchMock.mockImplementation(async (_input, init) =>
      init?.method === 'DELETE'
        ? json({ status: 404, code: 'not_found', message: 'Credential not found' }, 404)
        : json({ items: [B], page_info: pageInfo }),
    );
    const { result } = renderHook(() => useDeleteCredential('acme', SA), { wrapper });
    await act(() => result.current.mutateAsync(A.id));
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(client.getQueryData<CredentialList>(listKey)?.items.map((c) => c.id)).toEqual([B.id]);
  });

  it('still fails, and puts the row back, on any other error', async () => {
    fetchMock.mockResolvedValue(json({ status: 403, code: 'permission_denied', message: 'You need it' }, 403));
    const { result } = renderHook(() => useDeleteCredential('acme', SA), { wrapper });
    await act(async () => {
      await expect(result.current.mutateAsync(A.id)).rejects.toMatchObject({ status: 403 });
    });
    expect(client.getQueryData<CredentialList>(listKey)?.items.map((c) => c.id)).toEqual([A.id, B.id]);
  });
});
