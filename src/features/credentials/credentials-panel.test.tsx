import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Permissions } from '../../api/schemas';
import { CredentialsPanel } from './credentials-panel';
import {
  allCredentialPermissions,
  credentialFixture,
  CRED_ID,
  renderWithProviders,
  SA_ID,
  stubFetch,
} from './test-utils';

const LIST_PATH = /\/organizations\/acme\/service-accounts\/[^/]+\/credentials$/;

function listBody(items: unknown[], pageInfo: Record<string, unknown> = {}) {
  return {
    items,
    page_info: { has_next_page: false, has_prev_page: false, ...pageInfo },
    permissions: allCredentialPermissions,
  };
}

function renderPanel(saPermissions: Permissions | undefined, items: unknown[]) {
  const fetchStub = stubFetch([{ method: 'GET', path: LIST_PATH, respond: { status: 200, body: listBody(items) } }]);
  const view = renderWithProviders(
    <CredentialsPanel org="acme" serviceAccount={{ id: SA_ID, name: 'Deployer', permissions: saPermissions }} />,
  );
  return { ...fetchStub, ...view };
}

const row = async (name: string) => (await screen.findByRole('link', { name })).closest('tr')!;

describe('CredentialsPanel', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('tells old and new apart: rotation badges linking to each other, and labels that name each one', async () => {
    const NEW_ID = 'cr0000000000000000000000002';
    renderPanel(allCredentialPermissions, [
      credentialFixture({
        id: NEW_ID,
        client_id: 'client-new999',
        description: `Used by CI\n\nReplaces credential ${CRED_ID} (client-abc123)`,
      }),
      credentialFixture(),
    ]);
    const badge = await screen.findByRole('link', { name: 'Being replaced by Deploy bot (…new999)' });
    expect(badge.textContent).toBe('being replaced');
    expect(badge.getAttribute('href')).toBe(`/orgs/acme/service-accounts/${SA_ID}/credentials/${NEW_ID}`);
    const back = screen.getByRole('link', { name: 'Replacement of Deploy bot (…abc123)' });
    expect(back.textContent).toBe('replacement');
    expect(back.getAttribute('href')).toBe(`/orgs/acme/service-accounts/${SA_ID}/credentials/${CRED_ID}`);
    // Same names: every action says which credential it acts on.
    expect(screen.getByRole('link', { name: 'Rotate Deploy bot (…abc123)' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Rotate Deploy bot (…new999)' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Delete Deploy bot (…abc123)' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Delete Deploy bot (…new999)' })).toBeTruthy();
  });

  it('lists credentials with client ID, last use, status and links', async () => {
    renderPanel(allCredentialPermissions, [
      credentialFixture(),
      credentialFixture({
        id: 'cr0000000000000000000000002',
        name: 'Old key',
        created_at: new Date(Date.now() - 200 * 86_400_000).toISOString(),
        last_used_at: null,
      }),
    ]);
    const active = await row('Deploy bot');
    expect(within(active).getByText('client-abc123')).toBeTruthy();
    expect(within(active).getByText('5 minutes ago')).toBeTruthy();
    expect(within(active).getByText('Active')).toBeTruthy();
    expect(within(active).queryByText('Rotation due')).toBeNull();
    expect(within(active).getByRole('link', { name: 'Deploy bot' }).getAttribute('href')).toBe(
      `/orgs/acme/service-accounts/${SA_ID}/credentials/${CRED_ID}`,
    );

    const old = await row('Old key');
    expect(within(old).getByText('Never used')).toBeTruthy();
    expect(within(old).getByText('Stale')).toBeTruthy();
    expect(within(old).getByRole('link', { name: /^Rotation due · overdue by 1(09|10) days ?: rotate Old key \(due \d+ [A-Z][a-z]{2} \d{4}\)$/ }).getAttribute('href')).toBe(
      `/orgs/acme/service-accounts/${SA_ID}/credentials/cr0000000000000000000000002/rotate`,
    );
    expect(screen.getByText(/exchanged for an access token/)).toBeTruthy();
  });

  it('enables every action when the maps allow them', async () => {
    renderPanel(allCredentialPermissions, [credentialFixture({ permissions: allCredentialPermissions })]);
    const r = await row('Deploy bot');
    expect(screen.getByRole('button', { name: 'Create credential' }).getAttribute('aria-disabled')).toBeNull();
    expect(within(r).getByRole('link', { name: 'Rotate Deploy bot' }).getAttribute('aria-disabled')).toBeNull();
    expect(within(r).getByRole('button', { name: 'Delete Deploy bot' }).getAttribute('aria-disabled')).toBeNull();
  });

  it('disables denied actions with the reason, and keeps them focusable', async () => {
    const viewer = { service_account_credentials: { read: true, create: false, update: false, delete: false } };
    const user = userEvent.setup();
    renderPanel(viewer, [credentialFixture({ permissions: viewer })]);
    const r = await row('Deploy bot');

    const create = screen.getAllByRole('button', { name: 'Create credential' })[0]!;
    expect(create.getAttribute('aria-disabled')).toBe('true');
    expect(create).toHaveProperty('disabled', false);
    expect(document.getElementById(create.getAttribute('aria-describedby')!)?.textContent).toBe(
      'Only organization admins and service account operators can create credentials. (service_account_credentials.create)',
    );
    await user.click(create);
    expect(screen.queryByRole('textbox', { name: /^Name/ })).toBeNull();

    const rotate = within(r).getByRole('link', { name: 'Rotate Deploy bot' });
    expect(rotate.getAttribute('aria-disabled')).toBe('true');
    expect(document.getElementById(rotate.getAttribute('aria-describedby')!)?.textContent).toBe(
      'Only organization admins and service account operators can rotate credentials. (service_account_credentials.create and service_account_credentials.delete)',
    );

    const del = within(r).getByRole('button', { name: 'Delete Deploy bot' });
    expect(del.getAttribute('aria-disabled')).toBe('true');
    await user.click(del);
    expect(screen.queryByRole('heading', { name: /Delete credential/ })).toBeNull();
  });

  it('gates rotate on the item delete right even when create is allowed (operator without delete)', async () => {
    const noDelete = { service_account_credentials: { read: true, update: true, delete: false } };
    renderPanel(allCredentialPermissions, [credentialFixture({ permissions: noDelete })]);
    const r = await row('Deploy bot');
    const rotate = within(r).getByRole('link', { name: 'Rotate Deploy bot' });
    expect(rotate.getAttribute('aria-disabled')).toBe('true');
    expect(document.getElementById(rotate.getAttribute('aria-describedby')!)?.textContent).toBe(
      'Only organization admins and service account operators can rotate credentials. (service_account_credentials.delete)',
    );
  });

  it('leaves actions enabled when there is no permissions map (unknown)', async () => {
    stubFetch([
      {
        method: 'GET',
        path: LIST_PATH,
        respond: { status: 200, body: { items: [credentialFixture()], page_info: { has_next_page: false, has_prev_page: false } } },
      },
    ]);
    renderWithProviders(<CredentialsPanel org="acme" serviceAccount={{ id: SA_ID, name: 'Deployer' }} />);
    const r = await row('Deploy bot');
    expect(screen.getByRole('button', { name: 'Create credential' }).getAttribute('aria-disabled')).toBeNull();
    expect(within(r).getByRole('link', { name: 'Rotate Deploy bot' }).getAttribute('aria-disabled')).toBeNull();
    expect(within(r).getByRole('button', { name: 'Delete Deploy bot' }).getAttribute('aria-disabled')).toBeNull();
  });

  it('confirms a delete with the last use, then deletes', async () => {
    const user = userEvent.setup();
    const { calls } = stubFetch([
      { method: 'GET', path: LIST_PATH, respond: { status: 200, body: listBody([credentialFixture()]) } },
      { method: 'DELETE', path: /\/credentials\/[^/]+$/, respond: { status: 204 } },
    ]);
    renderWithProviders(<CredentialsPanel org="acme" serviceAccount={{ id: SA_ID, name: 'Deployer' }} />);
    await user.click(within(await row('Deploy bot')).getByRole('button', { name: 'Delete Deploy bot' }));
    expect(screen.getByText('Used 5 minutes ago: clients using it will fail.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Delete credential' }));
    expect(await screen.findByText('Credential “Deploy bot” deleted')).toBeTruthy();
    expect(calls.filter((c) => c.method === 'DELETE').map((c) => new URL(c.url, 'http://x').pathname)).toEqual([
      `/api/organizations/acme/service-accounts/${SA_ID}/credentials/${CRED_ID}`,
    ]);
  });

  it('shows an empty state that offers to create the first credential', async () => {
    renderPanel(allCredentialPermissions, []);
    expect(await screen.findByRole('heading', { name: 'No credentials yet' })).toBeTruthy();
    expect(screen.getAllByRole('button', { name: 'Create credential' })).toHaveLength(2);
  });

  it('shows an error with retry when the list fails', async () => {
    stubFetch([
      { method: 'GET', path: LIST_PATH, respond: { status: 500, body: { status: 500, code: 'internal', message: 'Boom' } } },
    ]);
    renderWithProviders(<CredentialsPanel org="acme" serviceAccount={{ id: SA_ID, name: 'Deployer' }} />);
    expect(await screen.findByRole('heading', { name: 'Could not load the credentials' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Retry' })).toBeTruthy();
  });

  it('pages with the cursors from page_info', async () => {
    const user = userEvent.setup();
    const { calls } = stubFetch([
      {
        method: 'GET',
        path: LIST_PATH,
        respond: { status: 200, body: listBody([credentialFixture()], { has_next_page: true, end_cursor: 'CURSOR-1' }) },
      },
    ]);
    renderWithProviders(<CredentialsPanel org="acme" serviceAccount={{ id: SA_ID, name: 'Deployer' }} />);
    await row('Deploy bot');
    await user.click(screen.getByRole('button', { name: /Next/ }));
    const lastUrl = new URL(calls.at(-1)!.url, 'http://x');
    expect(lastUrl.searchParams.get('after')).toBe('CURSOR-1');
    expect(lastUrl.searchParams.get('limit')).toBe('25');
  });
});
