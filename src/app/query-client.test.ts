import { describe, expect, it, vi } from 'vitest';
import { auditEventQueries } from '../api/audit-events';
import { ApiError } from '../api/client';
import { createAppQueryClient } from './query-client';

const fail = (status: number) => () => Promise.reject(new ApiError({ status, code: 'x', message: `failed ${status}` }));

describe('createAppQueryClient', () => {
  it('toasts a failed background refetch of data already on screen', async () => {
    const toast = { error: vi.fn() };
    const client = createAppQueryClient(toast);
    client.setQueryData(['thing'], { ok: true });
    await client.fetchQuery({ queryKey: ['thing'], queryFn: fail(500), retry: false, staleTime: 0 }).catch(() => {});
    expect(toast.error).toHaveBeenCalledWith('Could not refresh data', { description: 'failed 500' });
  });

  it('leaves first-load errors to the page, and 401s to the sign-in redirect', async () => {
    const toast = { error: vi.fn() };
    const client = createAppQueryClient(toast);
    await client.fetchQuery({ queryKey: ['first'], queryFn: fail(500), retry: false }).catch(() => {});
    client.setQueryData(['expired'], { ok: true });
    await client.fetchQuery({ queryKey: ['expired'], queryFn: fail(401), retry: false, staleTime: 0 }).catch(() => {});
    expect(toast.error).not.toHaveBeenCalled();
  });

  it('does not retry client errors', () => {
    const client = createAppQueryClient({ error: vi.fn() });
    const retry = client.getDefaultOptions().queries?.retry as (n: number, e: unknown) => boolean;
    expect(retry(0, new ApiError({ status: 404, code: 'not_found', message: '' }))).toBe(false);
    expect(retry(0, new ApiError({ status: 503, code: 'internal', message: '' }))).toBe(true);
    expect(client.getDefaultOptions().queries?.staleTime).toBe(30_000);
  });

  it('marks audit events stale after any successful write, since every write records one', async () => {
    const client = createAppQueryClient({ error: vi.fn() });
    const key = auditEventQueries.list('acme', { limit: 10 }).queryKey;
    client.setQueryData(key, { items: [], page_info: { has_next_page: false, has_prev_page: false } });
    const other = ['service-accounts', 'acme', 'detail', 'x'];
    client.setQueryData(other, { ok: true });
    await client.getMutationCache().build(client, { mutationFn: () => Promise.resolve('done') }).execute(undefined);
    expect(client.getQueryState(key)?.isInvalidated).toBe(true);
    expect(client.getQueryState(other)?.isInvalidated).toBe(false);
  });
});
