import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CreateCredentialDialog } from './create-credential-dialog';
import { renderWithProviders, SA_ID, stubFetch, type StubResponse } from './test-utils';

const CREATE_PATH = /\/organizations\/acme\/service-accounts\/[^/]+\/credentials$/;
const created = {
  id: 'cr0000000000000000000000009',
  client_id: 'client-new',
  client_secret: 'the-one-time-secret-value',
  name: 'Billing worker',
  created_at: '2026-01-02T03:04:05.000Z',
};

function Harness() {
  const [open, setOpen] = useState(true);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Open form
      </button>
      <CreateCredentialDialog org="acme" serviceAccountId={SA_ID} open={open} onClose={() => setOpen(false)} />
    </>
  );
}

function setup(respond: StubResponse) {
  const fetchStub = stubFetch([{ method: 'POST', path: CREATE_PATH, respond }]);
  const user = userEvent.setup();
  const view = renderWithProviders(<Harness />);
  return { user, ...fetchStub, ...view };
}

const nameInput = () => screen.getByRole('textbox', { name: /^Name/ }) as HTMLInputElement;
const descriptionInput = () => screen.getByRole('textbox', { name: /^Description/ }) as HTMLTextAreaElement;
const submitButton = () => screen.getByRole('button', { name: 'Create credential' });

describe('CreateCredentialDialog', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('requires a name (whitespace does not count) and sends nothing while invalid', async () => {
    const { user, fetchMock } = setup({ status: 201, body: created });
    await user.click(submitButton());
    expect(await screen.findByText('Name is required')).toBeTruthy();
    expect(nameInput().getAttribute('aria-invalid')).toBe('true');

    await user.type(nameInput(), '   ');
    await user.click(submitButton());
    expect(screen.getByText('Name is required')).toBeTruthy();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('puts server field errors on their fields and keeps the input', async () => {
    const { user } = setup({
      status: 400,
      body: {
        status: 400,
        code: 'invalid_request',
        message: 'Invalid body',
        details: [{ field: 'description', message: 'Description is not allowed here' }],
      },
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
    const { user } = setup({
      status: 409,
      body: { status: 409, code: 'conflict', message: 'A credential with this name already exists' },
    });
    await user.type(nameInput(), 'Billing worker');
    await user.click(submitButton());
    expect(await screen.findByText('A credential with this name already exists')).toBeTruthy();
    expect(nameInput().getAttribute('aria-invalid')).toBe('true');
  });

  it('shows other failures above the form and as a toast, keeping the input', async () => {
    const { user } = setup({
      status: 403,
      body: { status: 403, code: 'permission_denied', message: 'Missing service_account_credentials.create' },
    });
    await user.type(nameInput(), 'Billing worker');
    await user.click(submitButton());
    const form = nameInput().closest('form')!;
    expect((await within(form).findByRole('alert')).textContent).toMatch(/not allowed to create the credential/);
    expect(screen.getByRole('region', { name: 'Notifications' }).textContent).toMatch(/Could not create the credential/);
    expect(nameInput().value).toBe('Billing worker');
  });

  it('sends once on a double submit, then shows the secret once and forgets it on close', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { user, calls, queryClient } = setup(async () => {
      await gate;
      return { status: 201, body: created };
    });
    await user.type(nameInput(), '  Billing worker ');
    await user.click(submitButton());
    await user.click(submitButton());
    await user.keyboard('{Enter}');
    expect(submitButton().getAttribute('aria-busy')).toBe('true');
    await act(async () => release());

    const secret = (await screen.findByLabelText('Client secret')) as HTMLTextAreaElement;
    expect(secret.value).toBe(created.client_secret);
    const posts = calls.filter((c) => c.method === 'POST');
    expect(posts).toHaveLength(1);
    // Trimmed by the shared schema; an empty description is left out.
    expect(posts[0]!.body).toEqual({ name: 'Billing worker' });
    expect(screen.queryByRole('textbox', { name: /^Name/ })).toBeNull();

    await user.click(screen.getByLabelText('I have stored the secret'));
    await user.click(screen.getByRole('button', { name: 'Done' }));

    await waitFor(() => expect(screen.queryByLabelText('Client secret')).toBeNull());
    expect(document.body.innerHTML).not.toContain(created.client_secret);
    const cached = JSON.stringify([
      queryClient.getQueryCache().getAll().map((q) => q.state),
      queryClient.getMutationCache().getAll().map((m) => m.state),
    ]);
    expect(cached).not.toContain(created.client_secret);

    // Opening the form again starts empty.
    await user.click(screen.getByRole('button', { name: 'Open form' }));
    expect(nameInput().value).toBe('');
  });
});
