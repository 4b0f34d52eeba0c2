import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { apiRequest } from '../../api/client';
import type { Credential, ServiceAccount } from '../../api/schemas';
import { TestProviders as wrapper } from '../../test/providers';
import { DeleteServiceAccountDialog } from './delete-service-account-dialog';

vi.mock('../../api/client', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../api/client')>()),
  apiRequest: vi.fn(),
}));

const daysAgo = (d: number) => new Date(Date.now() - d * 86_400_000).toISOString();
const credential = (id: string, lastUsed: string | null): Credential => ({
  id,
  client_id: `client-${id}`,
  name: id,
  created_at: daysAgo(200),
  last_used_at: lastUsed,
});
const sa: ServiceAccount = { id: 'sa1', name: 'billing-worker', created_at: daysAgo(300), updated_at: daysAgo(300) };

describe('DeleteServiceAccountDialog', () => {
  beforeEach(() => {
    vi.mocked(apiRequest).mockReset();
    vi.mocked(apiRequest).mockImplementation(async (path, options) => {
      if (options?.method === 'DELETE') return undefined as never;
      expect(path).toBe('/organizations/acme/service-accounts/sa1/credentials');
      return {
        items: [credential('a', daysAgo(1)), credential('b', daysAgo(29)), credential('c', daysAgo(120)), credential('d', null)],
        page_info: { has_next_page: false, has_prev_page: false },
      } as never;
    });
  });

  it('names what will be lost and deletes only after the name is typed', async () => {
    const user = userEvent.setup();
    const onDeleted = vi.fn();
    render(<DeleteServiceAccountDialog org="acme" serviceAccount={sa} onClose={() => {}} onDeleted={onDeleted} />, {
      wrapper,
    });
    const dialog = screen.getByRole('dialog', { name: 'Delete billing-worker?' });
    expect(await screen.findByText(/credentials will be deleted too/)).toBeTruthy();
    expect(dialog.textContent).toContain('Its 4 credentials will be deleted too.');
    expect(dialog.textContent).toContain('2 were used in the last 30 days');

    const confirm = screen.getByRole('button', { name: 'Delete service account' });
    expect(confirm.getAttribute('aria-disabled')).toBe('true');
    await user.click(confirm);
    await user.type(screen.getByRole('textbox', { name: /to confirm/ }), 'billing-work');
    await user.click(confirm);
    expect(vi.mocked(apiRequest).mock.calls.some(([, o]) => o?.method === 'DELETE')).toBe(false);

    await user.type(screen.getByRole('textbox', { name: /to confirm/ }), 'er');
    await user.click(confirm);
    await vi.waitFor(() => expect(onDeleted).toHaveBeenCalledWith(sa));
    expect(apiRequest).toHaveBeenCalledWith(
      '/organizations/acme/service-accounts/sa1',
      expect.objectContaining({ method: 'DELETE' }),
    );
    expect(await screen.findByText('Deleted service account billing-worker')).toBeTruthy();
  });
});
