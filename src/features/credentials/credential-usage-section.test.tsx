import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ROUTES } from '../../lib/paths';
import { useRouteParams } from '../../lib/route-params';
import { CredentialDetailPage } from './credential-detail-page';
import { credentialFixture, CRED_ID, renderWithProviders, SA_ID, stubFetch, type FetchRoute } from './test-utils';

const T = '2026-01-01T00:00:00.000Z';
const today = new Date();
const todayStart = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate())).toISOString();
const twoDaysAgo = new Date(Date.parse(todayStart) - 2 * 86_400_000).toISOString();

const routes = {
  credential: { method: 'GET', path: /\/credentials\/[^/]+$/, respond: { status: 200, body: credentialFixture() } },
  serviceAccount: {
    method: 'GET',
    path: /\/service-accounts\/[^/]+$/,
    respond: { status: 200, body: { id: SA_ID, name: 'Deployer', created_at: T, updated_at: T } },
  },
  usage: {
    method: 'GET',
    path: /\/credentials\/[^/]+\/usage$/,
    respond: {
      status: 200,
      body: {
        items: [
          { start: twoDaysAgo, count: 2 },
          { start: todayStart, count: 5 },
        ],
        last_used_from: { ip: '10.0.3.7', user_agent: 'curl/8.5.0', at: new Date(Date.now() - 60_000).toISOString() },
      },
    },
  },
  auditEvents: {
    method: 'GET',
    path: /\/audit-events$/,
    respond: {
      status: 200,
      body: {
        items: [
          {
            id: 'ev1',
            at: T,
            actor: { type: 'person', id: 'p1', name: 'Ada Admin' },
            action: 'credential.created',
            target: { type: 'credential', id: CRED_ID, name: 'Deploy bot', service_account_id: SA_ID },
            request_id: 'req-1',
          },
        ],
        page_info: { has_next_page: false, has_prev_page: false },
      },
    },
  },
} satisfies Record<string, FetchRoute>;

function capabilities(extensions: string[] | null): FetchRoute {
  return {
    method: 'GET',
    path: /\/capabilities$/,
    respond: extensions
      ? { status: 200, body: { extensions } }
      : { status: 404, body: { status: 404, code: 'not_found', message: 'Not found' } },
  };
}

function Route() {
  const { org, serviceAccountId, credentialId } = useRouteParams(ROUTES.credential);
  return <CredentialDetailPage org={org} serviceAccountId={serviceAccountId} credentialId={credentialId} />;
}

function renderPage(extensions: string[] | null) {
  // The usage route first: its path also matches the credential's.
  const stub = stubFetch([capabilities(extensions), routes.usage, routes.auditEvents, routes.credential, routes.serviceAccount]);
  renderWithProviders(<Route />, {
    path: ROUTES.credential,
    route: `/orgs/acme/service-accounts/${SA_ID}/credentials/${CRED_ID}`,
  });
  return stub;
}

describe('credential page with the usage and audit_events extensions', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows uses per day with totals, where the last use came from, and who created it', async () => {
    const { calls } = renderPage(['usage', 'audit_events']);
    const usage = await screen.findByRole('region', { name: 'Usage' });
    expect(await within(usage).findByText(/^7 uses in the last 30 days, on 2 days; the busiest was .* with 5 uses\.$/)).toBeTruthy();
    expect(within(usage).getByRole('img', { name: /^Uses per day over the last 30 days\. 7 uses/ })).toBeTruthy();
    // The text alternative: one row per day, the server's missing days as zero.
    const rows = within(within(usage).getByRole('table')).getAllByRole('row');
    expect(rows).toHaveLength(31);
    expect(within(rows[30]!).getAllByRole('cell')[1]!.textContent).toBe('5');
    expect(within(rows[29]!).getAllByRole('cell')[1]!.textContent).toBe('0');
    expect(within(usage).getByText(/^Last used from/).textContent).toMatch(/^Last used from 10\.0\.3\.7 \(curl\/8\.5\.0\), /);
    expect(await screen.findByText(/^by Ada Admin,/)).toBeTruthy();

    const usageCall = calls.find((c) => c.url.includes('/usage'));
    const url = new URL(usageCall!.url, 'http://localhost');
    expect(url.searchParams.get('bucket')).toBe('day');
    expect(Date.parse(url.searchParams.get('since')!)).toBe(Date.parse(todayStart) - 29 * 86_400_000);
    const auditCall = new URL(calls.find((c) => c.url.includes('/audit-events'))!.url, 'http://localhost');
    expect(auditCall.searchParams.get('target_id')).toBe(CRED_ID);
    expect(auditCall.searchParams.get('action')).toBe('credential.created');
  });

  it('has no trace of either, and asks for neither, against the vendor API', async () => {
    const { calls } = renderPage(null);
    expect(await screen.findByRole('heading', { level: 1, name: 'Deploy bot' })).toBeTruthy();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(screen.queryByRole('region', { name: 'Usage' })).toBeNull();
    expect(screen.queryByText(/by Ada Admin|Last used from/)).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(calls.filter((c) => /\/usage|\/audit-events/.test(c.url))).toEqual([]);
  });
});
