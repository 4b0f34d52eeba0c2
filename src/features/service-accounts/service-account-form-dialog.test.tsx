import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, apiRequest } from '../../api/client';
import { TestProviders as wrapper } from '../../test/providers';
import { ServiceAccountFormDialog } from './service-account-form-dialog';

vi.mock('../../api/client', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../api/client')>()),
  apiRequest: vi.fn(),
}));

const created = {
  id: 'sa1',
  name: 'billing',
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-01T00:00:00Z',
};

describe('ServiceAccountFormDialog (create)', () => {
  beforeEach(() => {
    vi.mocked(apiRequest).mockReset();
  });

  it('validates before sending anything', async () => {
    const user = userEvent.setup();
    render(<ServiceAccountFormDialog mode="create" org="acme" open onClose={() => {}} />, { wrapper });
    await user.click(screen.getByRole('button', { name: 'Create service account' }));
    const name = await screen.findByRole('textbox', { name: /Name/ });
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Name is required')).toBeTruthy();
    expect(apiRequest).not.toHaveBeenCalled();
  });

  it('shows the server’s rule for invisible characters in a name, on the field, before sending', async () => {
    const user = userEvent.setup();
    render(<ServiceAccountFormDialog mode="create" org="acme" open onClose={() => {}} />, { wrapper });
    await user.type(screen.getByRole('textbox', { name: /Name/ }), 'pay\u200Broll');
    await user.click(screen.getByRole('button', { name: 'Create service account' }));
    expect(await screen.findByText('Name must not contain control or invisible characters')).toBeTruthy();
    expect(screen.getByRole('textbox', { name: /Name/ }).getAttribute('aria-invalid')).toBe('true');
    expect(apiRequest).not.toHaveBeenCalled();
  });

  it('puts a 409 on the name field and keeps the input', async () => {
    const user = userEvent.setup();
    vi.mocked(apiRequest).mockRejectedValue(
      new ApiError({ status: 409, code: 'conflict', message: 'Service account name already in use' }),
    );
    const onClose = vi.fn();
    render(<ServiceAccountFormDialog mode="create" org="acme" open onClose={onClose} />, { wrapper });
    await user.type(screen.getByRole('textbox', { name: /Name/ }), 'billing');
    await user.type(screen.getByRole('textbox', { name: /Description/ }), 'pays');
    await user.click(screen.getByRole('button', { name: 'Create service account' }));

    expect(await screen.findByText('A service account with this name already exists')).toBeTruthy();
    const name = screen.getByRole('textbox', { name: /Name/ }) as HTMLInputElement;
    expect(name.value).toBe('billing');
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect((screen.getByRole('textbox', { name: /Description/ }) as HTMLTextAreaElement).value).toBe('pays');
    expect(onClose).not.toHaveBeenCalled();
    expect(apiRequest).toHaveBeenCalledWith(
      '/organizations/acme/service-accounts',
      expect.objectContaining({ method: 'POST', body: { name: 'billing', description: 'pays' } }),
    );
  });

  it('sends once however often submit is pressed, then closes and reports the new account', async () => {
    const user = userEvent.setup();
    let resolve!: (value: unknown) => void;
    vi.mocked(apiRequest).mockImplementation(
      (_path, options) =>
        (options?.method === 'POST' ? new Promise((r) => (resolve = r)) : Promise.resolve(undefined)) as never,
    );
    const onClose = vi.fn();
    const onSaved = vi.fn();
    render(<ServiceAccountFormDialog mode="create" org="acme" open onClose={onClose} onSaved={onSaved} />, {
      wrapper,
    });
    await user.type(screen.getByRole('textbox', { name: /Name/ }), 'billing');
    const submit = screen.getByRole('button', { name: 'Create service account' });
    await user.dblClick(submit);
    await user.click(submit);
    await user.keyboard('{Enter}');
    const posts = vi.mocked(apiRequest).mock.calls.filter(([, o]) => o?.method === 'POST');
    expect(posts).toHaveLength(1);
    expect(submit.getAttribute('aria-busy')).toBe('true');

    resolve(created);
    await vi.waitFor(() => expect(onSaved).toHaveBeenCalledWith(created));
    expect(onClose).toHaveBeenCalled();
    expect(await screen.findByText('Created service account billing')).toBeTruthy();
  });
});
