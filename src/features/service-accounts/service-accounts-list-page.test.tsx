import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, apiRequest } from '../../api/client';
import type { ApiRequestOptions } from '../../api/client';
import type { ServiceAccount } from '../../api/schemas';
import { TestProviders } from '../../test/providers';
import { ROUTES } from '../../lib/paths';
import { ServiceAccountsListPage } from './service-accounts-list-page';

vi.mock('../../api/client', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../api/client')>()),
  apiRequest: vi.fn(),
}));

// 60 service accounts, newest first; the fake server never returns more than 20 at once,
// so a search has to follow cursors across pages.
const all: ServiceAccount[] = Array.from({ length: 60 }, (_, i) => ({
  id: `id${String(i).padStart(3, '0')}`,
  name: `account-${i}`,
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-01T00:00:00Z',
  permissions: { service_accounts: { read: true, update: false, delete: false } },
}));
const SERVER_MAX = 20;

function fakeList(options: ApiRequestOptions) {
  const { limit, after, before } = (options.query ?? {}) as { limit: number; after?: string; before?: string };
  const size = Math.min(limit, SERVER_MAX);
  const start = after ? Number(after) + 1 : before ? Math.max(0, Number(before) - size) : 0;
  const end = before ? Number(before) : Math.min(start + size, all.length);
  return {
    items: all.slice(start, end),
    page_info: {
      has_next_page: end < all.length,
      has_prev_page: start > 0,
      start_cursor: String(start),
      end_cursor: String(end - 1),
    },
    permissions: { service_accounts: { read: true, create: false } },
  };
}

let extensions: string[] = [];
/** The fake server: discovery (404 = the vendor, no extensions) and the list. */
async function fakeApi(path: string, options: ApiRequestOptions = {}) {
  if (path === '/capabilities') {
    if (extensions.length === 0) throw new ApiError({ status: 404, code: 'not_found', message: 'Not found' });
    return { extensions } as never;
  }
  return fakeList(options) as never;
}

function renderPage(url: string) {
  const router = createMemoryRouter(
    [{ path: ROUTES.serviceAccounts, element: <ServiceAccountsListPage org="acme" /> }],
    { initialEntries: [url] },
  );
  render(
    <TestProviders>
      <RouterProvider router={router} />
    </TestProviders>,
  );
  return router;
}

const listCalls = () =>
  vi.mocked(apiRequest)
    .mock.calls.filter(([path]) => path !== '/capabilities')
    .map(([, o]) => (o?.query ?? {}) as { limit: number; after?: string });

describe('ServiceAccountsListPage', () => {
  beforeEach(() => {
    vi.mocked(apiRequest).mockReset();
    extensions = [];
    vi.mocked(apiRequest).mockImplementation(fakeApi);
  });

  it('pages with cursors kept in the URL and prefetches the next page', async () => {
    const user = userEvent.setup();
    const router = renderPage('/orgs/acme/service-accounts?limit=10');
    const table = await screen.findByRole('table', { name: 'Service accounts' });
    expect(within(table).getAllByRole('row')).toHaveLength(11);
    expect(within(table).getByRole('link', { name: 'account-0' })).toBeTruthy();
    await vi.waitFor(() => expect(listCalls()).toContainEqual({ limit: 10, after: '9' }));

    await user.click(screen.getByRole('button', { name: /Next/ }));
    expect(router.state.location.search).toBe('?limit=10&after=9');
    expect(await screen.findByRole('link', { name: 'account-10' })).toBeTruthy();

    await user.click(screen.getByRole('button', { name: /Previous/ }));
    expect(router.state.location.search).toBe('?limit=10&before=10');
    expect(await screen.findByRole('link', { name: 'account-0' })).toBeTruthy();
  });

  it('gates create by the list permissions and row actions by each item', async () => {
    renderPage('/orgs/acme/service-accounts');
    await screen.findByRole('table', { name: 'Service accounts' });
    expect(screen.getByRole('button', { name: 'Create service account' }).getAttribute('aria-disabled')).toBe('true');
    expect(screen.getByRole('button', { name: 'Edit account-0' }).getAttribute('aria-disabled')).toBe('true');
  });

  it('searches the whole organization, not only the loaded page', async () => {
    const user = userEvent.setup();
    const router = renderPage('/orgs/acme/service-accounts');
    await screen.findByRole('table', { name: 'Service accounts' });
    await user.type(screen.getByRole('searchbox', { name: /Search service accounts/ }), 'ACCOUNT-55');

    expect(await screen.findByRole('link', { name: 'account-55' }, { timeout: 3000 })).toBeTruthy();
    expect(await screen.findByText('1 match for “ACCOUNT-55” among 60 service accounts')).toBeTruthy();
    expect(router.state.location.search).toBe('?q=ACCOUNT-55');
    // Read in pages of the API's maximum, following cursors to the end.
    const searchCalls = listCalls().filter((q) => q.limit === 1000);
    expect(searchCalls.map((q) => q.after)).toEqual([undefined, '19', '39']);
  });

  it('finds an exact id', async () => {
    const user = userEvent.setup();
    renderPage('/orgs/acme/service-accounts');
    await screen.findByRole('table', { name: 'Service accounts' });
    await user.type(screen.getByRole('searchbox', { name: /Search service accounts/ }), 'id042');
    expect(await screen.findByRole('link', { name: 'account-2' }, { timeout: 3000 })).toBeTruthy();
  });

  it('cancels the running scan when the query changes', async () => {
    const user = userEvent.setup();
    const signals: { after?: string; signal: AbortSignal }[] = [];
    vi.mocked(apiRequest).mockImplementation(async (path, options) => {
      const query = (options?.query ?? {}) as { limit: number; after?: string };
      if (query.limit !== 1000) return fakeApi(path, options);
      signals.push({ after: query.after, signal: options!.signal! });
      // The first search's second page hangs until it is aborted.
      if (signals.length === 2) {
        await new Promise((_, reject) => options!.signal!.addEventListener('abort', () => reject(options!.signal!.reason)));
      }
      return fakeList(options ?? {}) as never;
    });
    renderPage('/orgs/acme/service-accounts');
    await screen.findByRole('table', { name: 'Service accounts' });
    const box = screen.getByRole('searchbox', { name: /Search service accounts/ });
    await user.type(box, 'account-1');
    expect(await screen.findByText(/^Searched 20 service accounts…$/, undefined, { timeout: 3000 })).toBeTruthy();
    expect(signals[1]?.signal.aborted).toBe(false);

    await user.type(box, '5');
    await vi.waitFor(() => expect(signals[1]?.signal.aborted).toBe(true), { timeout: 3000 });
    expect(await screen.findByRole('link', { name: 'account-15' }, { timeout: 3000 })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'account-10' })).toBeNull();
  });

  it('with service_account_query: searches in one request, sorts by the server, shows credential summaries', async () => {
    extensions = ['service_account_query'];
    const summaries = new Map([['id000', { count: 3, last_used_at: '2026-01-02T00:00:00Z' }], ['id001', { count: 0 }]]);
    vi.mocked(apiRequest).mockImplementation(async (path, options) => {
      const response = (await fakeApi(path, options)) as ReturnType<typeof fakeList>;
      if (path === '/capabilities') return response as never;
      const q = (options?.query as { q?: string } | undefined)?.q;
      const items = response.items
        .filter((sa) => !q || sa.name.includes(q))
        .map((sa) => ({ ...sa, credential_summary: summaries.get(sa.id) ?? { count: 1 } }));
      return { ...response, items } as never;
    });
    const user = userEvent.setup();
    const router = renderPage('/orgs/acme/service-accounts');
    const table = await screen.findByRole('table', { name: 'Service accounts' });
    const firstRow = within(table).getAllByRole('row')[1]!;
    expect(within(table).getByRole('columnheader', { name: 'Credentials' })).toBeTruthy();
    expect(within(firstRow).getAllByRole('cell').map((c) => c.textContent)).toContain('3');
    expect(within(within(table).getAllByRole('row')[2]!).getByText('No credentials')).toBeTruthy();
    expect(vi.mocked(apiRequest).mock.calls.find(([path]) => path !== '/capabilities')?.[1]?.expand).toEqual([
      'permissions',
      'credential_summary',
    ]);

    await user.click(screen.getByRole('button', { name: 'Sort by Last used' }));
    expect(router.state.location.search).toBe('?sort=last_used_at&dir=desc');
    await vi.waitFor(() => expect(listCalls()).toContainEqual({ limit: 25, sort: 'last_used_at', direction: 'desc' }));
    expect(screen.getByRole('columnheader', { name: /Sort by Last used/ }).getAttribute('aria-sort')).toBe('descending');

    vi.mocked(apiRequest).mockClear();
    await user.type(screen.getByRole('searchbox', { name: /Search service accounts/ }), 'account-2');
    const results = await screen.findByRole('table', { name: 'Service accounts matching “account-2”' }, { timeout: 3000 });
    await vi.waitFor(() => expect(within(results).getAllByRole('row')).toHaveLength(2));
    expect(within(results).getByRole('link', { name: 'account-2' })).toBeTruthy();
    // One request with q for the page (and the usual prefetch of the next): no scan of the whole list.
    expect(listCalls().filter((c) => (c as { q?: string }).q === 'account-2' && !c.after)).toHaveLength(1);
    expect(listCalls().some((c) => c.limit === 1000)).toBe(false);
  }, 20_000);
});
