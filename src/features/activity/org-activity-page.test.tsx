import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AuditEvent } from '../../api/usage-schemas';
import { json, LocationProbe, renderWithRoutes, stubFetch } from '../../test/routing-fixtures';
import { ROUTES } from '../../lib/paths';
import { OrgActivityPage } from './org-activity-page';
import { deletedInEvents, statusFromAccount, targetsToCheck } from './use-target-status';

const T = '2026-11-28T09:12:00.000Z';
const ada = { type: 'person', id: 'p-ada', name: 'Ada Admin' };
const oscar = { type: 'person', id: 'p-oscar', name: 'Oscar Operator' };
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
const gone = { type: 'credential', id: 'cr-gone', name: 'old ci', service_account_id: 'sa-live' };
const lost = { type: 'credential', id: 'cr-lost', name: 'removed elsewhere', service_account_id: 'sa-live' };

const events: AuditEvent[] = [
  event('e5', 'credential.updated', kept, oscar, { name: ['build', 'ci'] }),
  event('e4', 'credential.deleted', gone),
  event('e3', 'credential.created', lost),
  event('e2', 'credential.created', kept),
  event('e1', 'service_account.created', sa),
];

function setup(path = '/orgs/acme/activity') {
  const requests: URL[] = [];
  stubFetch((url) => {
    requests.push(url);
    if (url.pathname.endsWith('/audit-events')) {
      return json({ items: events, page_info: { has_next_page: true, has_prev_page: false, end_cursor: 'CUR1' } });
    }
    if (url.pathname.endsWith('/service-accounts/sa-live/credentials')) {
      return json({
        items: [{ id: 'cr-kept', client_id: 'x', name: 'ci', created_at: T }],
        page_info: { has_next_page: false, has_prev_page: false },
      });
    }
    return json({ status: 404, code: 'not_found', message: 'Not found' }, 404);
  });
  const view = renderWithRoutes(
    <Route
      path={ROUTES.activity}
      element={
        <>
          <OrgActivityPage org="acme" />
          <LocationProbe />
        </>
      }
    />,
    path,
  );
  return { ...view, requests, user: userEvent.setup() };
}

const items = () => within(screen.getByRole('list', { name: 'Events' })).getAllByRole('listitem').filter((li) => li.classList.contains('activity-item'));

describe('OrgActivityPage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('says who did what, links what still exists and marks what was deleted', async () => {
    const { requests } = setup();
    await screen.findByRole('list', { name: 'Events' });
    const [updated, deleted, createdLost, createdKept, createdSa] = items();
    expect(updated!.textContent).toMatch(/^Credential ci changed by Oscar Operator/);
    expect(within(updated!).getByRole('list', { name: 'Changes' }).textContent).toBe('Name: “build” → changed to “ci”');
    expect(createdSa!.textContent).toMatch(/^Service account Deployer created by Ada Admin/);

    await waitFor(() => expect(within(createdKept!).getByRole('link', { name: 'ci' }).getAttribute('href')).toBe('/orgs/acme/service-accounts/sa-live/credentials/cr-kept'));
    expect(within(createdSa!).getByRole('link', { name: 'Deployer' }).getAttribute('href')).toBe('/orgs/acme/service-accounts/sa-live');
    // Deleted on this page: known without asking. Deleted elsewhere: the API's 404 says so.
    expect(within(deleted!).queryByRole('link', { name: 'old ci' })).toBeNull();
    await waitFor(() => expect(within(createdLost!).getByText('deleted')).toBeTruthy());
    expect(within(createdLost!).queryByRole('link', { name: 'removed elsewhere' })).toBeNull();
    // One request answers for the service account and all its credentials on the page.
    const checks = requests.filter((url) => !url.pathname.endsWith('/audit-events')).map((url) => url.pathname);
    expect(checks).toEqual(['/api/organizations/acme/service-accounts/sa-live/credentials']);
  });

  it('keeps the filters and the page in the URL and sends them to the API', async () => {
    const { requests, user } = setup('/orgs/acme/activity?target=cr-kept');
    expect(await screen.findByText(/Only credential “ci”/)).toBeTruthy();
    expect(requests[0]!.searchParams.get('target_id')).toBe('cr-kept');

    await user.selectOptions(screen.getByRole('combobox', { name: 'What' }), 'Credential changed');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Who' }), 'Oscar Operator');
    expect(screen.getByTestId('location').textContent).toBe('/orgs/acme/activity?actor=p-oscar&action=credential.updated&target=cr-kept');
    const last = requests.filter((url) => url.pathname.endsWith('/audit-events')).at(-1)!;
    expect(Object.fromEntries(last.searchParams)).toMatchObject({ actor_id: 'p-oscar', action: 'credential.updated', target_id: 'cr-kept' });

    await user.click(await screen.findByRole('button', { name: /Next/ }));
    expect(screen.getByTestId('location').textContent).toContain('after=CUR1');
    // Changing a filter starts again from the newest events.
    await user.click(screen.getByRole('button', { name: 'Show every target' }));
    expect(screen.getByTestId('location').textContent).toBe('/orgs/acme/activity?actor=p-oscar&action=credential.updated');
  });
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
