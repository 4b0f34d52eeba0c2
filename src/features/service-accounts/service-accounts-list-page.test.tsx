import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { LIMIT_MAX } from '../../api/schemas';
import { ROUTES } from '../../lib/paths';
import { renderWithRoutes } from '../../test/routing-fixtures';
import { setupTestServer, type TestServer } from '../../test/test-server';
import { ServiceAccountsListPage } from './service-accounts-list-page';

/** `count` service accounts, `account-0` the newest. */
function arrange(server: TestServer, count: number) {
  const org = server.addOrganization();
  const start = Date.parse('2026-01-01T00:00:00Z');
  const ids = server.db.transaction(() =>
    Array.from({ length: count }, (_, i) => {
      const created_at = new Date(start - i * 1000).toISOString();
      return server.addServiceAccount(org, { name: `account-${i}`, created_at }).id;
    }),
  )();
  return { org, ids };
}

function renderPage(org: string, search = '') {
  return renderWithRoutes(
    <Route path={ROUTES.serviceAccounts} element={<ServiceAccountsListPage org={org} />} />,
    `/orgs/${org}/service-accounts${search}`,
  ).navigation;
}

type ListQuery = { limit: number; after?: string; before?: string; q?: string; sort?: string; direction?: string };

/** The list requests' query parameters (what the page asked for), in order. */
function listCalls(server: TestServer): ListQuery[] {
  return server.requests
    .filter((r) => r.method === 'GET' && r.path.endsWith('/service-accounts'))
    .map((r) => {
      const query: Record<string, string | number> = {};
      for (const [key, value] of r.query) if (key !== 'expand[]') query[key] = key === 'limit' ? Number(value) : value;
      return query as ListQuery;
    });
}

async function pageInfo(server: TestServer, org: string, query: string) {
  const page = await server.call<{ page_info: { start_cursor?: string; end_cursor?: string } }>(
    'GET',
    `/organizations/${org}/service-accounts?${query}`,
  );
  return page.page_info;
}

// More than one page of the API's maximum, so a search has to follow cursors.
const MANY = 2 * LIMIT_MAX + 50;

describe('ServiceAccountsListPage', () => {
  // The vendor's API: /capabilities answers 404, so the page searches by reading every page.
  const server = setupTestServer({ extensions: [] });

  it('pages with cursors kept in the URL and prefetches the next page', async () => {
    const { org } = arrange(server, 60);
    const first = await pageInfo(server, org, 'limit=10');
    const second = await pageInfo(server, org, `limit=10&after=${encodeURIComponent(first.end_cursor!)}`);
    const user = userEvent.setup();
    const navigation = renderPage(org, '?limit=10');
    const table = await screen.findByRole('table', { name: 'Service accounts' });
    expect(within(table).getAllByRole('row')).toHaveLength(11);
    expect(within(table).getByRole('link', { name: 'account-0' })).toBeTruthy();
    await vi.waitFor(() => expect(listCalls(server)).toContainEqual({ limit: 10, after: first.end_cursor }));

    await user.click(screen.getByRole('button', { name: /Next/ }));
    expect(navigation.state.location.search).toBe(`?${new URLSearchParams({ limit: '10', after: first.end_cursor! })}`);
    expect(await screen.findByRole('link', { name: 'account-10' })).toBeTruthy();

    await user.click(screen.getByRole('button', { name: /Previous/ }));
    expect(navigation.state.location.search).toBe(`?${new URLSearchParams({ limit: '10', before: second.start_cursor! })}`);
    expect(await screen.findByRole('link', { name: 'account-0' })).toBeTruthy();
  });

  it('gates create by the list permissions and row actions by each item', async () => {
    const { org } = arrange(server, 3);
    server.signIn('vera');
    renderPage(org);
    await screen.findByRole('table', { name: 'Service accounts' });
    expect(screen.getByRole('button', { name: 'Create service account' }).getAttribute('aria-disabled')).toBe('true');
    expect(screen.getByRole('button', { name: 'Edit account-0' }).getAttribute('aria-disabled')).toBe('true');
  });

  it('searches the whole organization, not only the loaded page', async () => {
    const { org } = arrange(server, MANY);
    const user = userEvent.setup();
    const navigation = renderPage(org);
    await screen.findByRole('table', { name: 'Service accounts' });
    const wanted = `ACCOUNT-${MANY - 1}`;
    await user.type(screen.getByRole('searchbox', { name: /Search service accounts/ }), wanted);

    expect(await screen.findByRole('link', { name: `account-${MANY - 1}` }, { timeout: 5000 })).toBeTruthy();
    expect(await screen.findByText(`1 match for “${wanted}” among ${MANY.toLocaleString('en-US')} service accounts`)).toBeTruthy();
    expect(navigation.state.location.search).toBe(`?q=${wanted}`);
    // Read in pages of the API's maximum, following cursors to the end.
    const searchCalls = listCalls(server).filter((q) => q.limit === LIMIT_MAX);
    expect(searchCalls.map((q) => q.after)).toEqual([undefined, expect.any(String), expect.any(String)]);
  }, 15_000);

  it('finds an exact id', async () => {
    const { org, ids } = arrange(server, 60);
    const user = userEvent.setup();
    renderPage(org);
    await screen.findByRole('table', { name: 'Service accounts' });
    await user.type(screen.getByRole('searchbox', { name: /Search service accounts/ }), ids[42]!);
    expect(await screen.findByRole('link', { name: 'account-42' }, { timeout: 3000 })).toBeTruthy();
  });

  it('cancels the running scan when the query changes', async () => {
    const { org } = arrange(server, MANY);
    const user = userEvent.setup();
    // The first search's second page hangs until it is aborted.
    server.hold('GET', new RegExp(`service-accounts\\?limit=${LIMIT_MAX}&after=`));
    renderPage(org);
    await screen.findByRole('table', { name: 'Service accounts' });
    const box = screen.getByRole('searchbox', { name: /Search service accounts/ });
    await user.type(box, 'account-1');
    expect(await screen.findByText(`Searched ${LIMIT_MAX.toLocaleString('en-US')} service accounts…`, undefined, { timeout: 5000 })).toBeTruthy();
    const held = () => server.requests.find((r) => r.query.get('limit') === String(LIMIT_MAX) && r.query.has('after'));
    expect(held()?.signal?.aborted).toBe(false);

    await user.type(box, '5');
    await vi.waitFor(() => expect(held()?.signal?.aborted).toBe(true), { timeout: 3000 });
    expect(await screen.findByRole('link', { name: 'account-15' }, { timeout: 5000 })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'account-10' })).toBeNull();
  }, 15_000);
});

describe('ServiceAccountsListPage with service_account_query', () => {
  const server = setupTestServer({ extensions: ['service_account_query'] });

  it('searches in one request, sorts by the server, shows credential summaries', async () => {
    const { org, ids } = arrange(server, 60);
    for (const name of ['a', 'b', 'c']) server.addCredential(ids[0]!, { name, last_used_at: '2026-01-02T00:00:00Z' });
    const user = userEvent.setup();
    const navigation = renderPage(org);
    const table = await screen.findByRole('table', { name: 'Service accounts' });
    const firstRow = within(table).getAllByRole('row')[1]!;
    expect(within(table).getByRole('columnheader', { name: 'Credentials' })).toBeTruthy();
    expect(within(firstRow).getAllByRole('cell').map((c) => c.textContent)).toContain('3');
    expect(within(within(table).getAllByRole('row')[2]!).getByText('No credentials')).toBeTruthy();
    const firstList = server.requests.find((r) => r.path.endsWith('/service-accounts'));
    expect(firstList?.query.getAll('expand[]')).toEqual(['permissions', 'credential_summary']);

    await user.click(screen.getByRole('button', { name: 'Sort by Last used' }));
    expect(navigation.state.location.search).toBe('?sort=last_used_at&dir=desc');
    await vi.waitFor(() => expect(listCalls(server)).toContainEqual({ limit: 25, sort: 'last_used_at', direction: 'desc' }));
    expect(screen.getByRole('columnheader', { name: /Sort by Last used/ }).getAttribute('aria-sort')).toBe('descending');

    const before = server.requests.length;
    await user.type(screen.getByRole('searchbox', { name: /Search service accounts/ }), 'account-59');
    const results = await screen.findByRole('table', { name: 'Service accounts matching “account-59”' }, { timeout: 3000 });
    await vi.waitFor(() => expect(within(results).getAllByRole('row')).toHaveLength(2));
    expect(within(results).getByRole('link', { name: 'account-59' })).toBeTruthy();
    // One request with q for the page (and the usual prefetch of the next): no scan of the whole list.
    server.requests.splice(0, before);
    expect(listCalls(server).filter((c) => c.q === 'account-59' && !c.after)).toHaveLength(1);
    expect(listCalls(server).some((c) => c.limit === LIMIT_MAX)).toBe(false);
  }, 20_000);
});
