import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { CredentialList, Permissions, ServiceAccount } from '../../api/schemas';
import { addDeployBot } from '../../test/credential-fixtures';
import { renderWithProviders } from '../../test/routing-fixtures';
import { setupTestServer, type DemoPersonName } from '../../test/test-server';
import { CredentialsPanel } from './credentials-panel';

const server = setupTestServer();
const LIST_PATH = /\/service-accounts\/[^/]+\/credentials\?/;

/** An organization with the Deployer account; `deployBot` adds its "Deploy bot" credential (client-abc123). */
function arrange() {
  const org = server.addOrganization();
  const sa = server.addServiceAccount(org, { name: 'Deployer' });
  const deployBot = (overrides: Parameters<typeof addDeployBot>[2] = {}) => addDeployBot(server, sa.id, overrides);
  const credentialPath = (id: string) => `/orgs/${org}/service-accounts/${sa.id}/credentials/${id}`;
  return { org, sa, deployBot, credentialPath };
}

/** The panel as the service account page shows it: the account as the signed-in person reads it (with its permissions). */
async function renderPanel(org: string, saId: string, { withPermissions = true, as = 'ada' }: { withPermissions?: boolean; as?: DemoPersonName } = {}) {
  const path = `/organizations/${org}/service-accounts/${saId}?expand[]=permissions`;
  const sa = await server.call<ServiceAccount>('GET', path, undefined, as);
  const serviceAccount = { id: sa.id, name: sa.name, permissions: withPermissions ? sa.permissions : undefined };
  return renderWithProviders(<CredentialsPanel org={org} serviceAccount={serviceAccount} />);
}

const row = async (name: string) => (await screen.findByRole('link', { name })).closest('tr')!;

describe('CredentialsPanel', () => {
  it('tells old and new apart: rotation badges linking to each other, and labels that name each one', async () => {
    const { org, sa, deployBot, credentialPath } = arrange();
    const old = deployBot();
    const replacement = deployBot({
      client_id: 'client-new999',
      description: `Used by CI\n\nReplaces credential ${old.id} (client-abc123)`,
    });
    await renderPanel(org, sa.id);
    const badge = await screen.findByRole('link', { name: 'Being replaced by Deploy bot (…new999)' });
    expect(badge.textContent).toBe('being replaced');
    expect(badge.getAttribute('href')).toBe(credentialPath(replacement.id));
    const back = screen.getByRole('link', { name: 'Replacement of Deploy bot (…abc123)' });
    expect(back.textContent).toBe('replacement');
    expect(back.getAttribute('href')).toBe(credentialPath(old.id));
    // Same names: every action says which credential it acts on.
    expect(screen.getByRole('link', { name: 'Rotate Deploy bot (…abc123)' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Rotate Deploy bot (…new999)' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Delete Deploy bot (…abc123)' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Delete Deploy bot (…new999)' })).toBeTruthy();
  });

  it('lists credentials with client ID, last use, status and links', async () => {
    const { org, sa, deployBot, credentialPath } = arrange();
    const bot = deployBot();
    const oldKey = deployBot({
      name: 'Old key',
      client_id: 'client-old-key',
      created_at: new Date(Date.now() - 200 * 86_400_000).toISOString(),
      last_used_at: null,
    });
    await renderPanel(org, sa.id);
    const active = await row('Deploy bot');
    expect(within(active).getByText('client-abc123')).toBeTruthy();
    expect(within(active).getByText('5 minutes ago')).toBeTruthy();
    expect(within(active).getByText('Active')).toBeTruthy();
    expect(within(active).queryByText('Rotation due')).toBeNull();
    expect(within(active).getByRole('link', { name: 'Deploy bot' }).getAttribute('href')).toBe(credentialPath(bot.id));

    const old = await row('Old key');
    expect(within(old).getByText('Never used')).toBeTruthy();
    expect(within(old).getByText('Stale')).toBeTruthy();
    expect(within(old).getByRole('link', { name: /^Rotation due · overdue by 1(09|10) days ?: rotate Old key \(due \d+ [A-Z][a-z]{2} \d{4}\)$/ }).getAttribute('href')).toBe(
      `${credentialPath(oldKey.id)}/rotate`,
    );
    expect(screen.getByText(/exchanged for an access token/)).toBeTruthy();
  });

  it('enables every action when the maps allow them', async () => {
    const { org, sa, deployBot } = arrange();
    deployBot();
    await renderPanel(org, sa.id);
    const r = await row('Deploy bot');
    expect(screen.getByRole('button', { name: 'Create credential' }).getAttribute('aria-disabled')).toBeNull();
    expect(within(r).getByRole('link', { name: 'Rotate Deploy bot' }).getAttribute('aria-disabled')).toBeNull();
    expect(within(r).getByRole('button', { name: 'Delete Deploy bot' }).getAttribute('aria-disabled')).toBeNull();
  });

  it('disables denied actions with the reason, and keeps them focusable', async () => {
    const { org, sa, deployBot } = arrange();
    deployBot();
    server.signIn('vera');
    const user = userEvent.setup();
    await renderPanel(org, sa.id, { as: 'vera' });
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
    const { org, sa, deployBot } = arrange();
    deployBot();
    // No role of this server has create without delete; another server's could.
    const noDelete: Permissions = { service_account_credentials: { read: true, update: true, delete: false } };
    server.editNext<CredentialList>('GET', LIST_PATH, (list) => ({
      ...list,
      items: list.items.map((item) => ({ ...item, permissions: noDelete })),
    }));
    await renderPanel(org, sa.id);
    const r = await row('Deploy bot');
    const rotate = within(r).getByRole('link', { name: 'Rotate Deploy bot' });
    expect(rotate.getAttribute('aria-disabled')).toBe('true');
    expect(document.getElementById(rotate.getAttribute('aria-describedby')!)?.textContent).toBe(
      'Only organization admins and service account operators can rotate credentials. (service_account_credentials.delete)',
    );
  });

  it('leaves actions enabled when there is no permissions map (unknown)', async () => {
    const { org, sa, deployBot } = arrange();
    deployBot();
    // A server that does not expand permissions (this one always does when asked).
    server.editNext<CredentialList>('GET', LIST_PATH, ({ items, page_info }) => ({
      items: items.map(({ permissions: _, ...item }) => item),
      page_info,
    }));
    await renderPanel(org, sa.id, { withPermissions: false });
    const r = await row('Deploy bot');
    expect(screen.getByRole('button', { name: 'Create credential' }).getAttribute('aria-disabled')).toBeNull();
    expect(within(r).getByRole('link', { name: 'Rotate Deploy bot' }).getAttribute('aria-disabled')).toBeNull();
    expect(within(r).getByRole('button', { name: 'Delete Deploy bot' }).getAttribute('aria-disabled')).toBeNull();
  });

  it('confirms a delete with the last use, then deletes', async () => {
    const { org, sa, deployBot } = arrange();
    const bot = deployBot();
    const user = userEvent.setup();
    await renderPanel(org, sa.id);
    await user.click(within(await row('Deploy bot')).getByRole('button', { name: 'Delete Deploy bot' }));
    expect(screen.getByText('Used 5 minutes ago: clients using it will fail.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Delete credential' }));
    expect(await screen.findByText('Credential “Deploy bot” deleted')).toBeTruthy();
    expect(server.requests.filter((c) => c.method === 'DELETE').map((c) => c.path)).toEqual([
      `/organizations/${org}/service-accounts/${sa.id}/credentials/${bot.id}`,
    ]);
  });

  it('shows an empty state that offers to create the first credential', async () => {
    const { org, sa } = arrange();
    await renderPanel(org, sa.id);
    expect(await screen.findByRole('heading', { name: 'No credentials yet' })).toBeTruthy();
    expect(screen.getAllByRole('button', { name: 'Create credential' })).toHaveLength(2);
  });

  it('shows an error with retry when the list fails', async () => {
    const { org, sa } = arrange();
    server.failNext('GET', LIST_PATH, 500, { message: 'Boom' });
    await renderPanel(org, sa.id);
    expect(await screen.findByRole('heading', { name: 'Could not load the credentials' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Retry' })).toBeTruthy();
  });

  it('pages with the cursors from page_info', async () => {
    const { org, sa, deployBot } = arrange();
    for (let i = 0; i < 26; i++) deployBot({ client_id: `client-${i}` });
    const firstPage = await server.call<CredentialList>('GET', `/organizations/${org}/service-accounts/${sa.id}/credentials?limit=25`);
    const user = userEvent.setup();
    await renderPanel(org, sa.id);
    await screen.findAllByRole('link', { name: 'Deploy bot' });
    await user.click(screen.getByRole('button', { name: /Next/ }));
    const last = server.requests.at(-1)!;
    expect(last.query.get('after')).toBe(firstPage.page_info.end_cursor);
    expect(last.query.get('limit')).toBe('25');
  });
});
