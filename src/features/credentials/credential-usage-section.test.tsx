import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Credential } from '../../api/schemas';
import { ROUTES } from '../../lib/paths';
import { useRouteParams } from '../../lib/route-params';
import { renderWithProviders } from '../../test/routing-fixtures';
import { setupTestServer, type TestServer } from '../../test/test-server';
import { CredentialDetailPage } from './credential-detail-page';

const today = new Date();
const todayStart = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate())).toISOString();
const twoDaysAgo = new Date(Date.parse(todayStart) - 2 * 86_400_000).toISOString();

function Route() {
  const { org, serviceAccountId, credentialId } = useRouteParams(ROUTES.credential);
  return <CredentialDetailPage org={org} serviceAccountId={serviceAccountId} credentialId={credentialId} />;
}

/** Ada creates "Deploy bot" through the API (so the audit trail has its creation), used 2 uses two days ago and 5 today. */
async function renderPage(server: TestServer) {
  const sa = server.addServiceAccount('acme', { name: 'Deployer' });
  const credential = await server.call<Credential>('POST', `/organizations/acme/service-accounts/${sa.id}/credentials`, {
    name: 'Deploy bot',
    description: 'Used by CI',
  });
  server.addUsage(credential.id, 2, new Date(twoDaysAgo));
  server.addUsage(credential.id, 5, new Date(todayStart));
  server.setLastUseSource(credential.id, { ip: '10.0.3.7', user_agent: 'curl/8.5.0', at: new Date(Date.now() - 60_000).toISOString() });
  server.requests.length = 0;
  renderWithProviders(<Route />, {
    path: ROUTES.credential,
    route: `/orgs/acme/service-accounts/${sa.id}/credentials/${credential.id}`,
  });
  return { credential };
}

describe('credential page with the usage and audit_events extensions', () => {
  const server = setupTestServer({ extensions: ['usage', 'audit_events'] });

  it('shows uses per day with totals, where the last use came from, and who created it', async () => {
    const { credential } = await renderPage(server);
    // After the credential and the server's extensions have loaded (slow on a busy machine).
    const usage = await screen.findByRole('region', { name: 'Usage' }, { timeout: 5000 });
    expect(await within(usage).findByText(/^7 uses in the last 30 days, on 2 days; the busiest was .* with 5 uses\.$/)).toBeTruthy();
    expect(within(usage).getByRole('img', { name: /^Uses per day over the last 30 days\. 7 uses/ })).toBeTruthy();
    // The text alternative: one row per day, the server's missing days as zero.
    const rows = within(within(usage).getByRole('table')).getAllByRole('row');
    expect(rows).toHaveLength(31);
    expect(within(rows[30]!).getAllByRole('cell')[1]!.textContent).toBe('5');
    expect(within(rows[29]!).getAllByRole('cell')[1]!.textContent).toBe('0');
    expect(within(usage).getByText(/^Last used from/).textContent).toMatch(/^Last used from 10\.0\.3\.7 \(curl\/8\.5\.0\), /);
    expect(await screen.findByText(/^by Ada Admin,/)).toBeTruthy();

    const usageCall = server.requests.find((c) => c.path.endsWith('/usage'))!;
    expect(usageCall.query.get('bucket')).toBe('day');
    expect(Date.parse(usageCall.query.get('since')!)).toBe(Date.parse(todayStart) - 29 * 86_400_000);
    const auditCall = server.requests.find((c) => c.path.endsWith('/audit-events'))!;
    expect(auditCall.query.get('target_id')).toBe(credential.id);
    expect(auditCall.query.get('action')).toBe('credential.created');
  });
});

describe('credential page against the vendor API', () => {
  const server = setupTestServer({ extensions: [] });

  it('has no trace of either, and asks for neither, against the vendor API', async () => {
    await renderPage(server);
    expect(await screen.findByRole('heading', { level: 1, name: 'Deploy bot' })).toBeTruthy();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(screen.queryByRole('region', { name: 'Usage' })).toBeNull();
    expect(screen.queryByText(/by Ada Admin|Last used from/)).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(server.requests.filter((c) => /\/usage|\/audit-events/.test(c.path))).toEqual([]);
  });
});
