import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { reactTreeHolds } from '../../test/fiber-search';
import { CreateCredentialDialog } from './create-credential-dialog';
import { renderWithProviders, SA_ID, stubFetch } from './test-utils';

const created = {
  id: 'cr0000000000000000000000009',
  client_id: 'client-new',
  client_secret: 'sacs_only-shown-once-0123456789',
  name: 'Billing worker',
  created_at: '2026-01-02T03:04:05.000Z',
};

function Harness() {
  const [open, setOpen] = useState(true);
  return <CreateCredentialDialog org="acme" serviceAccountId={SA_ID} open={open} onClose={() => setOpen(false)} />;
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('the one-time secret', () => {
  it('is no longer held by any React fiber (nor the caches) once its dialog closes', async () => {
    stubFetch([{ method: 'POST', path: /\/credentials$/, respond: { status: 201, body: created } }]);
    const user = userEvent.setup();
    const { container, queryClient } = renderWithProviders(<Harness />);

    await user.type(screen.getByRole('textbox', { name: /^Name/ }), created.name);
    await user.click(screen.getByRole('button', { name: 'Create credential' }));
    expect(await screen.findByLabelText('Client secret')).toBeTruthy();
    // The search does see it while the dialog is open.
    expect(reactTreeHolds(container, created.client_secret)).toBe(true);

    await user.click(screen.getByLabelText('I have stored the secret'));
    await user.click(screen.getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(screen.queryByLabelText('Client secret')).toBeNull());

    // Not even on the alternate fibers React keeps from the previous render.
    expect(reactTreeHolds(container, created.client_secret)).toBe(false);
    const cached = JSON.stringify([
      queryClient.getQueryCache().getAll().map((q) => q.state),
      queryClient.getMutationCache().getAll().map((m) => m.state),
    ]);
    expect(cached).not.toContain(created.client_secret);
  });
});
