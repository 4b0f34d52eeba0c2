import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ROUTES } from '../../lib/paths';
import { useRouteParams } from '../../lib/route-params';
import { addDeployBot } from '../../test/credential-fixtures';
import { renderWithProviders } from '../../test/routing-fixtures';
import { setupTestServer } from '../../test/test-server';
import { CredentialDetailPage } from './credential-detail-page';

const server = setupTestServer();
// Valid as an id, and no credential has it.
const MISSING_ID = 'missing0000000000000000000';

function Route() {
  const { org, serviceAccountId, credentialId } = useRouteParams(ROUTES.credential);
  return <CredentialDetailPage org={org} serviceAccountId={serviceAccountId} credentialId={credentialId} />;
}

/** The Deployer account's "Deploy bot" credential (client-abc123), opened on its page. */
function renderPage(overrides: { description?: string; last_used_at?: string | null } | 'missing' = {}) {
  const org = server.addOrganization();
  const sa = server.addServiceAccount(org, { name: 'Deployer' });
  const credential = overrides === 'missing' ? undefined : addDeployBot(server, sa.id, overrides);
  const id = credential?.id ?? MISSING_ID;
  const view = renderWithProviders(<Route />, {
    path: ROUTES.credential,
    route: `/orgs/${org}/service-accounts/${sa.id}/credentials/${id}`,
    otherRoutes: { [ROUTES.serviceAccount]: <p>Service account page</p> },
  });
  const patches = () => server.requests.filter((c) => c.method === 'PATCH');
  return { ...view, org, sa, id, patches };
}

describe('CredentialDetailPage', () => {
  it('shows the credential with its last use explained', async () => {
    const { org, sa, id } = renderPage();
    expect(await screen.findByRole('heading', { level: 1, name: 'Deploy bot' })).toBeTruthy();
    expect(screen.getByText('Used by CI')).toBeTruthy();
    expect(screen.getByText(id)).toBeTruthy();
    expect(screen.getByText('client-abc123')).toBeTruthy();
    expect(screen.getByText('5 minutes ago')).toBeTruthy();
    expect(screen.getByText(/exchanged for an access token/)).toBeTruthy();
    expect(screen.getByText('Active')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Rotate' }).getAttribute('href')).toBe(
      `/orgs/${org}/service-accounts/${sa.id}/credentials/${id}/rotate`,
    );
    expect(await screen.findByRole('link', { name: 'Deployer' })).toBeTruthy();
  });

  it('shows the rotation marker as a link to the rotation, not as description text', async () => {
    const oldId = 'oldcredential0000000000000';
    const { org, sa } = renderPage({ description: `Used by CI\n\nReplaces credential ${oldId} (sac_old)` });
    expect(await screen.findByText('Used by CI')).toBeTruthy();
    expect(screen.queryByText(/Replaces credential/)).toBeNull();
    expect(screen.getByRole('link', { name: 'sac_old' }).getAttribute('href')).toBe(
      `/orgs/${org}/service-accounts/${sa.id}/credentials/${oldId}/rotate`,
    );
  });

  it('renders a not-found state for a 404', async () => {
    const { org, sa } = renderPage('missing');
    expect(await screen.findByRole('heading', { name: 'Credential not found' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Back to the service account' }).getAttribute('href')).toBe(
      `/orgs/${org}/service-accounts/${sa.id}`,
    );
  });

  it('disables edit, delete and rotate when the credential map denies them', async () => {
    server.signIn('vera');
    renderPage();
    await screen.findByRole('heading', { level: 1, name: 'Deploy bot' });
    expect(screen.getByRole('button', { name: 'Edit' }).getAttribute('aria-disabled')).toBe('true');
    expect(screen.getByRole('button', { name: 'Delete' }).getAttribute('aria-disabled')).toBe('true');
    expect(screen.getByRole('link', { name: 'Rotate' }).getAttribute('aria-disabled')).toBe('true');
  });

  it('edits name and description with the same form rules', async () => {
    const user = userEvent.setup();
    const { patches } = renderPage();
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
    expect(patches()[0]?.body).toEqual({ name: 'Deploy bot v2', description: '' });
  });

  it('never shows the rotation marker in the edit dialog, and keeps it when saving', async () => {
    const user = userEvent.setup();
    const marker = 'Replaces credential oldcredential0000000000000 (sac_old)';
    const { patches } = renderPage({ description: `Used by CI\n\n${marker}` });
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
    expect(patches()[0]?.body).toEqual({
      description: `Deploys production\n\n${marker}`,
    });
  });

  it('warns with the last use before deleting, then returns to the service account', async () => {
    const user = userEvent.setup();
    renderPage({ last_used_at: null });
    await user.click(await screen.findByRole('button', { name: 'Delete' }));
    const confirm = screen.getByRole('heading', { name: 'Delete credential “Deploy bot”?' }).closest('dialog')!;
    expect(within(confirm).getByText(/^Never used/)).toBeTruthy();
    await user.click(within(confirm).getByRole('button', { name: 'Delete credential' }));
    expect(await screen.findByText('Service account page')).toBeTruthy();
    expect(screen.getByText('Credential “Deploy bot” deleted')).toBeTruthy();
  });
});
