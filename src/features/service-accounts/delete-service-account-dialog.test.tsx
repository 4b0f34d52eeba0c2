import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { ServiceAccount } from '../../api/schemas';
import { TestProviders as wrapper } from '../../test/providers';
import { setupTestServer } from '../../test/test-server';
import { DeleteServiceAccountDialog } from './delete-service-account-dialog';

const server = setupTestServer();
const daysAgo = (d: number) => new Date(Date.now() - d * 86_400_000).toISOString();

function arrange() {
  const org = server.addOrganization();
  const row = server.addServiceAccount(org, { name: 'billing-worker', created_at: daysAgo(300) });
  for (const [name, lastUsed] of [['a', daysAgo(1)], ['b', daysAgo(29)], ['c', daysAgo(120)], ['d', null]] as const) {
    server.addCredential(row.id, { name, created_at: daysAgo(200), last_used_at: lastUsed });
  }
  const sa: ServiceAccount = { id: row.id, name: row.name, created_at: row.created_at, updated_at: row.updated_at };
  return { org, sa };
}

describe('DeleteServiceAccountDialog', () => {
  it('names what will be lost and deletes only after the name is typed', async () => {
    const { org, sa } = arrange();
    const user = userEvent.setup();
    const onDeleted = vi.fn();
    render(<DeleteServiceAccountDialog org={org} serviceAccount={sa} onClose={() => {}} onDeleted={onDeleted} />, {
      wrapper,
    });
    const dialog = screen.getByRole('dialog', { name: 'Delete billing-worker?' });
    expect(await screen.findByText(/credentials will be deleted too/)).toBeTruthy();
    expect(dialog.textContent).toContain('Its 4 credentials will be deleted too.');
    expect(dialog.textContent).toContain('2 were used in the last 30 days');
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toContain(
      `GET /organizations/${org}/service-accounts/${sa.id}/credentials`,
    );

    const confirm = screen.getByRole('button', { name: 'Delete service account' });
    expect(confirm.getAttribute('aria-disabled')).toBe('true');
    await user.click(confirm);
    await user.type(screen.getByRole('textbox', { name: /to confirm/ }), 'billing-work');
    await user.click(confirm);
    expect(server.requests.some((r) => r.method === 'DELETE')).toBe(false);

    await user.type(screen.getByRole('textbox', { name: /to confirm/ }), 'er');
    await user.click(confirm);
    await vi.waitFor(() => expect(onDeleted).toHaveBeenCalledWith(sa));
    expect(server.requests.filter((r) => r.method === 'DELETE').map((r) => r.path)).toEqual([
      `/organizations/${org}/service-accounts/${sa.id}`,
    ]);
    expect(await screen.findByText('Deleted service account billing-worker')).toBeTruthy();
    await expect(server.call('GET', `/organizations/${org}/service-accounts/${sa.id}`)).rejects.toThrow(/404/);
  });
});
