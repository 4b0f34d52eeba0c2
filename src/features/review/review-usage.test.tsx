import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, apiRequest } from '../../api/client';
import { loadUsesForExport, USAGE_CONCURRENCY, useUsesLast30Days, type UsageTarget } from './review-usage';

vi.mock('../../api/client', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../api/client')>()),
  apiRequest: vi.fn(),
}));

const targets: UsageTarget[] = Array.from({ length: 12 }, (_, i) => ({ id: `c${i}`, service_account: { id: 'sa1' } }));
const today = new Date().toISOString();

/** A usage endpoint that answers `c<i>` with i uses today, fails for c11, and counts requests in flight. */
function stubUsage() {
  let inFlight = 0;
  let most = 0;
  const paths: string[] = [];
  vi.mocked(apiRequest).mockImplementation(async (path: string) => {
    paths.push(path);
    inFlight += 1;
    most = Math.max(most, inFlight);
    await new Promise((resolve) => setTimeout(resolve, 5));
    inFlight -= 1;
    const id = /credentials\/(c\d+)\/usage/.exec(path)?.[1] ?? '';
    if (id === 'c11') throw new ApiError({ status: 500, code: 'internal', message: 'boom' });
    return { items: [{ start: today, count: Number(id.slice(1)) }] } as never;
  });
  return { paths, most: () => most };
}

function wrapper(client: QueryClient) {
  return ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}

beforeEach(() => vi.mocked(apiRequest).mockReset());

describe('useUsesLast30Days', () => {
  it('loads every row on screen, never more than USAGE_CONCURRENCY at a time', async () => {
    const usage = stubUsage();
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const { result } = renderHook(() => useUsesLast30Days('acme', targets, true), { wrapper: wrapper(client) });
    expect(result.current.get('c3')).toEqual({ state: 'loading' });
    await waitFor(() => expect(result.current.get('c11')).toEqual({ state: 'error' }));
    await waitFor(() => expect(result.current.get('c10')).toEqual({ state: 'loaded', uses: 10 }));
    expect(result.current.get('c0')).toEqual({ state: 'loaded', uses: 0 });
    expect(usage.paths).toHaveLength(12);
    expect(usage.most()).toBeLessThanOrEqual(USAGE_CONCURRENCY);
    expect(usage.most()).toBeGreaterThan(1);
  });

  it('asks nothing when the server does not offer usage', async () => {
    const usage = stubUsage();
    const client = new QueryClient();
    const { result } = renderHook(() => useUsesLast30Days('acme', targets, false), { wrapper: wrapper(client) });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(result.current.size).toBe(0);
    expect(usage.paths).toHaveLength(0);
  });
});

describe('loadUsesForExport', () => {
  it('uses what the table loaded, fetches the rest a few at a time, and leaves failures empty', async () => {
    const usage = stubUsage();
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const { result } = renderHook(() => useUsesLast30Days('acme', targets.slice(0, 2), true), { wrapper: wrapper(client) });
    await waitFor(() => expect(result.current.get('c1')).toEqual({ state: 'loaded', uses: 1 }));
    usage.paths.length = 0;

    const uses = await loadUsesForExport(client, 'acme', targets);
    expect(usage.paths).toHaveLength(10);
    expect(usage.most()).toBeLessThanOrEqual(USAGE_CONCURRENCY);
    expect(uses.get('c0')).toBe(0);
    expect(uses.get('c7')).toBe(7);
    expect(uses.has('c11')).toBe(false);
  });
});
