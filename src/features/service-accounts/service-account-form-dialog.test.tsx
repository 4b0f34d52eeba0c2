import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { TestProviders as wrapper } from '../../test/providers';
import { setupTestServer } from '../../test/test-server';
import { ServiceAccountFormDialog } from './service-account-form-dialog';

const server = setupTestServer();
const sent = () => server.requests.filter((r) => r.method !== 'GET');

describe('ServiceAccountFormDialog (create)', () => {

  it('validates before sending anything', async () => {
    const user = userEvent.setup();
    render(<ServiceAccountFormDialog mode="create" org="acme" open onClose={() => {}} />, { wrapper });
    await user.click(screen.getByRole('button', { name: 'Create service account' }));
    const name = await screen.findByRole('textbox', { name: /Name/ });
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Name is required')).toBeTruthy();
    expect(sent()).toEqual([]);
  });

  it('shows the server’s rule for invisible characters in a name, on the field, before sending', async () => {
    const user = userEvent.setup();
    render(<ServiceAccountFormDialog mode="create" org="acme" open onClose={() => {}} />, { wrapper });
    await user.type(screen.getByRole('textbox', { name: /Name/ }), 'pay\u200Broll');
    await user.click(screen.getByRole('button', { name: 'Create service account' }));
    expect(await screen.findByText('Name must not contain control or invisible characters')).toBeTruthy();
    expect(screen.getByRole('textbox', { name: /Name/ }).getAttribute('aria-invalid')).toBe('true');
    expect(sent()).toEqual([]);
  });

  it('puts a 409 on the name field and keeps the input', async () => {
    const user = userEvent.setup();
    server.addServiceAccount('acme', { name: 'billing' });
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
    expect(sent().map(({ method, path, body }) => ({ method, path, body }))).toEqual([
      { method: 'POST', path: '/organizations/acme/service-accounts', body: { name: 'billing', description: 'pays' } },
    ]);
  });

  it('sends once however often submit is pressed, then closes and reports the new account', async () => {
    const user = userEvent.setup();
    const post = server.hold('POST', '/service-accounts');
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
    expect(sent().filter((r) => r.method === 'POST')).toHaveLength(1);
    expect(submit.getAttribute('aria-busy')).toBe('true');

    post.release();
    await vi.waitFor(() => expect(onSaved).toHaveBeenCalledWith(expect.objectContaining({ name: 'billing' })));
    expect(onSaved.mock.calls[0]![0].id).toMatch(/^[0-9a-z]{26}$/);
    expect(onClose).toHaveBeenCalled();
    expect(await screen.findByText('Created service account billing')).toBeTruthy();
  });
});
