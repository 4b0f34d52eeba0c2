import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { Credential, ServiceAccount } from '../../api/schemas';
import type { AuditEvent, AuditEventList } from '../../api/usage-schemas';
import { ROUTES } from '../../lib/paths';
import { LocationProbe, renderWithRoutes } from '../../test/routing-fixtures';
import { setupTestServer } from '../../test/test-server';
import { OrgActivityPage } from './org-activity-page';
import { deletedInEvents, statusFromAccount, targetsToCheck } from './use-target-status';

const T = '2026-11-28T09:12:00.000Z';
const ada = { type: 'person', id: 'p-ada', name: 'Ada Admin' };
const event = (id: string, action: string, target: AuditEvent['target'], actor = ada, changes?: AuditEvent['changes']): AuditEvent => ({
  id,
  at: T,
  actor,
  action,
  target,
  changes,
  request_id: `req-${id}`,
});
const sa = { type: 'service_account', id: 'sa-live', name: 'Deployer' };
const kept = { type: 'credential', id: 'cr-kept', name: 'ci', service_account_id: 'sa-live' };
const lost = { type: 'credential', id: 'cr-lost', name: 'removed elsewhere', service_account_id: 'sa-live' };

const server = setupTestServer();

/**
 * Through the API, in a new organization: Ada creates the Deployer account and its credentials
 * "build" (kept), "old ci" (gone) and "removed elsewhere" (lost), deletes "old ci", and Oscar renames
 * "build" to "ci" (`renames` times, back and forth). "removed elsewhere" then disappears without an
 * event (as if deleted by another system).
 */
async function arrange(renames = 1) {
  const org = server.addOrganization();
  const sas = `/organizations/${org}/service-accounts`;
  const deployer = await server.call<ServiceAccount>('POST', sas, { name: 'Deployer' });
  const credentials = `${sas}/${deployer.id}/credentials`;
  const keptCredential = await server.call<Credential>('POST', credentials, { name: 'build' });
  const gone = await server.call<Credential>('POST', credentials, { name: 'old ci' });
  const lostCredential = await server.call<Credential>('POST', credentials, { name: 'removed elsewhere' });
  await server.call('DELETE', `${credentials}/${gone.id}`);
  // The last rename is always build → ci.
  for (let left = renames; left > 0; left--) {
    await server.call('PATCH', `${credentials}/${keptCredential.id}`, { name: left % 2 === 1 ? 'ci' : 'build' }, 'oscar');
  }
  server.db.prepare('DELETE FROM credentials WHERE id = ?').run(lostCredential.id);
  const events = await server.call<AuditEventList>('GET', `/organizations/${org}/audit-events?limit=1`);
  const oscarId = events.items[0]!.actor.id;
  return { org, deployer, kept: keptCredential, oscarId };
}

async function setup(search: (arranged: Awaited<ReturnType<typeof arrange>>) => string = () => '', renames?: number) {
  const arranged = await arrange(renames);
  server.requests.length = 0;
  const view = renderWithRoutes(
    <Route
      path={ROUTES.activity}
      element={
        <>
          <OrgActivityPage org={arranged.org} />
          <LocationProbe />
        </>
      }
    />,
    `/orgs/${arranged.org}/activity${search(arranged)}`,
  );
  return { ...view, ...arranged, user: userEvent.setup() };
}

const items = () => within(screen.getByRole('list', { name: 'Events' })).getAllByRole('listitem').filter((li) => li.classList.contains('activity-item'));

describe('OrgActivityPage', () => {
  it('says who did what, links what still exists and marks what was deleted', async () => {
    const { org, deployer, kept } = await setup();
    await screen.findByRole('list', { name: 'Events' });
    const [updated, deleted, createdLost, createdGone, createdKept, createdSa] = items();
    // Deleted on this page: its creation is marked too.
    expect(createdGone!.textContent).toMatch(/^Credential old ci deleted created by Ada Admin/);
    expect(updated!.textContent).toMatch(/^Credential ci changed by Oscar Operator/);
    expect(within(updated!).getByRole('list', { name: 'Changes' }).textContent).toBe('Name: “build” → changed to “ci”');
    expect(createdSa!.textContent).toMatch(/^Service account Deployer created by Ada Admin/);

    const keptPath = `/orgs/${org}/service-accounts/${deployer.id}/credentials/${kept.id}`;
    await waitFor(() => expect(within(createdKept!).getByRole('link', { name: 'build' }).getAttribute('href')).toBe(keptPath));
    expect(within(createdSa!).getByRole('link', { name: 'Deployer' }).getAttribute('href')).toBe(`/orgs/${org}/service-accounts/${deployer.id}`);
    // Deleted on this page: known without asking. Deleted elsewhere: the API's 404 says so.
    expect(within(deleted!).queryByRole('link', { name: 'old ci' })).toBeNull();
    await waitFor(() => expect(within(createdLost!).getByText('deleted')).toBeTruthy());
    expect(within(createdLost!).queryByRole('link', { name: 'removed elsewhere' })).toBeNull();
    // One request answers for the service account and all its credentials on the page.
    const checks = server.requests.filter((r) => !r.path.endsWith('/audit-events')).map((r) => r.path);
    expect(checks).toEqual([`/organizations/${org}/service-accounts/${deployer.id}/credentials`]);
  });

  it('keeps the filters and the page in the URL and sends them to the API', async () => {
    // More of Oscar's changes than fit on a page.
    const { user, org, kept, oscarId } = await setup(({ kept }) => `?target=${kept.id}`, 27);
    expect(await screen.findByText(/Only credential “ci”/)).toBeTruthy();
    expect(server.requests[0]!.query.get('target_id')).toBe(kept.id);

    await user.selectOptions(screen.getByRole('combobox', { name: 'What' }), 'Credential changed');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Who' }), 'Oscar Operator');
    expect(screen.getByTestId('location').textContent).toBe(`/orgs/${org}/activity?actor=${oscarId}&action=credential.updated&target=${kept.id}`);
    const last = server.requests.filter((r) => r.path.endsWith('/audit-events')).at(-1)!;
    expect(Object.fromEntries(last.query)).toMatchObject({ actor_id: oscarId, action: 'credential.updated', target_id: kept.id });
    const firstPage = await server.call<AuditEventList>('GET', `/organizations/${org}/audit-events?${last.query}`);

    await user.click(await screen.findByRole('button', { name: /Next/ }));
    expect(screen.getByTestId('location').textContent).toContain(`after=${encodeURIComponent(firstPage.page_info.end_cursor!)}`);
    // Changing a filter starts again from the newest events.
    await user.click(screen.getByRole('button', { name: 'Show every target' }));
    expect(screen.getByTestId('location').textContent).toBe(`/orgs/${org}/activity?actor=${oscarId}&action=credential.updated`);
  }, 15_000);
});

describe('target status helpers', () => {
  it('knows deletions from the events, including credentials of a deleted service account', () => {
    const deleted = deletedInEvents([event('a', 'service_account.deleted', sa), event('b', 'credential.created', kept)]);
    expect([...deleted].sort()).toEqual(['cr-kept', 'sa-live']);
  });

  it('checks each distinct target once, and none it cannot address', () => {
    const orphan = { type: 'credential', id: 'cr-x', name: 'x' };
    const targets = targetsToCheck([event('a', 'credential.created', kept), event('b', 'credential.updated', kept), event('c', 'credential.created', orphan)], new Set());
    expect(targets.map((t) => t.id)).toEqual(['cr-kept']);
  });

  it('reads existence from the account check, unsure only past a first page of credentials', () => {
    const listed = { state: 'exists', credentials: new Set(['cr-kept']), complete: true } as const;
    expect(statusFromAccount(sa, listed)).toBe('exists');
    expect(statusFromAccount(kept, listed)).toBe('exists');
    expect(statusFromAccount(lost, listed)).toBe('deleted');
    expect(statusFromAccount(lost, { ...listed, complete: false })).toBe('unknown');
    expect(statusFromAccount(kept, { state: 'gone' })).toBe('deleted');
    expect(statusFromAccount(sa, { state: 'unknown' })).toBe('unknown');
  });
});
