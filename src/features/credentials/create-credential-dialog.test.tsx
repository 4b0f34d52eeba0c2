import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import type { Credential } from '../../api/schemas';
import { renderWithProviders } from '../../test/routing-fixtures';
import { setupTestServer } from '../../test/test-server';
import { CreateCredentialDialog } from './create-credential-dialog';

const server = setupTestServer();
const CREATE_PATH = /\/organizations\/acme\/service-accounts\/[^/]+\/credentials$/;

function Harness({ serviceAccountId }: { serviceAccountId: string }) {
  const [open, setOpen] = useState(true);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Open form
      </button>
      <CreateCredentialDialog org="acme" serviceAccountId={serviceAccountId} open={open} onClose={() => setOpen(false)} />
    </>
  );
}

function setup() {
  const sa = server.addServiceAccount('acme', { name: 'credential dialog test' });
  const user = userEvent.setup();
  const view = renderWithProviders(<Harness serviceAccountId={sa.id} />);
  return { user, sa, ...view };
}

const nameInput = () => screen.getByRole('textbox', { name: /^Name/ }) as HTMLInputElement;
const descriptionInput = () => screen.getByRole('textbox', { name: /^Description/ }) as HTMLTextAreaElement;
const submitButton = () => screen.getByRole('button', { name: 'Create credential' });

describe('CreateCredentialDialog', () => {
  it('requires a name (whitespace does not count) and sends nothing while invalid', async () => {
    const { user } = setup();
    await user.click(submitButton());
    expect(await screen.findByText('Name is required')).toBeTruthy();
    expect(nameInput().getAttribute('aria-invalid')).toBe('true');

    await user.type(nameInput(), '   ');
    await user.click(submitButton());
    expect(screen.getByText('Name is required')).toBeTruthy();
    expect(server.requests).toEqual([]);
  });

  it('puts server field errors on their fields and keeps the input', async () => {
    const { user } = setup();
    server.failNext('POST', CREATE_PATH, 400, {
      message: 'Invalid body',
      details: [{ field: 'description', message: 'Description is not allowed here' }],
    });
    await user.type(nameInput(), 'Billing worker');
    await user.type(descriptionInput(), 'nightly');
    await user.click(submitButton());

    expect(await screen.findByText('Description is not allowed here')).toBeTruthy();
    expect(descriptionInput().getAttribute('aria-invalid')).toBe('true');
    expect(nameInput().value).toBe('Billing worker');
    expect(descriptionInput().value).toBe('nightly');
    // A field error is not repeated as a form-level alert.
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('maps a 409 without details onto the name field', async () => {
    const { user } = setup();
    server.failNext('POST', CREATE_PATH, 409, { message: 'A credential with this name already exists' });
    await user.type(nameInput(), 'Billing worker');
    await user.click(submitButton());
    expect(await screen.findByText('A credential with this name already exists')).toBeTruthy();
    expect(nameInput().getAttribute('aria-invalid')).toBe('true');
  });

  it('shows other failures above the form and as a toast, keeping the input', async () => {
    const { user } = setup();
    server.signIn('vera');
    await user.type(nameInput(), 'Billing worker');
    await user.click(submitButton());
    const form = nameInput().closest('form')!;
    expect((await within(form).findByRole('alert')).textContent).toMatch(/not allowed to create the credential/);
    expect(screen.getByRole('region', { name: 'Notifications' }).textContent).toMatch(/Could not create the credential/);
    expect(nameInput().value).toBe('Billing worker');
  });

  it('sends once on a double submit, then shows the secret once and forgets it on close', async () => {
    const { user, sa, queryClient } = setup();
    const post = server.hold('POST', CREATE_PATH);
    await user.type(nameInput(), '  Billing worker ');
    await user.click(submitButton());
    await user.click(submitButton());
    await user.keyboard('{Enter}');
    expect(submitButton().getAttribute('aria-busy')).toBe('true');
    await act(async () => post.release());

    const secret = (await screen.findByLabelText('Client secret')) as HTMLTextAreaElement;
    const created = (await server.call<{ items: Credential[] }>('GET', `/organizations/acme/service-accounts/${sa.id}/credentials`)).items[0]!;
    expect(server.isSecretOf(created.client_id, secret.value)).toBe(true);
    const clientSecret = secret.value;
    const posts = server.requests.filter((c) => c.method === 'POST');
    expect(posts).toHaveLength(1);
    // Trimmed by the shared schema; an empty description is left out.
    expect(posts[0]!.body).toEqual({ name: 'Billing worker' });
    expect(screen.queryByRole('textbox', { name: /^Name/ })).toBeNull();

    await user.click(screen.getByLabelText('I have stored the secret'));
    await user.click(screen.getByRole('button', { name: 'Done' }));

    await waitFor(() => expect(screen.queryByLabelText('Client secret')).toBeNull());
    expect(document.body.innerHTML).not.toContain(clientSecret);
    const cached = JSON.stringify([
      queryClient.getQueryCache().getAll().map((q) => q.state),
      queryClient.getMutationCache().getAll().map((m) => m.state),
    ]);
    expect(cached).not.toContain(clientSecret);

    // Opening the form again starts empty.
    await user.click(screen.getByRole('button', { name: 'Open form' }));
    expect(nameInput().value).toBe('');
  });
});
