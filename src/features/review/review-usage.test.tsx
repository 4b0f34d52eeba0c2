import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { setupTestServer } from '../../test/test-server';
import { loadUsesForExport, USAGE_CONCURRENCY, useUsesLast30Days, type UsageTarget } from './review-usage';

const server = setupTestServer();

/** Twelve credentials: the i-th (`c<i>`) used i times today; reading c11's usage fails with a 500. */
function arrange() {
  const org = server.addOrganization();
  const sa = server.addServiceAccount(org, { name: 'billing' });
  const ids: string[] = [];
  const targets: UsageTarget[] = Array.from({ length: 12 }, (_, i) => {
    const credential = server.addCredential(sa.id, { name: `c${i}` });
    if (i > 0) server.addUsage(credential.id, i);
    ids.push(credential.id);
    return { id: credential.id, service_account: { id: sa.id } };
  });
  server.failNext('GET', `/credentials/${ids[11]}/usage`, 500);
  const usagePaths = () => server.requests.filter((r) => r.path.endsWith('/usage')).map((r) => r.path);
  return { org, targets, ids, usagePaths };
}

function wrapper(client: QueryClient) {
  return ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}

describe('useUsesLast30Days', () => {
  it('loads every row on screen, never more than USAGE_CONCURRENCY at a time', async () => {
    const { org, targets, ids, usagePaths } = arrange();
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const { result } = renderHook(() => useUsesLast30Days(org, targets, true), { wrapper: wrapper(client) });
    expect(result.current.get(ids[3]!)).toEqual({ state: 'loading' });
    await waitFor(() => expect(result.current.get(ids[11]!)).toEqual({ state: 'error' }));
    await waitFor(() => expect(result.current.get(ids[10]!)).toEqual({ state: 'loaded', uses: 10 }));
    expect(result.current.get(ids[0]!)).toEqual({ state: 'loaded', uses: 0 });
    expect(usagePaths()).toHaveLength(12);
    expect(server.mostInFlight).toBeLessThanOrEqual(USAGE_CONCURRENCY);
    expect(server.mostInFlight).toBeGreaterThan(1);
  });

  it('asks nothing when the server does not offer usage', async () => {
    const { org, targets, usagePaths } = arrange();
    const client = new QueryClient();
    const { result } = renderHook(() => useUsesLast30Days(org, targets, false), { wrapper: wrapper(client) });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(result.current.size).toBe(0);
    expect(usagePaths()).toHaveLength(0);
  });
});

describe('loadUsesForExport', () => {
  it('uses what the table loaded, fetches the rest a few at a time, and leaves failures empty', async () => {
    const { org, targets, ids, usagePaths } = arrange();
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const { result } = renderHook(() => useUsesLast30Days(org, targets.slice(0, 2), true), { wrapper: wrapper(client) });
    await waitFor(() => expect(result.current.get(ids[1]!)).toEqual({ state: 'loaded', uses: 1 }));
    const before = usagePaths().length;

    const uses = await loadUsesForExport(client, org, targets);
    expect(usagePaths().length - before).toBe(10);
    expect(server.mostInFlight).toBeLessThanOrEqual(USAGE_CONCURRENCY);
    expect(uses.get(ids[0]!)).toBe(0);
    expect(uses.get(ids[7]!)).toBe(7);
    expect(uses.has(ids[11]!)).toBe(false);
  });
});
