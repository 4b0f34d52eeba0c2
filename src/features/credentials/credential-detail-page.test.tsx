import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useParams } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CredentialDetailPage } from './credential-detail-page';
import {
  allCredentialPermissions,
  credentialFixture,
  CRED_ID,
  renderWithProviders,
  SA_ID,
  stubFetch,
  type FetchRoute,
} from './test-utils';

const DETAIL_PATH = /\/credentials\/[^/]+$/;
const SA_PATH = /\/service-accounts\/[^/]+$/;
const saBody = {
  id: SA_ID,
  name: 'Deployer',
  created_at: '2026-01-01T00:00:00.000Z',
  updated_at: '2026-01-01T00:00:00.000Z',
  permissions: allCredentialPermissions,
};

function Route() {
  const { org, serviceAccountId, credentialId } = useParams();
  return <CredentialDetailPage org={org!} serviceAccountId={serviceAccountId!} credentialId={credentialId!} />;
}

function renderPage(routes: FetchRoute[]) {
  const fetchStub = stubFetch([...routes, { method: 'GET', path: SA_PATH, respond: { status: 200, body: saBody } }]);
  const view = renderWithProviders(<Route />, {
    path: '/orgs/:org/service-accounts/:serviceAccountId/credentials/:credentialId',
    route: `/orgs/acme/service-accounts/${SA_ID}/credentials/${CRED_ID}`,
    otherRoutes: { '/orgs/acme/service-accounts/:serviceAccountId': <p>Service account page</p> },
  });
  return { ...fetchStub, ...view };
}

describe('CredentialDetailPage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows the credential with its last use explained', async () => {
    renderPage([
      {
        method: 'GET',
        path: DETAIL_PATH,
        respond: { status: 200, body: credentialFixture({ permissions: allCredentialPermissions }) },
      },
    ]);
    expect(await screen.findByRole('heading', { level: 1, name: 'Deploy bot' })).toBeTruthy();
    expect(screen.getByText('Used by CI')).toBeTruthy();
    expect(screen.getByText(CRED_ID)).toBeTruthy();
    expect(screen.getByText('client-abc123')).toBeTruthy();
    expect(screen.getByText('5 minutes ago')).toBeTruthy();
    expect(screen.getByText(/exchanged for an access token/)).toBeTruthy();
    expect(screen.getByText('Active')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Rotate' }).getAttribute('href')).toBe(
      `/orgs/acme/service-accounts/${SA_ID}/credentials/${CRED_ID}/rotate`,
    );
    expect(await screen.findByRole('link', { name: 'Deployer' })).toBeTruthy();
  });

  it('shows the rotation marker as a link to the rotation, not as description text', async () => {
    const oldId = 'oldcredential0000000000000';
    renderPage([
      {
        method: 'GET',
        path: DETAIL_PATH,
        respond: {
          status: 200,
          body: credentialFixture({ description: `Used by CI\n\nReplaces credential ${oldId} (sac_old)` }),
        },
      },
    ]);
    expect(await screen.findByText('Used by CI')).toBeTruthy();
    expect(screen.queryByText(/Replaces credential/)).toBeNull();
    expect(screen.getByRole('link', { name: 'sac_old' }).getAttribute('href')).toBe(
      `/orgs/acme/service-accounts/${SA_ID}/credentials/${oldId}/rotate`,
    );
  });

  it('renders a not-found state for a 404', async () => {
    renderPage([
      {
        method: 'GET',
        path: DETAIL_PATH,
        respond: { status: 404, body: { status: 404, code: 'not_found', message: 'Credential not found' } },
      },
    ]);
    expect(await screen.findByRole('heading', { name: 'Credential not found' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Back to the service account' }).getAttribute('href')).toBe(
      `/orgs/acme/service-accounts/${SA_ID}`,
    );
  });

  it('disables edit, delete and rotate when the credential map denies them', async () => {
    const readOnly = { service_account_credentials: { read: true, update: false, delete: false } };
    renderPage([
      { method: 'GET', path: DETAIL_PATH, respond: { status: 200, body: credentialFixture({ permissions: readOnly }) } },
    ]);
    await screen.findByRole('heading', { level: 1, name: 'Deploy bot' });
    expect(screen.getByRole('button', { name: 'Edit' }).getAttribute('aria-disabled')).toBe('true');
    expect(screen.getByRole('button', { name: 'Delete' }).getAttribute('aria-disabled')).toBe('true');
    expect(screen.getByRole('link', { name: 'Rotate' }).getAttribute('aria-disabled')).toBe('true');
  });

  it('edits name and description with the same form rules', async () => {
    const user = userEvent.setup();
    const { calls } = renderPage([
      {
        method: 'GET',
        path: DETAIL_PATH,
        respond: { status: 200, body: credentialFixture({ permissions: allCredentialPermissions }) },
      },
      {
        method: 'PATCH',
        path: DETAIL_PATH,
        respond: { status: 200, body: credentialFixture({ name: 'Deploy bot v2', description: '' }) },
      },
    ]);
    await user.click(await screen.findByRole('button', { name: 'Edit' }));
    const name = screen.getByRole('textbox', { name: /^Name/ }) as HTMLInputElement;
    expect(name.value).toBe('Deploy bot');
    await user.clear(name);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Name is required')).toBeTruthy();

    await user.type(name, 'Deploy bot v2');
    await user.clear(screen.getByRole('textbox', { name: /^Description/ }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Credential “Deploy bot v2” saved')).toBeTruthy();
    expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({ name: 'Deploy bot v2', description: '' });
  });

  it('never shows the rotation marker in the edit dialog, and keeps it when saving', async () => {
    const user = userEvent.setup();
    const marker = 'Replaces credential oldcredential0000000000000 (sac_old)';
    const { calls } = renderPage([
      {
        method: 'GET',
        path: DETAIL_PATH,
        respond: {
          status: 200,
          body: credentialFixture({ description: `Used by CI\n\n${marker}`, permissions: allCredentialPermissions }),
        },
      },
      { method: 'PATCH', path: DETAIL_PATH, respond: { status: 200, body: credentialFixture({ name: 'Renamed' }) } },
    ]);
    await user.click(await screen.findByRole('button', { name: 'Edit' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit credential' });
    const description = within(dialog).getByRole('textbox', { name: /^Description/ }) as HTMLTextAreaElement;
    expect(description.value).toBe('Used by CI');
    expect(dialog.textContent).not.toContain('Replaces credential');
    expect(dialog.textContent).toContain('that link is kept when you save');
    // The marker's length is reserved: the counter shows the room that is left.
    expect(dialog.textContent).toContain(`10 / ${1024 - marker.length - 2}`);

    await user.clear(description);
    await user.type(description, 'Deploys production');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await screen.findByText(/saved$/);
    // Only the changed field is sent (the name stayed), with the marker put back.
    expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({
      description: `Deploys production\n\n${marker}`,
    });
  });

  it('warns with the last use before deleting, then returns to the service account', async () => {
    const user = userEvent.setup();
    renderPage([
      {
        method: 'GET',
        path: DETAIL_PATH,
        respond: { status: 200, body: credentialFixture({ last_used_at: null, permissions: allCredentialPermissions }) },
      },
      { method: 'DELETE', path: DETAIL_PATH, respond: { status: 204 } },
    ]);
    await user.click(await screen.findByRole('button', { name: 'Delete' }));
    const confirm = screen.getByRole('heading', { name: 'Delete credential “Deploy bot”?' }).closest('dialog')!;
    expect(within(confirm).getByText(/^Never used/)).toBeTruthy();
    await user.click(within(confirm).getByRole('button', { name: 'Delete credential' }));
    expect(await screen.findByText('Service account page')).toBeTruthy();
    expect(screen.getByText('Credential “Deploy bot” deleted')).toBeTruthy();
  });
});
